// Parsed expressions: a closed set of node types (std::variant), read by the renderer and by
// tools such as the linter. Every node carries the byte offset of its source text.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "liquid/value.hpp"

namespace liquid {
struct FilterDef;
}

namespace liquid::ast {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// A constant: string, number, true/false, nil, or a range with constant bounds.
struct Literal {
  Value value;
};

// `empty` or `blank` as an operand of a comparison (Ruby's MethodLiteral).
struct MethodLiteral {
  enum class Kind : std::uint8_t { empty, blank } kind;
};

// One step of a variable path: `.key`, `["key"]`, `[0]` or `[expr]`.
struct Lookup {
  std::string key;        // the static key, when `index` is null
  ExprPtr index;          // a computed key or index (`[i]`, `[0]`, `["a b"]` stays static)
  bool dotted = false;    // written `.key`: `size`, `first`, `last` then also act as commands
  std::uint32_t offset = 0;
  HashHint hint{};        // where `key` was found last time (renders only read the tree otherwise)
};

// `name.a["b"][0]`; `name` may itself be computed: `["a b"].c`.
struct Variable {
  std::string name;
  ExprPtr dynamic_name;  // `[expr]` as the first segment
  std::vector<Lookup> lookups;
  HashHint hint{};  // where `name` was found last time in the globals
};

// `(first..last)` with a non-constant bound.
struct RangeExpr {
  ExprPtr first;
  ExprPtr last;
};

// `unknown`: lax mode accepts any run of `=!<>a-z_` as an operator; using it is a render error.
enum class CompareOp : std::uint8_t { eq, ne, lt, gt, le, ge, contains, unknown };

struct Comparison {
  ExprPtr left;
  CompareOp op;
  ExprPtr right;
  std::string unknown_operator;  // the text, when op is unknown
};

// `left and right` / `left or right`; chains nest to the right, with no precedence (as Ruby).
struct Logical {
  bool is_and;
  ExprPtr left;
  ExprPtr right;
};

struct Expr {
  std::variant<Literal, MethodLiteral, Variable, RangeExpr, Comparison, Logical> node;
  std::uint32_t offset = 0;  // byte offset in the template source
};

struct KeywordArgExpr {
  std::string name;
  Expr value;
};

struct FilterCall {
  std::string name;
  const FilterDef* def = nullptr;  // resolved at parse time; null for an unknown filter
  std::vector<Expr> args;
  std::vector<KeywordArgExpr> kwargs;
  std::uint32_t offset = 0;
};

// An expression followed by filters: the content of `{{ }}`, `echo`, and `assign`'s right side.
struct FilteredExpr {
  Expr base;
  std::vector<FilterCall> filters;
  std::uint32_t offset = 0;
  std::uint32_t length = 0;  // of the markup
};

inline Expr make_literal(Value v, std::uint32_t offset = 0) {
  return Expr{Literal{std::move(v)}, offset};
}

}  // namespace liquid::ast
