// {% assign name = value | filters %}
#include "tags/tags.hpp"
#include "tags/util.hpp"

namespace liquid::tags {

namespace {

class AssignNode final : public Node {
 public:
  AssignNode(std::size_t offset, std::string name, ast::FilteredExpr value)
      : Node(offset), name_(std::move(name)), value_(std::move(value)) {}
  Flow render(Context& ctx, std::string&) const override {
    Value v = ctx.evaluate(value_);
    ctx.check_assign_size(v, offset());
    ctx.assign(name_, std::move(v));
    return Flow::normal;
  }
  bool blank() const override { return true; }
  std::string_view tag_name() const override { return "assign"; }
  void for_each_expression(const std::function<void(const ast::FilteredExpr&)>& f) const override { f(value_); }
  void for_each_defined_name(const std::function<void(std::string_view)>& f) const override { f(name_); }

 private:
  std::string name_;
  ast::FilteredExpr value_;
};

}  // namespace

TagDef assign() {
  return TagDef{"assign", [](TagParser& p) -> std::unique_ptr<Node> {
                  std::string_view m = p.markup();
                  AssignTarget t = match_assign(m);
                  if (t.rest == std::string_view::npos)
                    p.fail(syntax_message("assign", "assign [var] = [source]"));
                  auto value = p.parse_filtered(m.substr(t.rest), p.markup_offset() + t.rest);
                  return std::make_unique<AssignNode>(p.tag_offset(), std::string(t.name), std::move(value));
                },
                false};
}

}  // namespace liquid::tags
