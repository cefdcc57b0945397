// {% echo value | filters %}: an output as a tag (useful inside {% liquid %}).
#include "tags/tags.hpp"

namespace liquid::tags {

namespace {

class EchoNode final : public Node {
 public:
  EchoNode(std::size_t offset, ast::FilteredExpr e) : Node(offset), expr_(std::move(e)) {}
  Flow render(Context& ctx, std::string& out) const override {
    Value scratch;
    ctx.write_output(out, ctx.evaluate(expr_, scratch), &expr_);
    return Flow::normal;
  }
  std::string_view tag_name() const override { return "echo"; }
  void for_each_expression(const std::function<void(const ast::FilteredExpr&)>& f) const override { f(expr_); }

 private:
  ast::FilteredExpr expr_;
};

}  // namespace

TagDef echo() {
  return TagDef{"echo", [](TagParser& p) -> std::unique_ptr<Node> {
                  return std::make_unique<EchoNode>(p.tag_offset(), p.parse_filtered(p.markup(), p.markup_offset()));
                },
                false};
}

}  // namespace liquid::tags
