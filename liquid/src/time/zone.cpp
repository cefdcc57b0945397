#include "time/zone.hpp"

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <shared_mutex>

#include "time/civil.hpp"

namespace liquid::time {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

// date/tz keeps calendar years in 16 bits; instants beyond these bounds are clamped before a
// database lookup (the first and last periods of a zone extend to them anyway).
const std::int64_t kTzMin = days_from_civil(-30000, 1, 1) * kSecondsPerDay;
const std::int64_t kTzMax = days_from_civil(30000, 1, 1) * kSecondsPerDay;

std::int64_t clamp_tz(std::int64_t t) {
  return t < kTzMin ? kTzMin : t > kTzMax ? kTzMax : t;
}

// "+05:30", "-0800", "+09" -> seconds east of UTC.
std::optional<std::int32_t> parse_fixed_offset(std::string_view s) {
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-') || !is_digit(s[1]) || !is_digit(s[2]))
    return std::nullopt;
  int hours = (s[1] - '0') * 10 + (s[2] - '0');
  int minutes = 0;
  std::string_view rest = s.substr(3);
  if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
  if (!rest.empty()) {
    if (rest.size() != 2 || !is_digit(rest[0]) || !is_digit(rest[1])) return std::nullopt;
    minutes = (rest[0] - '0') * 10 + (rest[1] - '0');
  } else if (s.size() != 3) {
    return std::nullopt;  // "+05:"
  }
  if (hours > 23 || minutes > 59) return std::nullopt;
  std::int32_t offset = (hours * 60 + minutes) * 60;
  return s[0] == '-' ? -offset : offset;
}

std::string canonical_offset_name(std::int32_t offset) {
  char buf[16];
  std::int32_t a = offset < 0 ? -offset : offset;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset < 0 ? '-' : '+', a / 3600, a / 60 % 60);
  return buf;
}

}  // namespace

// The POSIX TZ string at the end of a TZif file ("EST5EDT,M3.2.0,M11.1.0"), for zones with
// daylight saving time: it gives the offsets after the file's last transition.
class PosixRule {
 public:
  static std::unique_ptr<PosixRule> parse(std::string_view spec) {
    auto rule = std::make_unique<PosixRule>();
    std::size_t i = 0;
    std::int64_t std_west = 0;
    if (!parse_name(spec, i, rule->std_abbrev_) || !parse_hms(spec, i, std_west, true))
      return nullptr;
    rule->std_offset_ = static_cast<std::int32_t>(-std_west);
    if (i == spec.size()) return nullptr;  // no daylight saving time: the database suffices
    if (!parse_name(spec, i, rule->dst_abbrev_)) return nullptr;
    rule->dst_offset_ = rule->std_offset_ + 3600;
    if (i < spec.size() && spec[i] != ',') {
      std::int64_t dst_west = 0;
      if (!parse_hms(spec, i, dst_west, true)) return nullptr;
      rule->dst_offset_ = static_cast<std::int32_t>(-dst_west);
    }
    if (i == spec.size()) {
      // POSIX leaves the default rule to the implementation; glibc uses the US rule.
      spec = ",M3.2.0,M11.1.0";
      i = 0;
    }
    if (spec[i] != ',' || !parse_date(spec, ++i, rule->start_) || i >= spec.size() ||
        spec[i] != ',' || !parse_date(spec, ++i, rule->end_) || i != spec.size())
      return nullptr;
    return rule;
  }

  Zone::Info at(std::int64_t t) const {
    const std::int64_t year = civil_from_days(floor_div(t + std_offset_, kSecondsPerDay)).year;
    const std::int64_t start = transition(start_, year, std_offset_);
    const std::int64_t end = transition(end_, year, dst_offset_);
    const bool dst = start < end ? (start <= t && t < end) : !(end <= t && t < start);
    return dst ? Zone::Info{dst_offset_, dst_abbrev_} : Zone::Info{std_offset_, std_abbrev_};
  }

 private:
  struct RuleDate {
    char kind = 'M';  // 'J': Jn (1..365, no Feb 29); 'N': n (0..365); 'M': Mm.w.d
    int a = 0, b = 0, c = 0;
    std::int64_t time = 7200;  // local seconds after midnight
  };

  static bool parse_name(std::string_view s, std::size_t& i, Abbrev& out) {
    std::size_t begin = i;
    if (i < s.size() && s[i] == '<') {
      std::size_t close = s.find('>', i);
      if (close == std::string_view::npos) return false;
      out = Abbrev(s.substr(i + 1, close - i - 1));
      i = close + 1;
      return close > begin + 1;
    }
    while (i < s.size() && is_alpha(s[i])) ++i;
    out = Abbrev(s.substr(begin, i - begin));
    return i - begin >= 3;
  }

  static bool parse_number(std::string_view s, std::size_t& i, std::int64_t& out) {
    std::size_t begin = i;
    out = 0;
    while (i < s.size() && is_digit(s[i]) && i - begin < 6) out = out * 10 + (s[i++] - '0');
    return i > begin;
  }

  // [+-]hh[:mm[:ss]]
  static bool parse_hms(std::string_view s, std::size_t& i, std::int64_t& out, bool signed_ok) {
    bool negative = false;
    if (signed_ok && i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    std::int64_t h = 0, m = 0, sec = 0;
    if (!parse_number(s, i, h)) return false;
    if (i < s.size() && s[i] == ':') {
      if (!parse_number(s, ++i, m)) return false;
      if (i < s.size() && s[i] == ':' && !parse_number(s, ++i, sec)) return false;
    }
    out = h * 3600 + m * 60 + sec;
    if (negative) out = -out;
    return true;
  }

  static bool parse_date(std::string_view s, std::size_t& i, RuleDate& d) {
    std::int64_t n = 0;
    if (i < s.size() && s[i] == 'J') {
      d.kind = 'J';
      if (!parse_number(s, ++i, n) || n < 1 || n > 365) return false;
      d.a = static_cast<int>(n);
    } else if (i < s.size() && s[i] == 'M') {
      std::int64_t w = 0, wd = 0;
      d.kind = 'M';
      if (!parse_number(s, ++i, n) || i >= s.size() || s[i] != '.' || !parse_number(s, ++i, w) ||
          i >= s.size() || s[i] != '.' || !parse_number(s, ++i, wd) || n < 1 || n > 12 || w < 1 ||
          w > 5 || wd > 6)
        return false;
      d.a = static_cast<int>(n);
      d.b = static_cast<int>(w);
      d.c = static_cast<int>(wd);
    } else {
      d.kind = 'N';
      if (!parse_number(s, i, n) || n > 365) return false;
      d.a = static_cast<int>(n);
    }
    if (i < s.size() && s[i] == '/' && !parse_hms(s, ++i, d.time, true)) return false;
    return true;
  }

  // The Unix second at which the rule date of `year` happens, read in `offset`.
  static std::int64_t transition(const RuleDate& d, std::int64_t year, std::int32_t offset) {
    std::int64_t day = 0;
    if (d.kind == 'J') {
      day = days_from_civil(year, 1, 1) + d.a - 1 + (is_leap_year(year) && d.a >= 60 ? 1 : 0);
    } else if (d.kind == 'N') {
      day = days_from_civil(year, 1, 1) + d.a;
    } else {
      const std::int64_t first = days_from_civil(year, d.a, 1);
      std::int64_t mday = 1 + floor_mod(d.c - weekday_from_days(first), 7) + (d.b - 1) * 7;
      while (mday > days_in_month(year, d.a)) mday -= 7;
      day = first + mday - 1;
    }
    return day * kSecondsPerDay + d.time - offset;
  }

  std::int32_t std_offset_ = 0, dst_offset_ = 0;
  Abbrev std_abbrev_, dst_abbrev_;
  RuleDate start_, end_;
};

namespace {

// The POSIX TZ string that ends a version 2+ TZif file, or "".
std::string read_tzif_footer(const std::string& zone_name) {
  std::string dir = "/usr/share/zoneinfo";
  if (const char* env = std::getenv("TZDIR"); env != nullptr && *env != '\0') dir = env;
  std::FILE* file = std::fopen((dir + "/" + zone_name).c_str(), "rb");
  if (file == nullptr) return {};
  std::string bytes;
  char chunk[4096];
  for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, file)) > 0;) bytes.append(chunk, n);
  std::fclose(file);
  if (bytes.size() < 6 || bytes.compare(0, 4, "TZif") != 0 || bytes[4] < '2' ||
      bytes.back() != '\n')
    return {};
  const std::size_t start = bytes.rfind('\n', bytes.size() - 2);
  if (start == std::string::npos) return {};
  return bytes.substr(start + 1, bytes.size() - start - 2);
}

struct ZoneCache {
  std::shared_mutex mutex;
  std::map<std::string, std::unique_ptr<Zone>, std::less<>> zones;  // by canonical name
  std::map<std::string, const Zone*, std::less<>> aliases;          // names as asked for
};

ZoneCache& zone_cache() {
  static ZoneCache cache;
  return cache;
}

// Distinct spellings remembered per process; beyond this, lookups still work, uncached.
constexpr std::size_t kMaxAliases = 4096;

}  // namespace

Zone::Zone(std::string name, std::int32_t fixed_offset, bool named)
    : name_(std::move(name)), fixed_offset_(fixed_offset), named_(named) {}

Zone::Zone(std::string name, const date::time_zone* tz) : name_(std::move(name)), tz_(tz) {
  const date::sys_info last = tz_->get_info(date::sys_seconds{std::chrono::seconds{kTzMax}});
  rule_from_ = last.begin.time_since_epoch().count();
  rule_ = PosixRule::parse(read_tzif_footer(tz_->name()));
}

Zone::~Zone() = default;

const Zone& Zone::utc() {
  static const Zone zone("UTC", 0, true);
  return zone;
}

std::unique_ptr<Zone> Zone::make(std::string_view name) {
  if (auto offset = parse_fixed_offset(name))
    return std::unique_ptr<Zone>(new Zone(canonical_offset_name(*offset), *offset, false));
  try {
    const date::time_zone* tz = nullptr;
    try {
      tz = date::locate_zone(std::string(name));
    } catch (const std::runtime_error&) {
      for (const auto& candidate : date::get_tzdb().zones) {
        if (iequals(candidate.name(), name)) {
          tz = &candidate;
          break;
        }
      }
    }
    if (tz == nullptr) return nullptr;
    return std::unique_ptr<Zone>(new Zone(tz->name(), tz));
  } catch (const std::exception&) {
    return nullptr;  // no usable tz database
  }
}

const Zone* Zone::find(std::string_view name) {
  if (name == "UTC") return &utc();
  thread_local std::string last_name;
  thread_local const Zone* last_zone = nullptr;
  if (last_zone != nullptr && name == last_name) return last_zone;

  ZoneCache& cache = zone_cache();
  const Zone* found = nullptr;
  {
    std::shared_lock lock(cache.mutex);
    if (auto it = cache.aliases.find(name); it != cache.aliases.end()) found = it->second;
  }
  if (found == nullptr) {
    std::unique_ptr<Zone> made = make(name);
    if (!made) return nullptr;
    std::unique_lock lock(cache.mutex);
    auto it = cache.zones.find(made->name());
    if (it == cache.zones.end()) it = cache.zones.emplace(made->name(), std::move(made)).first;
    found = it->second.get();
    if (cache.aliases.size() < kMaxAliases) cache.aliases.emplace(std::string(name), found);
  }
  last_name.assign(name);
  last_zone = found;
  return found;
}

Zone::Info Zone::at(std::int64_t t) const {
  if (tz_ == nullptr) return {fixed_offset_, named_ ? Abbrev(name_) : Abbrev()};
  if (rule_ && t >= rule_from_) return rule_->at(t);
  const date::sys_info info = tz_->get_info(date::sys_seconds{std::chrono::seconds{clamp_tz(t)}});
  return {static_cast<std::int32_t>(info.offset.count()), Abbrev(info.abbrev)};
}

std::int64_t Zone::local_to_unix(std::int64_t local) const {
  if (tz_ == nullptr) return local - fixed_offset_;
  constexpr std::int64_t kTwoDays = 2 * kSecondsPerDay;
  if (rule_ && local - kTwoDays > rule_from_) {
    // The offsets two days either side; a reading is valid in an offset when that offset is in
    // effect at the instant it gives.
    const std::int32_t before = at(local - kTwoDays).offset;
    const std::int32_t after = at(local + kTwoDays).offset;
    const bool before_valid = at(local - before).offset == before;
    const bool after_valid = at(local - after).offset == after;
    if (before_valid && after_valid) return std::max(local - before, local - after);
    if (after_valid) return local - after;
    return local - before;
  }
  const date::local_info info =
      tz_->get_info(date::local_seconds{std::chrono::seconds{clamp_tz(local)}});
  switch (info.result) {
    case date::local_info::ambiguous:
      return local - info.second.offset.count();
    case date::local_info::nonexistent:
    case date::local_info::unique:
      break;
  }
  return local - info.first.offset.count();
}

Time Zone::time_at(std::int64_t unix_seconds, std::uint64_t attos) const {
  const Info info = at(unix_seconds);
  const ZoneKind kind = (tz_ != nullptr || named_) ? ZoneKind::zone : ZoneKind::fixed;
  return Time{unix_seconds, attos, info.offset, kind, info.abbrev};
}

}  // namespace liquid::time
