// Values from and to JSON (Boost.JSON). Integers stay integers, floats stay floats, object key
// order is kept.
#pragma once

#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "liquid/value.hpp"

namespace liquid {

// Deeper documents are refused: printing, comparing and freeing a Value recurse, and deeper data
// has no use in a template. (Ruby's JSON.parse stops at 100.)
inline constexpr std::size_t kMaxJsonDepth = 1000;

Value from_json(const boost::json::value& json);
// Parse JSON text (doubles exactly as written, key order kept); throws std::invalid_argument
// with the byte position on malformed input or nesting deeper than kMaxJsonDepth.
Value parse_json(std::string_view text);

// JSON text of a value: nil -> null, hashes as objects in key order, ranges as "1..3" (as Ruby), floats in
// shortest round-trip form (5.0 stays 5.0), NaN and infinities as null, drops by their value.
void append_json(std::string& out, const Value& v);
std::string to_json(const Value& v);
// A JSON string literal (with quotes) for `s`; invalid UTF-8 bytes become U+FFFD.
void append_json_string(std::string& out, std::string_view s);
// The same without the quotes: `s` escaped to sit inside a JSON string. U+2028 and U+2029 are
// escaped too (valid JSON, but they end a JavaScript string literal).
void append_json_escaped(std::string& out, std::string_view s);

}  // namespace liquid
