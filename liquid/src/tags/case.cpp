// {% case x %}{% when a, b or c %}...{% else %}...{% endcase %}
//
// As in Ruby, each `when` value is its own condition sharing the body, so a body can render
// more than once, and an `else` renders if no earlier `when` matched.
#include <deque>

#include "expression_parser.hpp"
#include "lexer.hpp"
#include "tags/tags.hpp"
#include "tags/util.hpp"

namespace liquid::tags {

namespace {

using detail::find_quoted_fragment;
using detail::match_quoted_fragment;
constexpr std::size_t npos = std::string_view::npos;

class CaseNode final : public Node {
 public:
  struct Entry {
    std::optional<ast::FilteredExpr> when;  // none: else
    std::size_t body;
  };
  CaseNode(std::size_t offset, ast::FilteredExpr subject) : Node(offset), subject_(std::move(subject)) {}

  Flow render(Context& ctx, std::string& out) const override {
    bool run_else = true;
    for (const auto& e : entries) {
      if (!e.when) {
        if (run_else) {
          Flow f = bodies[e.body].render(ctx, out);
          if (f != Flow::normal) return f;
        }
        continue;
      }
      if (ctx.truthy(e.when->base)) {
        run_else = false;
        Flow f = bodies[e.body].render(ctx, out);
        if (f != Flow::normal) return f;
      }
    }
    return Flow::normal;
  }
  bool blank() const override {
    for (const auto& b : bodies)
      if (!b.blank) return false;
    return true;
  }
  std::string_view tag_name() const override { return "case"; }
  void for_each_expression(const std::function<void(const ast::FilteredExpr&)>& f) const override {
    f(subject_);
    for (const auto& e : entries)
      if (e.when) f(*e.when);
  }
  void for_each_body(const std::function<void(const BlockBody&)>& f) const override {
    for (const auto& b : bodies) f(b);
  }

  const ast::FilteredExpr& subject() const { return subject_; }
  std::vector<Entry> entries;
  std::deque<BlockBody> bodies;  // stable addresses while parsing

 private:
  ast::FilteredExpr subject_;
};

ast::Expr copy_subject(const ast::Expr& e);

ast::ExprPtr copy_ptr(const ast::ExprPtr& p) { return p ? std::make_unique<ast::Expr>(copy_subject(*p)) : nullptr; }

// The subject is compared in every `when`: each comparison gets its own copy of it.
ast::Expr copy_subject(const ast::Expr& e) {
  ast::Expr out;
  out.offset = e.offset;
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::Literal> || std::is_same_v<T, ast::MethodLiteral>) {
          out.node = n;
        } else if constexpr (std::is_same_v<T, ast::Variable>) {
          ast::Variable v;
          v.name = n.name;
          v.dynamic_name = copy_ptr(n.dynamic_name);
          for (const auto& l : n.lookups) v.lookups.push_back(ast::Lookup{l.key, copy_ptr(l.index), l.dotted, l.offset});
          out.node = std::move(v);
        } else if constexpr (std::is_same_v<T, ast::RangeExpr>) {
          out.node = ast::RangeExpr{copy_ptr(n.first), copy_ptr(n.last)};
        } else if constexpr (std::is_same_v<T, ast::Comparison>) {
          out.node = ast::Comparison{copy_ptr(n.left), n.op, copy_ptr(n.right), n.unknown_operator};
        } else {
          out.node = ast::Logical{n.is_and, copy_ptr(n.left), copy_ptr(n.right)};
        }
      },
      e.node);
  return out;
}

// One `when` value: the condition `subject == value`, sharing `body` with the other values.
void add_when(CaseNode& node, ast::Expr value, std::size_t offset, std::size_t length, std::size_t body) {
  ast::FilteredExpr cond;
  cond.offset = static_cast<std::uint32_t>(offset);
  cond.length = static_cast<std::uint32_t>(length);
  cond.base.offset = cond.offset;
  cond.base.node = ast::Comparison{std::make_unique<ast::Expr>(copy_subject(node.subject().base)), ast::CompareOp::eq,
                                   std::make_unique<ast::Expr>(std::move(value)), {}};
  node.entries.push_back({std::move(cond), body});
}

// WhenSyntax = (QuotedFragment)(?:(?:\s+or\s+|\s*\,\s*)(QuotedFragment.*))?
void parse_when(TagParser& p, CaseNode& node, std::string_view markup, std::size_t offset, std::size_t body) {
  if (p.mode() == ErrorMode::strict2) {  // 5.13: values separated by `or` or `,`, nothing else
    for (auto& v : detail::parse_when_strict2({markup, static_cast<std::uint32_t>(offset)})) {
      std::size_t at = v.expr.offset;
      add_when(node, std::move(v.expr), at, v.length, body);
    }
    return;
  }
  std::size_t pos = 0;
  while (true) {
    auto [b, e] = find_quoted_fragment(markup, pos);
    if (b == npos)
      p.fail("Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}");
    ast::Expr value = detail::parse_operand_lax({markup.substr(b, e - b), static_cast<std::uint32_t>(offset + b)});
    add_when(node, std::move(value), offset + b, e - b, body);
    // The separator: whitespace "or" whitespace, or a comma; then the rest must start with a
    // fragment.
    std::size_t k = e;
    std::size_t next = npos;
    std::size_t s = k;
    while (s < markup.size() && lex::is_ascii_space(markup[s])) ++s;
    if (s > k && markup.substr(s, 2) == "or" && s + 2 < markup.size() && lex::is_ascii_space(markup[s + 2])) {
      std::size_t t = s + 2;
      while (t < markup.size() && lex::is_ascii_space(markup[t])) ++t;
      if (match_quoted_fragment(markup, t) != npos) next = t;
    }
    if (next == npos && s < markup.size() && markup[s] == ',') {
      std::size_t t = s + 1;
      while (t < markup.size() && lex::is_ascii_space(markup[t])) ++t;
      if (match_quoted_fragment(markup, t) != npos) next = t;
    }
    if (next == npos) return;
    pos = next;
  }
}

}  // namespace

TagDef case_() {
  return TagDef{"case", [](TagParser& p) -> std::unique_ptr<Node> {
                  ast::FilteredExpr subject;
                  if (p.mode() == ErrorMode::strict2) {  // 5.13: one value and nothing else
                    auto v = detail::parse_case_subject_strict2(
                        {p.markup(), static_cast<std::uint32_t>(p.markup_offset())});
                    subject.offset = v.expr.offset;
                    subject.length = v.length;
                    subject.base = std::move(v.expr);
                  } else {
                    auto [b, e] = find_quoted_fragment(p.markup(), 0);
                    if (b == npos) p.fail(syntax_message("case", "case [condition]"));
                    subject.offset = static_cast<std::uint32_t>(p.markup_offset() + b);
                    subject.length = static_cast<std::uint32_t>(e - b);
                    subject.base = p.parse_expression(p.markup().substr(b, e - b), p.markup_offset() + b);
                  }
                  auto node = std::make_unique<CaseNode>(p.tag_offset(), std::move(subject));
                  BlockBody preamble;  // text before the first `when` is parsed, never rendered
                  BlockBody* body = &preamble;
                  while (true) {
                    BodyEnd end = p.parse_body(*body);
                    if (end.tag == "endcase") break;
                    if (end.tag == "when") {
                      node->bodies.emplace_back();
                      std::size_t index = node->bodies.size() - 1;
                      parse_when(p, *node, end.markup, end.markup_offset, index);
                      body = &node->bodies[index];
                    } else if (end.tag == "else") {
                      std::string_view rest = end.markup;
                      while (!rest.empty() && lex::is_ascii_space(rest.front())) rest.remove_prefix(1);
                      while (!rest.empty() && lex::is_ascii_space(rest.back())) rest.remove_suffix(1);
                      if (!rest.empty())
                        p.fail("Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters) ");
                      node->bodies.emplace_back();
                      node->entries.push_back({std::nullopt, node->bodies.size() - 1});
                      body = &node->bodies.back();
                    } else {
                      p.fail_unknown(end, "case");
                    }
                  }
                  if (node->blank() && preamble.blank)
                    for (auto& b2 : node->bodies) b2.remove_blank_text();
                  return node;
                },
                true};
}

}  // namespace liquid::tags
