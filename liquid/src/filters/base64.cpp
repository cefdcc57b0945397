// Filter family: base64. Ruby's Base64.strict_encode64 / strict_decode64 and the URL-safe
// variants, as Shopify Liquid 5.13 uses them. Decoding is strict like Ruby's: no whitespace, no
// missing or misplaced padding, no stray bits in the last character.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "filters/text.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"

namespace liquid::filters {

namespace {

constexpr std::string_view standard_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view url_safe_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// The value of each byte of the standard alphabet, -1 for every other byte (and for '=').
constexpr std::array<int, 256> make_decode_table() {
  std::array<int, 256> t{};
  for (auto& v : t) v = -1;
  for (std::size_t i = 0; i < standard_alphabet.size(); ++i)
    t[static_cast<unsigned char>(standard_alphabet[i])] = static_cast<int>(i);
  return t;
}
constexpr auto decode_table = make_decode_table();

// With '=' padding to a multiple of four characters, no line breaks (both Ruby encoders).
std::string encode(std::string_view in, std::string_view alphabet) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(in[i]); };
  std::size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    unsigned bits = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    out.push_back(alphabet[bits >> 18 & 63]);
    out.push_back(alphabet[bits >> 12 & 63]);
    out.push_back(alphabet[bits >> 6 & 63]);
    out.push_back(alphabet[bits & 63]);
  }
  if (std::size_t rest = in.size() - i; rest > 0) {
    unsigned bits = byte(i) << 16 | (rest == 2 ? byte(i + 1) << 8 : 0u);
    out.push_back(alphabet[bits >> 18 & 63]);
    out.push_back(alphabet[bits >> 12 & 63]);
    out.push_back(rest == 2 ? alphabet[bits >> 6 & 63] : '=');
    out.push_back('=');
  }
  return out;
}

// Ruby's unpack1("m0") (Base64.strict_decode64), step by step as pack.c does it; nullopt where
// Ruby raises "invalid base64".
std::optional<std::string> strict_decode(std::string_view in) {
  auto value = [&](std::size_t i) { return decode_table[static_cast<unsigned char>(in[i])]; };
  std::string out;
  out.reserve(in.size() / 4 * 3);
  const std::size_t n = in.size();
  std::size_t i = 0;
  int a = -1, b = -1, c = 0, d = 0;
  while (i < n) {
    a = b = c = d = -1;
    a = value(i++);
    if (i >= n || a == -1) return std::nullopt;
    b = value(i++);
    if (i >= n || b == -1) return std::nullopt;
    if (in[i] == '=') {
      if (i + 2 == n && in[i + 1] == '=') break;
      return std::nullopt;
    }
    c = value(i++);
    if (i >= n || c == -1) return std::nullopt;
    if (i + 1 == n && in[i] == '=') break;
    d = value(i++);
    if (d == -1) return std::nullopt;
    out.push_back(static_cast<char>(a << 2 | b >> 4));
    out.push_back(static_cast<char>((b << 4 | c >> 2) & 0xFF));
    out.push_back(static_cast<char>((c << 6 | d) & 0xFF));
  }
  if (c == -1) {  // "xx=="
    out.push_back(static_cast<char>(a << 2 | b >> 4));
    if (b & 0xF) return std::nullopt;
  } else if (d == -1) {  // "xxx="
    out.push_back(static_cast<char>(a << 2 | b >> 4));
    out.push_back(static_cast<char>((b << 4 | c >> 2) & 0xFF));
    if (c & 0x3) return std::nullopt;
  }
  return out;
}

// Base64.urlsafe_decode64: '-' and '_' stand for '+' and '/' (which are accepted too), and
// missing padding is added before decoding strictly.
std::optional<std::string> url_safe_decode(std::string_view in) {
  std::string standard(in);
  for (char& c : standard) {
    if (c == '-')
      c = '+';
    else if (c == '_')
      c = '/';
  }
  // Ruby pads by character count; a non-ASCII character makes the input invalid either way.
  if (!standard.empty() && standard.back() != '=' && standard.size() % 4 != 0)
    standard.append(4 - standard.size() % 4, '=');
  return strict_decode(standard);
}

Value base64_encode(const FilterCall& call) {
  std::string storage;
  return Value(encode(text_of(call.input, storage), standard_alphabet));
}

Value base64_url_safe_encode(const FilterCall& call) {
  std::string storage;
  return Value(encode(text_of(call.input, storage), url_safe_alphabet));
}

Value base64_decode(const FilterCall& call) {
  std::string storage;
  auto decoded = strict_decode(text_of(call.input, storage));
  if (!decoded) throw FilterError(errc::invalid_value, "invalid base64 provided to base64_decode");
  return Value(std::move(*decoded));
}

Value base64_url_safe_decode(const FilterCall& call) {
  std::string storage;
  auto decoded = url_safe_decode(text_of(call.input, storage));
  if (!decoded)
    throw FilterError(errc::invalid_value, "invalid base64 provided to base64_url_safe_decode");
  return Value(std::move(*decoded));
}

}  // namespace

std::span<const FilterDef> base64_filters() {
  static const std::vector<FilterDef> table = {
      {"base64_encode", 0, 0, base64_encode},
      {"base64_decode", 0, 0, base64_decode},
      {"base64_url_safe_encode", 0, 0, base64_url_safe_encode},
      {"base64_url_safe_decode", 0, 0, base64_url_safe_decode},
  };
  return table;
}

}  // namespace liquid::filters
