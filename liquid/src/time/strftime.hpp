// Ruby's Time#strftime (internal).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "time/time.hpp"

namespace liquid::time {

enum class StrftimeStatus : std::uint8_t {
  ok,
  invalid_format,  // the format ends inside a conversion ("%", "%-", "%5"): Ruby's ArgumentError
  too_wide,        // a width above kMaxStrftimeWidth
};

// Widths beyond this are refused rather than allocated (Ruby would try to build the string).
inline constexpr int kMaxStrftimeWidth = 1024;

// Append `t` formatted as Ruby 3.1's Time#strftime formats it: every conversion, the flags
// `-` `_` `0` `^` `#`, widths, `%:z` `%::z` `%:::z`, the ignored `E`/`O` modifiers, and unknown
// conversions copied literally. English names (Ruby's strftime is not localised). On an error,
// `out` holds a partial result.
StrftimeStatus strftime(std::string& out, std::string_view format, const Time& t);

}  // namespace liquid::time
