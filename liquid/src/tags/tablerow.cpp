// {% tablerow item in collection cols: n limit: n offset: n %}...{% endtablerow %}
#include "expression_parser.hpp"
#include "lexer.hpp"
#include "tags/tags.hpp"
#include "tags/util.hpp"

namespace liquid::tags {

namespace {

constexpr std::size_t npos = std::string_view::npos;

class TablerowDrop final : public Drop {
 public:
  TablerowDrop(std::int64_t length, std::int64_t cols) : length_(length), cols_(cols) {}
  std::optional<Value> get(std::string_view key) const override {
    if (key == "length") return Value(length_);
    if (key == "index") return Value(index_ + 1);
    if (key == "index0") return Value(index_);
    if (key == "rindex") return Value(length_ - index_);
    if (key == "rindex0") return Value(length_ - index_ - 1);
    if (key == "first") return Value(index_ == 0);
    if (key == "last") return Value(index_ == length_ - 1);
    if (key == "col") return Value(col_);
    if (key == "col0") return Value(col_ - 1);
    if (key == "col_first") return Value(col_ == 1);
    if (key == "col_last") return Value(col_ == cols_);
    if (key == "row") return Value(row_);
    return std::nullopt;
  }
  std::string to_s() const override { return "Liquid::TablerowloopDrop"; }  // Ruby's Drop#to_s
  void increment() {
    ++index_;
    if (col_ == cols_) {
      col_ = 1;
      ++row_;
    } else {
      ++col_;
    }
  }
  std::int64_t col() const { return col_; }
  std::int64_t row() const { return row_; }
  bool col_last() const { return col_ == cols_; }
  bool last() const { return index_ == length_ - 1; }

 private:
  std::int64_t length_, cols_;
  std::int64_t index_ = 0, col_ = 1, row_ = 1;
};

class TablerowNode final : public Node {
 public:
  explicit TablerowNode(std::size_t offset) : Node(offset) {}

  Flow render(Context& ctx, std::string& out) const override {
    Value collection = ctx.evaluate(collection_expr);
    if (!collection.truthy()) return Flow::normal;
    std::int64_t from = offset_expr ? integer(ctx, *offset_expr) : 0;
    std::optional<std::int64_t> to;
    if (limit_expr) to = saturating_add(from, integer(ctx, *limit_expr));
    Segment segment(collection, from, to);
    std::int64_t cols = cols_expr ? integer(ctx, *cols_expr) : segment.size();
    out += "<tr class=\"row1\">\n";
    ctx.push_scope();
    struct Pop {
      Context& c;
      ~Pop() { c.pop_scope(); }
    } pop{ctx};
    auto loop = std::make_shared<TablerowDrop>(segment.size(), cols);
    ctx.set_local("tablerowloop", Value(std::shared_ptr<const Drop>(loop)));
    for (std::int64_t i = 0; i < segment.size(); ++i) {
      ctx.step();
      ctx.set_local(variable, segment.at(i, false));
      out += "<td class=\"col" + std::to_string(loop->col()) + "\">";
      Flow f = body.render(ctx, out);
      out += "</td>";
      if (f == Flow::break_loop) break;
      if (loop->col_last() && !loop->last()) out += "</tr>\n<tr class=\"row" + std::to_string(loop->row() + 1) + "\">";
      loop->increment();
    }
    out += "</tr>\n";
    return Flow::normal;
  }
  std::string_view tag_name() const override { return "tablerow"; }
  // Ruby's Block#blank?: its body's (an enclosing if/for then drops its whitespace text, and
  // an error in the tag is not printed).
  bool blank() const override { return body.blank; }
  void for_each_expression(const std::function<void(const ast::FilteredExpr&)>& f) const override {
    f(collection_expr);
    for (const auto* e : {&cols_expr, &limit_expr, &offset_expr})
      if (*e) f(**e);
  }
  void for_each_body(const std::function<void(const BlockBody&)>& f) const override { f(body); }
  void for_each_defined_name(const std::function<void(std::string_view)>& f) const override {
    f(variable);
    f("tablerowloop");
  }

  // Ruby's `to_i`, with "invalid integer" where the value has none.
  static std::int64_t integer(Context& ctx, const ast::FilteredExpr& e) {
    auto i = ruby_to_i(ctx.evaluate(e));
    if (!i) ctx.raise(errc::invalid_value, "invalid integer", e.offset);
    return *i;
  }

  std::string variable;
  ast::FilteredExpr collection_expr;
  std::optional<ast::FilteredExpr> cols_expr, limit_expr, offset_expr;
  BlockBody body;
};

ast::FilteredExpr wrap(ast::Expr e, std::size_t offset, std::size_t length) {
  ast::FilteredExpr f;
  f.base = std::move(e);
  f.offset = static_cast<std::uint32_t>(offset);
  f.length = static_cast<std::uint32_t>(length);
  return f;
}

// Other attributes are ignored, as Ruby does (strict2 has rejected unknown ones already).
void set_attribute(TablerowNode& node, std::string_view key, ast::FilteredExpr e) {
  if (key == "cols") node.cols_expr = std::move(e);
  else if (key == "limit") node.limit_expr = std::move(e);
  else if (key == "offset") node.offset_expr = std::move(e);
}

// Lax: (\w+)\s+in\s+(QuotedFragment+) anywhere, plus TagAttributes.
void parse_lax(TagParser& p, TablerowNode& node) {
  std::string_view m = p.markup();
  std::size_t base = p.markup_offset();
  for (std::size_t i = 0; i < m.size(); ++i) {
    if (!lex::is_word(m[i]) || (i > 0 && lex::is_word(m[i - 1]))) continue;
    std::size_t ve = i;
    while (ve < m.size() && lex::is_word(m[ve])) ++ve;
    std::size_t k = ve;
    while (k < m.size() && lex::is_ascii_space(m[k])) ++k;
    if (k == ve || m.substr(k, 2) != "in") continue;
    std::size_t c = k + 2, cs = c;
    while (c < m.size() && lex::is_ascii_space(m[c])) ++c;
    if (c == cs) continue;
    std::size_t e = detail::match_quoted_fragment(m, c);
    if (e == npos) continue;
    for (std::size_t more; (more = detail::match_quoted_fragment(m, e)) != npos;) e = more;
    node.variable = std::string(m.substr(i, ve - i));
    node.collection_expr = wrap(p.parse_expression(m.substr(c, e - c), base + c), base + c, e - c);
    for (const auto& attr : detail::scan_tag_attributes(m)) {
      std::size_t at = base + attr.value_pos;
      set_attribute(node, attr.name, wrap(p.parse_expression(attr.value, at), at, attr.value.size()));
    }
    return;
  }
  p.fail("Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3");
}

// Liquid 5.13's strict2 parser (strict, like lax, uses the regexps above).
void parse_strict2(TagParser& p, TablerowNode& node) {
  detail::LoopMarkup lm = detail::parse_tablerow_strict2({p.markup(), static_cast<std::uint32_t>(p.markup_offset())});
  node.variable = lm.variable;
  std::size_t at = lm.collection.offset;
  node.collection_expr = wrap(std::move(lm.collection), at, 0);
  for (std::size_t i = 0; i < lm.attributes.size(); ++i)
    set_attribute(node, lm.attributes[i].first, wrap(std::move(lm.attributes[i].second), lm.attribute_offsets[i], 0));
}

}  // namespace

TagDef tablerow() {
  return TagDef{"tablerow", [](TagParser& p) -> std::unique_ptr<Node> {
                  auto node = std::make_unique<TablerowNode>(p.tag_offset());
                  if (p.mode() == ErrorMode::strict2)
                    parse_strict2(p, *node);
                  else
                    parse_lax(p, *node);
                  BodyEnd end = p.parse_body(node->body);
                  if (end.tag != "endtablerow") p.fail_unknown(end, "tablerow");
                  return node;
                },
                true};
}

}  // namespace liquid::tags
