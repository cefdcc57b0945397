// {% comment %}...{% endcomment %}: the body is not parsed, except that nested comment and raw
// tags must be closed (Liquid 5.12).
#include "tags/tags.hpp"

namespace liquid::tags {

namespace {

class CommentNode final : public Node {
 public:
  CommentNode(std::size_t offset, std::string text) : Node(offset), text_(std::move(text)) {}
  Flow render(Context&, std::string&) const override { return Flow::normal; }
  bool blank() const override { return true; }
  std::string_view tag_name() const override { return "comment"; }
  const std::string& text() const { return text_; }  // the linter reads control comments

 private:
  std::string text_;
};

}  // namespace

TagDef comment() {
  return TagDef{"comment", [](TagParser& p) -> std::unique_ptr<Node> {
                  std::size_t open = p.tag_offset();
                  int depth = 1;
                  std::string text;
                  TagParser::RawToken t;
                  while (p.next_raw_token(t)) {
                    if (t.tag_name == "raw") {
                      // A raw block inside a comment runs to its own endraw.
                      bool closed = false;
                      while (p.next_raw_token(t))
                        if (t.embedded_tag == "endraw") {
                          closed = true;
                          break;
                        }
                      if (!closed) p.fail(errc::unclosed_block, "'raw' tag was never closed", open);
                      continue;
                    }
                    if (t.tag_name == "comment") ++depth;
                    if (t.tag_name == "endcomment" && --depth == 0) {
                      if (!p.in_liquid_tag()) p.trim_next_text(t.trim_right);
                      return std::make_unique<CommentNode>(open, std::move(text));
                    }
                    if (!text.empty() && p.in_liquid_tag()) text += '\n';
                    text.append(t.text);
                  }
                  p.fail(errc::unclosed_block, "'comment' tag was never closed", open);
                },
                true};
}

}  // namespace liquid::tags
