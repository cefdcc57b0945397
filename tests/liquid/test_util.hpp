// Shared helpers of the engine tests: parse + render a template in one call, and find out which
// error (id, line, column) a template raises.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "liquid/liquid.hpp"

namespace liquid::testing {

struct Options {
  ErrorMode mode = ErrorMode::lax;
  std::map<std::string, std::string, std::less<>> partials;  // name -> source (MemoryLoader)
  bool strict_variables = false;
  bool strict_filters = false;
  Limits limits = {};
  std::size_t max_parse_depth = 100;
  std::shared_ptr<const Environment> env = nullptr;  // standard when null
};

// JSON text to a Value; "" is nil (no globals).
inline Value data_of(std::string_view json) { return json.empty() ? Value() : parse_json(json); }

inline Template parse(std::string_view source, const Options& o = {}) {
  ParseOptions po;
  po.mode = o.mode;
  po.max_depth = o.max_parse_depth;
  return Template::parse(std::string(source), po, o.env);
}

// Parses and renders; every piece of state the render needs lives for the call.
class Renderer {
 public:
  explicit Renderer(const Options& o) : loader_(o.partials) {
    ro_.strict_variables = o.strict_variables;
    ro_.strict_filters = o.strict_filters;
    ro_.limits = o.limits;
    ro_.partials = &loader_;
  }
  RenderOptions& options() { return ro_; }

 private:
  MemoryLoader loader_;
  RenderOptions ro_;
};

// Ruby's `render!`: the first error is thrown.
inline std::string render(std::string_view source, std::string_view data_json = "", const Options& o = {}) {
  Renderer r(o);
  return parse(source, o).render(data_of(data_json), r.options());
}

// Ruby's `render`: errors are written inline and collected.
inline RenderResult render_inline(std::string_view source, std::string_view data_json = "",
                                  const Options& o = {}) {
  Renderer r(o);
  r.options().inline_errors = true;
  return parse(source, o).render_collect(data_of(data_json), r.options());
}

struct ErrorInfo {
  std::string id;  // "" when parsing and rendering succeeded
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool syntax = false;  // raised at parse time
};

// The error `render` raises (parse or render time), or an empty id.
inline ErrorInfo error_of(std::string_view source, std::string_view data_json = "", const Options& o = {}) {
  try {
    render(source, data_json, o);
  } catch (const SyntaxError& e) {
    return {std::string(e.id()), e.line(), e.column(), true};
  } catch (const Error& e) {
    return {std::string(e.id()), e.line(), e.column(), false};
  }
  return {};
}

inline std::string error_id_of(std::string_view source, std::string_view data_json = "", const Options& o = {}) {
  return error_of(source, data_json, o).id;
}

inline Options with_mode(ErrorMode mode) {
  Options o;
  o.mode = mode;
  return o;
}
inline Options strict() { return with_mode(ErrorMode::strict); }
inline Options strict2() { return with_mode(ErrorMode::strict2); }
inline Options with_partials(std::map<std::string, std::string, std::less<>> partials) {
  Options o;
  o.partials = std::move(partials);
  return o;
}

// For case tables: `expected` is the output of Ruby's `render` (errors inline), or kSyntaxError
// when parsing must fail.
inline constexpr const char* kSyntaxError = "<syntax error>";

struct RenderCase {
  const char* source;
  const char* output;
};
inline void PrintTo(const RenderCase& c, std::ostream* os) { *os << ::testing::PrintToString(std::string(c.source)); }

inline void expect_renders(const RenderCase& c, std::string_view data_json, const Options& o = {}) {
  if (std::string_view(c.output) == kSyntaxError) {
    EXPECT_TRUE(error_of(c.source, data_json, o).syntax) << c.source;
    return;
  }
  EXPECT_EQ(render_inline(c.source, data_json, o).output, c.output) << c.source;
}

// A parsed expression as compact text, to compare parse trees in one line:
//   literals by Ruby's inspect ("s", 1, 2.5, nil, 1..3), variables as written (a.b[0]["k"][i]),
//   (a..b), (a == b), (a and b), :empty / :blank, and `base | f(1, k=2)` for filters.
inline std::string describe(const ast::Expr& e);

inline std::string describe_ptr(const ast::ExprPtr& p) { return p ? describe(*p) : "<null>"; }

inline std::string describe(const ast::Expr& e) {
  if (auto* l = std::get_if<ast::Literal>(&e.node)) return l->value.inspect();
  if (auto* m = std::get_if<ast::MethodLiteral>(&e.node))
    return m->kind == ast::MethodLiteral::Kind::empty ? ":empty" : ":blank";
  if (auto* v = std::get_if<ast::Variable>(&e.node)) {
    std::string s = v->dynamic_name ? "[" + describe(*v->dynamic_name) + "]" : v->name;
    for (const auto& l : v->lookups) {
      if (l.index)
        s += "[" + describe(*l.index) + "]";
      else if (l.dotted)
        s += "." + l.key;
      else
        s += "[\"" + l.key + "\"]";
    }
    return s;
  }
  if (auto* r = std::get_if<ast::RangeExpr>(&e.node))
    return "(" + describe_ptr(r->first) + ".." + describe_ptr(r->last) + ")";
  if (auto* c = std::get_if<ast::Comparison>(&e.node)) {
    static const char* const ops[] = {"==", "!=", "<", ">", "<=", ">=", "contains", "?"};
    std::string op = c->op == ast::CompareOp::unknown ? c->unknown_operator : ops[static_cast<int>(c->op)];
    return "(" + describe_ptr(c->left) + " " + op + " " + describe_ptr(c->right) + ")";
  }
  const auto& g = std::get<ast::Logical>(e.node);
  return "(" + describe_ptr(g.left) + (g.is_and ? " and " : " or ") + describe_ptr(g.right) + ")";
}

inline std::string describe(const ast::FilteredExpr& f) {
  std::string s = describe(f.base);
  for (const auto& call : f.filters) {
    s += " | " + call.name;
    if (call.args.empty() && call.kwargs.empty()) continue;
    s += "(";
    bool first = true;
    for (const auto& a : call.args) {
      if (!first) s += ", ";
      first = false;
      s += describe(a);
    }
    for (const auto& k : call.kwargs) {
      if (!first) s += ", ";
      first = false;
      s += k.name + "=" + describe(k.value);
    }
    s += ")";
  }
  return s;
}

}  // namespace liquid::testing
