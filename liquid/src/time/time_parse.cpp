// A port of Time.parse from Ruby 3.1's lib/time.rb (make_time, zone_offset, apply_offset,
// force_zone!), on top of the Date._parse port.
#include "time/time_parse.hpp"

#include <string>

#include "time/civil.hpp"

namespace liquid::time {

namespace {

char upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
int two_digits(std::string_view s, std::size_t i) {
  return (s[i] - '0') * 10 + (s[i + 1] - '0');
}

struct NamedOffset {
  std::string_view name;
  int hours;
};

// Time::ZoneOffset.
constexpr NamedOffset kZoneOffsets[] = {
    {"UTC", 0},  {"Z", 0},    {"UT", 0},   {"GMT", 0},  {"EST", -5}, {"EDT", -4},
    {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7},
    {"A", 1},    {"B", 2},    {"C", 3},    {"D", 4},    {"E", 5},    {"F", 6},
    {"G", 7},    {"H", 8},    {"I", 9},    {"K", 10},   {"L", 11},   {"M", 12},
    {"N", -1},   {"O", -2},   {"P", -3},   {"Q", -4},   {"R", -5},   {"S", -6},
    {"T", -7},   {"U", -8},   {"V", -9},   {"W", -10},  {"X", -11},  {"Y", -12},
};

// Time.zone_utc?: /\A(?:-00:00|-0000|-00|UTC|Z|UT)\z/i
bool zone_is_utc(std::string_view zone) {
  std::string z;
  for (char c : zone) z += upper(c);
  return z == "-00:00" || z == "-0000" || z == "-00" || z == "UTC" || z == "Z" || z == "UT";
}

bool year_in_range(std::int64_t year) {
  return year >= -kMaxYear && year <= kMaxYear;
}

// Ruby's Integer#divmod: floored quotient and a remainder with the divisor's sign.
void divmod(std::int64_t a, std::int64_t b, std::int64_t& q, std::int64_t& r) {
  q = floor_div(a, b);
  r = a - q * b;
}

// Time.month_days with Ruby's array indexing (index -1 is December; past the end is nil).
std::optional<std::int64_t> month_days(std::int64_t year, std::int64_t mon) {
  std::int64_t index = mon - 1;
  if (index < 0) index += 12;
  if (index < 0 || index > 11) return std::nullopt;
  return days_in_month(year, static_cast<int>(index) + 1);
}

// Time.apply_offset: wall-clock fields read in `off` turned into UTC fields, rolling over by
// hand (and so, like Ruby, only ever by one day).
void apply_offset(std::int64_t& year, std::int64_t& mon, std::int64_t& day, std::int64_t& hour,
                  std::int64_t& min, std::int64_t& sec, std::int64_t off) {
  std::int64_t o = 0;
  std::int64_t carry = 0;
  if (off < 0) {
    off = -off;
    divmod(off, 60, off, o);
    if (o != 0) {
      sec += o;
      divmod(sec, 60, carry, sec);
      off += carry;
    }
    divmod(off, 60, off, o);
    if (o != 0) {
      min += o;
      divmod(min, 60, carry, min);
      off += carry;
    }
    divmod(off, 24, off, o);
    if (o != 0) {
      hour += o;
      divmod(hour, 24, carry, hour);
      off += carry;
    }
    if (off != 0) {
      day += off;
      const auto days = month_days(year, mon);
      if (days && *days < day) {
        mon += 1;
        if (12 < mon) {
          mon = 1;
          year += 1;
        }
        day = 1;
      }
    }
  } else if (0 < off) {
    divmod(off, 60, off, o);
    if (o != 0) {
      sec -= o;
      divmod(sec, 60, carry, sec);
      off -= carry;
    }
    divmod(off, 60, off, o);
    if (o != 0) {
      min -= o;
      divmod(min, 60, carry, min);
      off -= carry;
    }
    divmod(off, 24, off, o);
    if (o != 0) {
      hour -= o;
      divmod(hour, 24, carry, hour);
      off -= carry;
    }
    if (off != 0) {
      day -= off;
      if (day < 1) {
        mon -= 1;
        if (mon < 1) {
          year -= 1;
          mon = 12;
        }
        // Ruby assigns nil here for a month past December; Time.utc then rejects the month.
        day = month_days(year, mon).value_or(1);
      }
    }
  }
}

// Ruby's time_arg(): each field is converted to a C int (a RangeError beyond int, which Liquid
// does not catch) and must fit its bit field (mon 4 bits, mday and hour 5, min and sec 6), in
// this order; then validate_vtm() checks the ranges. false is an ArgumentError.
bool check_time_args(std::int64_t mon, std::int64_t day, std::int64_t hour, std::int64_t min,
                     std::int64_t sec) {
  const std::int64_t values[] = {mon, day, hour, min, sec};
  const int bits[] = {4, 5, 5, 6, 6};
  for (int i = 0; i < 5; ++i) {
    const std::int64_t v = values[i];
    if (v > 2147483647) {
      // Numbers from the text are saturated at kSaturated; Ruby's would be bignums there.
      if (v >= kSaturated) throw DateRangeError("bignum too big to convert into `long'");
      throw DateRangeError("integer " + std::to_string(v) + " too big to convert to `int'");
    }
    if (v < 0 || v >= (std::int64_t{1} << bits[i])) return false;  // "argument out of range"
  }
  if (mon < 1 || mon > 12 || day < 1 || day > 31 || hour > 24) return false;
  if (hour == 24) return min == 0 && sec == 0;
  return min <= 59 && sec <= 60;
}

struct Request {
  std::optional<std::int64_t> year, yday, mon, day, hour, min, sec;
  std::optional<std::uint64_t> fraction;
  const std::string* zone = nullptr;
};

// Time.make_time.
std::optional<Time> make_time(Request r, const Zone& local, const Time& now_local) {
  if (!r.year && !r.yday && !r.mon && !r.day && !r.hour && !r.min && !r.sec && !r.fraction)
    return std::nullopt;  // "no time information"
  std::optional<std::int32_t> off;
  const std::int64_t off_year = r.year ? *r.year : fields_of(now_local).year;
  if (r.zone) off = zone_offset(*r.zone, off_year, local);

  if (r.yday) {
    const std::int64_t yday = *r.yday;
    if (yday < 1 || yday > 366) return std::nullopt;
    Request first = r;
    first.yday.reset();
    first.mon = (yday - 1) / 31 + 1;
    first.day = (yday - 1) % 31 + 1;
    const std::optional<Time> t = make_time(first, local, now_local);
    if (!t) return std::nullopt;
    const std::int64_t diff = yday - fields_of(*t).yday;
    if (diff == 0) return t;
    std::int64_t mon = *first.mon;
    std::int64_t day = *first.day + diff;
    if (day > 28) {
      const std::int64_t mdays = days_in_month(off_year, static_cast<int>(mon));
      if (day > mdays) {
        if (++mon > 12) return std::nullopt;
        day -= mdays;
      }
    }
    first.mon = mon;
    first.day = day;
    return make_time(first, local, now_local);
  }

  // The fields left out are taken from now, as seen in the text's offset if it has one.
  Time now = local.time_at(now_local.seconds, now_local.attos);
  if (off && now.utc_offset != *off) {
    if (*off >= kSecondsPerDay || *off <= -kSecondsPerDay) return std::nullopt;  // getlocal
    now = Time::fixed(now.seconds, now.attos, *off);
  }
  const Fields nf = fields_of(now);
  std::optional<std::uint64_t> fraction = r.fraction;
  [&] {
    if (r.year) return;
    r.year = nf.year;
    if (r.mon) return;
    r.mon = nf.month;
    if (r.day) return;
    r.day = nf.day;
    if (r.hour) return;
    r.hour = nf.hour;
    if (r.min) return;
    r.min = nf.minute;
    if (r.sec) return;
    r.sec = nf.second;
    if (fraction) return;
    fraction = now.attos / 1'000'000'000'000 * 1'000'000'000'000;  // now.tv_usec
  }();
  std::int64_t year = *r.year;
  std::int64_t mon = r.mon.value_or(1);
  std::int64_t day = r.day.value_or(1);
  std::int64_t hour = r.hour.value_or(0);
  std::int64_t min = r.min.value_or(0);
  std::int64_t sec = r.sec.value_or(0);
  const std::uint64_t attos = fraction.value_or(0);

  if (year != off_year) off = r.zone ? zone_offset(*r.zone, year, local) : std::nullopt;
  if (!off) return time_local(local, year, mon, day, hour, min, sec, attos);

  apply_offset(year, mon, day, hour, min, sec, *off);
  std::optional<Time> t = time_utc(year, mon, day, hour, min, sec, attos);
  if (!t) return std::nullopt;
  // force_zone!
  if (zone_is_utc(*r.zone)) return t;
  Time shown = local.time_at(t->seconds, t->attos);
  if (shown.utc_offset != *off) shown = Time::fixed(t->seconds, t->attos, *off);
  return shown;
}

}  // namespace

std::optional<std::int32_t> zone_offset(std::string_view zone, std::int64_t year,
                                        const Zone& local) {
  std::string z;
  z.reserve(zone.size());
  for (char c : zone) z += upper(c);
  const bool signed_start = !z.empty() && (z[0] == '+' || z[0] == '-');
  const int sign = !z.empty() && z[0] == '-' ? -1 : 1;
  // /\A([+-])(\d\d)(:?)(\d\d)(?:\3(\d\d))?\z/
  if (signed_start && z.size() >= 5 && is_digit(z[1]) && is_digit(z[2])) {
    const bool colon = z[3] == ':';
    const std::size_t m = colon ? 4 : 3;
    if (z.size() >= m + 2 && is_digit(z[m]) && is_digit(z[m + 1])) {
      const int hours = two_digits(z, 1);
      const int minutes = two_digits(z, m);
      const std::size_t rest = m + 2;
      int seconds = -1;
      if (z.size() == rest) {
        seconds = 0;
      } else if (colon && z.size() == rest + 3 && z[rest] == ':' && is_digit(z[rest + 1]) &&
                 is_digit(z[rest + 2])) {
        seconds = two_digits(z, rest + 1);
      } else if (!colon && z.size() == rest + 2 && is_digit(z[rest]) && is_digit(z[rest + 1])) {
        seconds = two_digits(z, rest);
      }
      if (seconds >= 0) return sign * ((hours * 60 + minutes) * 60 + seconds);
    }
  }
  // /\A[+-]\d\d\z/
  if (signed_start && z.size() == 3 && is_digit(z[1]) && is_digit(z[2]))
    return sign * two_digits(z, 1) * 3600;
  for (const NamedOffset& named : kZoneOffsets)
    if (z == named.name) return named.hours * 3600;
  // The local zone's own abbreviations, as in effect on January 1 and July 1.
  if (!year_in_range(year)) return std::nullopt;
  for (int month : {1, 7}) {
    const Time t = local.time_at(local.local_to_unix(local_seconds(year, month, 1, 0, 0, 0)));
    std::string abbrev;
    for (char c : t.abbrev.view()) abbrev += upper(c);
    if (!abbrev.empty() && abbrev == z) return t.utc_offset;
  }
  return std::nullopt;
}

std::optional<Time> time_utc(std::int64_t year, std::int64_t mon, std::int64_t day,
                             std::int64_t hour, std::int64_t min, std::int64_t sec,
                             std::uint64_t attos) {
  if (!check_time_args(mon, day, hour, min, sec) || !year_in_range(year)) return std::nullopt;
  return Time::utc(local_seconds(year, static_cast<int>(mon), day, hour, min, sec), attos);
}

std::optional<Time> time_local(const Zone& zone, std::int64_t year, std::int64_t mon,
                               std::int64_t day, std::int64_t hour, std::int64_t min,
                               std::int64_t sec, std::uint64_t attos) {
  if (!check_time_args(mon, day, hour, min, sec) || !year_in_range(year)) return std::nullopt;
  const std::int64_t local = local_seconds(year, static_cast<int>(mon), day, hour, min, sec);
  return zone.time_at(zone.local_to_unix(local), attos);
}

std::optional<Time> parse_utc_timestamp(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SSZ
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || (text[19] != 'Z' && text[19] != 'z'))
    return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
    if (!is_digit(text[i])) return std::nullopt;
  const std::int64_t year = two_digits(text, 0) * 100 + two_digits(text, 2);
  const int mon = two_digits(text, 5);
  const int day = two_digits(text, 8);
  const int hour = two_digits(text, 11);
  const int min = two_digits(text, 14);
  const int sec = two_digits(text, 17);
  // Out-of-range fields (a 31st of April rolls over, second 60, hour 24) go the general way.
  if (mon < 1 || mon > 12 || day < 1 || day > days_in_month(year, mon) || hour > 23 || min > 59 || sec > 59)
    return std::nullopt;
  return Time::utc(local_seconds(year, mon, day, hour, min, sec));
}

std::optional<Time> time_parse(std::string_view text, const Zone& local, const Time& now) {
  if (std::optional<Time> t = parse_utc_timestamp(text)) return t;
  return time_parse_general(text, local, now);
}

std::optional<Time> time_parse_general(std::string_view text, const Zone& local, const Time& now) {
  const std::optional<DateParts> parts = date_parse(text);
  if (!parts) return std::nullopt;
  Request r;
  r.year = parts->year;
  r.yday = parts->yday;
  r.mon = parts->mon;
  r.day = parts->mday;
  r.hour = parts->hour;
  r.min = parts->min;
  r.sec = parts->sec;
  r.fraction = parts->sec_fraction;
  if (parts->zone) r.zone = &*parts->zone;
  return make_time(r, local, now);
}

}  // namespace liquid::time
