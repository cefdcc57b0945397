// Filter family: timezone (a liquidhook extension).
//
//   {{ created_at | timezone: 'America/New_York' | date: '%F %T %z' }}
//
// Shows an instant in another zone. The input is read as the date filter reads it (a string
// without an offset is in the render's default zone). The zone is an IANA name (matched without
// regard to case when there is no exact match), "UTC", or a fixed offset such as "+05:30".
//
// The result is a time value (time::TimeDrop): `date` formats it directly, keeping the zone's
// abbreviation for %Z; printed or handed to any other filter it is ISO 8601 text with the offset
// and any fraction ("2016-03-14T06:00:00.250-04:00"), which `date` parses back to the same
// instant and offset. Input that is not a time is returned unchanged, as `date` does. An unknown
// zone is an error (errc::invalid_value).
#include <memory>

#include "filters/coerce.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"
#include "time/to_date.hpp"
#include "time/zone.hpp"

namespace liquid::filters {

namespace {

Value timezone(const FilterCall& call) {
  const std::string name = ruby_to_s(call.arg(0));
  const time::Zone* zone = time::Zone::find(name);
  if (zone == nullptr) throw FilterError(errc::invalid_value, "unknown time zone '" + name + "'");
  const std::optional<time::Time> t = time::to_date(call.input, call.info);
  if (!t) return call.input;
  return Value(std::make_shared<const time::TimeDrop>(zone->time_at(t->seconds, t->attos)));
}

}  // namespace

std::span<const FilterDef> timezone_filters() {
  static const std::vector<FilterDef> table = {
      {"timezone", 1, 1, timezone},
  };
  return table;
}

}  // namespace liquid::filters
