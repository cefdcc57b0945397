#include "liquid/value.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <utility>

#include "utf8.hpp"

namespace liquid {

namespace detail {

HashEntries::HashEntries(const HashEntries& other) {
  reserve(other.size_);
  for (std::size_t i = 0; i < other.size_; ++i) {
    new (data_ + i) Entry(other.data_[i]);
    ++size_;
  }
}

HashEntries::HashEntries(HashEntries&& other) noexcept {
  if (!other.embedded_) {
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
    return;
  }
  // Entries inside a HashBlock stay where they are: move them one by one.
  grow_to(other.size_);
  for (std::size_t i = 0; i < other.size_; ++i) {
    new (data_ + i) Entry(std::move(other.data_[i]));
    ++size_;
  }
}

HashEntries& HashEntries::operator=(const HashEntries& other) {
  if (this != &other) *this = HashEntries(other);
  return *this;
}

HashEntries& HashEntries::operator=(HashEntries&& other) noexcept {
  if (this == &other) return *this;
  release();
  new (this) HashEntries(std::move(other));
  return *this;
}

void HashEntries::release() noexcept {
  for (std::size_t i = 0; i < size_; ++i) data_[i].~Entry();
  if (!embedded_ && data_) ::operator delete(data_);
  data_ = nullptr;
  size_ = capacity_ = 0;
  embedded_ = false;
}

void HashEntries::clear() noexcept {
  for (std::size_t i = 0; i < size_; ++i) data_[i].~Entry();
  size_ = 0;
}

void HashEntries::reserve(std::size_t n) {
  if (n > capacity_) grow_to(n);
}

void HashEntries::grow_to(std::size_t capacity) {
  auto* data = static_cast<Entry*>(::operator new(capacity * sizeof(Entry)));
  for (std::size_t i = 0; i < size_; ++i) {
    new (data + i) Entry(std::move(data_[i]));
    data_[i].~Entry();
  }
  if (!embedded_ && data_) ::operator delete(data_);
  data_ = data;
  capacity_ = capacity;
  embedded_ = false;
}

HashBlock* HashBlock::make_empty(std::size_t capacity) {
  static_assert(sizeof(HashBlock) % alignof(HashEntries::Entry) == 0);
  void* memory = ::operator new(sizeof(HashBlock) + capacity * sizeof(HashEntries::Entry));
  auto* block = new (memory) HashBlock();
  HashEntries& entries = block->hash_.entries_;
  entries.data_ =
      reinterpret_cast<HashEntries::Entry*>(static_cast<char*>(memory) + sizeof(HashBlock));
  entries.capacity_ = capacity;
  entries.embedded_ = true;
  return block;
}

HashBlock* HashBlock::make(Hash&& hash) {
  const std::size_t n = hash.entries_.size();
  HashBlock* block = make_empty(n);
  HashEntries& entries = block->hash_.entries_;
  for (std::size_t i = 0; i < n; ++i) {
    new (entries.data_ + i) HashEntries::Entry(std::move(hash.entries_[i]));
    ++entries.size_;
  }
  block->hash_.index_ = std::move(hash.index_);  // positions are unchanged
  return block;
}

Value HashBuilder::finish() {
  block_->hash_.fold_repeated_keys();
  Value v;
  v.kind_ = Value::Kind::hash;
  v.shared_ = true;
  v.hash_ = std::exchange(block_, nullptr);
  return v;
}

void HashBlock::destroy() const noexcept {
  this->~HashBlock();
  ::operator delete(const_cast<HashBlock*>(this));
}

}  // namespace detail

Hash::Hash(std::initializer_list<Entry> entries) {
  entries_.reserve(entries.size());
  for (const auto& e : entries) set(e.first, e.second);
}

Hash::Hash(std::vector<Entry>&& entries) {
  entries_.reserve(entries.size());
  for (auto& e : entries) entries_.emplace_back(std::move(e.first), std::move(e.second));
  fold_repeated_keys();
}

void Hash::fold_repeated_keys() {
  if (!has_repeated_key()) return;
  // Rare (JSON allows repeated keys): fold the repeats the way set() does.
  detail::HashEntries all = std::move(entries_);
  entries_.clear();
  index_.clear();
  for (std::size_t i = 0; i < all.size(); ++i) set(std::move(all[i].first), std::move(all[i].second));
}

// Builds the index of a large hash on the way.
bool Hash::has_repeated_key() {
  if (entries_.size() > kIndexedSize) {
    std::size_t slots = 64;
    while (slots < entries_.size() * 4) slots *= 2;
    index_.assign(slots, 0);
    bool repeated = false;
    for (std::size_t i = 0; i < entries_.size(); ++i) repeated |= index_entry(i);
    return repeated;
  }
  // Small: a key is compared with the earlier ones only when a cheap signature of it (length,
  // first and last byte) was seen before.
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const std::string& key = entries_[i].first;
    const unsigned sig = key.empty() ? 0u
                                     : (static_cast<unsigned>(key.size()) * 7u +
                                        static_cast<unsigned char>(key.front()) * 3u +
                                        static_cast<unsigned char>(key.back()));
    const std::uint64_t bit = std::uint64_t{1} << (sig & 63u);
    if (seen & bit) {
      for (std::size_t j = 0; j < i; ++j)
        if (detail::same_key(entries_[j].first, key)) return true;
    }
    seen |= bit;
  }
  return false;
}

namespace {

// FNV-1a: keys are short, and the index only needs an even spread.
std::uint32_t key_hash(std::string_view key) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : key) h = (h ^ c) * 16777619u;
  return h;
}

}  // namespace

void Hash::set(std::string key, Value value) {
  std::size_t p = position(key);
  if (p != npos) {
    entries_[p].second = std::move(value);
    return;
  }
  entries_.emplace_back(std::move(key), std::move(value));
  if (entries_.size() > kIndexedSize) {
    // Keep the table at most half full; grow by doubling.
    if (entries_.size() * 2 > index_.size())
      rebuild_index();
    else
      index_entry(entries_.size() - 1);
  }
}

const Value* Hash::find(std::string_view key) const {
  std::size_t p = position(key);
  return p == npos ? nullptr : &entries_[p].second;
}

std::size_t Hash::position(std::string_view key) const {
  if (!index_.empty()) return indexed_position(key);
  for (std::size_t i = 0; i < entries_.size(); ++i)
    if (detail::same_key(entries_[i].first, key)) return i;
  return npos;
}

std::size_t Hash::indexed_position(std::string_view key) const {
  std::size_t mask = index_.size() - 1;
  for (std::size_t slot = key_hash(key) & mask;; slot = (slot + 1) & mask) {
    std::uint32_t at = index_[slot];
    if (at == 0) return npos;
    if (detail::same_key(entries_[at - 1].first, key)) return at - 1;
  }
}

bool Hash::index_entry(std::size_t position) {
  const std::string& key = entries_[position].first;
  std::size_t mask = index_.size() - 1;
  std::size_t slot = key_hash(key) & mask;
  bool repeated = false;
  for (; index_[slot] != 0; slot = (slot + 1) & mask)
    repeated |= detail::same_key(entries_[index_[slot] - 1].first, key);
  index_[slot] = static_cast<std::uint32_t>(position + 1);
  return repeated;
}

void Hash::rebuild_index() {
  std::size_t slots = 64;
  while (slots < entries_.size() * 4) slots *= 2;
  index_.assign(slots, 0);
  for (std::size_t i = 0; i < entries_.size(); ++i) index_entry(i);
}

std::string Drop::to_s() const { return {}; }
std::optional<Value> Drop::to_value() const { return std::nullopt; }

namespace detail {

StringBlock* StringBlock::make(std::string_view s) {
  void* memory = ::operator new(sizeof(StringBlock) + s.size());
  auto* block = new (memory) StringBlock(s.size());
  std::memcpy(static_cast<char*>(memory) + sizeof(StringBlock), s.data(), s.size());
  return block;
}

void StringBlock::destroy() const noexcept {
  this->~StringBlock();
  ::operator delete(const_cast<StringBlock*>(this));
}

}  // namespace detail

Value::Value(std::string s) : Value(std::string_view(s)) {}
Value::Value(std::string_view s) : range_{}, kind_(Kind::string) {
  if (s.size() <= kSmallString)
    hold_small(s);
  else
    hold_long(s);
}
Value::Value(const std::shared_ptr<const std::string>& s) : Value(std::string_view(*s)) {}

void Value::hold_small(std::string_view s) noexcept {
  std::memcpy(small_.data, s.data(), s.size());
  small_.size = static_cast<std::uint8_t>(s.size());
}

void Value::hold_long(std::string_view s) {
  string_ = detail::StringBlock::make(s);
  shared_ = true;
}
Value::Value(Array a) : array_(std::make_shared<const Array>(std::move(a))), kind_(Kind::array), shared_(true) {}
Value::Value(Hash h) : hash_(detail::HashBlock::make(std::move(h))), kind_(Kind::hash), shared_(true) {}
Value::Value(const std::shared_ptr<const Hash>& h) : Value(Hash(*h)) {}

std::shared_ptr<const std::string> Value::string_ptr() const {
  expect(Kind::string);
  return std::make_shared<const std::string>(as_string());
}

const void* Value::shared_address() const noexcept {
  if (!shared_) return nullptr;
  switch (kind_) {
    case Kind::string: return string_;
    case Kind::array: return array_.get();
    case Kind::hash: return hash_;
    case Kind::drop: return drop_.get();
    default: return nullptr;
  }
}

void Value::copy_shared(const Value& other) noexcept {
  switch (kind_) {
    case Kind::string:
      string_ = other.string_;
      string_->retain();
      return;
    case Kind::array: new (&array_) ArrayPtr(other.array_); return;
    case Kind::hash:
      hash_ = other.hash_;
      hash_->retain();
      return;
    case Kind::drop: new (&drop_) DropPtr(other.drop_); return;
    default: return;
  }
}

void Value::release_shared() noexcept {
  switch (kind_) {
    case Kind::string: string_->release(); return;
    case Kind::array: array_.~ArrayPtr(); return;
    case Kind::hash: hash_->release(); return;
    case Kind::drop: drop_.~DropPtr(); return;
    default: return;
  }
}

std::string_view Value::kind_name(Kind k) {
  switch (k) {
    case Kind::nil: return "nil";
    case Kind::boolean: return "boolean";
    case Kind::integer: return "integer";
    case Kind::floating: return "float";
    case Kind::string: return "string";
    case Kind::array: return "array";
    case Kind::hash: return "hash";
    case Kind::range: return "range";
    case Kind::drop: return "drop";
  }
  return "?";
}

namespace {

void append_int(std::string& out, std::int64_t i) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, i);
  out.append(buf, r.ptr);
}

// Code points Ruby's inspect escapes as \uXXXX: C1 controls (but U+0085), the line and
// paragraph separators, and noncharacters. (Unassigned code points are escaped by Ruby too; that
// needs the Unicode tables and is not done.)
bool ruby_printable(char32_t cp) {
  if (cp >= 0x80 && cp <= 0x9F) return cp == 0x85;
  if (cp == 0x2028 || cp == 0x2029) return false;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return false;
  return (cp & 0xFFFE) != 0xFFFE;
}

// Ruby's String#inspect for a UTF-8 string.
void append_string_inspect(std::string& out, std::string_view s) {
  out.push_back('"');
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; ++i; continue;
      case '\\': out += "\\\\"; ++i; continue;
      case '\n': out += "\\n"; ++i; continue;
      case '\t': out += "\\t"; ++i; continue;
      case '\r': out += "\\r"; ++i; continue;
      case '\f': out += "\\f"; ++i; continue;
      case '\v': out += "\\v"; ++i; continue;
      case '\b': out += "\\b"; ++i; continue;
      case '\a': out += "\\a"; ++i; continue;
      case 0x1b: out += "\\e"; ++i; continue;
      case '#':
        // "#{", "#$" and "#@" would interpolate in Ruby source, so inspect escapes them.
        if (i + 1 < s.size() && (s[i + 1] == '{' || s[i + 1] == '$' || s[i + 1] == '@'))
          out += "\\#";
        else
          out.push_back('#');
        ++i;
        continue;
      default: break;
    }
    if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", c);
      out += buf;
      ++i;
      continue;
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    std::size_t len = utf8::sequence_length(s, i);
    if (len == 0) {  // invalid byte
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
      ++i;
      continue;
    }
    char32_t cp = utf8::decode(s, i, len);
    if (!ruby_printable(cp)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, cp > 0xFFFF ? "\\u{%X}" : "\\u%04X", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  out.push_back('"');
}

}  // namespace

namespace {

// The usual floats (prices, measures: at most 6 decimals, printed without an exponent) without
// the general shortest-digits algorithm: the shortest round-trip form of `d` is m / 10^k for
// the smallest k at which the integer m nearest to d * 10^k divides back to exactly d. Below
// 2^50, m is the only candidate at that k, so this is the form std::to_chars finds too.
bool append_short_decimal(std::string& out, double d) {
  static constexpr double kPow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
  double a = std::fabs(d);
  if (!(a >= 1e-4 && a < 1e15)) return false;  // Ruby's fixed-point layout only
  for (int k = 0; k <= 6; ++k) {
    double scaled = a * kPow10[k];
    if (scaled >= 0x1p50) return false;
    double m = std::nearbyint(scaled);
    if (m / kPow10[k] != a) continue;
    char digits[24];
    auto r = std::to_chars(digits, digits + sizeof digits, static_cast<std::uint64_t>(m));
    std::size_t n = static_cast<std::size_t>(r.ptr - digits);
    std::size_t decimals = static_cast<std::size_t>(k);
    if (d < 0) out.push_back('-');
    if (decimals == 0) {
      out.append(digits, n);
      out += ".0";
    } else if (n > decimals) {
      out.append(digits, n - decimals);
      out.push_back('.');
      out.append(digits + n - decimals, decimals);
    } else {
      out += "0.";
      out.append(decimals - n, '0');
      out.append(digits, n);
    }
    return true;
  }
  return false;
}

}  // namespace

void append_float(std::string& out, double d) {
  if (append_short_decimal(out, d)) return;
  if (std::isnan(d)) {
    out += "NaN";
    return;
  }
  if (std::isinf(d)) {
    out += d < 0 ? "-Infinity" : "Infinity";
    return;
  }
  if (d == 0.0) {
    out += std::signbit(d) ? "-0.0" : "0.0";
    return;
  }
  // Shortest round-trip digits, then Ruby's layout (flo_to_s in numeric.c).
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(r.ptr - buf));
  bool negative = sci.front() == '-';
  if (negative) sci.remove_prefix(1);
  std::size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos))
    if (c != '.') digits.push_back(c);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int exponent = 0;
  std::from_chars(sci.data() + e_pos + 1 + (sci[e_pos + 1] == '+' ? 1 : 0), sci.data() + sci.size(),
                  exponent);
  int decpt = exponent + 1;  // position of the decimal point relative to the digits
  int ndigits = static_cast<int>(digits.size());
  if (negative) out.push_back('-');
  // Ruby switches to exponent form past DBL_DIG (15) integer digits: 1e15 -> "1.0e+15".
  if (decpt > 0 && decpt <= 15) {
    if (decpt >= ndigits) {
      out += digits;
      out.append(static_cast<std::size_t>(decpt - ndigits), '0');
      out += ".0";
    } else {
      out.append(digits, 0, static_cast<std::size_t>(decpt));
      out.push_back('.');
      out.append(digits, static_cast<std::size_t>(decpt));
    }
  } else if (decpt <= 0 && decpt > -4) {
    out += "0.";
    out.append(static_cast<std::size_t>(-decpt), '0');
    out += digits;
  } else {
    out.push_back(digits[0]);
    out.push_back('.');
    if (ndigits > 1)
      out.append(digits, 1);
    else
      out.push_back('0');
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%+03d", decpt - 1);
    out += ebuf;
  }
}

std::string format_float(double d) {
  std::string s;
  append_float(s, d);
  return s;
}

void Value::append_other_to(std::string& out) const {
  switch (kind()) {
    case Kind::nil: return;
    case Kind::boolean: out += as_bool() ? "true" : "false"; return;
    case Kind::integer: append_int(out, as_int()); return;
    case Kind::floating: append_float(out, as_float()); return;
    case Kind::string: out += as_string(); return;
    case Kind::array:
      // Array#join: nested arrays flatten, other elements print with to_s.
      for (const auto& v : as_array()) v.append_to(out);
      return;
    case Kind::hash: append_inspect(out); return;
    case Kind::range: {
      auto r = as_range();
      append_int(out, r.first);
      out += "..";
      append_int(out, r.last);
      return;
    }
    case Kind::drop: out += as_drop().to_s(); return;
  }
}

std::string Value::to_s() const {
  std::string s;
  append_to(s);
  return s;
}

void Value::append_inspect(std::string& out) const {
  switch (kind()) {
    case Kind::nil: out += "nil"; return;
    case Kind::string: append_string_inspect(out, as_string()); return;
    case Kind::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& v : as_array()) {
        if (!first) out += ", ";
        first = false;
        v.append_inspect(out);
      }
      out.push_back(']');
      return;
    }
    case Kind::hash: {
      out.push_back('{');
      bool first = true;
      for (const auto& [k, v] : as_hash()) {
        if (!first) out += ", ";
        first = false;
        append_string_inspect(out, k);
        out += "=>";
        v.append_inspect(out);
      }
      out.push_back('}');
      return;
    }
    default: append_to(out); return;
  }
}

std::string Value::inspect() const {
  std::string s;
  append_inspect(s);
  return s;
}

bool operator==(const Value& a, const Value& b) {
  using K = Value::Kind;
  K ka = a.kind(), kb = b.kind();
  if (ka == K::drop || kb == K::drop) {
    if (ka == kb && a.drop_ptr() == b.drop_ptr()) return true;
    if (ka == K::drop) {
      auto v = a.as_drop().to_value();
      return v && !v->is_drop() && *v == b;
    }
    auto v = b.as_drop().to_value();
    return v && !v->is_drop() && a == *v;
  }
  if ((ka == K::integer || ka == K::floating) && (kb == K::integer || kb == K::floating)) {
    if (ka == K::integer && kb == K::integer) return a.as_int() == b.as_int();
    return a.to_double() == b.to_double();
  }
  if (ka != kb) return false;
  switch (ka) {
    case K::nil: return true;
    case K::boolean: return a.as_bool() == b.as_bool();
    case K::string: return a.as_string() == b.as_string();
    case K::array: {
      const auto &x = a.as_array(), &y = b.as_array();
      if (&x == &y) return true;
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i)
        if (!(x[i] == y[i])) return false;
      return true;
    }
    case K::hash: {
      const auto &x = a.as_hash(), &y = b.as_hash();
      if (&x == &y) return true;
      if (x.size() != y.size()) return false;
      for (const auto& [k, v] : x) {
        const Value* w = y.find(k);
        if (!w || !(v == *w)) return false;
      }
      return true;
    }
    case K::range: return a.as_range() == b.as_range();
    default: return false;
  }
}

}  // namespace liquid
