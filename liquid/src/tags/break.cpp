// {% break %} and {% continue %}: leave or skip the rest of the innermost loop.
#include "tags/tags.hpp"

namespace liquid::tags {

namespace {

class InterruptNode final : public Node {
 public:
  InterruptNode(std::size_t offset, Flow flow) : Node(offset), flow_(flow) {}
  Flow render(Context&, std::string&) const override { return flow_; }
  std::string_view tag_name() const override { return flow_ == Flow::break_loop ? "break" : "continue"; }

 private:
  Flow flow_;
};

}  // namespace

TagDef break_() {
  return TagDef{"break", [](TagParser& p) -> std::unique_ptr<Node> {
                  return std::make_unique<InterruptNode>(p.tag_offset(), Flow::break_loop);
                },
                false};
}

TagDef continue_() {
  return TagDef{"continue", [](TagParser& p) -> std::unique_ptr<Node> {
                  return std::make_unique<InterruptNode>(p.tag_offset(), Flow::continue_loop);
                },
                false};
}

}  // namespace liquid::tags
