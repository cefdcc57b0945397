// Time zones: UTC, fixed offsets, and IANA zones from the OS tz database (internal).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "time/time.hpp"

namespace date {
class time_zone;
}

namespace liquid::time {

class PosixRule;

class Zone {
 public:
  // The zone named "UTC": offset 0, abbreviation "UTC" (Ruby's local time under TZ=UTC).
  static const Zone& utc();
  // "UTC", an IANA name ("America/New_York"; matched case-insensitively when there is no exact
  // match), or a fixed offset "+05:30" / "-0800" / "+09". nullptr when there is no such zone.
  // Lookups are cached; the returned zone lives for the whole program. Thread-safe.
  static const Zone* find(std::string_view name);

  struct Info {
    std::int32_t offset;  // seconds east of UTC
    Abbrev abbrev;
  };
  // Offset and abbreviation in effect at a Unix second.
  Info at(std::int64_t unix_seconds) const;
  // The Unix second of a wall-clock reading (see time::local_seconds), as Ruby's Time.local
  // resolves it: an ambiguous reading (clocks set back) is the later instant, and a reading that
  // does not exist (clocks set forward) is read with the offset from before the change.
  std::int64_t local_to_unix(std::int64_t local) const;
  // The instant shown in this zone: ZoneKind::zone, or ZoneKind::fixed for a fixed-offset zone.
  Time time_at(std::int64_t unix_seconds, std::uint64_t attos = 0) const;

  const std::string& name() const { return name_; }

  ~Zone();
  Zone(const Zone&) = delete;
  Zone& operator=(const Zone&) = delete;

 private:
  Zone(std::string name, std::int32_t fixed_offset, bool named);
  Zone(std::string name, const date::time_zone* tz);
  static std::unique_ptr<Zone> make(std::string_view name);

  std::string name_;
  const date::time_zone* tz_ = nullptr;  // nullptr: a constant offset
  std::int32_t fixed_offset_ = 0;
  bool named_ = false;  // a constant-offset zone with a name ("UTC") rather than a bare offset
  // The database's files end their transitions in 2037; later instants follow the POSIX TZ rule
  // at the end of the zone file, as the C library (and so Ruby) does.
  std::unique_ptr<PosixRule> rule_;
  std::int64_t rule_from_ = 0;  // the Unix second from which rule_ applies
};

}  // namespace liquid::time
