// libFuzzer target: liquid::parse_json's two paths (liquid/src/json_fast.hpp) on the same bytes.
// Input: any bytes, read as a JSON document.
//
// Checks beyond "no crash": whenever simdjson's path accepts a document, Boost.JSON's accepts it
// too and builds the same value (same kinds, same bytes, floats bit for bit), except for an
// exponent Boost.JSON refuses to read (more than 9 digits: 1e-2147483649); and whatever the
// path, parse_json answers as the reference does.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "json_fast.hpp"
#include "liquid/json.hpp"

namespace {

bool same(const liquid::Value& a, const liquid::Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case liquid::Value::Kind::floating: {
      const double x = a.as_float(), y = b.as_float();
      return std::memcmp(&x, &y, sizeof x) == 0;
    }
    case liquid::Value::Kind::array: {
      const auto& p = a.as_array();
      const auto& q = b.as_array();
      if (p.size() != q.size()) return false;
      for (std::size_t i = 0; i < p.size(); ++i)
        if (!same(p[i], q[i])) return false;
      return true;
    }
    case liquid::Value::Kind::hash: {
      const auto& p = a.as_hash();
      const auto& q = b.as_hash();
      if (p.size() != q.size()) return false;
      for (std::size_t i = 0; i < p.size(); ++i)
        if (p.at(i).first != q.at(i).first || !same(p.at(i).second, q.at(i).second)) return false;
      return true;
    }
    default:
      return a == b;
  }
}

// An exponent of 10 or more digits (after leading zeros), which Boost.JSON reports as an
// overflow and simdjson reads (as zero or infinity).
bool has_huge_exponent(std::string_view text) {
  for (std::size_t i = 1; i < text.size(); ++i) {
    if ((text[i] != 'e' && text[i] != 'E') || text[i - 1] < '0' || text[i - 1] > '9') continue;
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    while (j < text.size() && text[j] == '0') ++j;
    std::size_t digits = 0;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j, ++digits;
    if (digits >= 10) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::optional<liquid::Value> fast = liquid::detail::parse_json_fast(text);
  std::optional<liquid::Value> reference;
  try {
    reference = liquid::detail::parse_json_reference(text);
  } catch (const std::invalid_argument&) {
  }
  if (fast) {
    if (!reference) {
      if (!has_huge_exponent(text)) std::abort();
    } else if (!same(*fast, *reference)) {
      std::abort();
    }
  }
  try {
    const liquid::Value answer = liquid::parse_json(text);
    if (!fast && (!reference || !same(answer, *reference))) std::abort();
  } catch (const std::invalid_argument&) {
    if (fast || reference) std::abort();
  }
  return 0;
}
