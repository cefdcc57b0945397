// {% if %} / {% elsif %} / {% else %} / {% endif %}, and {% unless %} (the first condition
// negated).
#include "tags/tags.hpp"

namespace liquid::tags {

namespace {

class ConditionalNode final : public Node {
 public:
  struct Branch {
    std::optional<ast::FilteredExpr> condition;  // none: else (a condition has no filters)
    BlockBody body;
  };
  ConditionalNode(std::size_t offset, bool negate_first, std::string_view name)
      : Node(offset), negate_first_(negate_first), name_(name) {}

  Flow render(Context& ctx, std::string& out) const override {
    for (std::size_t i = 0; i < branches.size(); ++i) {
      const Branch& b = branches[i];
      bool taken = !b.condition || ctx.truthy(b.condition->base) != (i == 0 && negate_first_);
      if (taken) return b.body.render(ctx, out);
    }
    return Flow::normal;
  }
  bool blank() const override {
    for (const auto& b : branches)
      if (!b.body.blank) return false;
    return true;
  }
  std::string_view tag_name() const override { return name_; }
  void for_each_expression(const std::function<void(const ast::FilteredExpr&)>& f) const override {
    for (const auto& b : branches)
      if (b.condition) f(*b.condition);
  }
  void for_each_body(const std::function<void(const BlockBody&)>& f) const override {
    for (const auto& b : branches) f(b.body);
  }

  std::vector<Branch> branches;

 private:
  bool negate_first_;
  std::string_view name_;
};

ast::FilteredExpr condition(TagParser& p, std::string_view markup, std::size_t offset) {
  ast::FilteredExpr e;
  e.base = p.parse_condition(markup, offset);
  e.offset = static_cast<std::uint32_t>(offset);
  e.length = static_cast<std::uint32_t>(markup.size());
  return e;
}

std::unique_ptr<Node> parse_conditional(TagParser& p, bool negate_first) {
  const std::string name(p.tag_name());
  auto node = std::make_unique<ConditionalNode>(p.tag_offset(), negate_first,
                                                negate_first ? std::string_view("unless") : std::string_view("if"));
  node->branches.push_back({condition(p, p.markup(), p.markup_offset()), {}});
  const std::string end_tag = "end" + name;
  while (true) {
    BodyEnd end = p.parse_body(node->branches.back().body);
    if (end.tag == end_tag) break;
    if (end.tag == "elsif") {
      node->branches.push_back({condition(p, end.markup, end.markup_offset), {}});
    } else if (end.tag == "else") {
      node->branches.push_back({std::nullopt, {}});
    } else {
      p.fail_unknown(end, name);
    }
  }
  if (node->blank())
    for (auto& b : node->branches) b.body.remove_blank_text();
  return node;
}

}  // namespace

TagDef if_() {
  return TagDef{"if", [](TagParser& p) { return parse_conditional(p, false); }, true};
}
TagDef unless() {
  return TagDef{"unless", [](TagParser& p) { return parse_conditional(p, true); }, true};
}

}  // namespace liquid::tags
