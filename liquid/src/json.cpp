#include "liquid/json.hpp"

#include <charconv>
#include <iterator>
#include <tuple>
#include <utility>
#include <cmath>
#include <vector>
#include <stdexcept>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/error.hpp>

#include "json_fast.hpp"
#include "utf8.hpp"

namespace liquid {

namespace {

Value convert(const boost::json::value& json, std::size_t depth);

}  // namespace

Value from_json(const boost::json::value& json) { return convert(json, 0); }

namespace {

Value convert(const boost::json::value& json, std::size_t depth) {
  if (depth > kMaxJsonDepth)
    throw std::invalid_argument("invalid JSON: nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  switch (json.kind()) {
    case boost::json::kind::null: return Value();
    case boost::json::kind::bool_: return Value(json.get_bool());
    case boost::json::kind::int64: return Value(json.get_int64());
    case boost::json::kind::uint64: {
      auto u = json.get_uint64();
      if (u > static_cast<std::uint64_t>(INT64_MAX)) return Value(static_cast<double>(u));
      return Value(static_cast<std::int64_t>(u));
    }
    case boost::json::kind::double_: return Value(json.get_double());
    case boost::json::kind::string: {
      const auto& s = json.get_string();
      return Value(std::string_view(s.data(), s.size()));
    }
    case boost::json::kind::array: {
      Array a;
      a.reserve(json.get_array().size());
      for (const auto& e : json.get_array()) a.push_back(convert(e, depth + 1));
      return Value(std::move(a));
    }
    case boost::json::kind::object: {
      Hash h;
      h.reserve(json.get_object().size());
      for (const auto& kv : json.get_object())
        h.set(std::string(kv.key()), convert(kv.value(), depth + 1));
      return Value(std::move(h));
    }
  }
  return Value();
}

}  // namespace

namespace {

// Builds a Value straight from Boost.JSON's SAX events: no intermediate json::value, doubles read
// exactly from their text (Boost 1.81's own conversion can be 1 ulp off), and containers built
// on explicit stacks, so deep documents need no recursion. An object's members go straight into
// key/value entries that become its Hash in one step when it closes.
class ValueBuilder {
 public:
  constexpr static std::size_t max_object_size = std::size_t(-1);
  constexpr static std::size_t max_array_size = std::size_t(-1);
  constexpr static std::size_t max_key_size = std::size_t(-1);
  constexpr static std::size_t max_string_size = std::size_t(-1);

  Value result;

  bool on_document_begin(boost::system::error_code&) { return true; }
  bool on_document_end(boost::system::error_code&) { return true; }
  bool on_object_begin(boost::system::error_code&) {
    open_.push_back(Open::object);
    return true;
  }
  bool on_object_end(std::size_t n, boost::system::error_code&) {
    // The object's n members are the last n entries: moved out at the exact size.
    const auto first = entries_.end() - static_cast<std::ptrdiff_t>(n);
    detail::HashBuilder members(n);
    for (auto it = first; it != entries_.end(); ++it)
      members.append(std::move(it->first), std::move(it->second));
    entries_.erase(first, entries_.end());
    open_.pop_back();
    add(members.finish());
    return true;
  }
  bool on_array_begin(boost::system::error_code&) {
    open_.push_back(Open::array);
    return true;
  }
  bool on_array_end(std::size_t n, boost::system::error_code&) {
    const auto first = values_.end() - static_cast<std::ptrdiff_t>(n);
    Array array(std::make_move_iterator(first), std::make_move_iterator(values_.end()));
    values_.erase(first, values_.end());
    open_.pop_back();
    add(Value(std::move(array)));
    return true;
  }
  bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    text_.append(s.data(), s.size());
    return true;
  }
  bool on_key(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    if (text_.empty()) {
      entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(s.data(), s.size()),
                            std::forward_as_tuple());
    } else {
      text_.append(s.data(), s.size());
      entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(std::move(text_)),
                            std::forward_as_tuple());
      text_.clear();
    }
    return true;
  }
  bool on_string_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    text_.append(s.data(), s.size());
    return true;
  }
  bool on_string(boost::json::string_view s, std::size_t, boost::system::error_code&) {
    if (text_.empty()) {
      add(Value(std::string_view(s.data(), s.size())));
    } else {
      text_.append(s.data(), s.size());
      add(Value(std::move(text_)));
      text_.clear();
    }
    return true;
  }
  bool on_number_part(boost::json::string_view s, boost::system::error_code&) {
    number_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t i, boost::json::string_view, boost::system::error_code&) {
    number_.clear();
    add(Value(i));
    return true;
  }
  bool on_uint64(std::uint64_t u, boost::json::string_view s, boost::system::error_code& ec) {
    // Beyond int64: keep the magnitude as a float (a Ruby Bignum has no counterpart here).
    return on_double(static_cast<double>(u), s, ec);
  }
  bool on_double(double d, boost::json::string_view s, boost::system::error_code&) {
    if (number_.empty()) {  // the whole number arrived in one piece (always, for one buffer)
      add(Value(exact_double(std::string_view(s.data(), s.size()), d)));
    } else {
      number_.append(s.data(), s.size());
      add(Value(exact_double(number_, d)));
      number_.clear();
    }
    return true;
  }
  bool on_bool(bool b, boost::system::error_code&) {
    add(Value(b));
    return true;
  }
  bool on_null(boost::system::error_code&) {
    add(Value());
    return true;
  }
  bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

 private:
  enum class Open : unsigned char { object, array };

  // The number as written, correctly rounded (Boost's `approximate` may be 1 ulp off). Beyond
  // the range of a double: an infinity, or a zero of the number's sign.
  static double exact_double(std::string_view text, double approximate) {
    double exact = approximate;
    auto r = std::from_chars(text.data(), text.data() + text.size(), exact);
    if (r.ec == std::errc::result_out_of_range) {
      const double sign = text.front() == '-' ? -1.0 : 1.0;
      exact = std::fabs(approximate) >= 1.0 ? sign * HUGE_VAL : sign * 0.0;
    } else if (r.ec != std::errc()) {
      exact = approximate;
    }
    return exact;
  }

  // A finished value goes to the innermost open container: the member whose key came last, or
  // the end of the array; with none open it is the document.
  void add(Value v) {
    if (open_.empty())
      result = std::move(v);
    else if (open_.back() == Open::object)
      entries_.back().second = std::move(v);
    else
      values_.push_back(std::move(v));
  }
  std::vector<Open> open_;
  std::vector<Hash::Entry> entries_;  // members of the open objects, innermost last
  std::vector<Value> values_;         // elements of the open arrays, innermost last
  std::string text_;
  std::string number_;
};

}  // namespace

Value parse_json(std::string_view text) {
  if (auto fast = detail::parse_json_fast(text)) return std::move(*fast);
  return detail::parse_json_reference(text);
}

Value detail::parse_json_reference(std::string_view text) {
  boost::json::parse_options opts;
  opts.max_depth = kMaxJsonDepth;
  boost::json::basic_parser<ValueBuilder> parser(opts);
  boost::system::error_code ec;
  std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (!ec && used < text.size()) ec = boost::json::error::extra_data;
  if (ec)
    throw std::invalid_argument("invalid JSON at byte " + std::to_string(used) + ": " + ec.message());
  return std::move(parser.handler().result);
}

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  append_json_escaped(out, s);
  out.push_back('"');
}

void append_json_escaped(std::string& out, std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      std::size_t j = i + 1;
      while (j < s.size()) {
        unsigned char d = static_cast<unsigned char>(s[j]);
        if (d < 0x20 || d >= 0x80 || d == '"' || d == '\\') break;
        ++j;
      }
      out.append(s.data() + i, j - i);
      i = j;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; ++i; continue;
      case '\\': out += "\\\\"; ++i; continue;
      case '\n': out += "\\n"; ++i; continue;
      case '\r': out += "\\r"; ++i; continue;
      case '\t': out += "\\t"; ++i; continue;
      case '\b': out += "\\b"; ++i; continue;
      case '\f': out += "\\f"; ++i; continue;
      default: break;
    }
    if (c < 0x20) {
      out += "\\u00";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
      ++i;
      continue;
    }
    std::size_t len = utf8::sequence_length(s, i);
    if (len == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    char32_t cp = utf8::decode(s, i, len);
    if (cp == 0x2028 || cp == 0x2029) {  // valid JSON, but breaks JavaScript string literals
      out += cp == 0x2028 ? "\\u2028" : "\\u2029";
    } else {
      out.append(s.data() + i, len);
    }
    i += len;
  }
}

void append_json(std::string& out, const Value& v) {
  using K = Value::Kind;
  switch (v.kind()) {
    case K::nil: out += "null"; return;
    case K::boolean: out += v.as_bool() ? "true" : "false"; return;
    case K::integer: v.append_to(out); return;
    case K::floating:
      if (!std::isfinite(v.as_float())) {
        out += "null";
        return;
      }
      append_float(out, v.as_float());
      return;
    case K::string: append_json_string(out, v.as_string()); return;
    case K::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& e : v.as_array()) {
        if (!first) out.push_back(',');
        first = false;
        append_json(out, e);
      }
      out.push_back(']');
      return;
    }
    case K::hash: {
      out.push_back('{');
      bool first = true;
      for (const auto& [k, e] : v.as_hash()) {
        if (!first) out.push_back(',');
        first = false;
        append_json_string(out, k);
        out.push_back(':');
        append_json(out, e);
      }
      out.push_back('}');
      return;
    }
    case K::range:  // as Ruby's Range#to_json: the string "1..3"
      append_json_string(out, v.to_s());
      return;
    case K::drop: {
      auto inner = v.as_drop().to_value();
      if (inner && !inner->is_drop())
        append_json(out, *inner);
      else
        append_json_string(out, v.as_drop().to_s());
      return;
    }
  }
}

std::string to_json(const Value& v) {
  std::string s;
  append_json(s, v);
  return s;
}

}  // namespace liquid
