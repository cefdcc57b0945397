// {% # a comment %}: every line of it must start with '#'.
#include "lexer.hpp"
#include "tags/tags.hpp"

namespace liquid::tags {

namespace {

class InlineCommentNode final : public Node {
 public:
  InlineCommentNode(std::size_t offset, std::string text) : Node(offset), text_(std::move(text)) {}
  Flow render(Context&, std::string&) const override { return Flow::normal; }
  bool blank() const override { return true; }
  std::string_view tag_name() const override { return "#"; }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

}  // namespace

TagDef inline_comment() {
  return TagDef{"#", [](TagParser& p) -> std::unique_ptr<Node> {
                  // Ruby: markup =~ /\n\s*[^#\s]/ is an error.
                  std::string_view m = p.markup();
                  for (std::size_t i = 0; i < m.size(); ++i) {
                    if (m[i] != '\n') continue;
                    std::size_t k = i + 1;
                    while (k < m.size() && lex::is_ascii_space(m[k])) ++k;
                    if (k < m.size() && m[k] != '#')
                      p.fail(errc::syntax,
                             "Syntax error in tag '#' - Each line of comments must be prefixed by the '#' character",
                             p.markup_offset() + k);
                  }
                  return std::make_unique<InlineCommentNode>(p.tag_offset(), std::string(m));
                },
                false};
}

}  // namespace liquid::tags
