// {% for item in collection reversed limit: n offset: m %}...{% else %}...{% endfor %}
#include "expression_parser.hpp"
#include "lexer.hpp"
#include "tags/tags.hpp"
#include "tags/util.hpp"

namespace liquid::tags {

namespace {

constexpr std::size_t npos = std::string_view::npos;

class ForNode final : public Node {
 public:
  ForNode(std::size_t offset) : Node(offset) {}

  Flow render(Context& ctx, std::string& out) const override {
    Value& offset_slot = ctx.register_slot("for", name);
    std::int64_t from = 0;
    if (continue_offset) {
      from = offset_slot.is_int() ? offset_slot.as_int() : 0;
    } else if (offset_expr) {
      Value v = ctx.evaluate(*offset_expr);
      if (!v.is_nil()) from = integer(ctx, v, offset_expr->offset);
    }
    Value collection = ctx.evaluate(collection_expr);  // a copy: the body may reassign variables
    std::optional<std::int64_t> to;
    if (limit_expr) {
      Value v = ctx.evaluate(*limit_expr);
      if (!v.is_nil()) to = saturating_add(integer(ctx, v, limit_expr->offset), from);
    }
    Segment segment(collection, from, to);
    // Evaluating expressions adds no register: the slot found above is still valid.
    offset_slot = Value(saturating_add(from, segment.size()));
    if (segment.empty()) return else_body ? else_body->render(ctx, out) : Flow::normal;

    auto& stack = ctx.forloop_stack();
    auto loop = std::make_shared<ForloopDrop>(name, segment.size(), stack.empty() ? nullptr : stack.back());
    ctx.push_scope();
    stack.push_back(loop);
    struct Cleanup {
      Context& c;
      ~Cleanup() {
        c.forloop_stack().pop_back();
        c.pop_scope();
      }
    } cleanup{ctx};
    ctx.set_local("forloop", Value(std::shared_ptr<const Drop>(loop)));
    for (std::int64_t i = 0; i < segment.size(); ++i) {
      ctx.step();
      ctx.set_local(variable, segment.at(i, reversed));
      Flow f = body.render(ctx, out);
      loop->increment();
      if (f == Flow::break_loop) break;
    }
    return Flow::normal;
  }

  bool blank() const override { return body.blank && (!else_body || else_body->blank); }
  std::string_view tag_name() const override { return "for"; }
  void for_each_expression(const std::function<void(const ast::FilteredExpr&)>& f) const override {
    f(collection_expr);
    if (limit_expr) f(*limit_expr);
    if (offset_expr) f(*offset_expr);
  }
  void for_each_body(const std::function<void(const BlockBody&)>& f) const override {
    f(body);
    if (else_body) f(*else_body);
  }
  void for_each_defined_name(const std::function<void(std::string_view)>& f) const override {
    f(variable);
    f("forloop");
  }

  static std::int64_t integer(Context& ctx, const Value& v, std::size_t offset) {
    auto i = to_integer(v);
    if (!i) ctx.raise(errc::invalid_value, "invalid integer", offset);
    return *i;
  }

  std::string variable;
  std::string name;  // "item-collection": the key of `offset: continue`
  ast::FilteredExpr collection_expr;
  std::optional<ast::FilteredExpr> limit_expr, offset_expr;
  bool continue_offset = false;
  bool reversed = false;
  BlockBody body;
  std::optional<BlockBody> else_body;
};

ast::FilteredExpr wrap(ast::Expr e, std::size_t offset, std::size_t length) {
  ast::FilteredExpr f;
  f.base = std::move(e);
  f.offset = static_cast<std::uint32_t>(offset);
  f.length = static_cast<std::uint32_t>(length);
  return f;
}

bool is_continue(const ast::Expr& e) {
  auto* v = std::get_if<ast::Variable>(&e.node);
  return v && v->name == "continue" && v->lookups.empty() && !v->dynamic_name;
}

// Lax: \A([\w-]+)\s+in\s+(QuotedFragment+)\s*(reversed)? plus TagAttributes.
void parse_lax(TagParser& p, ForNode& node) {
  std::string_view m = p.markup();
  std::size_t base = p.markup_offset();
  auto fail = [&] { p.fail("Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]"); };
  std::size_t i = 0;
  while (i < m.size() && (lex::is_word(m[i]) || m[i] == '-')) ++i;
  if (i == 0) fail();
  node.variable = std::string(m.substr(0, i));
  std::size_t k = i;
  while (k < m.size() && lex::is_ascii_space(m[k])) ++k;
  if (k == i || m.substr(k, 2) != "in") fail();
  std::size_t after_in = k + 2;
  std::size_t c = after_in;
  while (c < m.size() && lex::is_ascii_space(m[c])) ++c;
  if (c == after_in) fail();
  std::size_t e = detail::match_quoted_fragment(m, c);
  if (e == npos) fail();
  for (std::size_t more; (more = detail::match_quoted_fragment(m, e)) != npos;) e = more;
  std::string_view collection = m.substr(c, e - c);
  node.name = node.variable + "-" + std::string(collection);
  node.collection_expr = wrap(p.parse_expression(collection, base + c), base + c, collection.size());
  std::size_t r = e;
  while (r < m.size() && lex::is_ascii_space(m[r])) ++r;
  node.reversed = m.substr(r, 8) == "reversed";
  for (const auto& attr : detail::scan_tag_attributes(m)) {
    std::size_t at = base + attr.value_pos;
    if (attr.name == "offset") {
      if (attr.value == "continue")
        node.continue_offset = true, node.offset_expr.reset();
      else
        node.continue_offset = false, node.offset_expr = wrap(p.parse_expression(attr.value, at), at, attr.value.size());
    } else if (attr.name == "limit") {
      node.limit_expr = wrap(p.parse_expression(attr.value, at), at, attr.value.size());
    }
  }
}

void parse_strict(TagParser& p, ForNode& node) {
  detail::Markup markup{p.markup(), static_cast<std::uint32_t>(p.markup_offset())};
  // strict2 (5.13) allows commas between the attributes.
  detail::LoopMarkup lm =
      p.mode() == ErrorMode::strict2 ? detail::parse_loop_strict2(markup) : detail::parse_loop_strict(markup);
  node.variable = lm.variable;
  std::size_t cb = lm.collection.offset - p.markup_offset();
  // The collection's source text names the loop for `offset: continue`.
  std::string_view rest = p.markup().substr(cb);
  std::size_t ce = 0;
  while (ce < rest.size() && !lex::is_ascii_space(rest[ce])) ++ce;
  node.name = node.variable + "-" + std::string(rest.substr(0, ce));
  node.reversed = lm.reversed;
  node.collection_expr = wrap(std::move(lm.collection), p.markup_offset() + cb, ce);
  for (std::size_t i = 0; i < lm.attributes.size(); ++i) {
    auto& [key, expr] = lm.attributes[i];
    std::size_t at = lm.attribute_offsets[i];
    if (key == "offset") {
      node.continue_offset = is_continue(expr);
      if (node.continue_offset)
        node.offset_expr.reset();
      else
        node.offset_expr = wrap(std::move(expr), at, key.size());
    } else if (key == "limit") {
      node.limit_expr = wrap(std::move(expr), at, key.size());
    } else {
      p.fail(errc::syntax, "Invalid attribute '" + key + "' in for loop. Valid attributes are limit and offset", at);
    }
  }
}

}  // namespace

TagDef for_() {
  return TagDef{"for", [](TagParser& p) -> std::unique_ptr<Node> {
                  auto node = std::make_unique<ForNode>(p.tag_offset());
                  if (p.mode() == ErrorMode::lax)
                    parse_lax(p, *node);
                  else
                    parse_strict(p, *node);
                  BodyEnd end = p.parse_body(node->body);
                  if (end.tag == "else") {
                    node->else_body.emplace();
                    end = p.parse_body(*node->else_body);
                  }
                  if (end.tag != "endfor") p.fail_unknown(end, "for");
                  if (node->blank()) {
                    node->body.remove_blank_text();
                    if (node->else_body) node->else_body->remove_blank_text();
                  }
                  return node;
                },
                true};
}

}  // namespace liquid::tags
