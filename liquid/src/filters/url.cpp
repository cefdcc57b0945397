// Filter family: url. (Being written; the table below is filled as filters land.)
#include "liquid/environment.hpp"

namespace liquid::filters {

std::span<const FilterDef> url_filters() {
  static const std::vector<FilterDef> table = {};
  return table;
}

}  // namespace liquid::filters
