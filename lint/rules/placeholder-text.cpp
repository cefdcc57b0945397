// placeholder-text: text copied from documentation that was meant to be replaced: YOUR-API-KEY,
// [YOUR_SID_HERE], XXX, MAILBOX-ID. Such a request never works.
#include "internal.hpp"
#include "lint/rule.hpp"

namespace {

bool upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool placeholder_char(char c) { return upper_or_digit(c) || c == '_' || c == '-'; }

// The segments of an ALL-CAPS-NAME that say "put your value here".
bool placeholder_segment(std::string_view s) {
  for (std::string_view w : {"ID", "KEY", "TOKEN", "SECRET", "PASSWORD", "PASS", "HERE", "SID",
                             "NUMBER", "EMAIL", "USERNAME", "SUBDOMAIN", "DOMAIN", "URL"})
    if (s == w) return true;
  return false;
}

struct Hit {
  std::size_t begin, end;
};

// Placeholders in `text`; `bare_names`: also ALL-CAPS-WORDS ending in -ID, -KEY... (only where
// no JSON key or value text is expected, to leave constants like "ORDER_ID" alone).
std::vector<Hit> find_placeholders(std::string_view text, bool bare_names) {
  std::vector<Hit> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    // [YOUR_SID_HERE], [API-KEY], <YOUR_TOKEN>
    if ((c == '[' || c == '<') && i + 1 < text.size() && text[i + 1] >= 'A' && text[i + 1] <= 'Z') {
      const char close = c == '[' ? ']' : '>';
      std::size_t k = i + 1;
      bool separator = false;
      while (k < text.size() && (placeholder_char(text[k]) || text[k] == ' ')) {
        separator = separator || text[k] == '_' || text[k] == '-';
        ++k;
      }
      if (k < text.size() && text[k] == close && k - i - 1 >= 3 && (c == '[' || separator)) {
        out.push_back({i, k + 1});
        i = k + 1;
        continue;
      }
    }
    const bool word_start = i == 0 || !(lint::detail::is_word_char(text[i - 1]) || text[i - 1] == '-');
    if (word_start && upper_or_digit(c)) {
      std::size_t k = i;
      while (k < text.size() && placeholder_char(text[k])) ++k;
      while (k > i && (text[k - 1] == '-' || text[k - 1] == '_')) --k;
      const bool word_end = k >= text.size() || !(lint::detail::is_word_char(text[k]));
      std::string_view word = text.substr(i, k - i);
      bool hit = false;
      if (word_end) {
        if (word.size() >= 3 && word.find_first_not_of("X-") == std::string_view::npos &&
            word.find("XXX") != std::string_view::npos)
          hit = true;  // XXX, XXXX-XXXX
        else if (word.size() > 5 && word.starts_with("YOUR") && (word[4] == '-' || word[4] == '_'))
          hit = true;  // YOUR-API-KEY, YOUR_TOKEN
        else if (word == "CHANGEME" || word == "CHANGE_ME" || word == "REPLACE_ME" ||
                 word == "REPLACEME")
          hit = true;
        else if (bare_names && word.find_first_of("-_") != std::string_view::npos) {
          const auto last = word.find_last_of("-_");
          hit = placeholder_segment(word.substr(last + 1)) && word[0] >= 'A' && word[0] <= 'Z';
        }
      }
      if (hit) out.push_back({i, k});
      i = std::max(k, i + 1);
      continue;
    }
    ++i;
  }
  return out;
}

void check(lint::TemplateContext& ctx) {
  const auto* a = ctx.analysis();
  if (!a) return;
  const auto& unit = ctx.unit();
  const bool json = unit.body_type == liquid::validate::BodyType::json && unit.is_body();
  const std::string where = unit.role == lint::Role::url      ? "URL"
                            : unit.role == lint::Role::header ? "header " + unit.header_name
                                                              : "template";
  for (const auto& t : a->texts()) {
    // In a JSON body, bare names only outside string literals.
    std::vector<bool> in_string(t.text.size(), false);
    if (json) {
      bool in = false, escape = false;
      for (std::size_t i = 0; i < t.text.size(); ++i) {
        const char c = t.text[i];
        in_string[i] = in;
        if (!in) in = c == '"';
        else if (escape) escape = false;
        else if (c == '\\') escape = true;
        else if (c == '"') in = false;
      }
    }
    for (const auto& hit : find_placeholders(t.text, true)) {
      std::string_view word = t.text.substr(hit.begin, hit.end - hit.begin);
      const bool bracketed = word.front() == '[' || word.front() == '<';
      const bool generic = word.starts_with("YOUR") || word.find("XXX") != std::string_view::npos ||
                           word.starts_with("CHANGE") || word.starts_with("REPLACE");
      if (json && in_string[hit.begin] && !bracketed && !generic) continue;
      ctx.report(t.begin + hit.begin, "placeholder '" + std::string(word) + "' left in the " + where +
                                          ": replace it with the real value" +
                                          (unit.role == lint::Role::url || unit.role == lint::Role::header
                                               ? " (secrets belong in the data, not in the template)"
                                               : ""));
    }
  }
}

}  // namespace

LINT_BUILTIN_RULE(placeholder_text) {
  registry.add({.id = "placeholder-text",
                .severity = lint::Severity::error,
                .doc = "Documentation placeholders left in a template: YOUR-API-KEY, [YOUR_SID_HERE], XXX",
                .check_template = check});
}
