#include "liquid/json.hpp"

#include <cmath>
#include <stdexcept>

#include <boost/json/error.hpp>
#include <boost/json/stream_parser.hpp>

#include "utf8.hpp"

namespace liquid {

namespace {

// Values nest no deeper than this: converting, printing, comparing and destroying them recurse,
// and deeper data has no use in a template. (Ruby's JSON.parse stops at 100.)
constexpr std::size_t kMaxJsonDepth = 1000;

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
      return Value(std::string(s.data(), s.size()));
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

Value parse_json(std::string_view text) {
  boost::json::parse_options opts;
  opts.max_depth = kMaxJsonDepth;
  boost::json::stream_parser parser({}, opts);
  boost::system::error_code ec;
  std::size_t consumed = parser.write(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    // The parser stops where the input goes wrong: report that place as line:column.
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < consumed && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string reason = ec == boost::json::error::too_deep
                             ? "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"
                             : ec.message();
    throw std::invalid_argument("invalid JSON at line " + std::to_string(line) + ", column " +
                                std::to_string(column) + ": " + reason);
  }
  return from_json(parser.release());
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
