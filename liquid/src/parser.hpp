// The template parser (internal): implements TagParser for the tags it calls.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"
#include "lexer.hpp"
#include "liquid/tag.hpp"

namespace liquid {

class Parser final : public TagParser {
 public:
  // `collect`: record syntax errors and go on, instead of throwing the first.
  Parser(Template::Document& doc, bool collect);
  void parse_document();
  void record(const Diagnostic& d);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  // TagParser
  std::string_view tag_name() const override { return current_.name; }
  std::string_view markup() const override { return current_.markup; }
  std::size_t markup_offset() const override { return current_.markup_offset; }
  std::size_t tag_offset() const override { return current_.tag_offset; }
  ErrorMode mode() const override { return doc_.mode; }
  const Environment& environment() const override { return env_; }
  ast::FilteredExpr parse_filtered(std::string_view text, std::size_t offset) override;
  ast::Expr parse_expression(std::string_view text, std::size_t offset) override;
  ast::Expr parse_condition(std::string_view text, std::size_t offset) override;
  BodyEnd parse_body(BlockBody& body) override;
  bool next_raw_token(RawToken& token) override;
  void trim_next_text(bool trim) override { trim_next_ = trim; }
  bool in_liquid_tag() const override { return streams_.back().liquid_lines; }
  SyntaxError error(std::string_view id, const std::string& message, std::size_t offset) const override;
  SyntaxError unknown_tag_error(const BodyEnd& end, std::string_view block_name) const override;

 private:
  struct Stream {
    std::vector<lex::Token> tokens;
    std::size_t pos = 0;
    bool liquid_lines = false;
  };
  struct Current {
    std::string_view name;
    std::string_view markup;
    std::size_t markup_offset = 0;
    std::size_t tag_offset = 0;
  };

  const lex::Token* next_token();
  std::string_view src(std::uint32_t begin, std::uint32_t end) const;
  void whitespace_control(BlockBody& body, const lex::Token& t);
  void parse_tag(BlockBody& body, const TagDef& def, const lex::Token& t);
  bool recover_block(const TagDef& def, std::size_t consumed_before, const SyntaxError& e);
  void skip_block(const std::string& name);
  void parse_liquid_tag(BlockBody& body, const lex::Token& t);

  Template::Document& doc_;
  const Environment& env_;
  bool collect_;
  std::size_t max_depth_;
  std::size_t depth_ = 0;
  bool trim_next_ = false;  // Ruby's parse_context.trim_whitespace
  std::size_t consumed_ = 0;  // calls that consumed tokens for a tag's body (parse_body, next_raw_token)
  std::vector<Stream> streams_;
  Current current_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace liquid
