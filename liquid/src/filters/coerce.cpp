#include "filters/coerce.hpp"

#include <cctype>
#include <charconv>

#include "liquid/error.hpp"

namespace liquid::filters {

std::string ruby_to_s(const Value& v) {
  if (v.is_array()) return v.inspect();
  return v.to_s();
}

namespace {
// Ruby's Integer(string): optional surrounding whitespace, sign, digits with single underscores
// between them, and 0x/0b/0o/0 prefixes.
bool ruby_integer(std::string_view s, std::int64_t& out) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  bool neg = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    neg = s.front() == '-';
    s.remove_prefix(1);
  }
  int base = 10;
  if (s.size() > 1 && s[0] == '0') {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])));
    if (p == 'x') base = 16, s.remove_prefix(2);
    else if (p == 'b') base = 2, s.remove_prefix(2);
    else if (p == 'o') base = 8, s.remove_prefix(2);
    else if (p == 'd') base = 10, s.remove_prefix(2);
    else base = 8, s.remove_prefix(1);
  }
  if (s.empty() || s.front() == '_' || s.back() == '_') return false;
  std::string digits;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      if (s[i + 1] == '_') return false;
      continue;
    }
    digits.push_back(s[i]);
  }
  std::uint64_t mag = 0;
  auto r = std::from_chars(digits.data(), digits.data() + digits.size(), mag, base);
  if (r.ec != std::errc() || r.ptr != digits.data() + digits.size()) return false;
  if (mag > static_cast<std::uint64_t>(INT64_MAX) + (neg ? 1 : 0)) return false;
  out = neg ? static_cast<std::int64_t>(0 - mag) : static_cast<std::int64_t>(mag);
  return true;
}
}  // namespace

std::int64_t to_integer(const Value& v) {
  if (v.is_int()) return v.as_int();
  std::int64_t out = 0;
  if (ruby_integer(ruby_to_s(v), out)) return out;
  throw FilterError(errc::invalid_value, "invalid integer");
}

const Value& unwrap(const Value& v, Value& scratch) {
  if (!v.is_drop()) return v;
  auto inner = v.as_drop().to_value();
  if (!inner) return v;
  scratch = std::move(*inner);
  return scratch;
}

}  // namespace liquid::filters
