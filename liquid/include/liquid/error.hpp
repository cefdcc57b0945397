// Errors and diagnostics: one format everywhere.
//
//   file:line:col: severity: message [id]
//     source line
//     ^
//
// Parsed nodes carry byte offsets only; line and column are computed when a diagnostic is made.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace liquid {

// Stable error ids. Tests and tools match on these, never on message text.
namespace errc {
// syntax (parse time)
inline constexpr std::string_view syntax = "liquid-syntax";                 // malformed markup
inline constexpr std::string_view unterminated_output = "unterminated-output";  // `{{` without `}}`
inline constexpr std::string_view unterminated_tag = "unterminated-tag";        // `{%` without `%}`
inline constexpr std::string_view unknown_tag = "unknown-tag";
inline constexpr std::string_view unclosed_block = "unclosed-block";       // `{% if %}` never ended
inline constexpr std::string_view unexpected_tag = "unexpected-tag";       // `endif` outside if, stray else
inline constexpr std::string_view nesting_too_deep = "nesting-too-deep";
// render time
inline constexpr std::string_view undefined_variable = "undefined-variable";
inline constexpr std::string_view undefined_filter = "undefined-filter";
inline constexpr std::string_view filter_arguments = "filter-arguments";   // arity or type
inline constexpr std::string_view zero_division = "zero-division";
inline constexpr std::string_view invalid_value = "invalid-value";         // e.g. bad integer
inline constexpr std::string_view comparison = "comparison";               // e.g. "a" < 1
inline constexpr std::string_view missing_partial = "missing-partial";
inline constexpr std::string_view partial_not_allowed = "partial-not-allowed";
inline constexpr std::string_view include_depth = "include-depth";
inline constexpr std::string_view output_limit = "output-limit";
inline constexpr std::string_view step_limit = "step-limit";
inline constexpr std::string_view time_limit = "time-limit";
inline constexpr std::string_view internal = "internal-error";
}  // namespace errc

enum class Severity : std::uint8_t { error, warning, note };
std::string_view severity_name(Severity s);

// A position in a named source text.
struct SourcePosition {
  std::string name;          // template name or file path ("" if anonymous)
  std::size_t offset = 0;    // byte offset
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in bytes
  std::string source_line;   // the whole line, for the caret display

  // Compute line, column and source_line of `offset` in `source`.
  static SourcePosition locate(std::string_view name, std::string_view source, std::size_t offset);
};

struct Diagnostic {
  std::string id;  // one of errc, or a lint rule id
  Severity severity = Severity::error;
  std::string message;
  SourcePosition where;
  bool has_position = true;
  std::string detail;  // printed after the id, e.g. "(output 14:16)"

  // `file:line:col: severity: message [id]`, then the source line and a caret (if `with_source`).
  std::string format(bool with_source = true) const;
};

// Base of every exception the engine throws.
class Error : public std::runtime_error {
 public:
  explicit Error(Diagnostic d);
  const Diagnostic& diagnostic() const noexcept { return diag_; }
  std::string_view id() const noexcept { return diag_.id; }
  std::uint32_t line() const noexcept { return diag_.where.line; }
  std::uint32_t column() const noexcept { return diag_.where.column; }
  // Ruby's wording, as `render` writes it inline: "Liquid syntax error (line 3): ...".
  virtual std::string ruby_message() const;

 private:
  Diagnostic diag_;
};

class SyntaxError : public Error {
 public:
  using Error::Error;
  std::string ruby_message() const override;
};

class RenderError : public Error {
 public:
  using Error::Error;
};

}  // namespace liquid
