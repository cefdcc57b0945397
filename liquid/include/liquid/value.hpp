// Liquid values: what templates read, compute and print.
//
// A Value is one of nil, boolean, integer (int64), float (double), string (UTF-8 bytes), array,
// hash (insertion-ordered), range, or a host-provided Drop. Strings, arrays and hashes are
// immutable and shared: copying a Value never copies their contents, and a Value tree can be read
// from many threads at once.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <new>
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

// Where a key was last found in a Hash, kept by a parsed template next to each key it looks up:
// records rendered with the same template mostly share their key order, so the next lookup
// usually finds its key at the first try. Shared by concurrent renders (relaxed atomic: a stale
// position only costs a normal search).
class HashHint {
 public:
  HashHint() noexcept = default;
  HashHint(const HashHint& other) noexcept : position_(other.get()) {}
  HashHint& operator=(const HashHint& other) noexcept {
    set(other.get());
    return *this;
  }
  std::uint32_t get() const noexcept { return position_.load(std::memory_order_relaxed); }
  void set(std::uint32_t p) const noexcept { position_.store(p, std::memory_order_relaxed); }

 private:
  mutable std::atomic<std::uint32_t> position_{0};
};

namespace detail {

// Byte equality of two keys, inline for the short keys templates use (no call to memcmp).
inline bool same_key(std::string_view a, std::string_view b) noexcept {
  std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  if (n > 16) return std::memcmp(p, q, n) == 0;
  if (n >= 8) {  // two overlapping 8-byte words
    std::uint64_t p1, q1, p2, q2;
    std::memcpy(&p1, p, 8);
    std::memcpy(&q1, q, 8);
    std::memcpy(&p2, p + n - 8, 8);
    std::memcpy(&q2, q + n - 8, 8);
    return ((p1 ^ q1) | (p2 ^ q2)) == 0;
  }
  if (n >= 4) {
    std::uint32_t p1, q1, p2, q2;
    std::memcpy(&p1, p, 4);
    std::memcpy(&q1, q, 4);
    std::memcpy(&p2, p + n - 4, 4);
    std::memcpy(&q2, q + n - 4, 4);
    return ((p1 ^ q1) | (p2 ^ q2)) == 0;
  }
  for (std::size_t i = 0; i < n; ++i)
    if (p[i] != q[i]) return false;
  return true;
}

// A long string's storage: one block holding the reference count, the size and the bytes, so
// that reading a string follows one pointer (a std::shared_ptr<std::string> follows two).
class StringBlock {
 public:
  static StringBlock* make(std::string_view s);
  std::string_view view() const noexcept { return {bytes(), size_}; }
  void retain() const noexcept { refs_.fetch_add(1, std::memory_order_relaxed); }
  void release() const noexcept {
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) destroy();
  }

 private:
  StringBlock(std::size_t size) noexcept : size_(size) {}
  const char* bytes() const noexcept { return reinterpret_cast<const char*>(this + 1); }
  void destroy() const noexcept;
  mutable std::atomic<std::size_t> refs_{1};
  std::size_t size_;
};

// The entries of a Hash, in order: a growable array like std::vector, which can also live in
// the same allocation as the Hash a Value shares (HashBlock), so that reading a shared hash
// follows one pointer instead of two. Members using Entry are defined after Value.
class HashEntries {
 public:
  using Entry = std::pair<std::string, Value>;

  HashEntries() noexcept = default;
  HashEntries(const HashEntries& other);
  HashEntries(HashEntries&& other) noexcept;
  HashEntries& operator=(const HashEntries& other);
  HashEntries& operator=(HashEntries&& other) noexcept;
  ~HashEntries() { release(); }

  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  Entry& operator[](std::size_t i) noexcept;
  const Entry& operator[](std::size_t i) const noexcept;
  const Entry* begin() const noexcept { return data_; }
  const Entry* end() const noexcept;
  void reserve(std::size_t n);
  void emplace_back(std::string&& key, Value&& value);
  void clear() noexcept;

 private:
  friend class HashBlock;
  void release() noexcept;  // destroys the entries and frees owned storage
  void grow_to(std::size_t capacity);

  Entry* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  bool embedded_ = false;  // data_ lies inside a HashBlock: not ours to free
};

class HashBlock;
class HashBuilder;

}  // namespace detail

// Insertion-ordered string-keyed map (Ruby's Hash with string keys).
class Hash {
 public:
  using Entry = std::pair<std::string, Value>;
  using const_iterator = const Entry*;

  Hash() = default;
  Hash(std::initializer_list<Entry> entries);
  // Adopts `entries` in their order; a repeated key keeps its first position and its last value,
  // as repeated set() calls would. Builds a parsed object at its final size in one step.
  explicit Hash(std::vector<Entry>&& entries);

  // Insert, or replace the value of an existing key in place (order is kept).
  void set(std::string key, Value value);
  const Value* find(std::string_view key) const;
  // The same, trying the position in `hint` first, and remembering where the key was found.
  const Value* find(std::string_view key, const HashHint& hint) const;
  bool contains(std::string_view key) const { return find(key) != nullptr; }

  // Defined after Value, which Entry holds (clang instantiates these bodies where they stand).
  std::size_t size() const;
  bool empty() const;
  const Entry& at(std::size_t i) const;
  const_iterator begin() const;
  const_iterator end() const;
  void reserve(std::size_t n);

 private:
  friend class detail::HashBlock;
  friend class detail::HashBuilder;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  // Hashes larger than this get a hash index, so that building and reading a big object
  // (a JSON document with 100,000 keys) stays linear; smaller ones are searched in order.
  static constexpr std::size_t kIndexedSize = 16;
  std::size_t position(std::string_view key) const;
  std::size_t indexed_position(std::string_view key) const;
  // Adds entry `position` to the index; true when an equal key is indexed already.
  bool index_entry(std::size_t position);
  void rebuild_index();
  bool has_repeated_key();
  void fold_repeated_keys();  // after entries were appended unchecked: as set() would have

  detail::HashEntries entries_;
  std::vector<std::uint32_t> index_;  // open addressing: entry position + 1, 0 when free
};

namespace detail {

// A hash as values share it: the reference count, the Hash, then its entries, in one block.
class HashBlock {
 public:
  static HashBlock* make(Hash&& hash);
  // An empty hash with room for `capacity` entries inside the block.
  static HashBlock* make_empty(std::size_t capacity);
  const Hash& hash() const noexcept { return hash_; }
  void retain() const noexcept { refs_.fetch_add(1, std::memory_order_relaxed); }
  void release() const noexcept {
    if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) destroy();
  }

 private:
  friend class HashBuilder;
  HashBlock() noexcept = default;
  void destroy() const noexcept;
  mutable std::atomic<std::size_t> refs_{1};
  Hash hash_;
};

// For parsers, which know an object's size before its members: the members go straight into
// the block a Value will share, in order, and a repeated key is folded once at the end, as
// set() would have folded it. (More members than announced still work: they move to storage
// outside the block.)
class HashBuilder {
 public:
  explicit HashBuilder(std::size_t members) : block_(HashBlock::make_empty(members)) {}
  HashBuilder(const HashBuilder&) = delete;
  HashBuilder& operator=(const HashBuilder&) = delete;
  ~HashBuilder() {
    if (block_) block_->release();
  }
  void append(std::string&& key, Value&& value);
  Value finish();

 private:
  HashBlock* block_;
};

}  // namespace detail

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

  Value() noexcept : range_{} {}
  Value(std::nullptr_t) noexcept : range_{} {}
  Value(bool b) noexcept : range_{}, kind_(Kind::boolean) { bool_ = b; }
  Value(int i) noexcept : range_{}, kind_(Kind::integer) { int_ = i; }
  Value(long i) noexcept : range_{}, kind_(Kind::integer) { int_ = i; }
  Value(long long i) noexcept : range_{}, kind_(Kind::integer) { int_ = static_cast<std::int64_t>(i); }
  Value(unsigned i) noexcept : range_{}, kind_(Kind::integer) { int_ = i; }
  Value(double d) noexcept : range_{}, kind_(Kind::floating) { float_ = d; }
  // Strings of up to kSmallString bytes are held inside the value, with no allocation and no
  // reference count; longer ones are shared.
  static constexpr std::size_t kSmallString = 15;
  Value(std::string s);
  Value(std::string_view s);
  Value(const char* s) : Value(std::string_view(s)) {}
  Value(Array a);
  Value(Hash h);
  Value(Range r) noexcept : range_(r), kind_(Kind::range) {}
  Value(std::shared_ptr<const Drop> d) noexcept : drop_(std::move(d)), kind_(Kind::drop), shared_(true) {}
  Value(std::shared_ptr<const Array> a) noexcept : array_(std::move(a)), kind_(Kind::array), shared_(true) {}
  // The hash is copied into the value's own storage.
  Value(const std::shared_ptr<const Hash>& h);
  // The string's bytes are copied into the value's own storage.
  Value(const std::shared_ptr<const std::string>& s);

  // Copies share the long string, array, hash or drop (a reference count); moves leave nil
  // behind.
  Value(const Value& other) noexcept : kind_(other.kind_), shared_(other.shared_) {
    if (shared_)
      copy_shared(other);
    else
      std::memcpy(&range_, &other.range_, sizeof range_);
  }
  Value(Value&& other) noexcept : kind_(other.kind_), shared_(other.shared_) {
    if (!shared_) {
      std::memcpy(&range_, &other.range_, sizeof range_);
      return;
    }
    // The moved-from pointer is empty: destroying it releases nothing.
    switch (kind_) {
      case Kind::string:
        string_ = other.string_;
        break;
      case Kind::array:
        new (&array_) ArrayPtr(std::move(other.array_));
        other.array_.~ArrayPtr();
        break;
      case Kind::hash:
        hash_ = other.hash_;
        break;
      case Kind::drop:
        new (&drop_) DropPtr(std::move(other.drop_));
        other.drop_.~DropPtr();
        break;
      default: break;
    }
    other.kind_ = Kind::nil;
    other.shared_ = false;
  }
  Value& operator=(const Value& other) noexcept {
    if (this == &other) return *this;
    if (!shared_) {  // nothing of ours can own `other`: overwrite in place
      new (this) Value(other);
      return *this;
    }
    Value copy(other);  // `other` may live inside what this value releases
    release();
    new (this) Value(std::move(copy));
    return *this;
  }
  Value& operator=(Value&& other) noexcept {
    if (this == &other) return *this;
    if (!shared_) {
      new (this) Value(std::move(other));
      return *this;
    }
    Value moved(std::move(other));
    release();
    new (this) Value(std::move(moved));
    return *this;
  }
  ~Value() {
    if (shared_) release_shared();
  }

  Kind kind() const noexcept { return kind_; }
  bool is_nil() const noexcept { return kind_ == Kind::nil; }
  bool is_bool() const noexcept { return kind_ == Kind::boolean; }
  bool is_int() const noexcept { return kind_ == Kind::integer; }
  bool is_float() const noexcept { return kind_ == Kind::floating; }
  bool is_number() const noexcept { return is_int() || is_float(); }
  bool is_string() const noexcept { return kind_ == Kind::string; }
  bool is_array() const noexcept { return kind_ == Kind::array; }
  bool is_hash() const noexcept { return kind_ == Kind::hash; }
  bool is_range() const noexcept { return kind_ == Kind::range; }
  bool is_drop() const noexcept { return kind_ == Kind::drop; }

  // Liquid truthiness: only nil and false are falsy.
  bool truthy() const noexcept { return !(is_nil() || (is_bool() && !bool_)); }

  // Accessors; calling one for another kind is a programming error (std::bad_variant_access).
  bool as_bool() const { return expect(Kind::boolean), bool_; }
  std::int64_t as_int() const { return expect(Kind::integer), int_; }
  double as_float() const { return expect(Kind::floating), float_; }
  std::string_view as_string() const {
    expect(Kind::string);
    return shared_ ? string_->view() : std::string_view(small_.data, small_.size);
  }
  const Array& as_array() const { return expect(Kind::array), *array_; }
  const Hash& as_hash() const { return expect(Kind::hash), hash_->hash(); }
  Range as_range() const { return expect(Kind::range), range_; }
  const Drop& as_drop() const { return expect(Kind::drop), *drop_; }
  const std::shared_ptr<const Drop>& drop_ptr() const { return expect(Kind::drop), drop_; }
  // A new shared copy of the string.
  std::shared_ptr<const std::string> string_ptr() const;
  // Where the value's shared contents (a long string, array, hash or drop) live, or nullptr
  // for a value held inline: two values with the same non-null address share their contents.
  const void* shared_address() const noexcept;

  // Number as double (integers converted); 0 for anything else.
  double to_double() const noexcept {
    return is_int() ? static_cast<double>(int_) : is_float() ? float_ : 0.0;
  }

  // Ruby's `to_s` as Liquid prints it: nil -> "", 5.0 -> "5.0", arrays joined with no
  // separator, hashes in Ruby's inspect form, ranges as "1..3".
  std::string to_s() const;
  void append_to(std::string& out) const {
    if (is_string())
      out.append(as_string());
    else
      append_other_to(out);
  }
  // Ruby's `inspect` (strings quoted and escaped, nil as "nil").
  std::string inspect() const;
  void append_inspect(std::string& out) const;

  // Structural equality as Ruby's `==` (1 == 1.0 is true; a string never equals a number).
  friend bool operator==(const Value& a, const Value& b);

  // The kind's name for messages: "nil", "boolean", "integer", "float", "string", ...
  static std::string_view kind_name(Kind k);

 private:
  using ArrayPtr = std::shared_ptr<const Array>;
  using DropPtr = std::shared_ptr<const Drop>;

  friend class detail::HashBuilder;
  void expect(Kind k) const {
    if (kind_ != k) [[unlikely]]
      throw std::bad_variant_access();
  }
  // A string's storage, for the string constructors (kind_ is already string).
  void hold_small(std::string_view s) noexcept;
  void hold_long(std::string_view s);
  void copy_shared(const Value& other) noexcept;
  void release_shared() noexcept;
  void release() noexcept {
    if (shared_) release_shared();
    kind_ = Kind::nil;
    shared_ = false;
  }
  void append_other_to(std::string& out) const;

  struct SmallString {
    char data[kSmallString];
    std::uint8_t size;
  };

  // The member `kind_` names is the live one (`small_` for a string when `shared_` is false);
  // the others are not constructed. Values holding no pointer are copied as the bytes of
  // `range_`, as large as any of them.
  union {
    bool bool_;
    std::int64_t int_;
    double float_;
    Range range_;
    const detail::StringBlock* string_;
    ArrayPtr array_;
    const detail::HashBlock* hash_;
    DropPtr drop_;
    SmallString small_;
  };
  Kind kind_ = Kind::nil;
  bool shared_ = false;  // one of the pointers is live: copies count references
};

static_assert(sizeof(Value) == 24, "a Value is three words");

inline void detail::HashEntries::emplace_back(std::string&& key, Value&& value) {
  if (size_ == capacity_) grow_to(capacity_ < 4 ? 4 : capacity_ * 2);
  new (data_ + size_) Entry(std::move(key), std::move(value));
  ++size_;
}

inline detail::HashEntries::Entry& detail::HashEntries::operator[](std::size_t i) noexcept {
  return data_[i];
}
inline const detail::HashEntries::Entry& detail::HashEntries::operator[](
    std::size_t i) const noexcept {
  return data_[i];
}
inline const detail::HashEntries::Entry* detail::HashEntries::end() const noexcept {
  return data_ + size_;
}

inline void detail::HashBuilder::append(std::string&& key, Value&& value) {
  block_->hash_.entries_.emplace_back(std::move(key), std::move(value));
}

inline std::size_t Hash::size() const { return entries_.size(); }
inline bool Hash::empty() const { return entries_.empty(); }
inline const Hash::Entry& Hash::at(std::size_t i) const { return entries_[i]; }
inline Hash::const_iterator Hash::begin() const { return entries_.begin(); }
inline Hash::const_iterator Hash::end() const { return entries_.end(); }
inline void Hash::reserve(std::size_t n) { entries_.reserve(n); }

inline const Value* Hash::find(std::string_view key, const HashHint& hint) const {
  std::uint32_t h = hint.get();
  if (h < entries_.size()) {
    const Entry& e = entries_[h];
    if (detail::same_key(e.first, key)) return &e.second;
  }
  std::size_t p = position(key);
  if (p == npos) return nullptr;
  hint.set(static_cast<std::uint32_t>(p));
  return &entries_[p].second;
}

// Ruby's Float#to_s: shortest round-trip digits, "5.0", "1.0e+20", "1.0e-05", "Infinity", "NaN".
std::string format_float(double d);
void append_float(std::string& out, double d);

}  // namespace liquid
