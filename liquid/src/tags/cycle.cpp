// {% cycle 'a', 'b' %} and {% cycle group: 'a', 'b' %}
#include "expression_parser.hpp"
#include "lexer.hpp"
#include "tags/tags.hpp"
#include "tags/util.hpp"

namespace liquid::tags {

namespace {

constexpr std::size_t npos = std::string_view::npos;

class CycleNode final : public Node {
 public:
  explicit CycleNode(std::size_t offset) : Node(offset) {}

  Flow render(Context& ctx, std::string& out) const override {
    std::string key;
    if (group) {
      Value g = ctx.evaluate(*group);
      key = "g" + g.inspect();
    } else {
      key = "v" + unnamed_key;
    }
    Value& slot = ctx.register_slot("cycle", key);
    std::int64_t iteration = slot.is_int() ? slot.as_int() : 0;
    if (iteration >= 0 && iteration < static_cast<std::int64_t>(values.size())) {
      Value scratch;
      const auto& value = values[static_cast<std::size_t>(iteration)];
      ctx.write_output(out, ctx.evaluate(value, scratch), &value);
    }
    ++iteration;
    if (iteration >= static_cast<std::int64_t>(values.size())) iteration = 0;
    slot = Value(iteration);
    return Flow::normal;
  }
  std::string_view tag_name() const override { return "cycle"; }
  void for_each_expression(const std::function<void(const ast::FilteredExpr&)>& f) const override {
    if (group) f(*group);
    for (const auto& v : values) f(v);
  }

  std::optional<ast::FilteredExpr> group;
  std::vector<ast::FilteredExpr> values;
  std::string unnamed_key;  // Ruby keys an unnamed cycle by its values' inspect
};

ast::FilteredExpr wrap(ast::Expr e, std::size_t offset, std::size_t length) {
  ast::FilteredExpr f;
  f.base = std::move(e);
  f.offset = static_cast<std::uint32_t>(offset);
  f.length = static_cast<std::uint32_t>(length);
  return f;
}

// variables_from_string: split on ',' and take the first QuotedFragment of each piece.
void parse_values(TagParser& p, CycleNode& node, std::string_view s, std::size_t base) {
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t comma = s.find(',', start);
    std::size_t end = comma == npos ? s.size() : comma;
    std::string_view piece = s.substr(start, end - start);
    auto [b, e] = detail::find_quoted_fragment(piece, 0);
    if (b != npos) {
      std::size_t at = base + start + b;
      ast::Expr value = p.parse_expression(piece.substr(b, e - b), at);
      // Ruby compacts the parsed list: a literal nil (`nil`, `null`) is no value at all.
      auto* lit = std::get_if<ast::Literal>(&value.node);
      if (!lit || !lit->value.is_nil()) node.values.push_back(wrap(std::move(value), at, e - b));
    }
    if (comma == npos) break;
    start = comma + 1;
  }
}

// Ruby names an unnamed group @variables.to_s: literals by their inspect; any variable makes
// the name unique to this tag.
std::string unnamed_key(const CycleNode& node, std::size_t tag_offset) {
  std::string key = "[";
  for (std::size_t i = 0; i < node.values.size(); ++i) {
    if (i) key += ", ";
    if (auto* lit = std::get_if<ast::Literal>(&node.values[i].base.node))
      key += lit->value.inspect();
    else
      key += "#<VariableLookup@" + std::to_string(tag_offset) + ">";
  }
  return key + "]";
}

// Liquid 5.13's strict2: `[group:] value, value, ...` as expressions (nil values are kept).
std::unique_ptr<Node> parse_strict2(TagParser& p) {
  auto cm = detail::parse_cycle_strict2({p.markup(), static_cast<std::uint32_t>(p.markup_offset())});
  auto node = std::make_unique<CycleNode>(p.tag_offset());
  if (cm.group) {
    std::size_t at = cm.group->expr.offset;
    node->group = wrap(std::move(cm.group->expr), at, cm.group->length);
  }
  for (auto& v : cm.values) {
    std::size_t at = v.expr.offset;
    node->values.push_back(wrap(std::move(v.expr), at, v.length));
  }
  if (!node->group) node->unnamed_key = unnamed_key(*node, p.tag_offset());
  return node;
}

}  // namespace

TagDef cycle() {
  return TagDef{"cycle", [](TagParser& p) -> std::unique_ptr<Node> {
                  if (p.mode() == ErrorMode::strict2) return parse_strict2(p);
                  std::string_view m = p.markup();
                  std::size_t base = p.markup_offset();
                  auto node = std::make_unique<CycleNode>(p.tag_offset());
                  // NamedSyntax = \A(QuotedFragment)\s*\:\s*(.*), where the fragment gives back
                  // characters until a ':' follows ("a: 1" names group "a").
                  auto ends = detail::quoted_fragment_ends(m, 0);
                  if (ends.empty()) p.fail(syntax_message("cycle", "cycle [name :] var [, var2, var3 ...]"));
                  std::size_t e = npos, k = npos;
                  for (std::size_t candidate : ends) {
                    std::size_t j = candidate;
                    while (j < m.size() && lex::is_ascii_space(m[j])) ++j;
                    if (j < m.size() && m[j] == ':') {
                      e = candidate;
                      k = j;
                      break;
                    }
                  }
                  if (e != npos) {
                    node->group = wrap(p.parse_expression(m.substr(0, e), base), base, e);
                    ++k;
                    while (k < m.size() && lex::is_ascii_space(m[k])) ++k;
                    parse_values(p, *node, m.substr(k), base + k);
                  } else {
                    parse_values(p, *node, m, base);
                    node->unnamed_key = unnamed_key(*node, p.tag_offset());
                  }
                  return node;
                },
                false};
}

}  // namespace liquid::tags
