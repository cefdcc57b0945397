#include "time/time.hpp"

#include <cstdio>

#include "time/civil.hpp"

namespace liquid::time {

Fields fields_of(const Time& t) {
  // Split before adding the offset, so that no int64 second overflows at the ends of the range.
  std::int64_t days = floor_div(t.seconds, kSecondsPerDay);
  std::int64_t second_of_day = floor_mod(t.seconds, kSecondsPerDay) + t.utc_offset;
  days += floor_div(second_of_day, kSecondsPerDay);
  second_of_day = floor_mod(second_of_day, kSecondsPerDay);
  const CivilDate date = civil_from_days(days);
  Fields f{};
  f.year = date.year;
  f.month = date.month;
  f.day = date.day;
  f.hour = static_cast<int>(second_of_day / 3600);
  f.minute = static_cast<int>(second_of_day / 60 % 60);
  f.second = static_cast<int>(second_of_day % 60);
  f.wday = weekday_from_days(days);
  f.yday = day_of_year(date.year, date.month, date.day);
  return f;
}

std::int64_t local_seconds(std::int64_t year, int month, std::int64_t day, std::int64_t hour,
                           std::int64_t minute, std::int64_t second) {
  return days_from_civil(year, month, day) * kSecondsPerDay + hour * 3600 + minute * 60 + second;
}

std::string to_iso8601(const Time& t) {
  const Fields f = fields_of(t);
  char buf[96];
  int n = 0;
  if (f.year >= 0 && f.year <= 9999) {
    n = std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(f.year));
  } else {
    // ISO 8601's expanded years carry a sign; Date._parse reads them back.
    n = std::snprintf(buf, sizeof buf, "%+05lld", static_cast<long long>(f.year));
  }
  n += std::snprintf(buf + n, sizeof buf - n, "-%02d-%02dT%02d:%02d:%02d", f.month, f.day, f.hour,
                     f.minute, f.second);
  std::string out(buf, static_cast<std::size_t>(n));
  if (t.attos != 0) {
    char digits[24];  // attos < 10^18: 18 digits
    std::snprintf(digits, sizeof digits, "%018llu", static_cast<unsigned long long>(t.attos));
    std::size_t len = 18;
    while (len > 3 && digits[len - 1] == '0' && digits[len - 2] == '0' && digits[len - 3] == '0')
      len -= 3;
    out += '.';
    out.append(digits, len);
  }
  if (t.kind == ZoneKind::utc) {
    out += 'Z';
    return out;
  }
  const std::int32_t offset = t.utc_offset < 0 ? -t.utc_offset : t.utc_offset;
  n = std::snprintf(buf, sizeof buf, "%c%02d:%02d", t.utc_offset < 0 ? '-' : '+', offset / 3600,
                    offset / 60 % 60);
  out.append(buf, static_cast<std::size_t>(n));
  if (offset % 60 != 0) {
    n = std::snprintf(buf, sizeof buf, ":%02d", offset % 60);
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace liquid::time
