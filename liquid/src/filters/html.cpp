// Filter family: html. escape (alias h), escape_once, strip_html and newline_to_br, as Shopify
// Liquid 5.13 defines them with CGI.escapeHTML and its regular expressions, without regexes.
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "filters/text.hpp"
#include "liquid/environment.hpp"

namespace liquid::filters {

namespace {

constexpr auto npos = std::string_view::npos;

// CGI.escapeHTML's table: the entity of each escaped byte, empty for the others.
constexpr std::array<std::string_view, 256> make_entities() {
  std::array<std::string_view, 256> t{};
  t['&'] = "&amp;";
  t['<'] = "&lt;";
  t['>'] = "&gt;";
  t['"'] = "&quot;";
  t['\''] = "&#39;";
  return t;
}
constexpr auto entities = make_entities();

const std::string_view& entity_of(char c) {
  return entities[static_cast<unsigned char>(c)];
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// Whether the '&' at s[amp] starts an entity escape_once leaves alone: letters or '#' and
// digits, then ';' (the lookahead of /&(?!([a-zA-Z]+|(#\d+));)/).
bool starts_entity(std::string_view s, std::size_t amp) {
  std::size_t i = amp + 1;
  if (i < s.size() && s[i] == '#') {
    std::size_t digits = ++i;
    while (i < s.size() && is_ascii_digit(s[i])) ++i;
    return i > digits && i < s.size() && s[i] == ';';
  }
  std::size_t letters = i;
  while (i < s.size() && is_ascii_letter(s[i])) ++i;
  return i > letters && i < s.size() && s[i] == ';';
}

// The position of the first byte at or after `i` that has an entity, or s.size(). Eight bytes are
// tested at a time (a zero byte in word ^ pattern marks a match), since escape is hot.
std::size_t find_special(std::string_view s, std::size_t i) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  auto has_byte = [&](std::uint64_t word, unsigned char c) {
    std::uint64_t x = word ^ (ones * c);
    return (x - ones) & ~x & highs;
  };
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (has_byte(word, '&') | has_byte(word, '<') | has_byte(word, '>') | has_byte(word, '"') |
        has_byte(word, '\''))
      break;
  }
  while (i < s.size() && entity_of(s[i]).empty()) ++i;
  return i;
}

// How many bytes each byte's entity adds (0: not escaped).
constexpr std::array<std::uint8_t, 256> make_entity_extra() {
  std::array<std::uint8_t, 256> t{};
  for (std::size_t c = 0; c < 256; ++c)
    t[c] = static_cast<std::uint8_t>(entities[c].empty() ? 0 : entities[c].size() - 1);
  return t;
}
constexpr auto entity_extra = make_entity_extra();

// Escape every byte that has an entity, except the '&'s for which `keep_ampersand` says so.
template <typename KeepAmpersand>
Value escape_text(const Value& input_value, KeepAmpersand keep_ampersand) {
  std::string storage;
  std::string_view input = text_of(input_value, storage);
  const std::size_t n = input.size();
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(input[i]); };
  std::size_t first = find_special(input, 0);
  while (first < n && input[first] == '&' && keep_ampersand(input, first))
    first = find_special(input, first + 1);
  if (first == n) return unchanged_text(input_value, std::move(storage));
  // Size the output exactly, then write it byte by byte: dense text has many entities, for which
  // this beats searching from one special byte to the next.
  std::size_t extra = 0;
  for (std::size_t i = first; i < n; ++i) extra += entity_extra[byte(i)];
  for (std::size_t amp = input.find('&', first); amp != npos; amp = input.find('&', amp + 1))
    if (keep_ampersand(input, amp)) extra -= entity_extra['&'];
  std::string out(n + extra, '\0');
  char* dst = out.data();
  std::memcpy(dst, input.data(), first);
  dst += first;
  for (std::size_t i = first; i < n; ++i) {
    unsigned char c = byte(i);
    if (entity_extra[c] == 0 || (c == '&' && keep_ampersand(input, i))) {
      *dst++ = static_cast<char>(c);
    } else {
      std::memcpy(dst, entities[c].data(), entities[c].size());
      dst += entities[c].size();
    }
  }
  return Value(std::move(out));
}

Value escape(const FilterCall& call) {
  if (is_nil_input(call.input)) return Value();
  return escape_text(call.input, [](std::string_view, std::size_t) { return false; });
}

Value escape_once(const FilterCall& call) {
  return escape_text(call.input, starts_entity);
}

// One pass of gsub(STRIP_HTML_BLOCKS, ''): <script...</script>, <!--...--> and <style...</style>,
// shortest match, case-sensitive, across newlines.
std::string_view remove_blocks(std::string_view s, std::string& out) {
  struct Block {
    std::string_view open, close;
    bool unclosed = false;  // no `close` after some opening: none after any later one either
  };
  Block blocks[] = {{"<script", "</script>"}, {"<!--", "-->"}, {"<style", "</style>"}};
  std::size_t copied = 0;
  bool removed = false;
  for (std::size_t lt = s.find('<'); lt != npos; lt = s.find('<', lt)) {
    std::size_t block_end = npos;
    for (Block& b : blocks) {
      if (b.unclosed || s.compare(lt, b.open.size(), b.open) != 0) continue;
      std::size_t close = s.find(b.close, lt + b.open.size());
      if (close == npos) {
        b.unclosed = true;
        continue;
      }
      block_end = close + b.close.size();
      break;
    }
    if (block_end == npos) {
      ++lt;
      continue;
    }
    if (!removed) out.reserve(s.size());
    removed = true;
    out.append(s, copied, lt - copied);
    copied = lt = block_end;
  }
  if (!removed) return s;
  out.append(s, copied);
  return out;
}

// gsub(/<.*?>/m, ''): every '<' up to the next '>'.
std::string_view remove_tags(std::string_view s, std::string& out) {
  std::size_t lt = s.find('<');
  std::size_t gt = lt == npos ? npos : s.find('>', lt + 1);
  if (gt == npos) return s;
  std::string result;
  result.reserve(s.size());
  std::size_t copied = 0;
  while (gt != npos) {
    result.append(s, copied, lt - copied);
    copied = gt + 1;
    lt = s.find('<', copied);
    gt = lt == npos ? npos : s.find('>', lt + 1);
  }
  result.append(s, copied);
  out = std::move(result);
  return out;
}

Value strip_html(const FilterCall& call) {
  std::string storage, without_blocks, without_tags;
  std::string_view input = text_of(call.input, storage);
  std::string_view stripped = remove_tags(remove_blocks(input, without_blocks), without_tags);
  if (stripped.data() == input.data() && stripped.size() == input.size())
    return unchanged_text(call.input, std::move(storage));
  return Value(stripped);
}

// gsub(/\r?\n/, "<br />\n")
Value newline_to_br(const FilterCall& call) {
  std::string storage;
  std::string_view input = text_of(call.input, storage);
  std::size_t newline = input.find('\n');
  if (newline == npos) return unchanged_text(call.input, std::move(storage));
  std::string out;
  out.reserve(input.size() + input.size() / 4 + 8);
  std::size_t copied = 0;
  while (newline != npos) {
    std::size_t cut = newline > copied && input[newline - 1] == '\r' ? newline - 1 : newline;
    out.append(input, copied, cut - copied).append("<br />\n");
    copied = newline + 1;
    newline = input.find('\n', copied);
  }
  out.append(input, copied);
  return Value(std::move(out));
}

}  // namespace

std::span<const FilterDef> html_filters() {
  static const std::vector<FilterDef> table = {
      {"escape", 0, 0, escape, false, filter_html_escapes},
      {"h", 0, 0, escape, false, filter_html_escapes},
      {"escape_once", 0, 0, escape_once, false, filter_html_escapes},
      {"strip_html", 0, 0, strip_html},
      {"newline_to_br", 0, 0, newline_to_br},
  };
  return table;
}

}  // namespace liquid::filters
