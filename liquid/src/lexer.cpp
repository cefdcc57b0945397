#include "lexer.hpp"

#include <cstring>

namespace liquid::lex {

namespace {

// Fill in name/markup/trim flags of a `{% ... %}` token, as Ruby's FullToken regexp:
// \A{%-?(\s*)(#|\w+)(\s*)(.*?)-?%}\z
void analyse_tag(std::string_view src, Token& t) {
  std::uint32_t p = t.begin + 2;
  std::uint32_t close = t.end - 2;  // position of "%}"
  if (p < close && src[p] == '-') {
    t.trim_left = true;
    ++p;
  }
  // The markup may end with '-' (whitespace control); it can share the '-' with `{%-` only when
  // nothing else is in between, which FullToken would not match anyway (no name).
  t.trim_right = close > t.begin + 2 && src[close - 1] == '-';
  while (p < close && is_ascii_space(src[p])) ++p;
  std::uint32_t name_begin = p;
  if (p < close && src[p] == '#') {
    ++p;
  } else {
    while (p < close && is_word(src[p])) ++p;
  }
  if (p == name_begin) {
    t.well_formed = false;
    return;
  }
  t.name_begin = name_begin;
  t.name_end = p;
  while (p < close && is_ascii_space(src[p])) ++p;
  std::uint32_t markup_end = close;
  if (t.trim_right && markup_end > p) --markup_end;
  t.markup_begin = p;
  t.markup_end = markup_end < p ? p : markup_end;
}

// \A{{-?(.*?)-?}}\z
void analyse_output(std::string_view src, Token& t) {
  if (t.end - t.begin < 4 || src[t.end - 1] != '}' || src[t.end - 2] != '}') {
    t.well_formed = false;
    return;
  }
  std::uint32_t p = t.begin + 2;
  std::uint32_t close = t.end - 2;
  if (p < close && src[p] == '-') {
    t.trim_left = true;
    ++p;
  }
  // token[-3] == '-' in Ruby: the same '-' may serve both sides (`{{-}}`).
  t.trim_right = src[close - 1] == '-' && close - 1 >= t.begin + 2;
  std::uint32_t markup_end = close;
  if (t.trim_right && markup_end > p) --markup_end;
  t.markup_begin = p;
  t.markup_end = markup_end < p ? p : markup_end;
}

}  // namespace

std::vector<Token> tokenize(std::string_view src) {
  std::vector<Token> tokens;
  const std::uint32_t n = static_cast<std::uint32_t>(src.size());
  std::uint32_t pos = 0;
  // The next "%}" and "}" found so far: a later search from before them finds them again.
  // Remembering them keeps `{%{%{%...` (never closed) linear instead of quadratic.
  std::size_t tag_close = 0, output_close = 0;
  bool tag_close_known = false, output_close_known = false;
  while (pos < n) {
    // Next "{{" or "{%".
    std::uint32_t start = pos;
    while (true) {
      const void* hit = std::memchr(src.data() + start, '{', n - start);
      if (!hit) {
        start = n;
        break;
      }
      start = static_cast<std::uint32_t>(static_cast<const char*>(hit) - src.data());
      if (start + 1 < n && (src[start + 1] == '{' || src[start + 1] == '%')) break;
      ++start;
    }
    if (start > pos) tokens.push_back(Token{Token::Kind::text, pos, start});
    if (start >= n) break;
    Token t;
    t.begin = start;
    if (src[start + 1] == '%') {
      t.kind = Token::Kind::tag;
      if (!tag_close_known || (tag_close != std::string_view::npos && tag_close < start + 2)) {
        tag_close = src.find("%}", start + 2);
        tag_close_known = true;
      }
      std::size_t close = tag_close;
      if (close == std::string_view::npos) {
        t.end = start + 2;
        t.well_formed = false;
      } else {
        t.end = static_cast<std::uint32_t>(close + 2);
        analyse_tag(src, t);
      }
    } else {
      t.kind = Token::Kind::output;
      if (!output_close_known ||
          (output_close != std::string_view::npos && output_close < start + 2)) {
        output_close = src.find('}', start + 2);
        output_close_known = true;
      }
      std::size_t close = output_close;
      if (close == std::string_view::npos) {
        t.end = start + 2;
        t.well_formed = false;
      } else {
        t.end = static_cast<std::uint32_t>(close + 1);
        if (t.end < n && src[t.end] == '}') ++t.end;
        analyse_output(src, t);
      }
    }
    tokens.push_back(t);
    pos = t.end;
  }
  return tokens;
}

std::vector<Token> tokenize_liquid_lines(std::string_view src, std::uint32_t base,
                                         std::uint32_t length) {
  std::vector<Token> tokens;
  std::uint32_t end = base + length;
  std::uint32_t line_begin = base;
  while (line_begin <= end) {
    std::uint32_t line_end = line_begin;
    while (line_end < end && src[line_end] != '\n') ++line_end;
    // \A\s*(#|\w+)\s*(.*?)\z
    std::uint32_t p = line_begin;
    while (p < line_end && is_ascii_space(src[p])) ++p;
    if (p < line_end) {
      Token t;
      t.kind = Token::Kind::tag;
      t.begin = p;  // errors point at the tag, not at the indentation before it
      t.end = line_end;
      std::uint32_t name_begin = p;
      if (src[p] == '#') {
        ++p;
      } else {
        while (p < line_end && is_word(src[p])) ++p;
      }
      if (p == name_begin) {
        t.well_formed = false;
      } else {
        t.name_begin = name_begin;
        t.name_end = p;
        while (p < line_end && is_ascii_space(src[p])) ++p;
        t.markup_begin = p;
        t.markup_end = line_end;
      }
      tokens.push_back(t);
    }
    if (line_end >= end) break;
    line_begin = line_end + 1;
  }
  return tokens;
}

std::optional<EmbeddedTag> find_embedded_tag(std::string_view token) {
  // \A(.*){%-?\s*(\w+)\s*(.*)?-?%}\z  -- the greedy (.*) makes it the last "{%" that works.
  if (token.size() < 4 || token.substr(token.size() - 2) != "%}") return std::nullopt;
  std::size_t limit = token.size() - 2;
  for (std::size_t at = token.rfind("{%", limit); at != std::string_view::npos;
       at = at == 0 ? std::string_view::npos : token.rfind("{%", at - 1)) {
    std::size_t p = at + 2;
    if (p < limit && token[p] == '-') ++p;
    while (p < limit && is_ascii_space(token[p])) ++p;
    std::size_t name_begin = p;
    while (p < limit && is_word(token[p])) ++p;
    if (p > name_begin)
      return EmbeddedTag{token.substr(name_begin, p - name_begin), static_cast<std::uint32_t>(at)};
  }
  return std::nullopt;
}

}  // namespace liquid::lex
