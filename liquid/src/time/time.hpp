// An instant with the zone it is shown in, as Ruby's Time (internal).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace liquid::time {

inline constexpr std::uint64_t kAttosPerSecond = 1'000'000'000'000'000'000ULL;
inline constexpr std::uint64_t kAttosPerNano = 1'000'000'000ULL;

// How a time shows its zone, as Ruby's Time does:
//  utc:   a UTC time (Time#utc): %Z prints "UTC", %-z prints "-0000";
//  zone:  local time of a named zone: %Z prints the zone's abbreviation ("EST");
//  fixed: a bare offset (Time#localtime("+05:30")): %Z prints nothing.
enum class ZoneKind : std::uint8_t { utc, zone, fixed };

// A zone abbreviation ("EST", "CEST", "+0530"); fixed storage keeps Time trivially copyable.
class Abbrev {
 public:
  Abbrev() = default;
  explicit Abbrev(std::string_view s) {
    size_ = static_cast<std::uint8_t>(s.size() < sizeof(text_) ? s.size() : sizeof(text_));
    for (std::uint8_t i = 0; i < size_; ++i) text_[i] = s[i];
  }
  std::string_view view() const { return {text_, size_}; }

 private:
  char text_[15] = {};
  std::uint8_t size_ = 0;
};

struct Time {
  std::int64_t seconds = 0;     // Unix seconds, rounded down (the fraction is always >= 0)
  std::uint64_t attos = 0;      // fraction of the second, in 1e-18 s (Ruby keeps it exact)
  std::int32_t utc_offset = 0;  // seconds east of UTC
  ZoneKind kind = ZoneKind::utc;
  Abbrev abbrev;  // for kind == zone

  static Time utc(std::int64_t seconds, std::uint64_t attos = 0) {
    return Time{seconds, attos, 0, ZoneKind::utc, Abbrev{}};
  }
  static Time fixed(std::int64_t seconds, std::uint64_t attos, std::int32_t offset) {
    return Time{seconds, attos, offset, ZoneKind::fixed, Abbrev{}};
  }
};

// The calendar fields of a time in its own offset.
struct Fields {
  std::int64_t year;
  int month;   // 1..12
  int day;     // 1..31
  int hour;    // 0..23
  int minute;  // 0..59
  int second;  // 0..59
  int wday;    // 0 = Sunday
  int yday;    // 1..366
};

Fields fields_of(const Time& t);

// Seconds since the epoch of a wall-clock reading (the "local seconds" of y-m-d h:m:s), with the
// day, hour and second allowed to overflow into the next unit as Ruby's Time.utc allows.
std::int64_t local_seconds(std::int64_t year, int month, std::int64_t day, std::int64_t hour,
                           std::int64_t minute, std::int64_t second);

// The largest |year| this library represents: every such date has an int64 Unix second.
inline constexpr std::int64_t kMaxYear = 200'000'000'000;

// ISO 8601 / RFC 3339 text of a time in its own offset, as the timezone filter prints it:
// "2016-03-14T06:00:00-04:00", "...T10:00:00Z" for UTC, fraction digits in groups of three when
// there is a fraction (".5" -> ".500"), and ":SS" on the offset only when it has seconds.
std::string to_iso8601(const Time& t);

}  // namespace liquid::time
