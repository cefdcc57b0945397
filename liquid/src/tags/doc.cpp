// {% doc %}...{% enddoc %}: documentation, never rendered or parsed (Liquid 5.7+).
#include "lexer.hpp"
#include "tags/tags.hpp"

namespace liquid::tags {

namespace {

class DocNode final : public Node {
 public:
  DocNode(std::size_t offset, std::string text) : Node(offset), text_(std::move(text)) {}
  Flow render(Context&, std::string&) const override { return Flow::normal; }
  bool blank() const override { return true; }
  std::string_view tag_name() const override { return "doc"; }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

}  // namespace

TagDef doc() {
  return TagDef{"doc", [](TagParser& p) -> std::unique_ptr<Node> {
                  for (char c : p.markup())
                    if (!lex::is_ascii_space(c)) p.fail("Syntax Error in 'doc' - Valid syntax: doc");
                  std::size_t open = p.tag_offset();
                  std::string text;
                  TagParser::RawToken t;
                  while (p.next_raw_token(t)) {
                    if (t.embedded_tag == "doc" || t.tag_name == "doc")
                      p.fail(errc::syntax, "Syntax Error in 'doc' - Nested doc tags are not allowed", t.offset);
                    if (t.embedded_tag == "enddoc" || t.tag_name == "enddoc") {
                      text.append(t.text.substr(0, t.embedded_prefix));
                      if (!p.in_liquid_tag()) p.trim_next_text(t.trim_right);
                      return std::make_unique<DocNode>(open, std::move(text));
                    }
                    text.append(t.text);
                  }
                  p.fail(errc::unclosed_block, "'doc' tag was never closed", open);
                },
                true};
}

}  // namespace liquid::tags
