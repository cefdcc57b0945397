// Liquid values: what templates read, compute and print.
//
// A Value is one of nil, boolean, integer (int64), float (double), string (UTF-8 bytes), array,
// hash (insertion-ordered), range, or a host-provided Drop. Strings, arrays and hashes are
// immutable and shared: copying a Value never copies their contents, and a Value tree can be read
// from many threads at once.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace liquid {

class Value;
class Drop;

using Array = std::vector<Value>;

// An inclusive integer range, as written `(first..last)`.
struct Range {
  std::int64_t first = 0;
  std::int64_t last = 0;
  std::int64_t size() const { return last < first ? 0 : last - first + 1; }
  bool operator==(const Range&) const = default;
};

// Insertion-ordered string-keyed map (Ruby's Hash with string keys).
class Hash {
 public:
  using Entry = std::pair<std::string, Value>;

  Hash() = default;
  Hash(std::initializer_list<Entry> entries);

  // Insert, or replace the value of an existing key in place (order is kept).
  void set(std::string key, Value value);
  const Value* find(std::string_view key) const;
  bool contains(std::string_view key) const { return find(key) != nullptr; }

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const Entry& at(std::size_t i) const { return entries_[i]; }
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }
  void reserve(std::size_t n) { entries_.reserve(n); }

 private:
  std::vector<Entry> entries_;
};

// A host object whose properties are computed when a template reads them.
// Implementations must be safe to call from several threads if the Value is shared.
class Drop {
 public:
  virtual ~Drop() = default;
  // The property `key`, or nullopt when the drop has no such property (an undefined variable).
  virtual std::optional<Value> get(std::string_view key) const = 0;
  // How `{{ drop }}` prints.
  virtual std::string to_s() const;
  // The plain value this drop stands for in comparisons, iteration and filters (Ruby's
  // `to_liquid_value`); nullopt means the drop itself.
  virtual std::optional<Value> to_value() const;
};

class Value {
 public:
  enum class Kind : std::uint8_t { nil, boolean, integer, floating, string, array, hash, range, drop };

  Value() noexcept = default;
  Value(std::nullptr_t) noexcept {}
  Value(bool b) noexcept : v_(b) {}
  Value(int i) noexcept : v_(std::int64_t{i}) {}
  Value(long i) noexcept : v_(std::int64_t{i}) {}
  Value(long long i) noexcept : v_(std::int64_t(i)) {}
  Value(unsigned i) noexcept : v_(std::int64_t{i}) {}
  Value(double d) noexcept : v_(d) {}
  Value(std::string s);
  Value(std::string_view s) : Value(std::string(s)) {}
  Value(const char* s) : Value(std::string(s)) {}
  Value(Array a);
  Value(Hash h);
  Value(Range r) noexcept : v_(r) {}
  Value(std::shared_ptr<const Drop> d) noexcept : v_(std::move(d)) {}
  Value(std::shared_ptr<const Array> a) noexcept : v_(std::move(a)) {}
  Value(std::shared_ptr<const Hash> h) noexcept : v_(std::move(h)) {}
  Value(std::shared_ptr<const std::string> s) noexcept : v_(std::move(s)) {}

  Kind kind() const noexcept { return static_cast<Kind>(v_.index()); }
  bool is_nil() const noexcept { return kind() == Kind::nil; }
  bool is_bool() const noexcept { return kind() == Kind::boolean; }
  bool is_int() const noexcept { return kind() == Kind::integer; }
  bool is_float() const noexcept { return kind() == Kind::floating; }
  bool is_number() const noexcept { return is_int() || is_float(); }
  bool is_string() const noexcept { return kind() == Kind::string; }
  bool is_array() const noexcept { return kind() == Kind::array; }
  bool is_hash() const noexcept { return kind() == Kind::hash; }
  bool is_range() const noexcept { return kind() == Kind::range; }
  bool is_drop() const noexcept { return kind() == Kind::drop; }

  // Liquid truthiness: only nil and false are falsy.
  bool truthy() const noexcept {
    return !(is_nil() || (is_bool() && !std::get<bool>(v_)));
  }

  // Accessors; calling one for another kind is a programming error (std::bad_variant_access).
  bool as_bool() const { return std::get<bool>(v_); }
  std::int64_t as_int() const { return std::get<std::int64_t>(v_); }
  double as_float() const { return std::get<double>(v_); }
  std::string_view as_string() const { return *std::get<StringPtr>(v_); }
  const Array& as_array() const { return *std::get<ArrayPtr>(v_); }
  const Hash& as_hash() const { return *std::get<HashPtr>(v_); }
  Range as_range() const { return std::get<Range>(v_); }
  const Drop& as_drop() const { return *std::get<DropPtr>(v_); }
  const std::shared_ptr<const Drop>& drop_ptr() const { return std::get<DropPtr>(v_); }
  const std::shared_ptr<const std::string>& string_ptr() const { return std::get<StringPtr>(v_); }

  // Number as double (integers converted); 0 for anything else.
  double to_double() const noexcept;

  // Ruby's `to_s` as Liquid prints it: nil -> "", 5.0 -> "5.0", arrays joined with no
  // separator, hashes in Ruby's inspect form, ranges as "1..3".
  std::string to_s() const;
  void append_to(std::string& out) const;
  // Ruby's `inspect` (strings quoted and escaped, nil as "nil").
  std::string inspect() const;
  void append_inspect(std::string& out) const;

  // Structural equality as Ruby's `==` (1 == 1.0 is true; a string never equals a number).
  friend bool operator==(const Value& a, const Value& b);

  // The kind's name for messages: "nil", "boolean", "integer", "float", "string", ...
  static std::string_view kind_name(Kind k);

 private:
  using StringPtr = std::shared_ptr<const std::string>;
  using ArrayPtr = std::shared_ptr<const Array>;
  using HashPtr = std::shared_ptr<const Hash>;
  using DropPtr = std::shared_ptr<const Drop>;
  std::variant<std::monostate, bool, std::int64_t, double, StringPtr, ArrayPtr, HashPtr, Range,
               DropPtr>
      v_;
};

// Ruby's Float#to_s: shortest round-trip digits, "5.0", "1.0e+20", "1.0e-05", "Infinity", "NaN".
std::string format_float(double d);
void append_float(std::string& out, double d);

}  // namespace liquid
