// {% raw %}...{% endraw %}: the body is output as written.
#include "lexer.hpp"
#include "tags/tags.hpp"

namespace liquid::tags {

namespace {

class RawNode final : public Node {
 public:
  RawNode(std::size_t offset, std::size_t body_offset, std::string body)
      : Node(offset), body_offset_(body_offset), body_(std::move(body)) {}
  Flow render(Context& ctx, std::string& out) const override {
    ctx.write_text(out, body_, body_offset_);
    return Flow::normal;
  }
  bool blank() const override { return body_.empty(); }
  std::string_view tag_name() const override { return "raw"; }

 private:
  std::size_t body_offset_;
  std::string body_;
};

}  // namespace

TagDef raw() {
  return TagDef{"raw", [](TagParser& p) -> std::unique_ptr<Node> {
                  std::string_view m = p.markup();
                  for (char c : m)
                    if (!lex::is_ascii_space(c)) p.fail("Syntax Error in 'raw' - Valid syntax: raw");
                  std::size_t open = p.tag_offset();
                  std::string body;
                  std::size_t body_offset = 0;
                  bool first = true;
                  TagParser::RawToken t;
                  while (p.next_raw_token(t)) {
                    if (first) body_offset = t.offset, first = false;
                    if (t.embedded_tag == "endraw") {
                      body.append(t.text.substr(0, t.embedded_prefix));
                      // A `-%}` on either raw tag trims the text after the block.
                      if (t.trim_right) p.trim_next_text(true);
                      return std::make_unique<RawNode>(open, body_offset, std::move(body));
                    }
                    body.append(t.text);
                  }
                  p.fail(errc::unclosed_block, "'raw' tag was never closed", open);
                },
                true};
}

}  // namespace liquid::tags
