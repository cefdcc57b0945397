// Unicode case mapping as Ruby's String#upcase, #downcase and #capitalize do it (internal).
//
// Coverage: every code point Ruby 3.1 (Unicode 13.0) maps, in all scripts (Latin, Greek, Cyrillic,
// Armenian, Georgian, Cherokee, Glagolitic, Deseret, Adlam, ...), including the full mappings
// that expand to several code points ("ß" upcases to "SS", "ŉ" to "ʼN", "İ" downcases to "i̇").
// Like Ruby without options, the mapping is context-free: no final-sigma rule, no Turkic or
// Lithuanian locale rules. Unlike Ruby, which raises on invalid UTF-8, an invalid byte is kept
// as it is and counts as one character.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace liquid::casemap {

enum class Case { upper, lower, title };

// Append the mapping of `cp` under `c` (the code point itself when it has none).
void append_mapped(std::string& out, char32_t cp, Case c);

// Ruby's s.upcase / s.downcase / s.capitalize (the first character titlecased, the rest
// downcased). nullopt when the result equals `s`, so that callers can keep the original.
std::optional<std::string> upcase(std::string_view s);
std::optional<std::string> downcase(std::string_view s);
std::optional<std::string> capitalize(std::string_view s);

}  // namespace liquid::casemap
