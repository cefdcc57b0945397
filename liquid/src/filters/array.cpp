// Filter family: array (compact, concat, find, find_index, first, has, join, last, map, reject,
// reverse, size, sort, sort_natural, sum, uniq, where), as Shopify Liquid 5.13's
// StandardFilters.
//
// Most of them read their input through Ruby's InputIterator: an array is flattened (deeply), a
// hash is one item, a range gives its integers, nil gives nothing, anything else is one item.
// `item[property]` is Ruby's `[]`: a hash looks the key up, a string finds a substring or a
// character, an integer reads a bit, a drop answers through Drop::get; nil, booleans, floats and
// ranges have no `[]` at all, which the property filters treat as Ruby does.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "filters/coerce.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"
#include "utf8.hpp"

namespace liquid::filters {

namespace {

// A range is expanded into at most this many items; beyond it a filter that must visit each item
// is an error rather than an unbounded loop.
constexpr std::int64_t kMaxRangeItems = 1'000'000;

// The number of integers in a range; Range::size() overflows for the widest ranges.
Int128 range_count(Range r) {
  return r.last < r.first ? 0 : Int128{r.last} - r.first + 1;
}

// InputIterator's sequence of items. A flat input array is viewed in place (no copy), so a
// filter that keeps every item can return the input value itself.
class Sequence {
 public:
  explicit Sequence(const Value& input) {
    Value scratch;
    plain_ = unwrap(input, scratch);  // a shared copy: the items stay valid while this lives
    switch (plain_.kind()) {
      case Value::Kind::nil:
        break;
      case Value::Kind::array: {
        const Array& array = plain_.as_array();
        if (std::none_of(array.begin(), array.end(), [](const Value& v) { return v.is_array(); }))
          view_ = &array;
        else
          flatten(array);
        break;
      }
      case Value::Kind::range: {
        Range r = plain_.as_range();
        const Int128 count = range_count(r);
        if (count > kMaxRangeItems)
          throw FilterError(errc::invalid_value, "range too large for an array filter (over " +
                                                     std::to_string(kMaxRangeItems) + " items)");
        owned_.reserve(static_cast<std::size_t>(count));
        for (std::int64_t i = r.first; count > 0; ++i) {
          owned_.emplace_back(i);
          if (i == r.last) break;  // `last` may be INT64_MAX
        }
        break;
      }
      default:
        owned_.push_back(plain_);
        break;
    }
  }
  Sequence(const Sequence&) = delete;
  Sequence& operator=(const Sequence&) = delete;

  std::span<const Value> items() const {
    return view_ ? std::span<const Value>(*view_) : std::span<const Value>(owned_);
  }
  bool empty() const { return items().empty(); }
  // The input (through its drop) when items() is its own array: returning it is returning the
  // items unchanged.
  const Value* input_array() const { return view_ ? &plain_ : nullptr; }

  // A filter result holding `indices` of items(): the input itself when that is all of them.
  Value subset(const std::vector<std::size_t>& indices) const {
    if (input_array() && indices.size() == items().size()) return *input_array();
    Array out;
    out.reserve(indices.size());
    for (std::size_t i : indices) out.push_back(items()[i]);
    return Value(std::move(out));
  }

 private:
  // Array#flatten, with an explicit stack: nesting depth is not bounded by the C++ stack.
  void flatten(const Array& array) {
    std::vector<std::pair<const Array*, std::size_t>> stack{{&array, 0}};
    while (!stack.empty()) {
      auto& [current, index] = stack.back();
      if (index == current->size()) {
        stack.pop_back();
        continue;
      }
      const Value& v = (*current)[index++];
      if (v.is_array())
        stack.emplace_back(&v.as_array(), 0);
      else
        owned_.push_back(v);
    }
  }

  Value plain_;
  const Array* view_ = nullptr;
  Array owned_;
};

// ---- item[property] -------------------------------------------------------------------------

enum class Access : std::uint8_t { value, no_brackets, type_error };

struct Lookup {
  Access access = Access::value;
  Value value;
};

bool has_brackets(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::hash:
    case Value::Kind::string:
    case Value::Kind::integer:
    case Value::Kind::array:
    case Value::Kind::drop:
      return true;
    default:
      return false;
  }
}

[[noreturn]] void throw_property_error(const Value& property) {
  throw FilterError(errc::filter_arguments,
                    "cannot select the property '" + ruby_to_s(property) + "'");
}

// Ruby's implicit Integer conversion of an index: integers as they are, floats truncated.
std::optional<std::int64_t> index_of(const Value& property) {
  if (property.is_int()) return property.as_int();
  if (!property.is_float()) return std::nullopt;
  double d = property.as_float();
  if (std::isnan(d)) throw FilterError(errc::invalid_value, "NaN");
  if (d >= 9.2233720368547758e18) return std::numeric_limits<std::int64_t>::max();
  if (d <= -9.2233720368547758e18) return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(d);
}

// String#[] with a character index or an inclusive character range.
Value string_slice(std::string_view s, std::int64_t start, std::int64_t count) {
  const auto length = static_cast<std::int64_t>(utf8::length(s));
  if (start < 0) start += length;
  if (start < 0 || start > length || count < 0) return Value();
  count = std::min(count, length - start);
  std::size_t from = utf8::offset_of(s, static_cast<std::size_t>(start));
  std::size_t to = from + utf8::offset_of(s.substr(from), static_cast<std::size_t>(count));
  return Value(s.substr(from, to - from));
}

Lookup string_index(std::string_view s, const Value& property) {
  if (property.is_string()) {
    if (s.find(property.as_string()) == std::string_view::npos) return {};
    return {Access::value, property};
  }
  if (property.is_range()) {
    Range r = property.as_range();
    const auto length = static_cast<std::int64_t>(utf8::length(s));
    std::int64_t start = r.first < 0 ? r.first + length : r.first;
    std::int64_t last = r.last < 0 ? r.last + length : r.last;
    if (start < 0 || start > length) return {};
    return {Access::value, string_slice(s, start, std::max<std::int64_t>(0, last - start + 1))};
  }
  if (auto i = index_of(property)) {
    const auto length = static_cast<std::int64_t>(utf8::length(s));
    std::int64_t at = *i < 0 ? *i + length : *i;
    if (at < 0 || at >= length) return {};
    return {Access::value, string_slice(s, at, 1)};
  }
  return {Access::type_error, {}};
}

// Integer#[]: bit `i` of the two's complement value. With a range (Ruby's int_aref1): n shifted
// right by `first` (left when negative), masked to the range's length when first < last.
// Ranges reaching beyond 126 bits (a Ruby bignum result) are refused.
Lookup integer_index(std::int64_t n, const Value& property) {
  if (property.is_range()) {
    const Range r = property.as_range();
    if (r.first == r.last) return integer_index(n, Value(r.first));
    const Int128 length = r.first < r.last ? Int128{r.last} - r.first + 1 : 0;
    if (r.first < -63 || length > 126)
      throw FilterError(errc::invalid_value, "bit range too wide for Integer#[]");
    const Int128 shifted = r.first >= 0 ? Int128{n} >> std::min<std::int64_t>(r.first, 127)
                                        : Int128{n} * (Int128{1} << -r.first);
    if (length == 0) return {Access::value, int128_value(shifted)};  // first > last
    return {Access::value, int128_value(shifted & ((Int128{1} << length) - 1))};
  }
  if (auto i = index_of(property)) {
    if (*i < 0) return {Access::value, Value(0)};
    return {Access::value, Value(*i >= 63 ? (n < 0 ? 1 : 0) : (n >> *i) & 1)};
  }
  return {Access::type_error, {}};
}

Lookup array_index(const Array& a, const Value& property) {
  if (auto i = index_of(property)) {
    const auto size = static_cast<std::int64_t>(a.size());
    std::int64_t at = *i < 0 ? *i + size : *i;
    if (at < 0 || at >= size) return {};
    return {Access::value, a[static_cast<std::size_t>(at)]};
  }
  return {Access::type_error, {}};
}

// `item[property]`.
Lookup lookup(const Value& item, const Value& property) {
  switch (item.kind()) {
    case Value::Kind::hash: {
      if (!property.is_string()) return {};
      const Value* v = item.as_hash().find(property.as_string());
      return {Access::value, v ? *v : Value()};
    }
    case Value::Kind::string:
      return string_index(item.as_string(), property);
    case Value::Kind::integer:
      return integer_index(item.as_int(), property);
    case Value::Kind::array:
      return array_index(item.as_array(), property);
    case Value::Kind::drop: {
      // A drop's `[]` takes any key by its string form (invoke_drop).
      std::string key_storage;
      std::string_view key;
      if (property.is_string()) {
        key = property.as_string();
      } else {
        key_storage = ruby_to_s(property);
        key = key_storage;
      }
      auto v = item.as_drop().get(key);
      return {Access::value, v ? std::move(*v) : Value()};
    }
    default:
      return {Access::no_brackets, {}};
  }
}

// ---- comparisons --------------------------------------------------------------------------

int sign(std::int64_t d) {
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

// Integer <=> Float, exactly (as Ruby compares them); nullopt for NaN.
std::optional<int> compare_int_float(std::int64_t i, double d) {
  if (std::isnan(d)) return std::nullopt;
  if (d >= 9.2233720368547758e18) return -1;
  if (d < -9.2233720368547758e18) return 1;
  const double whole = std::trunc(d);
  const auto t = static_cast<std::int64_t>(whole);
  if (i != t) return i < t ? -1 : 1;
  return d > whole ? -1 : d < whole ? 1 : 0;
}

// Ruby's `a <=> b` for the values Liquid has: numbers with numbers, strings with strings
// (bytewise), arrays element by element; anything else is 0 when equal, else incomparable.
std::optional<int> spaceship(const Value& a_in, const Value& b_in) {
  Value sa, sb;
  const Value& a = unwrap(a_in, sa);
  const Value& b = unwrap(b_in, sb);
  if (a.is_int() && b.is_int()) return sign((a.as_int() > b.as_int()) - (a.as_int() < b.as_int()));
  if (a.is_number() && b.is_number()) {
    if (a.is_int()) return compare_int_float(a.as_int(), b.as_float());
    if (b.is_int()) {
      auto c = compare_int_float(b.as_int(), a.as_float());
      return c ? std::optional<int>(-*c) : std::nullopt;
    }
    double x = a.as_float(), y = b.as_float();
    if (std::isnan(x) || std::isnan(y)) return std::nullopt;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.is_string() && b.is_string()) {
    int c = a.as_string().compare(b.as_string());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  if (a.is_array() && b.is_array()) {
    const Array &x = a.as_array(), &y = b.as_array();
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
      auto c = spaceship(x[i], y[i]);
      if (!c || *c != 0) return c;
    }
    return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
  }
  if (a == b) return 0;
  return std::nullopt;
}

// StandardFilters#nil_safe_compare: nils sort last; other incomparable values are an error.
int nil_safe_compare(const Value& a, const Value& b) {
  if (auto c = spaceship(a, b)) return *c;
  if (a.is_nil()) return 1;
  if (b.is_nil()) return -1;
  throw FilterError(errc::comparison, "cannot sort values of incompatible types");
}

// String#casecmp: bytewise with ASCII letters folded to lower case.
int casecmp(std::string_view a, std::string_view b) {
  auto fold = [](char c) {
    return static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  };
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    unsigned char x = fold(a[i]), y = fold(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

// Ruby's eql? and hash, as Array#uniq uses them: 1 and 1.0 differ, hashes compare by content.
bool ruby_eql(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::nil:
      return true;
    case Value::Kind::boolean:
      return a.as_bool() == b.as_bool();
    case Value::Kind::integer:
      return a.as_int() == b.as_int();
    case Value::Kind::floating:
      return a.as_float() == b.as_float();
    case Value::Kind::string:
      return a.as_string() == b.as_string();
    case Value::Kind::range:
      return a.as_range() == b.as_range();
    case Value::Kind::drop:
      return a.drop_ptr() == b.drop_ptr();
    case Value::Kind::array: {
      const Array &x = a.as_array(), &y = b.as_array();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i)
        if (!ruby_eql(x[i], y[i])) return false;
      return true;
    }
    case Value::Kind::hash: {
      const Hash &x = a.as_hash(), &y = b.as_hash();
      if (x.size() != y.size()) return false;
      for (const auto& [key, value] : x) {
        const Value* other = y.find(key);
        if (!other || !ruby_eql(value, *other)) return false;
      }
      return true;
    }
  }
  return false;
}

std::size_t ruby_hash(const Value& v) {
  auto mix = [](std::size_t seed, std::size_t h) {
    return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
  };
  const auto tag = static_cast<std::size_t>(v.kind());
  switch (v.kind()) {
    case Value::Kind::nil:
      return tag;
    case Value::Kind::boolean:
      return mix(tag, v.as_bool());
    case Value::Kind::integer:
      return mix(tag, std::hash<std::int64_t>{}(v.as_int()));
    case Value::Kind::floating: {
      double d = v.as_float();
      return mix(tag, std::hash<double>{}(d == 0.0 ? 0.0 : d));  // -0.0 eql? 0.0
    }
    case Value::Kind::string:
      return mix(tag, std::hash<std::string_view>{}(v.as_string()));
    case Value::Kind::range:
      return mix(mix(tag, std::hash<std::int64_t>{}(v.as_range().first)),
                 std::hash<std::int64_t>{}(v.as_range().last));
    case Value::Kind::drop:
      return mix(tag, std::hash<const void*>{}(v.drop_ptr().get()));
    case Value::Kind::array: {
      std::size_t h = tag;
      for (const auto& e : v.as_array()) h = mix(h, ruby_hash(e));
      return h;
    }
    case Value::Kind::hash: {
      std::size_t h = 0;  // order-independent, as eql? is
      for (const auto& [key, value] : v.as_hash())
        h += mix(std::hash<std::string_view>{}(key), ruby_hash(value));
      return mix(tag, h);
    }
  }
  return tag;
}

struct RubyHash {
  std::size_t operator()(const Value& v) const { return ruby_hash(v); }
};
struct RubyEql {
  bool operator()(const Value& a, const Value& b) const { return ruby_eql(a, b); }
};

Value empty_array() {
  return Value(Array{});
}

// ---- filters ------------------------------------------------------------------------------

Value size_filter(const FilterCall& call) {
  Value scratch;
  const Value& v = unwrap(call.input, scratch);
  switch (v.kind()) {
    case Value::Kind::array:
      return Value(static_cast<std::int64_t>(v.as_array().size()));
    case Value::Kind::hash:
      return Value(static_cast<std::int64_t>(v.as_hash().size()));
    case Value::Kind::string:
      return Value(static_cast<std::int64_t>(utf8::length(v.as_string())));
    case Value::Kind::range:
      return int128_value(range_count(v.as_range()));
    case Value::Kind::integer:
      return Value(8);  // Integer#size: bytes of a machine word
    default:
      return Value(0);
  }
}

// Array#first; a hash's first entry as a [key, value] pair (Enumerable#first); Range#first is
// its start even when empty.
Value first_filter(const FilterCall& call) {
  Value scratch;
  const Value& v = unwrap(call.input, scratch);
  if (v.is_array()) return v.as_array().empty() ? Value() : v.as_array().front();
  if (v.is_hash()) {
    if (v.as_hash().empty()) return Value();
    const auto& entry = v.as_hash().at(0);
    return Value(Array{Value(entry.first), entry.second});
  }
  if (v.is_range()) return Value(v.as_range().first);
  return Value();
}

// Array#last; Range#last is its end. Hashes and strings have no `last`.
Value last_filter(const FilterCall& call) {
  Value scratch;
  const Value& v = unwrap(call.input, scratch);
  if (v.is_array()) return v.as_array().empty() ? Value() : v.as_array().back();
  if (v.is_range()) return Value(v.as_range().last);
  return Value();
}

Value join_filter(const FilterCall& call) {
  Value scratch;
  const Value& plain = unwrap(call.input, scratch);
  if (plain.is_string()) return plain;  // a string joins to itself
  const std::string glue = call.args.empty() ? std::string(" ") : ruby_to_s(call.arg(0));
  Sequence seq(call.input);
  auto items = seq.items();
  if (items.size() == 1 && items[0].is_string()) return items[0];
  std::string out;
  bool first = true;
  for (const Value& item : items) {
    if (!first) out += glue;
    first = false;
    if (item.is_string())
      out += item.as_string();
    else if (!item.is_nil())
      out += ruby_to_s(item);
    call.check_result_size(out.size());
  }
  return Value(std::move(out));
}

Value reverse_filter(const FilterCall& call) {
  Sequence seq(call.input);
  auto items = seq.items();
  return Value(Array(items.rbegin(), items.rend()));
}

Value concat_filter(const FilterCall& call) {
  Value scratch;
  const Value& other = unwrap(call.arg(0), scratch);
  if (!other.is_array())
    throw FilterError(errc::filter_arguments, "concat filter requires an array argument");
  Sequence seq(call.input);
  auto items = seq.items();
  call.check_result_size((items.size() + other.as_array().size()) * kArrayElementBytes);
  Array out;
  out.reserve(items.size() + other.as_array().size());
  out.insert(out.end(), items.begin(), items.end());
  out.insert(out.end(), other.as_array().begin(), other.as_array().end());
  return Value(std::move(out));
}

Value map_filter(const FilterCall& call) {
  const Value& property = call.arg(0);
  Sequence seq(call.input);
  const bool to_liquid = property.is_string() && property.as_string() == "to_liquid";
  Array out;
  out.reserve(seq.items().size());
  for (const Value& item : seq.items()) {
    if (to_liquid) {
      out.push_back(item);
      continue;
    }
    if (!has_brackets(item)) {
      out.emplace_back();
      continue;
    }
    Lookup l = lookup(item, property);
    if (l.access == Access::type_error) throw_property_error(property);
    out.push_back(std::move(l.value));
  }
  return Value(std::move(out));
}

// The `item[property]` of each item for compact/uniq with a property, in order; nullopt when an
// item has no `[]` (Ruby then returns nil from the whole filter).
std::optional<std::vector<Value>> property_values(std::span<const Value> items,
                                                  const Value& property, bool through_drops) {
  std::vector<Value> values;
  values.reserve(items.size());
  for (const Value& item : items) {
    Value scratch;
    const Value& target = through_drops ? unwrap(item, scratch) : item;
    Lookup l = lookup(target, property);
    if (l.access == Access::type_error) throw_property_error(property);
    if (l.access == Access::no_brackets) return std::nullopt;
    values.push_back(std::move(l.value));
  }
  return values;
}

Value compact_filter(const FilterCall& call) {
  const Value& property = call.arg(0);
  Sequence seq(call.input);
  auto items = seq.items();
  std::vector<std::size_t> kept;
  kept.reserve(items.size());
  if (property.is_nil()) {
    for (std::size_t i = 0; i < items.size(); ++i)
      if (!items[i].is_nil()) kept.push_back(i);
    return seq.subset(kept);
  }
  if (items.empty()) return empty_array();
  auto values = property_values(items, property, false);
  if (!values) return Value();
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!(*values)[i].is_nil()) kept.push_back(i);
  return seq.subset(kept);
}

// Array#uniq on Utils.to_liquid_value of each item (or of its property).
Value uniq_filter(const FilterCall& call) {
  const Value& property = call.arg(0);
  Sequence seq(call.input);
  auto items = seq.items();
  if (!property.is_nil() && items.empty()) return empty_array();
  if (items.size() < 2)  // Array#uniq never calls its block then
    return seq.subset(std::vector<std::size_t>(items.size(), 0));
  std::vector<Value> keys;
  if (property.is_nil()) {
    keys.reserve(items.size());
    for (const Value& item : items) {
      Value scratch;
      keys.push_back(unwrap(item, scratch));
    }
  } else {
    auto values = property_values(items, property, true);
    if (!values) return Value();
    keys = std::move(*values);
  }
  std::unordered_set<Value, RubyHash, RubyEql> seen;
  seen.reserve(keys.size());
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (seen.insert(keys[i]).second) kept.push_back(i);
  return seq.subset(kept);
}

// Sort `items` by `keys` (one per item), stably, as Ruby's merge-based sort orders equal keys.
template <class Compare>
Value sorted_by(std::span<const Value> items, std::size_t count, Compare compare) {
  std::vector<std::size_t> order(count);
  for (std::size_t i = 0; i < count; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return compare(a, b) < 0; });
  Array out;
  out.reserve(count);
  for (std::size_t i : order) out.push_back(items[i]);
  return Value(std::move(out));
}

// The keys of sort/sort_natural with a property: nullopt unless every item has `[]` (Ruby's
// `ary.all? { |el| el.respond_to?(:[]) }`, else the filter returns nil).
std::optional<std::vector<Value>> sort_keys(std::span<const Value> items, const Value& property) {
  if (!std::all_of(items.begin(), items.end(), has_brackets)) return std::nullopt;
  std::vector<Value> keys;
  keys.reserve(items.size());
  if (items.size() < 2) return keys;  // Ruby never compares, so never reads the property
  for (const Value& item : items) {
    Lookup l = lookup(item, property);
    if (l.access == Access::type_error) throw_property_error(property);
    keys.push_back(std::move(l.value));
  }
  return keys;
}

Value sort_filter(const FilterCall& call) {
  const Value& property = call.arg(0);
  Sequence seq(call.input);
  auto items = seq.items();
  if (items.empty()) return empty_array();
  if (property.is_nil())
    return sorted_by(items, items.size(), [&](std::size_t a, std::size_t b) {
      return nil_safe_compare(items[a], items[b]);
    });
  auto keys = sort_keys(items, property);
  if (!keys) return Value();
  if (items.size() < 2) return Value(Array(items.begin(), items.end()));
  return sorted_by(items, items.size(), [&](std::size_t a, std::size_t b) {
    return nil_safe_compare((*keys)[a], (*keys)[b]);
  });
}

// sort_natural compares `to_s` of each key case-insensitively; nils last.
Value sort_natural_filter(const FilterCall& call) {
  const Value& property = call.arg(0);
  Sequence seq(call.input);
  auto items = seq.items();
  if (items.empty()) return empty_array();
  std::optional<std::vector<Value>> keys;
  if (!property.is_nil()) {
    keys = sort_keys(items, property);
    if (!keys) return Value();
    if (items.size() < 2) return Value(Array(items.begin(), items.end()));
  }
  std::span<const Value> key_values = keys ? std::span<const Value>(*keys) : items;
  std::deque<std::string> storage;  // text of keys that are not strings
  std::vector<std::optional<std::string_view>> texts;
  texts.reserve(key_values.size());
  for (const Value& k : key_values) {
    if (k.is_nil()) {
      texts.emplace_back();
    } else if (k.is_string()) {
      texts.emplace_back(k.as_string());
    } else {
      storage.push_back(ruby_to_s(k));
      texts.emplace_back(storage.back());
    }
  }
  return sorted_by(items, items.size(), [&](std::size_t a, std::size_t b) {
    if (texts[a] && texts[b]) return casecmp(*texts[a], *texts[b]);
    if (!texts[a] && !texts[b]) return 0;
    return texts[a] ? -1 : 1;
  });
}

// StandardFilters#filter_array, behind where, reject, has, find and find_index: an item matches
// when `item[property]` is truthy, or equals `target` when one is given. An item without `[]`
// makes the whole filter return nil, as Ruby's `return nil` from the block does.
enum class Select : std::uint8_t { where, reject, has, find, find_index };

Value filter_array(const FilterCall& call, Select mode) {
  const Value& property = call.arg(0);
  const Value& target = call.arg(1);
  Sequence seq(call.input);
  auto items = seq.items();
  if (items.empty()) {
    switch (mode) {
      case Select::where:
      case Select::reject:
        return empty_array();
      case Select::has:
        return Value(false);
      default:
        return Value();
    }
  }
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < items.size(); ++i) {
    Lookup l = lookup(items[i], property);
    if (l.access == Access::type_error) throw_property_error(property);
    if (l.access == Access::no_brackets) return Value();
    const bool match = target.is_nil() ? l.value.truthy() : l.value == target;
    switch (mode) {
      case Select::where:
        if (match) kept.push_back(i);
        break;
      case Select::reject:
        if (!match) kept.push_back(i);
        break;
      case Select::has:
        if (match) return Value(true);
        break;
      case Select::find:
        if (match) return items[i];
        break;
      case Select::find_index:
        if (match) return Value(static_cast<std::int64_t>(i));
        break;
    }
  }
  switch (mode) {
    case Select::where:
    case Select::reject:
      return seq.subset(kept);
    case Select::has:
      return Value(false);
    default:
      return Value();
  }
}

// An exact integer as a Decimal.
Decimal decimal_from_int128(Int128 v) {
  if (v >= std::numeric_limits<std::int64_t>::min() &&
      v <= std::numeric_limits<std::int64_t>::max())
    return Decimal::from_int(static_cast<std::int64_t>(v));
  bool negative = v < 0;
  UInt128 magnitude = negative ? -static_cast<UInt128>(v) : static_cast<UInt128>(v);
  std::string digits;
  while (magnitude != 0) {
    digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  }
  std::reverse(digits.begin(), digits.end());
  return Decimal::from_digits(negative, digits);
}

// Enumerable#sum of Utils.to_number over the values: exact, Integer unless a BigDecimal took part.
class Sum {
 public:
  void add(const Value& v) {
    Number n = to_number(v);
    if (const auto* i = std::get_if<std::int64_t>(&n)) {
      integers_ += *i;  // 128 bits cannot overflow with fewer than 2^64 items
    } else if (const auto* big = std::get_if<BigInteger>(&n)) {
      big_ = big_ + big->value;
      has_big_ = true;
    } else {
      decimals_ = decimals_ + std::get<Decimal>(n);
      has_decimal_ = true;
    }
  }
  void add_integer(Int128 v) { integers_ += v; }

  Value result() const {
    if (has_decimal_) return Value((decimal_from_int128(integers_) + big_ + decimals_).to_double());
    if (has_big_) return number_value(BigInteger{decimal_from_int128(integers_) + big_});
    return int128_value(integers_);
  }

 private:
  Int128 integers_ = 0;
  Decimal big_;
  Decimal decimals_;
  bool has_big_ = false;
  bool has_decimal_ = false;
};

Value sum_filter(const FilterCall& call) {
  const Value& property = call.arg(0);
  Sum sum;
  Value scratch;
  const Value& plain = unwrap(call.input, scratch);
  if (plain.is_range() && property.is_nil()) {
    // The sum of an integer range, without visiting each integer.
    Range r = plain.as_range();
    Int128 n = range_count(r);
    Int128 ends = Int128{r.first} + r.last;
    sum.add_integer(n % 2 == 0 ? n / 2 * ends : ends / 2 * n);
    return sum.result();
  }
  Sequence seq(call.input);
  auto items = seq.items();
  if (items.empty()) return Value(0);
  if (property.is_nil()) {
    for (const Value& item : items) sum.add(item);
    return sum.result();
  }
  // The property values are flattened again, as Ruby reads them through a new InputIterator.
  Array values;
  values.reserve(items.size());
  for (const Value& item : items) {
    if (!has_brackets(item)) {
      values.emplace_back(0);
      continue;
    }
    Lookup l = lookup(item, property);
    if (l.access == Access::type_error) throw_property_error(property);
    values.push_back(std::move(l.value));
  }
  Sequence flat(Value(std::move(values)));
  for (const Value& v : flat.items()) sum.add(v);
  return sum.result();
}

}  // namespace

std::span<const FilterDef> array_filters() {
  static const std::vector<FilterDef> table = {
      {"compact", 0, 1, compact_filter},
      {"concat", 1, 1, concat_filter},
      {"find", 1, 2, [](const FilterCall& c) { return filter_array(c, Select::find); }},
      {"find_index", 1, 2, [](const FilterCall& c) { return filter_array(c, Select::find_index); }},
      {"first", 0, 0, first_filter},
      {"has", 1, 2, [](const FilterCall& c) { return filter_array(c, Select::has); }},
      {"join", 0, 1, join_filter},
      {"last", 0, 0, last_filter},
      {"map", 1, 1, map_filter},
      {"reject", 1, 2, [](const FilterCall& c) { return filter_array(c, Select::reject); }},
      {"reverse", 0, 0, reverse_filter},
      {"size", 0, 0, size_filter},
      {"sort", 0, 1, sort_filter},
      {"sort_natural", 0, 1, sort_natural_filter},
      {"sum", 0, 1, sum_filter},
      {"uniq", 0, 1, uniq_filter},
      {"where", 1, 2, [](const FilterCall& c) { return filter_array(c, Select::where); }},
  };
  return table;
}

}  // namespace liquid::filters
