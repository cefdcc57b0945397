// Template tokenizer (internal): splits source into text, `{{ }}` and `{% %}` tokens exactly
// as Shopify Liquid does: the first `}}` or `%}` ends a markup, `{{ x }` ends at a single brace,
// and a `{{`/`{%` that is never closed is a token of its own (reported by the parser).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace liquid::lex {

struct Token {
  enum class Kind : std::uint8_t { text, output, tag };
  Kind kind = Kind::text;
  std::uint32_t begin = 0;  // whole token, as byte offsets into the source
  std::uint32_t end = 0;
  // For well-formed outputs and tags: the markup (after the tag name, for tags) and the name.
  std::uint32_t markup_begin = 0;
  std::uint32_t markup_end = 0;
  std::uint32_t name_begin = 0;
  std::uint32_t name_end = 0;
  bool trim_left = false;   // `{{-` / `{%-`
  bool trim_right = false;  // `-}}` / `-%}`
  bool well_formed = true;  // false: not properly terminated (`{{ x }`, `{% %}`, lone `{{`)

  std::string_view text(std::string_view src) const { return src.substr(begin, end - begin); }
  std::string_view markup(std::string_view src) const {
    return src.substr(markup_begin, markup_end - markup_begin);
  }
  std::string_view name(std::string_view src) const {
    return src.substr(name_begin, name_end - name_begin);
  }
};

// Tokenize a whole template.
std::vector<Token> tokenize(std::string_view source);

// Tokenize the body of a `{% liquid %}` tag: one tag per non-blank line. `base` is the offset of
// `markup` in the source. Lines that are not `name markup` come back with well_formed = false.
std::vector<Token> tokenize_liquid_lines(std::string_view source, std::uint32_t base,
                                         std::uint32_t length);

// Ruby's FullTokenPossiblyInvalid: for a token that ends in `%}`, the name of the last
// `{% name ... %}` in it and the length of the text before that `{%`. Used by raw, comment and
// doc to find their end tag inside any token.
struct EmbeddedTag {
  std::string_view name;
  std::uint32_t prefix_length = 0;
};
std::optional<EmbeddedTag> find_embedded_tag(std::string_view token);

inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace liquid::lex
