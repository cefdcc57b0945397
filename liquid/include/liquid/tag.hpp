// Tags: the open set of template nodes. Each built-in tag lives in its own file and registers a
// TagDef through Environment::register_tag, as a user's own tag would.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/ast.hpp"
#include "liquid/template.hpp"

namespace liquid {

class Context;
class BlockBody;
class Environment;

// What a node asks of the block it is in after rendering.
enum class Flow : std::uint8_t { normal, break_loop, continue_loop };

class Node {
 public:
  explicit Node(std::size_t offset) : offset_(offset) {}
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  virtual Flow render(Context& ctx, std::string& out) const = 0;
  // Ruby's `blank?`: the node never writes visible output (assign, comment, ...). A block whose
  // nodes are all blank drops its whitespace-only text.
  virtual bool blank() const { return false; }
  // The tag name; "" for literal text, "{{" for an output.
  virtual std::string_view tag_name() const = 0;

  // For tools that walk the tree (the linter): the expressions, bodies and variable names this
  // node holds or defines.
  virtual void for_each_expression(const std::function<void(const ast::FilteredExpr&)>&) const {}
  virtual void for_each_body(const std::function<void(const BlockBody&)>&) const {}
  virtual void for_each_defined_name(const std::function<void(std::string_view)>&) const {}

  std::size_t offset() const { return offset_; }

 private:
  std::size_t offset_;
};

class BlockBody {
 public:
  Flow render(Context& ctx, std::string& out) const;
  // Drop whitespace-only text nodes (Ruby's remove_blank_strings), for blank blocks.
  void remove_blank_text();

  std::vector<std::unique_ptr<Node>> nodes;
  bool blank = true;
};

// Literal template text.
class TextNode final : public Node {
 public:
  // Text the node owns.
  TextNode(std::size_t offset, std::string text) : Node(offset), owned_(std::move(text)), text_(owned_) {}
  // Text inside the source of the template that holds the node, which lives as long as the
  // node: the parser's text nodes, with no copy of the template's text.
  struct InSource {};
  TextNode(std::size_t offset, std::string_view source_text, InSource) : Node(offset), text_(source_text) {}
  Flow render(Context& ctx, std::string& out) const override;
  bool blank() const override;
  std::string_view tag_name() const override { return {}; }
  std::string_view text() const { return text_; }
  void drop_suffix(std::size_t n) { text_.remove_suffix(n); }  // while parsing (whitespace control)

 private:
  std::string owned_;       // empty for text in the source
  std::string_view text_;   // into owned_ or the source (a Node is never copied or moved)
};

// `{{ expression | filters }}`.
class OutputNode final : public Node {
 public:
  OutputNode(std::size_t offset, ast::FilteredExpr&& expr) : Node(offset), expr_(std::move(expr)) {}
  Flow render(Context& ctx, std::string& out) const override;
  std::string_view tag_name() const override { return "{{"; }
  void for_each_expression(const std::function<void(const ast::FilteredExpr&)>& f) const override {
    f(expr_);
  }
  const ast::FilteredExpr& expression() const { return expr_; }

 private:
  ast::FilteredExpr expr_;
};

// How a body ended: at a tag the body's parser does not know (an end tag, `else`, `when`...),
// or at the end of the template (`tag` empty).
struct BodyEnd {
  std::string tag;
  std::string markup;
  std::size_t offset = 0;         // of the `{%`
  std::size_t markup_offset = 0;  // of the markup
  bool at_eof() const { return tag.empty(); }
};

// What a tag's parse function is given: its markup, and access to the rest of the template.
class TagParser {
 public:
  virtual ~TagParser() = default;

  virtual std::string_view tag_name() const = 0;
  // The markup after the tag name, whitespace-trimmed, and its offset in the source.
  virtual std::string_view markup() const = 0;
  virtual std::size_t markup_offset() const = 0;
  virtual std::size_t tag_offset() const = 0;
  virtual ErrorMode mode() const = 0;
  virtual const Environment& environment() const = 0;

  // `expr | filter: args` as in `{{ }}`; lax mode falls back to Ruby's lax parse.
  virtual ast::FilteredExpr parse_filtered(std::string_view text, std::size_t offset) = 0;
  // A single value expression (a literal, variable path or range), as Ruby's Expression.parse.
  virtual ast::Expr parse_expression(std::string_view text, std::size_t offset) = 0;
  // A condition: comparisons joined by and/or (the markup of if/elsif/unless).
  virtual ast::Expr parse_condition(std::string_view text, std::size_t offset) = 0;

  // Parse nodes into `body` until a tag this environment does not know, or the end.
  virtual BodyEnd parse_body(BlockBody& body) = 0;
  // Unparsed access to the following tokens, for tags whose body is not Liquid (raw, comment,
  // doc). false at the end of the template.
  struct RawToken {
    std::string_view text;          // the token as written
    std::size_t offset = 0;         // of the token
    std::string_view tag_name;      // a well-formed `{% name ... %}` (or liquid-tag line): name
    std::string_view embedded_tag;  // the last `{% name` inside a token that ends in `%}`
    std::size_t embedded_prefix = 0;  // bytes of `text` before that `{%`
    bool trim_right = false;        // the token ends in `-%}`
  };
  virtual bool next_raw_token(RawToken& token) = 0;
  // Whether the text that follows loses its leading whitespace (a body ended by `-%}`).
  virtual void trim_next_text(bool trim) = 0;
  // Inside `{% liquid %}`: tokens are lines, not `{% %}` tags.
  virtual bool in_liquid_tag() const = 0;

  // Syntax errors at a position of the template (with line, column and source line).
  [[noreturn]] void fail(std::string_view id, const std::string& message, std::size_t offset) {
    throw error(id, message, offset);
  }
  [[noreturn]] void fail(const std::string& message) { throw error("liquid-syntax", message, tag_offset()); }
  // An error for the tag that ended a body where it does not belong (`{% endfor %}` in an if),
  // or for a block never closed.
  [[noreturn]] void fail_unknown(const BodyEnd& end, std::string_view block_name) {
    throw unknown_tag_error(end, block_name);
  }
  virtual SyntaxError error(std::string_view id, const std::string& message, std::size_t offset) const = 0;
  virtual SyntaxError unknown_tag_error(const BodyEnd& end, std::string_view block_name) const = 0;
};

struct TagDef {
  std::string name;
  std::function<std::unique_ptr<Node>(TagParser&)> parse;
  bool block = false;  // has a body and an end tag (documentation for tools)
};

}  // namespace liquid
