// Filter family: date.
//
//   {{ input | date: format }}
//
// Ruby's StandardFilters#date: an empty format (nil too) returns the input; Utils.to_date makes a
// time of the input (see time/to_date.hpp) or the input is returned as it is; the time is
// formatted with Ruby's Time#strftime (time/strftime.hpp).
#include "filters/coerce.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"
#include "time/strftime.hpp"
#include "time/to_date.hpp"

namespace liquid::filters {

namespace {

Value date(const FilterCall& call) {
  const std::string format = ruby_to_s(call.arg(0));
  if (format.empty()) return call.input;
  const std::optional<time::Time> t = time::to_date(call.input, call.info);
  if (!t) return call.input;
  std::string out;
  switch (time::strftime(out, format, *t)) {
    case time::StrftimeStatus::ok:
      break;
    case time::StrftimeStatus::invalid_format:
      throw FilterError(errc::invalid_value, "invalid format: " + format);
    case time::StrftimeStatus::too_wide:
      throw FilterError(errc::invalid_value,
                        "date format width above " + std::to_string(time::kMaxStrftimeWidth));
  }
  return Value(std::move(out));
}

}  // namespace

std::span<const FilterDef> date_filters() {
  static const std::vector<FilterDef> table = {
      {"date", 1, 1, date},
  };
  return table;
}

}  // namespace liquid::filters
