// Rendering of blocks, literal text and outputs.
#include "document.hpp"
#include "liquid/context.hpp"
#include "liquid/tag.hpp"

namespace liquid {

Flow BlockBody::render(Context& ctx, std::string& out) const {
  ctx.step(nodes.size());
  for (const auto& node : nodes) {
    Flow flow;
    try {
      flow = node->render(ctx, out);
    } catch (...) {
      // Ruby renders an error inline in place of the node, except for blank tags.
      ctx.handle_error(out, node->blank() && node->tag_name() != "{{");
      flow = Flow::normal;
    }
    if (flow != Flow::normal) return flow;
    ctx.after_node(out);
  }
  return Flow::normal;
}

void BlockBody::remove_blank_text() {
  std::erase_if(nodes, [](const std::unique_ptr<Node>& n) {
    auto* t = dynamic_cast<const TextNode*>(n.get());
    return t != nullptr;
  });
}

Flow TextNode::render(Context& ctx, std::string& out) const {
  ctx.write_text(out, text_, offset());
  return Flow::normal;
}

bool TextNode::blank() const {
  for (char c : text_)
    if (!(c == ' ' || (c >= '\t' && c <= '\r'))) return false;
  return true;
}

Flow OutputNode::render(Context& ctx, std::string& out) const {
  Value scratch;
  const Value& v = ctx.evaluate(expr_, scratch);
  ctx.write_output(out, v, expr_);
  return Flow::normal;
}

}  // namespace liquid
