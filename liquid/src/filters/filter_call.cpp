#include "liquid/filter.hpp"

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

}  // namespace liquid
