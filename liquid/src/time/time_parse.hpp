// Ruby's Time.parse and the Time constructors it relies on (internal).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "time/date_parse.hpp"
#include "time/time.hpp"
#include "time/zone.hpp"

namespace liquid::time {

// Ruby's Time.parse(text, now) run in a process whose local zone (TZ) is `local`: the fields
// Date._parse finds, the missing leading ones taken from `now`, an offset or zone name in the
// text honoured and kept. nullopt where Ruby raises ArgumentError ("no time information",
// "argument out of range", ...), and for years beyond ±kMaxYear. Throws DateRangeError where
// Ruby raises RangeError.
std::optional<Time> time_parse(std::string_view text, const Zone& local, const Time& now);

// The form webhook data carries most, "2019-05-15T18:39:20Z" (exactly, with in-range fields),
// read directly: the UTC time Time.parse gives for it; nullopt for any other text, which then
// takes the general path. time_parse tries it first (the general path is 15 % of rendering a
// template that formats two dates); time_parse_general is the path without it, for the tests
// that hold the two equal.
std::optional<Time> parse_utc_timestamp(std::string_view text);
std::optional<Time> time_parse_general(std::string_view text, const Zone& local, const Time& now);

// Ruby's Time.zone_offset(zone, year): "+09:00", "-0500", "+09", the names in Time::ZoneOffset
// (UTC, GMT, EST, ..., military letters), or the local zone's own abbreviation on January 1 or
// July 1 of `year`. Case-insensitive. nullopt for anything else.
std::optional<std::int32_t> zone_offset(std::string_view zone, std::int64_t year,
                                        const Zone& local);

// Ruby's Time.utc(year, mon, day, hour, min, sec, subsec) / Time.local(...): nullopt for
// arguments out of range (mon 1..12, day 1..31, hour 0..24 with 24 only at 24:00:00, min 0..59,
// sec 0..60; days past the month's end roll into the next month) and for years beyond
// ±kMaxYear; throws DateRangeError for a field beyond a C int, as Ruby raises RangeError.
std::optional<Time> time_utc(std::int64_t year, std::int64_t mon, std::int64_t day,
                             std::int64_t hour, std::int64_t min, std::int64_t sec,
                             std::uint64_t attos);
std::optional<Time> time_local(const Zone& zone, std::int64_t year, std::int64_t mon,
                               std::int64_t day, std::int64_t hour, std::int64_t min,
                               std::int64_t sec, std::uint64_t attos);

}  // namespace liquid::time
