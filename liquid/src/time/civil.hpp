// Proleptic Gregorian calendar arithmetic on 64-bit day counts (internal).
//
// Days are counted from 1970-01-01; years are astronomical (year 0 is 1 BC), as Ruby's Time.
// The algorithms are Howard Hinnant's days_from_civil / civil_from_days, widened to int64 so that
// every Unix second of int64 has a date.
#pragma once

#include <cstdint>

namespace liquid::time {

inline constexpr std::int64_t kSecondsPerDay = 86400;

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

constexpr std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
  const std::int64_t r = a % b;
  return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

constexpr bool is_leap_year(std::int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

constexpr int days_in_month(std::int64_t y, int m) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of y-m-d (m in 1..12; d may exceed the month and rolls forward).
constexpr std::int64_t days_from_civil(std::int64_t y, int m, std::int64_t d) {
  y -= m <= 2;
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;  // [0, 399]
  const std::int64_t doy =
      (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5;  // day of the March-based year of the 1st
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return era * 146097 + doe - 719468 + (d - 1);
}

struct CivilDate {
  std::int64_t year;
  int month;  // 1..12
  int day;    // 1..31
};

constexpr CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;                                       // [0, 146096]
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const std::int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

// 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday).
constexpr int weekday_from_days(std::int64_t z) {
  return static_cast<int>(floor_mod(z + 4, 7));
}

// 1-based day of the year.
constexpr int day_of_year(std::int64_t y, int m, int d) {
  return static_cast<int>(days_from_civil(y, m, d) - days_from_civil(y, 1, 1)) + 1;
}

}  // namespace liquid::time
