// Call one filter of a family table directly, without a template (tests only).
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/environment.hpp"
#include "liquid/filter.hpp"

namespace liquid::testing {

inline const FilterDef& find_filter(std::span<const FilterDef> family, std::string_view name) {
  for (const auto& d : family)
    if (d.name == name) return d;
  throw std::logic_error("no filter " + std::string(name));
}

inline Value apply(std::span<const FilterDef> family, std::string_view name, const Value& input,
                   std::vector<Value> args = {}, std::vector<KeywordArg> kwargs = {},
                   RenderInfo info = {}) {
  return find_filter(family, name).fn(FilterCall{input, args, kwargs, info});
}

}  // namespace liquid::testing
