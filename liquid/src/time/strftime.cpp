// A port of Ruby 3.1's strftime.c (rb_strftime_with_timespec), kept close to its structure so
// that its corner cases (flag order, padding of composite conversions, %z widths) carry over.
#include "time/strftime.hpp"

#include <climits>
#include <cstring>

#include "time/civil.hpp"

namespace liquid::time {

namespace {

enum : unsigned { kLeft = 1, kChangeCase = 2, kLower = 4, kUpper = 8 };

constexpr const char* kDayNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                     "Thursday", "Friday", "Saturday"};
constexpr const char* kMonthNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};

struct TooWide {};

void check_width(long width) {
  if (width > kMaxStrftimeWidth) throw TooWide{};
}

// Ruby's weeknumber(): weeks of the year starting on Sunday (0) or Monday (1).
int week_number(int yday0, int wday, int first_weekday) {
  if (first_weekday == 1) wday = wday == 0 ? 6 : wday - 1;
  int week = (yday0 + 7 - wday) / 7;
  return week < 0 ? 0 : week;
}

// Ruby's iso8601wknum(), on a 0-based day of the year and a 0-based month.
int iso_week_number(int yday0, int wday, int month0, int mday, std::int64_t year) {
  int week = week_number(yday0, wday, 1);
  int jan1_wday = wday - yday0 % 7;
  if (jan1_wday < 0) jan1_wday += 7;
  switch (jan1_wday) {
    case 1:
      break;
    case 2:
    case 3:
    case 4:
      ++week;
      break;
    default:  // Friday, Saturday, Sunday: week 0 is the last week of the previous year
      if (week == 0) {
        week = iso_week_number(364 + (is_leap_year(year - 1) ? 1 : 0),
                               jan1_wday == 0 ? 6 : jan1_wday - 1, 11, 31, year - 1);
      }
      break;
  }
  if (month0 == 11) {
    if ((wday == 1 && mday >= 29 && mday <= 31) || (wday == 2 && (mday == 30 || mday == 31)) ||
        (wday == 3 && mday == 31))
      week = 1;
  }
  return week;
}

void case_convert(std::string& out, std::size_t from, unsigned flags) {
  switch (flags & (kUpper | kLower)) {
    case kUpper:
      for (std::size_t i = from; i < out.size(); ++i)
        if (out[i] >= 'a' && out[i] <= 'z') out[i] = static_cast<char>(out[i] - 32);
      break;
    case kLower:
      for (std::size_t i = from; i < out.size(); ++i)
        if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] + 32);
      break;
    default:
      break;
  }
}

// printf("%0*lld") / printf("%*lld").
void append_int(std::string& out, std::int64_t value, int width, bool zero_pad) {
  char digits[24];
  int n = 0;
  std::uint64_t magnitude =
      value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  do {
    digits[n++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  const int length = n + (value < 0 ? 1 : 0);
  const int fill = width > length ? width - length : 0;
  if (!zero_pad) out.append(static_cast<std::size_t>(fill), ' ');
  if (value < 0) out += '-';
  if (zero_pad) out.append(static_cast<std::size_t>(fill), '0');
  while (n > 0) out += digits[--n];
}

class Formatter {
 public:
  Formatter(std::string& out, const Time& t) : out_(out), t_(t), f_(fields_of(t)) {}

  bool run(std::string_view format);

 private:
  std::string& out_;
  const Time& t_;
  Fields f_;

  int hour12() const { return f_.hour == 0 ? 12 : f_.hour > 12 ? f_.hour - 12 : f_.hour; }
  std::int64_t iso_year(int week) const {
    if (f_.month == 12 && week == 1) return f_.year + 1;
    if (f_.month == 1 && week >= 52) return f_.year - 1;
    return f_.year;
  }
  int iso_week() const {
    return iso_week_number(f_.yday - 1, f_.wday, f_.month - 1, f_.day, f_.year);
  }
  void append_offset(int precision, unsigned flags, char padding, int colons);
  void append_fraction(int digits);
};

void Formatter::append_fraction(int digits) {
  check_width(digits);
  char buf[19];
  std::uint64_t attos = t_.attos;
  for (int i = 17; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + attos % 10);
    attos /= 10;
  }
  const int exact = digits < 18 ? digits : 18;
  out_.append(buf, static_cast<std::size_t>(exact));
  out_.append(static_cast<std::size_t>(digits - exact), '0');
}

void Formatter::append_offset(int precision, unsigned flags, char padding, int colons) {
  check_width(precision);
  const bool gmt = t_.kind == ZoneKind::utc;
  long off = gmt ? 0 : t_.utc_offset;
  int sign = 1;
  // RFC 3339's "-00:00" (offset unknown) for a UTC time with the `-` flag.
  if (off < 0 || (gmt && (flags & kLeft))) {
    off = -off;
    sign = -1;
  }
  switch (colons) {
    case 0:
      precision = precision <= 5 ? 2 : precision - 3;
      break;
    case 1:
      precision = precision <= 6 ? 2 : precision - 4;
      break;
    case 2:
      precision = precision <= 9 ? 2 : precision - 7;
      break;
    default:
      if (off % 3600 == 0)
        precision = precision <= 3 ? 2 : precision - 1;
      else if (off % 60 == 0)
        precision = precision <= 6 ? 2 : precision - 4;
      else
        precision = precision <= 9 ? 2 : precision - 7;
      break;
  }
  const char sign_char = sign < 0 ? '-' : '+';
  std::string hours = std::to_string(off / 3600);
  if (padding == ' ') {
    // printf("%+*ld", precision + 1, ...): blanks, then the sign next to the digits.
    const std::size_t width = static_cast<std::size_t>(precision) + 1;
    if (hours.size() + 1 < width) out_.append(width - hours.size() - 1, ' ');
    out_ += sign_char;
  } else {
    // printf("%+.*ld", precision, ...): the sign, then at least `precision` digits.
    out_ += sign_char;
    if (hours.size() < static_cast<std::size_t>(precision))
      out_.append(static_cast<std::size_t>(precision) - hours.size(), '0');
  }
  out_ += hours;
  off %= 3600;
  if (colons == 3 && off == 0) return;
  if (colons >= 1) out_ += ':';
  append_int(out_, off / 60, 2, true);
  off %= 60;
  if (colons == 3 && off == 0) return;
  if (colons >= 2) {
    out_ += ':';
    append_int(out_, off, 2, true);
  }
}

bool Formatter::run(std::string_view format) {
  const std::size_t end = format.size();
  std::size_t pos = 0;
  while (pos < end) {
    const std::size_t percent = format.find('%', pos);
    if (percent == std::string_view::npos) {
      out_.append(format.substr(pos));
      break;
    }
    out_.append(format.substr(pos, percent - pos));
    const std::size_t sp = percent;
    pos = percent;
    int precision = -1;
    unsigned flags = 0;
    char padding = 0;
    int colons = 0;

    // Helpers mirroring strftime.c's macros.
    auto fill_padding = [&](std::size_t length) {
      if (!(flags & kLeft) && precision > static_cast<long>(length)) {
        check_width(precision);
        out_.append(static_cast<std::size_t>(precision) - length, padding ? padding : ' ');
      }
    };
    auto fmt = [&](char default_pad, int default_precision, std::int64_t value) {
      const int width = (flags & kLeft) ? 1 : precision <= 0 ? default_precision : precision;
      check_width(width);
      append_int(out_, value, width, padding == '0' || (!padding && default_pad == '0'));
    };
    auto text = [&](std::string_view s) {
      if (s.empty()) return;
      fill_padding(s.size());
      const std::size_t from = out_.size();
      out_.append(s);
      case_convert(out_, from, flags);
    };
    auto composite = [&](std::string_view sub) {
      const std::size_t from = out_.size();
      run(sub);
      const std::size_t length = out_.size() - from;
      if (length > 0) case_convert(out_, from, flags);
      if (precision > static_cast<long>(length)) {
        check_width(precision);
        out_.insert(from, static_cast<std::size_t>(precision) - length, padding ? padding : ' ');
      }
    };
    auto unknown = [&]() { out_.append(format.substr(sp, pos - sp + 1)); };
    auto upper_on_change_case = [&]() {
      if (flags & kChangeCase) {
        flags &= ~(kLower | kChangeCase);
        flags |= kUpper;
      }
    };

    bool more = true;
    while (more) {
      more = false;
      if (++pos >= end) return false;  // the format ends inside a conversion
      const char c = format[pos];
      switch (c) {
        case '%':
          fill_padding(1);
          out_ += '%';
          break;
        case 'a':
          upper_on_change_case();
          text(std::string_view(kDayNames[f_.wday], 3));
          break;
        case 'A':
          upper_on_change_case();
          text(kDayNames[f_.wday]);
          break;
        case 'h':
        case 'b':
          upper_on_change_case();
          text(std::string_view(kMonthNames[f_.month - 1], 3));
          break;
        case 'B':
          upper_on_change_case();
          text(kMonthNames[f_.month - 1]);
          break;
        case 'c':
          composite("%a %b %e %H:%M:%S %Y");
          break;
        case 'd':
          fmt('0', 2, f_.day);
          break;
        case 'H':
          fmt('0', 2, f_.hour);
          break;
        case 'I':
          fmt('0', 2, hour12());
          break;
        case 'j':
          fmt('0', 3, f_.yday);
          break;
        case 'm':
          fmt('0', 2, f_.month);
          break;
        case 'M':
          fmt('0', 2, f_.minute);
          break;
        case 'p':
        case 'P':
          if ((c == 'p' && (flags & kChangeCase)) ||
              (c == 'P' && !(flags & (kChangeCase | kUpper)))) {
            flags &= ~(kUpper | kChangeCase);
            flags |= kLower;
          }
          text(f_.hour < 12 ? "AM" : "PM");
          break;
        case 's':
          fmt('0', 1, t_.seconds);
          break;
        case 'S':
          fmt('0', 2, f_.second);
          break;
        case 'U':
          fmt('0', 2, week_number(f_.yday - 1, f_.wday, 0));
          break;
        case 'w':
          fmt('0', 1, f_.wday);
          break;
        case 'W':
          fmt('0', 2, week_number(f_.yday - 1, f_.wday, 1));
          break;
        case 'x':
        case 'D':
          composite("%m/%d/%y");
          break;
        case 'X':
        case 'T':
          composite("%H:%M:%S");
          break;
        case 'y':
          fmt('0', 2, floor_mod(f_.year, 100));
          break;
        case 'Y':
          fmt('0', f_.year >= 0 ? 4 : 5, f_.year);
          break;
        case 'z':
          if (colons > 3) {
            --pos;
            unknown();
            break;
          }
          append_offset(precision, flags, padding, colons);
          break;
        case 'Z':
          if (flags & kChangeCase) {
            flags &= ~(kUpper | kChangeCase);
            flags |= kLower;
          }
          if (t_.kind == ZoneKind::utc)
            text("UTC");
          else if (t_.kind == ZoneKind::zone)
            text(t_.abbrev.view());
          break;
        case 'n':
          fill_padding(1);
          out_ += '\n';
          break;
        case 't':
          fill_padding(1);
          out_ += '\t';
          break;
        case 'e':
          fmt(' ', 2, f_.day);
          break;
        case 'r':
          composite("%I:%M:%S %p");
          break;
        case 'R':
          composite("%H:%M");
          break;
        case 'k':
          fmt(' ', 2, f_.hour);
          break;
        case 'l':
          fmt(' ', 2, hour12());
          break;
        case 'v':
          composite("%e-%^b-%4Y");
          break;
        case 'C':
          fmt('0', 2, floor_div(f_.year, 100));
          break;
        case 'E':
        case 'O': {
          // Locale modifiers, ignored: valid only before the conversions POSIX allows.
          const char next = pos + 1 < end ? format[pos + 1] : '\0';
          const char* allowed = c == 'E' ? "cCxXyY" : "deHkIlmMSuUVwWy";
          if (next == '\0' || std::strchr(allowed, next) == nullptr) {
            unknown();
          } else {
            more = true;
          }
          break;
        }
        case 'V':
          fmt('0', 2, iso_week());
          break;
        case 'u':
          fmt('0', 1, f_.wday == 0 ? 7 : f_.wday);
          break;
        case 'G':
        case 'g': {
          const std::int64_t year = iso_year(iso_week());
          if (c == 'G')
            fmt('0', year >= 0 ? 4 : 5, year);
          else
            fmt('0', 2, floor_mod(year, 100));
          break;
        }
        case 'L':
        case 'N':
          append_fraction(precision <= 0 ? (c == 'L' ? 3 : 9) : precision);
          break;
        case 'F':
          composite("%Y-%m-%d");
          break;
        case '-':
        case '^':
        case '#':
        case '_':
          if (precision > 0) {  // a flag after a width
            unknown();
            break;
          }
          if (c == '-') {
            flags |= kLeft;
            padding = 0;
            precision = 0;
          } else if (c == '^') {
            flags |= kUpper;
          } else if (c == '#') {
            flags |= kChangeCase;
          } else {
            padding = ' ';
          }
          more = true;
          break;
        case ':': {
          // Up to three colons before 'z'. Four colons are taken in too, as strftime.c does;
          // the 'z' then rejects them (any other conversion ignores them).
          bool valid = true;
          for (colons = 1; colons <= 3; ++colons) {
            if (pos + colons >= end ||
                (format[pos + colons] != 'z' && format[pos + colons] != ':')) {
              valid = false;
              break;
            }
            if (format[pos + colons] == 'z') break;
          }
          if (!valid) {
            unknown();
            break;
          }
          pos += static_cast<std::size_t>(colons) - 1;
          more = true;
          break;
        }
        case '0':
          padding = '0';
          [[fallthrough]];
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
        case '8':
        case '9': {
          std::size_t digits_end = pos;
          unsigned long long width = 0;
          bool overflow = false;
          while (digits_end < end && format[digits_end] >= '0' && format[digits_end] <= '9') {
            width = width * 10 + static_cast<unsigned>(format[digits_end] - '0');
            if (width > INT_MAX) overflow = true;
            ++digits_end;
          }
          if (overflow) {
            unknown();
            break;
          }
          precision = static_cast<int>(width);
          pos = digits_end - 1;
          more = true;
          break;
        }
        default:
          unknown();
          break;
      }
    }
    pos += 1;
  }
  return true;
}

}  // namespace

StrftimeStatus strftime(std::string& out, std::string_view format, const Time& t) {
  try {
    Formatter formatter(out, t);
    return formatter.run(format) ? StrftimeStatus::ok : StrftimeStatus::invalid_format;
  } catch (const TooWide&) {
    return StrftimeStatus::too_wide;
  }
}

}  // namespace liquid::time
