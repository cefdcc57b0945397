#include "text_format.hpp"

#include <charconv>
#include <cmath>

namespace webhook::detail {

namespace {

// `width` digits of v (0 <= v < 10^width), zero-padded.
char* put_digits(char* p, std::int64_t v, int width) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return p + width;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

void append_int(std::string& out, std::int64_t v) {
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  out.append(buf, end);
}

void append_fixed3(std::string& out, double v) {
  char buf[400];  // the largest double has 309 integer digits
  // Durations are whole microseconds divided by 1000: when v * 1000 is that close to an integer
  // k, v lies within 0.0005 of k / 1000, so "%.3f" prints k / 1000 and integer digits suffice.
  // Negative zero, negative values and the rest go through to_chars, which is exact.
  if (v >= 0 && !std::signbit(v) && v < 1e9) {
    const double scaled = v * 1000.0;
    const double k = std::nearbyint(scaled);
    if (std::fabs(scaled - k) <= 0.001) {
      const auto thousandths = static_cast<std::int64_t>(k);
      char* p = std::to_chars(buf, buf + sizeof buf, thousandths / 1000).ptr;
      *p++ = '.';
      p = put_digits(p, thousandths % 1000, 3);
      out.append(buf, p);
      return;
    }
  }
  const auto end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3).ptr;
  out.append(buf, end);
}

void append_iso_time(std::string& out, TimeMs t) {
  const std::int64_t secs = floor_div(t, 1000);
  const std::int64_t ms = t - secs * 1000;
  const std::int64_t days = floor_div(secs, 86400);
  const std::int64_t sod = secs - days * 86400;
  // civil_from_days (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
  const std::int64_t z = days + 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yoe + era * 400 + (month <= 2);

  char buf[48];
  char* p = buf;
  if (year >= 0 && year <= 9999)
    p = put_digits(p, year, 4);
  else
    p = std::to_chars(p, buf + 24, year).ptr;
  *p++ = '-';
  p = put_digits(p, month, 2);
  *p++ = '-';
  p = put_digits(p, day, 2);
  *p++ = 'T';
  p = put_digits(p, sod / 3600, 2);
  *p++ = ':';
  p = put_digits(p, sod / 60 % 60, 2);
  *p++ = ':';
  p = put_digits(p, sod % 60, 2);
  *p++ = '.';
  p = put_digits(p, ms, 3);
  *p++ = 'Z';
  out.append(buf, p);
}

}  // namespace webhook::detail
