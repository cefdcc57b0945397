// Helpers shared by the standard tags (internal).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/context.hpp"
#include "liquid/tag.hpp"

namespace liquid::tags {

// Ruby's `to_i` on a value (nil -> 0, "3x" -> 3, 2.6 -> 2); nullopt where Ruby has no to_i.
std::optional<std::int64_t> ruby_to_i(const Value& v);
// Liquid's Utils.to_integer (integers as they are, else Integer(obj.to_s)); nullopt if invalid.
std::optional<std::int64_t> to_integer(const Value& v);

// a + b, saturating at the int64 bounds (limits and offsets of huge ranges).
inline std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) return b > 0 ? INT64_MAX : INT64_MIN;
  return r;
}

// Assign/Capture syntax: the first run of Ruby's VariableSignature (\(?[\w\-\.\[\]]\)?)+ that
// is followed (for assign) by `\s*=`. Returns the name and, for assign, the offset of what follows
// the `=` (npos if no match).
struct AssignTarget {
  std::string_view name;
  std::size_t rest = std::string_view::npos;  // offset in markup of the value after `=`
};
AssignTarget match_assign(std::string_view markup);
std::string_view match_variable_signature(std::string_view markup);

// The items a for/tablerow loop visits: Utils.slice_collection(collection, from, to), without
// materialising ranges.
class Segment {
 public:
  Segment(const Value& collection, std::int64_t from, std::optional<std::int64_t> to);
  std::int64_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // The i-th item (0-based, after slicing; `reversed` counts from the end).
  Value at(std::int64_t i, bool reversed) const;

 private:
  Value source_;             // keeps the collection alive
  std::vector<Value> items_; // hashes (as [key, value] pairs), strings and drops
  bool use_items_ = false;
  bool is_range_ = false;
  std::int64_t begin_ = 0;   // first index into the array, or first number of the range
  std::int64_t size_ = 0;
};

// The `Syntax Error ...` messages of Ruby's locale file.
inline std::string syntax_message(std::string_view tag, std::string_view usage) {
  return "Syntax Error in '" + std::string(tag) + "' - Valid syntax: " + std::string(usage);
}

}  // namespace liquid::tags
