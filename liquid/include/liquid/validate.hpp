// Validation of rendered webhook bodies by Content-Type (library liquid::validate).
//
//   auto report = liquid::validate::validate(body, "application/json");
//   if (!report.validated) ...        // unknown Content-Type: say "not validated"
//   for (const auto& issue : report.issues) ...   // sorted by offset
//   if (!report.ok()) ...             // at least one error
//
// It checks bytes only, independent of how they were rendered:
//   json  application/json, */*+json    RFC 8259 exactly (Boost.JSON): no comments, no trailing
//                                        commas, no NaN, UTF-8 everywhere, one top-level value.
//                                        Duplicate object keys are warnings.
//   form  application/x-www-form-urlencoded, bare x-www-form-urlencoded
//                                        `&`-separated `name=value` pairs, percent-encoding.
//   xml   text/xml, application/xml, */*+xml   XML 1.0 well-formedness (expat).
//   text  text/plain                     valid UTF-8, no NUL byte.
// Any other type (or none) is not validated: `validated == false` and no issues.
//
// Positions: `offset` is a byte offset in the body; `line` and `column` are 1-based, columns in
// bytes. Lines end at LF, so CR LF is one line break (the CR is the last byte of its line), as in
// liquid::SourcePosition::locate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/error.hpp"
#include "liquid/origin.hpp"

namespace liquid::validate {

// Stable issue ids. Tests and tools match on these, never on message text.
namespace ids {
// JSON
inline constexpr std::string_view json_invalid = "rendered-json-invalid";  // error: not RFC 8259
inline constexpr std::string_view json_too_deep =
    "json-too-deep";  // error: Options::max_json_depth
inline constexpr std::string_view json_duplicate_key =
    "json-duplicate-key";  // warning: at the second key
// form (application/x-www-form-urlencoded)
inline constexpr std::string_view form_invalid =
    "rendered-form-invalid";  // error: bad `%`, byte to encode, empty name
inline constexpr std::string_view form_literal_plus =
    "form-literal-plus";  // warning: `+` is a space
inline constexpr std::string_view form_empty_pair =
    "form-empty-pair";  // warning: `&&` or leading `&`
inline constexpr std::string_view form_trailing_ampersand = "form-trailing-ampersand";  // warning
inline constexpr std::string_view form_missing_equals =
    "form-missing-equals";  // warning: pair without `=`
// XML
inline constexpr std::string_view xml_invalid = "rendered-xml-invalid";  // error: not well-formed
// text/plain
inline constexpr std::string_view text_invalid_utf8 = "text-invalid-utf8";  // error
inline constexpr std::string_view text_nul = "text-nul";                    // error
// Options::max_issues reached: one last issue counts the rest. It is an error when any of the
// omitted issues is one, so that Report::ok() stays true only for bodies without errors.
inline constexpr std::string_view issues_omitted = "issues-omitted";
}  // namespace ids

enum class BodyType : std::uint8_t { json, form, xml, text, unknown };
std::string_view body_type_name(BodyType type);  // "json", "form", "xml", "text", "unknown"

// The body type of a Content-Type header value. Case-insensitive; parameters (`; charset=...`)
// and surrounding whitespace are ignored. "" and unrecognised types give BodyType::unknown.
BodyType classify(std::string_view content_type);

struct Issue {
  std::string id;  // one of `ids`
  Severity severity = Severity::error;
  std::size_t offset = 0;    // byte offset in the body (== body size for "unexpected end")
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in bytes
  std::string message;       // says what was found and what was expected
};

struct Report {
  BodyType type = BodyType::unknown;
  bool validated = false;     // false: unknown type, nothing was checked
  std::vector<Issue> issues;  // sorted by offset
  bool ok() const;            // no issue of severity error
};

struct Options {
  // Issues kept per report; the rest are counted in one `issues-omitted` issue.
  std::size_t max_issues = 100;
  // Deeper JSON nesting is reported as `json-too-deep` (RFC 8259 allows such a limit). Boost.JSON
  // recurses once per level (100-200 bytes of stack each), so keep this in the thousands.
  std::size_t max_json_depth = 1000;
};

// Validate `body` as the type `content_type` names.
Report validate(std::string_view body, std::string_view content_type, const Options& options = {});
// Validate `body` as `type` (BodyType::unknown: not validated).
Report validate(std::string_view body, BodyType type, const Options& options = {});

// Drop the issues the origin map shows to be intended: a '+' that url_encode (or form escaping,
// when `form_escaping`) wrote is an encoded space, not a literal plus.
void drop_intended(Report& report, const OriginMap& origins, bool form_escaping);

// An issue as a diagnostic at the template position that produced the offending output byte
// (found through `origins`, recorded by the render), with the output's own line and column in
// the message: `body.liquid:14:16: error: invalid JSON value [rendered-json-invalid] (output 14:16)`.
// Without an origin for the byte, the diagnostic points into the output, named `output_name`.
Diagnostic to_diagnostic(const Issue& issue, const OriginMap* origins, std::string_view body,
                         std::string_view output_name);

}  // namespace liquid::validate
