#include "tags/util.hpp"

#include <charconv>
#include <cmath>

#include "lexer.hpp"

namespace liquid::tags {

namespace {

std::int64_t string_to_i(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && lex::is_ascii_space(s[i])) ++i;
  bool neg = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
  std::int64_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '_' && i > 0 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') continue;
    if (s[i] < '0' || s[i] > '9') break;
    int d = s[i] - '0';
    if (v > (INT64_MAX - d) / 10) return neg ? INT64_MIN : INT64_MAX;
    v = v * 10 + d;
  }
  return neg ? -v : v;
}

std::int64_t clamp_double(double d) {
  if (!std::isfinite(d)) return 0;
  if (d >= 9.2e18) return INT64_MAX;
  if (d <= -9.2e18) return INT64_MIN;
  return static_cast<std::int64_t>(d);
}

bool variable_signature_char(char c) {
  return lex::is_word(c) || c == '-' || c == '.' || c == '[' || c == ']';
}

// One VariableSignature unit at i: \(?[\w\-\.\[\]]\)? ; returns its end or npos.
std::size_t signature_unit(std::string_view s, std::size_t i) {
  std::size_t p = i;
  if (p < s.size() && s[p] == '(') ++p;
  if (p >= s.size() || !variable_signature_char(s[p])) {
    if (p != i && i < s.size() && variable_signature_char(s[i])) return i + 1;
    return std::string_view::npos;
  }
  ++p;
  if (p < s.size() && s[p] == ')') ++p;
  return p;
}

}  // namespace

std::optional<std::int64_t> ruby_to_i(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::nil: return 0;
    case Value::Kind::integer: return v.as_int();
    case Value::Kind::floating: return clamp_double(v.as_float());
    case Value::Kind::string: return string_to_i(v.as_string());
    default: return std::nullopt;
  }
}

std::optional<std::int64_t> to_integer(const Value& v) {
  if (v.is_int()) return v.as_int();
  std::string s = v.is_array() ? v.inspect() : v.to_s();
  std::string_view t = s;
  while (!t.empty() && lex::is_ascii_space(t.front())) t.remove_prefix(1);
  while (!t.empty() && lex::is_ascii_space(t.back())) t.remove_suffix(1);
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  std::int64_t out = 0;
  auto r = std::from_chars(t.data(), t.data() + t.size(), out);
  if (t.empty() || r.ec != std::errc() || r.ptr != t.data() + t.size()) return std::nullopt;
  return out;
}

std::string_view match_variable_signature(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::size_t e = signature_unit(s, i);
    if (e == std::string_view::npos) continue;
    while (true) {
      std::size_t next = signature_unit(s, e);
      if (next == std::string_view::npos) break;
      e = next;
    }
    return s.substr(i, e - i);
  }
  return {};
}

AssignTarget match_assign(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::size_t e = signature_unit(s, i);
    if (e == std::string_view::npos) continue;
    while (true) {
      std::size_t next = signature_unit(s, e);
      if (next == std::string_view::npos) break;
      e = next;
    }
    std::size_t k = e;
    while (k < s.size() && lex::is_ascii_space(s[k])) ++k;
    if (k < s.size() && s[k] == '=') {
      ++k;
      while (k < s.size() && lex::is_ascii_space(s[k])) ++k;
      return AssignTarget{s.substr(i, e - i), k};
    }
  }
  return AssignTarget{};
}

Segment::Segment(const Value& collection, std::int64_t from, std::optional<std::int64_t> to)
    : source_(collection) {
  auto clamp = [&](std::int64_t total) {
    // Utils.slice_collection_using_each: items with from <= index < to.
    std::int64_t lo = std::max<std::int64_t>(from, 0);
    std::int64_t hi = total;
    if (to) hi = std::min(hi, *to);
    begin_ = lo;
    size_ = hi > lo ? hi - lo : 0;
  };
  const Value* c = &collection;
  Value unwrapped;
  if (c->is_drop()) {
    if (auto v = c->as_drop().to_value()) {
      unwrapped = std::move(*v);
      c = &unwrapped;
      source_ = unwrapped;
    }
  }
  switch (c->kind()) {
    case Value::Kind::array: clamp(static_cast<std::int64_t>(c->as_array().size())); break;
    case Value::Kind::range: {
      Range r = c->as_range();
      is_range_ = true;
      // Range::size overflows for the widest ranges; more than INT64_MAX items is as good.
      std::uint64_t span = r.last < r.first ? 0 : static_cast<std::uint64_t>(r.last) - static_cast<std::uint64_t>(r.first);
      clamp(r.last < r.first ? 0 : span >= static_cast<std::uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<std::int64_t>(span) + 1);
      if (size_ > 0) begin_ += r.first;  // begin_ < total, so this stays within the range
      break;
    }
    case Value::Kind::hash: {
      use_items_ = true;
      clamp(static_cast<std::int64_t>(c->as_hash().size()));
      for (std::int64_t i = 0; i < size_; ++i) {
        const auto& e = c->as_hash().at(static_cast<std::size_t>(begin_ + i));
        items_.push_back(Value(Array{Value(e.first), e.second}));
      }
      break;
    }
    case Value::Kind::string:
      // A string is one item (Ruby's slice_collection_using_each special case, which returns
      // before offset and limit are applied: they are ignored); empty is none.
      use_items_ = true;
      if (!c->as_string().empty()) {
        begin_ = 0;
        size_ = 1;
        items_.push_back(*c);
      }
      break;
    default: break;  // nil, numbers, booleans, opaque drops: nothing to iterate
  }
}

Value Segment::at(std::int64_t i, bool reversed) const {
  std::int64_t k = reversed ? size_ - 1 - i : i;
  if (use_items_) return items_[static_cast<std::size_t>(k)];
  if (is_range_) return Value(begin_ + k);
  return source_.as_array()[static_cast<std::size_t>(begin_ + k)];
}

}  // namespace liquid::tags
