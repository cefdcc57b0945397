// Ruby's implicit conversions, as the standard filters apply them (internal).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "liquid/filter.hpp"
#include "liquid/value.hpp"

namespace liquid::filters {

// Ruby's `obj.to_s` (what a string filter does to its input): nil -> "", arrays and hashes in
// inspect form ("[1, 2]"), numbers as Ruby prints them, drops by their to_s.
std::string ruby_to_s(const Value& v);

// Liquid's Utils.to_integer: integers as they are, anything else through Integer(obj.to_s);
// throws FilterError(errc::invalid_value, "invalid integer") when that fails.
std::int64_t to_integer(const Value& v);

// A drop stands for its plain value (Ruby's to_liquid_value); other values are returned as is.
const Value& unwrap(const Value& v, Value& scratch);

}  // namespace liquid::filters
