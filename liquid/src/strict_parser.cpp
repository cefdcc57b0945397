// Strict expression parsing: the grammar in grammar.hpp plus actions that build ast nodes.
#include <charconv>
#include <cmath>

#include "expression_parser.hpp"
#include "grammar.hpp"
#include "liquid/environment.hpp"

namespace liquid::detail {

namespace {

namespace g = liquid::grammar;
namespace pegtl = tao::pegtl;

// Paths are short (`customer.address.city`): one allocation instead of growing 1, 2, 4.
constexpr std::size_t kLookupsReserved = 4;

struct Builder {
  const char* origin = nullptr;  // start of the markup
  std::uint32_t base = 0;
  const Environment* env = nullptr;
  bool condition = false;  // operands of a condition: `empty`/`blank` are method literals
  int depth = 0;
  std::vector<ast::Expr> stack;
  std::string_view text;  // content of the last quoted string (in the markup, which outlives the parse)
  std::vector<ast::FilterCall> filters;
  std::string keyword;
  std::vector<ast::CompareOp> compare_ops;
  std::vector<bool> logical_ands;
  LoopMarkup loop;
  std::string attribute;
  // strict2
  std::vector<Located> located;  // case subject, when values, cycle group and values
  bool cycle_named = false;
  PartialMarkup partial;

  template <typename Input>
  std::uint32_t offset(const Input& in) const {
    return base + static_cast<std::uint32_t>(in.begin() - origin);
  }
  ast::Expr pop() {
    ast::Expr e = std::move(stack.back());
    stack.pop_back();
    return e;
  }
};

ast::Expr literal(Value v, std::uint32_t offset) { return ast::make_literal(std::move(v), offset); }

// Ruby's to_i of a constant range bound.
std::int64_t range_bound(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::integer: return v.as_int();
    case Value::Kind::floating: {
      double d = v.as_float();
      if (!std::isfinite(d)) return 0;
      if (d >= 9.2e18) return INT64_MAX;
      if (d <= -9.2e18) return INT64_MIN;
      return static_cast<std::int64_t>(d);
    }
    case Value::Kind::string: {
      std::string_view s = v.as_string();
      std::size_t i = 0;
      while (i < s.size() && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) ++i;
      std::int64_t out = 0;
      auto r = std::from_chars(s.data() + i + (i < s.size() && s[i] == '+'), s.data() + s.size(), out);
      return r.ec == std::errc() ? out : 0;
    }
    default: return 0;
  }
}

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::single_quoted_text> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.text = std::string_view(in.begin(), in.size()); }
};
template <>
struct action<g::double_quoted_text> : action<g::single_quoted_text> {};

template <>
struct action<g::quoted_string> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.stack.push_back(literal(Value(b.text), b.offset(in)));
    b.text = {};
  }
};

template <>
struct action<g::number> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    std::string_view s(in.begin(), in.size());
    if (s.find('.') == std::string_view::npos) {
      std::int64_t i = 0;
      auto r = std::from_chars(s.data(), s.data() + s.size(), i);
      if (r.ec == std::errc()) {
        b.stack.push_back(literal(Value(i), b.offset(in)));
        return;
      }
      // Beyond int64 (Ruby would make a Bignum): keep the magnitude as a float.
    }
    double d = 0;
    std::from_chars(s.data(), s.data() + s.size(), d);
    b.stack.push_back(literal(Value(d), b.offset(in)));
  }
};

template <>
struct action<g::variable_name> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    ast::Expr& e = b.stack.emplace_back();  // built in place: an Expr is 88 bytes to move
    e.node.emplace<ast::Variable>().name.assign(in.begin(), in.size());
    e.offset = b.offset(in);
  }
};

template <>
struct action<g::bracket_name> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    ast::Expr inner = b.pop();
    ast::Variable v;
    if (auto* lit = std::get_if<ast::Literal>(&inner.node); lit && lit->value.is_string())
      v.name = std::string(lit->value.as_string());
    else
      v.dynamic_name = std::make_unique<ast::Expr>(std::move(inner));
    ast::Expr e;
    e.node = std::move(v);
    e.offset = b.offset(in);
    b.stack.push_back(std::move(e));
  }
};

template <>
struct action<g::lookup_name> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    auto& var = std::get<ast::Variable>(b.stack.back().node);
    if (var.lookups.empty()) var.lookups.reserve(kLookupsReserved);
    ast::Lookup& l = var.lookups.emplace_back();
    l.key.assign(in.begin(), in.size());
    l.dotted = true;
    l.offset = b.offset(in);
  }
};

template <>
struct action<g::bracket_lookup> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    ast::Expr inner = b.pop();
    auto& var = std::get<ast::Variable>(b.stack.back().node);
    if (var.lookups.empty()) var.lookups.reserve(kLookupsReserved);
    ast::Lookup l;
    l.offset = b.offset(in);
    if (auto* lit = std::get_if<ast::Literal>(&inner.node); lit && lit->value.is_string())
      l.key = std::string(lit->value.as_string());
    else
      l.index = std::make_unique<ast::Expr>(std::move(inner));
    var.lookups.push_back(std::move(l));
  }
};

template <>
struct action<g::path> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    auto& e = b.stack.back();
    auto& var = std::get<ast::Variable>(e.node);
    if (!var.lookups.empty()) return;
    if (b.condition && b.depth == 0 && (var.name == "empty" || var.name == "blank")) {
      e.node = ast::MethodLiteral{var.name == "empty" ? ast::MethodLiteral::Kind::empty
                                                      : ast::MethodLiteral::Kind::blank};
      return;
    }
    Value v;
    if (literal_word(var.name, v)) e.node = ast::Literal{std::move(v)};
  }
};

template <>
struct action<g::range> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    ast::Expr last = b.pop();
    ast::Expr first = b.pop();
    auto* a = std::get_if<ast::Literal>(&first.node);
    auto* z = std::get_if<ast::Literal>(&last.node);
    if (a && z) {
      b.stack.push_back(literal(Value(Range{range_bound(a->value), range_bound(z->value)}), b.offset(in)));
      return;
    }
    ast::Expr e;
    e.node = ast::RangeExpr{std::make_unique<ast::Expr>(std::move(first)),
                            std::make_unique<ast::Expr>(std::move(last))};
    e.offset = b.offset(in);
    b.stack.push_back(std::move(e));
  }
};

template <>
struct action<g::filter_name> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    ast::FilterCall& f = b.filters.emplace_back();
    f.name.assign(in.begin(), in.size());
    f.def = b.env ? b.env->find_filter(f.name) : nullptr;
    f.offset = b.offset(in);
  }
};

template <>
struct action<g::keyword_name> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.keyword = in.string(); }
};

template <>
struct action<g::keyword_argument> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.filters.back().kwargs.push_back(ast::KeywordArgExpr{std::move(b.keyword), b.pop()});
  }
};

template <>
struct action<g::positional_argument> {
  template <typename Input>
  static void apply(const Input&, Builder& b) { b.filters.back().args.push_back(b.pop()); }
};

template <>
struct action<g::comparison_operator> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    std::string_view op(in.begin(), in.size());
    using O = ast::CompareOp;
    O o = op == "==" ? O::eq
        : (op == "!=" || op == "<>") ? O::ne
        : op == "<" ? O::lt
        : op == ">" ? O::gt
        : op == "<=" ? O::le
        : op == ">=" ? O::ge
                     : O::contains;
    b.compare_ops.push_back(o);
  }
};

template <>
struct action<g::comparison_tail> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    ast::Expr right = b.pop();
    ast::Expr left = b.pop();
    std::uint32_t offset = left.offset;
    ast::Expr e;
    e.node = ast::Comparison{std::make_unique<ast::Expr>(std::move(left)), b.compare_ops.back(),
                             std::make_unique<ast::Expr>(std::move(right)), {}};
    e.offset = offset;
    b.compare_ops.pop_back();
    b.stack.push_back(std::move(e));
  }
};

template <>
struct action<g::logical_operator> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    if (b.logical_ands.size() >= kMaxLogicalOperators)
      throw ExpressionError("Nesting too deep: more than " + std::to_string(kMaxLogicalOperators) +
                                " 'and'/'or' in one condition",
                            b.offset(in), errc::nesting_too_deep);
    b.logical_ands.push_back(in.string() == "and");
  }
};

template <>
struct action<g::condition> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    // c0 op0 c1 op1 c2  ->  c0 op0 (c1 op1 c2), as Ruby chains them.
    std::size_t n = b.logical_ands.size();
    ast::Expr acc = b.pop();
    for (std::size_t i = n; i-- > 0;) {
      ast::Expr left = b.pop();
      std::uint32_t offset = left.offset;
      ast::Expr e;
      e.node = ast::Logical{b.logical_ands[i], std::make_unique<ast::Expr>(std::move(left)),
                            std::make_unique<ast::Expr>(std::move(acc))};
      e.offset = offset;
      acc = std::move(e);
    }
    b.stack.push_back(std::move(acc));
  }
};

template <>
struct action<g::loop_variable> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.loop.variable = in.string(); }
};
template <>
struct action<g::loop_reversed> {
  template <typename Input>
  static void apply(const Input&, Builder& b) { b.loop.reversed = true; }
};
template <>
struct action<g::loop_attribute_name> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.attribute = in.string();
    b.loop.attribute_offsets.push_back(b.offset(in));
  }
};
template <>
struct action<g::loop_attribute_value> {
  template <typename Input>
  static void apply(const Input&, Builder& b) {
    b.loop.attributes.emplace_back(std::move(b.attribute), b.pop());
  }
};

// ---- strict2 actions ----

template <typename Input>
Located located(const Input& in, Builder& b) {
  return Located{b.pop(), static_cast<std::uint32_t>(in.size())};
}

template <>
struct action<g::case_subject> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.located.push_back(located(in, b)); }
};
template <>
struct action<g::when_value> : action<g::case_subject> {};
template <>
struct action<g::cycle_first> : action<g::case_subject> {};
template <>
struct action<g::cycle_value> : action<g::case_subject> {};
template <>
struct action<g::cycle_group_colon> {
  template <typename Input>
  static void apply(const Input&, Builder& b) { b.cycle_named = true; }
};

// 5.13 rejects an attribute name it does not know as soon as it reads it.
template <typename Input>
void check_attribute(const Input& in, Builder& b, std::initializer_list<std::string_view> allowed,
                     const char* tag, const char* valid) {
  std::string name = in.string();
  for (std::string_view a : allowed)
    if (name == a) return;
  throw ExpressionError("Invalid attribute '" + name + "' in " + tag + ". Valid attributes are " + valid, b.offset(in));
}

template <>
struct action<g::loop_attribute_name2> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    check_attribute(in, b, {"limit", "offset"}, "for loop", "limit and offset");
    action<g::loop_attribute_name>::apply(in, b);
  }
};
template <>
struct action<g::tablerow_attribute_name> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    check_attribute(in, b, {"cols", "limit", "offset", "range"}, "tablerow loop", "cols, limit, offset and range");
    action<g::loop_attribute_name>::apply(in, b);
  }
};

template <>
struct action<g::partial_name> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.partial.name = located(in, b); }
};
template <>
struct action<g::partial_string_name> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.partial.name = Located{literal(Value(b.text), b.offset(in)), static_cast<std::uint32_t>(in.size())};
    b.text = {};
  }
};
template <>
struct action<g::partial_with> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.partial.is_for = in.string() == "for"; }
};
template <>
struct action<g::partial_variable> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.partial.variable = located(in, b); }
};
template <>
struct action<g::partial_alias> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.partial.alias = in.string(); }
};
template <>
struct action<g::partial_attribute_name> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) { b.attribute = in.string(); }
};
template <>
struct action<g::partial_attribute_value> {
  template <typename Input>
  static void apply(const Input& in, Builder& b) {
    b.partial.attributes.emplace_back(std::move(b.attribute), located(in, b));
  }
};

// Control: the error table, plus a bound on expression nesting so that hostile markup cannot
// exhaust the stack.
template <typename Rule>
inline constexpr bool nests = std::is_same_v<Rule, g::bracket_lookup> ||
                              std::is_same_v<Rule, g::bracket_name> ||
                              std::is_same_v<Rule, g::range>;

template <typename Rule>
struct control : pegtl::must_if<g::errors>::control<Rule> {
  using base = typename pegtl::must_if<g::errors>::template control<Rule>;
  template <typename Input>
  static void start(const Input& in, Builder& b) {
    if constexpr (nests<Rule>) {
      if (++b.depth > kMaxExpressionNesting) throw ExpressionError("Nesting too deep", b.offset(in), errc::nesting_too_deep);
    }
  }
  template <typename Input>
  static void success(const Input&, Builder& b) {
    if constexpr (nests<Rule>) --b.depth;
  }
  template <typename Input>
  static void failure(const Input& in, Builder& b) {
    if constexpr (nests<Rule>) --b.depth;
    base::failure(in, b);
  }
};

template <typename Grammar>
void run(Markup m, Builder& b) {
  b.origin = m.text.data();
  b.base = m.base;
  // A `const char*` source name: the default std::string would be built for every markup.
  pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*> in(m.text.data(), m.text.size(),
                                                                                          "markup");
  try {
    pegtl::parse<Grammar, action, control>(in, b);
  } catch (const pegtl::parse_error& e) {
    std::uint32_t at = m.base;
    if (!e.positions().empty()) at += static_cast<std::uint32_t>(e.positions().front().byte);
    throw ExpressionError(std::string(e.message()), at);
  }
}

template <typename Grammar>
ast::Expr parse_single(Markup m, bool condition) {
  Builder b;
  b.condition = condition;
  run<pegtl::seq<g::ws, pegtl::must<Grammar>, g::ws, pegtl::must<g::end_of_condition>>>(m, b);
  return b.pop();
}

}  // namespace

ast::FilteredExpr parse_filtered_strict(Markup m, const Environment& env) {
  // The operand stack's storage is kept per thread between outputs (a template has dozens);
  // one lost to an exception is simply allocated again.
  thread_local std::vector<ast::Expr> spare_stack;
  Builder b;
  b.env = &env;
  b.stack = std::move(spare_stack);
  b.stack.clear();
  if (b.stack.capacity() < 4) b.stack.reserve(4);  // the base and a few filter arguments
  run<g::filtered>(m, b);
  ast::FilteredExpr out;
  out.offset = m.base;
  out.length = static_cast<std::uint32_t>(m.text.size());
  if (b.stack.empty()) {
    out.base = literal(Value(), m.base);
  } else {
    out.base = b.pop();
  }
  out.filters = std::move(b.filters);
  b.stack.clear();
  spare_stack = std::move(b.stack);
  return out;
}

ast::Expr parse_condition_strict(Markup m) {
  Builder b;
  b.condition = true;
  run<g::condition>(m, b);
  return b.pop();
}

ast::Expr parse_expression_strict(Markup m) { return parse_single<g::expression>(m, false); }

LoopMarkup parse_loop_strict(Markup m) {
  Builder b;
  run<g::loop_markup>(m, b);
  b.loop.collection = std::move(b.stack.front());
  return std::move(b.loop);
}

ast::FilteredExpr parse_filtered_strict2(Markup m, const Environment& env) {
  Builder b;
  b.env = &env;
  run<g::filtered2>(m, b);
  ast::FilteredExpr out;
  out.offset = m.base;
  out.length = static_cast<std::uint32_t>(m.text.size());
  out.base = b.stack.empty() ? literal(Value(), m.base) : b.pop();
  out.filters = std::move(b.filters);
  return out;
}

Located parse_case_subject_strict2(Markup m) {
  Builder b;
  run<g::case_markup>(m, b);
  return std::move(b.located.front());
}

std::vector<Located> parse_when_strict2(Markup m) {
  Builder b;
  b.condition = true;  // Condition.parse_expression: `when empty` compares with empty?
  run<g::when_markup>(m, b);
  return std::move(b.located);
}

CycleMarkup parse_cycle_strict2(Markup m) {
  Builder b;
  run<g::cycle_markup>(m, b);
  CycleMarkup out;
  auto it = b.located.begin();
  if (b.cycle_named) out.group = std::move(*it++);
  out.values.assign(std::make_move_iterator(it), std::make_move_iterator(b.located.end()));
  return out;
}

LoopMarkup parse_loop_strict2(Markup m) {
  Builder b;
  run<g::loop_markup2>(m, b);
  b.loop.collection = std::move(b.stack.front());
  return std::move(b.loop);
}

LoopMarkup parse_tablerow_strict2(Markup m) {
  Builder b;
  run<g::tablerow_markup>(m, b);
  b.loop.collection = std::move(b.stack.front());
  return std::move(b.loop);
}

PartialMarkup parse_include_strict2(Markup m) {
  Builder b;
  run<g::include_markup>(m, b);
  return std::move(b.partial);
}

PartialMarkup parse_render_strict2(Markup m) {
  Builder b;
  run<g::render_markup>(m, b);
  return std::move(b.partial);
}

bool literal_word(std::string_view word, Value& out) {
  if (word == "nil" || word == "null") {
    out = Value();
    return true;
  }
  if (word == "true" || word == "false") {
    out = Value(word == "true");
    return true;
  }
  if (word == "empty" || word == "blank") {
    out = Value(std::string());
    return true;
  }
  return false;
}

}  // namespace liquid::detail
