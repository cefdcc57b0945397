#include "liquid/filter.hpp"

#include <string>

#include "liquid/error.hpp"

namespace liquid {

const Value& FilterCall::arg(std::size_t i) const {
  static const Value nil;
  return i < args.size() ? args[i] : nil;
}

const Value* FilterCall::kwarg(std::string_view name) const {
  for (const auto& k : kwargs)
    if (k.name == name) return &k.value;
  return nullptr;
}

void FilterCall::check_result_size(std::size_t bytes) const {
  if (bytes > info.max_result_bytes)
    throw FilterError(errc::output_limit, "filter result is larger than the output limit of " +
                                              std::to_string(info.max_result_bytes) + " bytes");
}

}  // namespace liquid
