// Two ways to read JSON text. parse_json (liquid/json.hpp) takes the first that answers:
// simdjson's DOM parser, about 1.25 times faster on the ~2 KB records a sender parses one after
// another (BM_ParseRecord 5.0-5.2 us against BM_ParseRecordReference 6.0-6.9 us, 2026-12-08,
// both building values the same way); then Boost.JSON's SAX parser, the reference, which also
// words every error (with its byte position). Both build the same Value from the same text
// (tests/liquid/json_fast_test.cpp and the fuzz_json_parse target hold them to it), with one
// exception: an exponent of 10 digits or more, which Boost.JSON refuses ("exponent overflow")
// and simdjson reads, as Ruby's JSON.parse does (0.1e-2147483649 is 0.0), in documents up to
// 1 MiB.
#pragma once

#include <optional>
#include <string_view>

#include "liquid/value.hpp"

namespace liquid::detail {

// The document, when it is at most 1 MiB, simdjson accepts it and it nests no deeper than
// kMaxJsonDepth; nullopt otherwise (larger, malformed, too deep, or a number simdjson will not
// read, such as 1e400).
std::optional<Value> parse_json_fast(std::string_view text);

// Boost.JSON's reading of the document; throws std::invalid_argument as parse_json does.
Value parse_json_reference(std::string_view text);

}  // namespace liquid::detail
