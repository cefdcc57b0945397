// {% ifchanged %}...{% endifchanged %}: output the body only when it differs from last time.
#include "tags/tags.hpp"

namespace liquid::tags {

namespace {

class IfchangedNode final : public Node {
 public:
  explicit IfchangedNode(std::size_t offset) : Node(offset) {}
  Flow render(Context& ctx, std::string& out) const override {
    std::string rendered;
    Flow f = body.render(ctx, rendered);
    Value& last = ctx.register_slot("ifchanged", "");
    if (!last.is_string() || last.as_string() != rendered) {
      out += rendered;
      last = Value(std::move(rendered));
    }
    return f;
  }
  std::string_view tag_name() const override { return "ifchanged"; }
  // Ruby's Block#blank?: its body's (an enclosing if/for then drops its whitespace text, and
  // an error in the tag is not printed).
  bool blank() const override { return body.blank; }
  void for_each_body(const std::function<void(const BlockBody&)>& f) const override { f(body); }
  BlockBody body;
};

}  // namespace

TagDef ifchanged() {
  return TagDef{"ifchanged", [](TagParser& p) -> std::unique_ptr<Node> {
                  auto node = std::make_unique<IfchangedNode>(p.tag_offset());
                  BodyEnd end = p.parse_body(node->body);
                  if (end.tag != "endifchanged") p.fail_unknown(end, "ifchanged");
                  return node;
                },
                true};
}

}  // namespace liquid::tags
