// Filter family: url. url_encode is Ruby's CGI.escape and url_decode CGI.unescape, as Shopify
// Liquid 5.13 uses them.
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "filters/text.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"
#include "utf8.hpp"

namespace liquid::filters {

namespace {

// CGI.escape keeps ASCII letters, digits and "-._~"; a space becomes '+'; every other byte
// (including each byte of a multibyte character) becomes %XX in uppercase hex.
constexpr std::array<bool, 256> make_unreserved() {
  std::array<bool, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  t['-'] = t['.'] = t['_'] = t['~'] = true;
  return t;
}
constexpr auto unreserved = make_unreserved();

bool is_unreserved(char c) {
  return unreserved[static_cast<unsigned char>(c)];
}

Value url_encode(const FilterCall& call) {
  if (is_nil_input(call.input)) return Value();
  std::string storage;
  std::string_view input = text_of(call.input, storage);
  std::size_t i = 0;
  while (i < input.size() && is_unreserved(input[i])) ++i;
  if (i == input.size()) return unchanged_text(call.input, std::move(storage));
  // Size the output exactly first: each byte that is neither unreserved nor a space takes three.
  std::size_t escaped = 0;
  for (std::size_t k = i; k < input.size(); ++k)
    escaped += !is_unreserved(input[k]) && input[k] != ' ';
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out(input.size() + 2 * escaped, '\0');
  char* dst = out.data();
  std::memcpy(dst, input.data(), i);
  dst += i;
  for (; i < input.size(); ++i) {
    char c = input[i];
    if (is_unreserved(c)) {
      *dst++ = c;
    } else if (c == ' ') {
      *dst++ = '+';
    } else {
      auto byte = static_cast<unsigned char>(c);
      *dst++ = '%';
      *dst++ = hex[byte >> 4];
      *dst++ = hex[byte & 0xF];
    }
  }
  return Value(std::move(out));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// CGI.unescape: '+' is a space, %XX (two hex digits) is that byte, anything else is kept as it
// is. Liquid then rejects a result that is not valid UTF-8.
Value url_decode(const FilterCall& call) {
  if (is_nil_input(call.input)) return Value();
  std::string storage;
  std::string_view input = text_of(call.input, storage);
  std::size_t i = input.find_first_of("+%");
  if (i == std::string_view::npos) {
    if (!utf8::valid(input))
      throw FilterError(errc::invalid_value, "invalid byte sequence in UTF-8");
    return unchanged_text(call.input, std::move(storage));
  }
  std::string out;
  out.reserve(input.size());
  out.append(input, 0, i);
  for (; i < input.size(); ++i) {
    char c = input[i];
    if (c == '+') {
      out.push_back(' ');
      continue;
    }
    int high = c == '%' && i + 2 < input.size() ? hex_value(input[i + 1]) : -1;
    int low = high >= 0 ? hex_value(input[i + 2]) : -1;
    if (low < 0) {
      out.push_back(c);
      continue;
    }
    out.push_back(static_cast<char>(high << 4 | low));
    i += 2;
  }
  if (!utf8::valid(out)) throw FilterError(errc::invalid_value, "invalid byte sequence in UTF-8");
  return Value(std::move(out));
}

}  // namespace

std::span<const FilterDef> url_filters() {
  static const std::vector<FilterDef> table = {
      {"url_encode", 0, 0, url_encode, false, filter_url_encodes},
      {"url_decode", 0, 0, url_decode, false, filter_url_decodes},
  };
  return table;
}

}  // namespace liquid::filters
