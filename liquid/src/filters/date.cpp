// Filter family: date.
//
//   {{ input | date: format }}
//
// Ruby's StandardFilters#date: an empty format (nil too) returns the input; Utils.to_date makes a
// time of the input (see time/to_date.hpp) or the input is returned as it is; the time is
// formatted with Ruby's Time#strftime (time/strftime.hpp).
#include <algorithm>
#include <string_view>

#include "filters/coerce.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"
#include "time/strftime.hpp"
#include "time/to_date.hpp"

namespace liquid::filters {

namespace {

// An upper bound of what strftime writes for `format`: its bytes, plus for each conversion its
// width or, without one, 64 (the longest conversions, %c and %+, write about 30 bytes). Checked
// against the output limit before formatting, so that thousands of `%1000d` cannot allocate
// gigabytes first.
std::size_t formatted_size_bound(std::string_view format) {
  constexpr std::string_view flags = "-_0^#:";
  std::size_t bound = format.size();
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    std::size_t j = i + 1;
    while (j < format.size() && flags.find(format[j]) != std::string_view::npos) ++j;
    std::size_t width = 0;
    for (; j < format.size() && format[j] >= '0' && format[j] <= '9'; ++j)
      width = std::min<std::size_t>(width * 10 + static_cast<std::size_t>(format[j] - '0'),
                                    time::kMaxStrftimeWidth + 1);
    bound += std::max<std::size_t>(width, 64);
    i = j;  // the conversion character itself (a second '%' in "%%" included)
  }
  return bound;
}

Value date(const FilterCall& call) {
  const std::string format = ruby_to_s(call.arg(0));
  if (format.empty()) return call.input;
  const std::optional<time::Time> t = time::to_date(call.input, call.info);
  if (!t) return call.input;
  call.check_result_size(formatted_size_bound(format));
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
