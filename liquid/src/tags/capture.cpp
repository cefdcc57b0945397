// {% capture name %}...{% endcapture %}
#include "tags/tags.hpp"
#include "tags/util.hpp"

namespace liquid::tags {

namespace {

class CaptureNode final : public Node {
 public:
  CaptureNode(std::size_t offset, std::string name) : Node(offset), name_(std::move(name)) {}
  Flow render(Context& ctx, std::string&) const override {
    std::string captured;
    Flow flow = body.render(ctx, captured);
    ctx.check_assign_size(Value(captured), offset());
    ctx.assign(name_, Value(std::move(captured)));
    return flow;
  }
  bool blank() const override { return true; }
  std::string_view tag_name() const override { return "capture"; }
  void for_each_body(const std::function<void(const BlockBody&)>& f) const override { f(body); }
  void for_each_defined_name(const std::function<void(std::string_view)>& f) const override { f(name_); }

  BlockBody body;

 private:
  std::string name_;
};

}  // namespace

TagDef capture() {
  return TagDef{"capture", [](TagParser& p) -> std::unique_ptr<Node> {
                  std::string_view name = match_variable_signature(p.markup());
                  if (name.empty()) p.fail(syntax_message("capture", "capture [var]"));
                  auto node = std::make_unique<CaptureNode>(p.tag_offset(), std::string(name));
                  BodyEnd end = p.parse_body(node->body);
                  if (end.tag != "endcapture") p.fail_unknown(end, "capture");
                  return node;
                },
                true};
}

}  // namespace liquid::tags
