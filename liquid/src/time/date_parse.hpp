// Ruby's Date._parse (internal): the heuristic date/time scanner behind Time.parse.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace liquid::time {

// What Date._parse(text, true) returns, without :offset (Time.parse reads the zone text itself).
// Numbers that do not fit are saturated at ±kSaturated; Ruby would keep a bignum, which every
// consumer here rejects as out of range anyway.
struct DateParts {
  std::optional<std::int64_t> year, mon, mday, yday, hour, min, sec;
  std::optional<std::int64_t> wday, cwyear, cweek, cwday;
  std::optional<std::uint64_t> sec_fraction;  // in 1e-18 (digits beyond 18 are dropped)
  std::optional<std::string> zone;
};

inline constexpr std::int64_t kSaturated = 100'000'000'000'000'000;

// Date._parse refuses strings longer than this many bytes.
inline constexpr std::size_t kMaxDateParseLength = 128;

// Ruby raises RangeError (not ArgumentError) when an hour given with am/pm does not fit a C int;
// Liquid lets that error through.
class DateRangeError : public std::range_error {
 public:
  using std::range_error::range_error;
};

// nullopt where Ruby raises ArgumentError: text longer than 128 bytes, or invalid UTF-8.
// Throws DateRangeError as described above.
std::optional<DateParts> date_parse(std::string_view text);

}  // namespace liquid::time
