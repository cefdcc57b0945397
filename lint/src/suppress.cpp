// Inline control comments:
//   {% comment %}liquid-lint-disable RULE[, RULE]{% endcomment %} ... liquid-lint-enable RULE
//   {% # liquid-lint-disable-next-line RULE %}
// A directive without rule names applies to every rule.
#include <algorithm>

#include "internal.hpp"

namespace lint::detail {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// After `{%` (and an optional `-`) at `at`: skip blanks, return the position of the tag name.
std::size_t tag_name_at(std::string_view s, std::size_t at) {
  at += 2;
  if (at < s.size() && s[at] == '-') ++at;
  while (at < s.size() && space(s[at])) ++at;
  return at;
}

bool word_at(std::string_view s, std::size_t at, std::string_view word) {
  if (s.compare(at, word.size(), word) != 0) return false;
  const std::size_t end = at + word.size();
  return end >= s.size() || !is_word_char(s[end]);
}

std::size_t line_end(std::string_view s, std::size_t at) {
  std::size_t nl = s.find('\n', at);
  return nl == npos ? s.size() : nl;
}

struct Directive {
  enum class Kind { disable, enable, disable_next_line } kind;
  std::vector<std::string> rules;  // empty: all
};

// Directives in the text of one comment, one per line.
std::vector<Directive> parse_directives(std::string_view text) {
  static constexpr std::string_view prefix = "liquid-lint-";
  std::vector<Directive> out;
  std::size_t pos = 0;
  while ((pos = text.find(prefix, pos)) != npos) {
    std::size_t at = pos + prefix.size();
    Directive d{};
    if (text.compare(at, 17, "disable-next-line") == 0) {
      d.kind = Directive::Kind::disable_next_line;
      at += 17;
    } else if (text.compare(at, 7, "disable") == 0) {
      d.kind = Directive::Kind::disable;
      at += 7;
    } else if (text.compare(at, 6, "enable") == 0) {
      d.kind = Directive::Kind::enable;
      at += 6;
    } else {
      pos = at;
      continue;
    }
    if (at < text.size() && is_word_char(text[at])) {
      pos = at;
      continue;
    }
    // Rule ids up to the end of the line, separated by blanks or commas.
    const std::size_t end = line_end(text, at);
    std::size_t k = at;
    while (k < end) {
      while (k < end && (space(text[k]) || text[k] == ',')) ++k;
      std::size_t b = k;
      while (k < end && (is_word_char(text[k]) || text[k] == '-')) ++k;
      if (k > b) d.rules.emplace_back(text.substr(b, k - b));
      else if (k < end) break;  // anything else ends the list (e.g. `--` and a reason)
    }
    out.push_back(std::move(d));
    pos = end;
  }
  return out;
}

}  // namespace

Suppressions::Suppressions(std::string_view s) {
  if (s.find("liquid-lint-") == npos) return;
  struct Open {
    std::string rule;
    std::size_t begin;
  };
  std::vector<Open> open;
  std::size_t pos = 0;
  while ((pos = s.find("{%", pos)) != npos) {
    const std::size_t name = tag_name_at(s, pos);
    std::string_view text;
    std::size_t comment_end;  // just after the whole comment
    if (word_at(s, name, "comment")) {
      std::size_t body = s.find("%}", name);
      if (body == npos) break;
      body += 2;
      std::size_t close = body;
      while ((close = s.find("{%", close)) != npos && !word_at(s, tag_name_at(s, close), "endcomment"))
        close += 2;
      if (close == npos) break;
      text = s.substr(body, close - body);
      std::size_t end = s.find("%}", close);
      comment_end = end == npos ? s.size() : end + 2;
    } else if (name < s.size() && s[name] == '#') {
      std::size_t end = s.find("%}", name);
      if (end == npos) break;
      text = s.substr(name + 1, end - name - 1);
      comment_end = end + 2;
    } else {
      pos += 2;
      continue;
    }
    for (const Directive& d : parse_directives(text)) {
      std::vector<std::string> rules = d.rules.empty() ? std::vector<std::string>{""} : d.rules;
      switch (d.kind) {
        case Directive::Kind::disable:
          for (auto& r : rules) open.push_back({r, comment_end});
          break;
        case Directive::Kind::enable:
          for (const auto& r : rules)
            std::erase_if(open, [&](const Open& o) {
              if (!r.empty() && o.rule != r) return false;
              ranges_.push_back({o.rule, o.begin, pos});
              return true;
            });
          break;
        case Directive::Kind::disable_next_line: {
          const std::size_t next = line_end(s, comment_end);
          if (next >= s.size()) break;
          for (auto& r : rules) ranges_.push_back({r, next + 1, line_end(s, next + 1) + 1});
          break;
        }
      }
    }
    pos = comment_end;
  }
  for (auto& o : open) ranges_.push_back({o.rule, o.begin, s.size() + 1});
}

bool Suppressions::suppressed(std::string_view rule, std::size_t offset) const {
  return std::any_of(ranges_.begin(), ranges_.end(), [&](const Range& r) {
    return (r.rule.empty() || r.rule == rule) && offset >= r.begin && offset < r.end;
  });
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string_view markup_at(std::string_view source, std::size_t begin) {
  if (begin >= source.size()) return {};
  const bool output = source.compare(begin, 2, "{{") == 0;
  std::size_t end = source.find(output ? "}}" : "%}", begin);
  end = end == npos ? source.size() : end + 2;
  return source.substr(begin, end - begin);
}

}  // namespace lint::detail
