// Filter family: default.
#include <string>
#include <vector>

#include "filters/coerce.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"

namespace liquid::filters {

namespace {

// Ruby's `input.respond_to?(:empty?) && input.empty?`: strings, arrays and hashes.
bool is_empty(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::string:
      return v.as_string().empty();
    case Value::Kind::array:
      return v.as_array().empty();
    case Value::Kind::hash:
      return v.as_hash().empty();
    default:
      return false;
  }
}

// default(input, default_value = '', options = {}): the default when the input is nil, false
// (unless allow_false is truthy) or empty. Ruby receives keyword arguments as one trailing hash
// argument; that is kept exactly, with its quirks: `default: allow_false: true` alone makes the
// hash itself the default value, and a hash given as the second argument acts as the options.
Value default_filter(const FilterCall& call) {
  const bool has_options = !call.kwargs.empty();
  const std::size_t given = call.args.size() + (has_options ? 1 : 0);
  if (given > 2)
    throw FilterError(errc::filter_arguments, "wrong number of arguments (given " +
                                                  std::to_string(given + 1) + ", expected 1..3)");
  bool allow_false = false;
  if (has_options && given == 2) {
    for (const auto& k : call.kwargs)  // a repeated keyword: the last one counts, as in a Hash
      if (k.name == "allow_false") allow_false = k.value.truthy();
  } else if (call.args.size() == 2 && call.args[1].is_hash()) {
    const Value* v = call.args[1].as_hash().find("allow_false");
    allow_false = v && v->truthy();
  }
  Value scratch;
  const Value& plain = unwrap(call.input, scratch);
  const bool unset = allow_false ? call.input.is_nil() : !plain.truthy();
  if (!unset && !is_empty(plain)) return call.input;
  if (!call.args.empty()) return call.args[0];
  if (!has_options) return Value("");
  Hash options;  // the keyword hash took the default value's place
  for (const auto& k : call.kwargs) options.set(std::string(k.name), k.value);
  return Value(std::move(options));
}

}  // namespace

std::span<const FilterDef> default_filters() {
  static const std::vector<FilterDef> table = {
      {"default", 0, 2, default_filter, true},
  };
  return table;
}

}  // namespace liquid::filters
