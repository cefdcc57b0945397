#include "liquid/value.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "utf8.hpp"

namespace liquid {

Hash::Hash(std::initializer_list<Entry> entries) {
  entries_.reserve(entries.size());
  for (const auto& e : entries) set(e.first, e.second);
}

void Hash::set(std::string key, Value value) {
  for (auto& e : entries_) {
    if (e.first == key) {
      e.second = std::move(value);
      return;
    }
  }
  entries_.emplace_back(std::move(key), std::move(value));
}

const Value* Hash::find(std::string_view key) const {
  for (const auto& e : entries_) {
    if (e.first.size() == key.size() && std::memcmp(e.first.data(), key.data(), key.size()) == 0)
      return &e.second;
  }
  return nullptr;
}

std::string Drop::to_s() const { return {}; }
std::optional<Value> Drop::to_value() const { return std::nullopt; }

Value::Value(std::string s) : v_(std::make_shared<const std::string>(std::move(s))) {}
Value::Value(Array a) : v_(std::make_shared<const Array>(std::move(a))) {}
Value::Value(Hash h) : v_(std::make_shared<const Hash>(std::move(h))) {}

double Value::to_double() const noexcept {
  if (is_int()) return static_cast<double>(std::get<std::int64_t>(v_));
  if (is_float()) return std::get<double>(v_);
  return 0.0;
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
    out.append(s.substr(i, len));
    i += len;
  }
  out.push_back('"');
}

}  // namespace

void append_float(std::string& out, double d) {
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
  if (decpt > 0 && decpt <= 16) {
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

void Value::append_to(std::string& out) const {
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
