// Rendering of blocks, literal text and outputs.
#include "document.hpp"
#include "liquid/context.hpp"
#include "liquid/tag.hpp"
#include "output_tracker.hpp"

namespace liquid {

namespace {

// The same loop as BlockBody::render, recording which node wrote each output range.
Flow render_recording(const BlockBody& body, Context& ctx, std::string& out, OutputTracker& tracker) {
  for (const auto& node : body.nodes) {
    std::size_t before = out.size();
    Flow flow;
    try {
      flow = node->render(ctx, out);
    } catch (...) {
      ctx.handle_error(out, node->blank() && node->tag_name() != "{{");
      flow = Flow::normal;
    }
    if (out.size() > before) {
      OriginSpan span;
      span.out_begin = before;
      span.out_end = out.size();
      span.source_offset = node->offset();
      span.document = &ctx.document();
      std::string_view tag = node->tag_name();
      if (tag.empty()) {
        span.kind = OriginSpan::Kind::text;
      } else if (tag == "{{") {
        span.kind = OriginSpan::Kind::output;
        span.expression = &static_cast<const OutputNode&>(*node).expression();
        span.source_offset = span.expression->base.offset;  // the expression, not the `{{`
      } else {
        span.kind = OriginSpan::Kind::tag;
      }
      tracker.record(span);
    }
    if (flow != Flow::normal) return flow;
    ctx.after_node(out);
  }
  return Flow::normal;
}

}  // namespace

Flow BlockBody::render(Context& ctx, std::string& out) const {
  ctx.step(nodes.size());
  if (OutputTracker* tracker = ctx.origin_tracker(out)) return render_recording(*this, ctx, out, *tracker);
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
  ctx.write_output(out, v, &expr_);
  return Flow::normal;
}

}  // namespace liquid
