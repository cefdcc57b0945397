// Parsing expressions (internal): the strict grammar (grammar.hpp) and Ruby's lax,
// regexp-based parsing, which lax mode falls back to.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liquid/ast.hpp"
#include "liquid/error.hpp"

namespace liquid {
class Environment;
}

namespace liquid::detail {

// A syntax error inside markup; `offset` is absolute in the template source. `id` is
// errc::syntax, or errc::nesting_too_deep where markup nests past the parser's limits.
class ExpressionError : public std::runtime_error {
 public:
  ExpressionError(const std::string& message, std::uint32_t offset, std::string_view id = errc::syntax)
      : std::runtime_error(message), offset_(offset), id_(id) {}
  std::uint32_t offset() const { return offset_; }
  std::string_view id() const { return id_; }

 private:
  std::uint32_t offset_;
  std::string_view id_;
};

// Expressions nest (`a[b[c]]`, ranges) at most this deep, and a condition chains at most this
// many and/or: both become recursive trees that rendering walks on the C++ stack.
inline constexpr int kMaxExpressionNesting = 64;
inline constexpr std::size_t kMaxLogicalOperators = 1000;

// `text` is a slice of the template source starting at absolute offset `base`.
struct Markup {
  std::string_view text;
  std::uint32_t base = 0;
};

// --- strict (throw ExpressionError) -----------------------------------------------------------
ast::FilteredExpr parse_filtered_strict(Markup m, const Environment& env);
ast::Expr parse_condition_strict(Markup m);
ast::Expr parse_expression_strict(Markup m);

struct LoopMarkup {
  std::string variable;
  ast::Expr collection;
  bool reversed = false;
  std::vector<std::pair<std::string, ast::Expr>> attributes;  // in source order
  std::vector<std::uint32_t> attribute_offsets;
};
LoopMarkup parse_loop_strict(Markup m);

// --- strict2 (Shopify Liquid 5.13's error_mode :strict2; see grammar.hpp) --------------------
// An expression with the length of its source text.
struct Located {
  ast::Expr expr;
  std::uint32_t length = 0;
};
ast::FilteredExpr parse_filtered_strict2(Markup m, const Environment& env);
Located parse_case_subject_strict2(Markup m);
std::vector<Located> parse_when_strict2(Markup m);  // `empty`/`blank` become method literals
struct CycleMarkup {
  std::optional<Located> group;
  std::vector<Located> values;
};
CycleMarkup parse_cycle_strict2(Markup m);
LoopMarkup parse_loop_strict2(Markup m);      // for: commas between attributes, limit/offset only
LoopMarkup parse_tablerow_strict2(Markup m);  // attributes cols, limit, offset, range
struct PartialMarkup {
  Located name;
  std::optional<Located> variable;
  bool is_for = false;
  std::string alias;
  std::vector<std::pair<std::string, Located>> attributes;
};
PartialMarkup parse_include_strict2(Markup m);
PartialMarkup parse_render_strict2(Markup m);  // the name must be a quoted string

// --- lax (Ruby's regexps; never throw except where Ruby raises) -------------------------------
// Expression.parse: a literal, range or variable path from a fragment of markup.
ast::Expr parse_expression_lax(Markup m);
// Condition.parse_expression: as above, but `empty`/`blank` become method literals.
ast::Expr parse_operand_lax(Markup m);
// Variable#lax_parse: the first fragment, then `| filter: args` chunks.
ast::FilteredExpr parse_filtered_lax(Markup m, const Environment& env);
// If#lax_parse; throws ExpressionError("Syntax Error in tag 'if' ...") where Ruby raises.
ast::Expr parse_condition_lax(Markup m);

// Ruby's QuotedFragment: "..." | '...' | (?:[^\s,|'"]|"[^"]*"|'[^']*')+ . Finds the first
// match at or after `from`; returns {begin, end} or {npos, npos}.
std::pair<std::size_t, std::size_t> find_quoted_fragment(std::string_view s, std::size_t from);
// Match of QuotedFragment starting exactly at `at` (end, or npos).
std::size_t match_quoted_fragment(std::string_view s, std::size_t at);

// Every length QuotedFragment can match at `at`, in the order a backtracking regexp engine tries
// them (the quoted alternative, then the unit run from longest to shortest).
std::vector<std::size_t> quoted_fragment_ends(std::string_view s, std::size_t at);

// Ruby's TagAttributes scan: every `(\w[\w-]*)\s*:\s*(QuotedFragment)` in `s`.
struct TagAttribute {
  std::string_view name;
  std::string_view value;
  std::size_t value_pos;  // in s
};
std::vector<TagAttribute> scan_tag_attributes(std::string_view s);

// A literal keyword as Expression.parse sees it: nil/null/true/false/empty/blank.
bool literal_word(std::string_view word, Value& out);

}  // namespace liquid::detail
