// Template parsing: tokens -> blocks of nodes, with tags parsed by their registered TagDefs.
#include "parser.hpp"

#include "expression_parser.hpp"
#include "liquid/environment.hpp"

namespace liquid {

namespace {

constexpr std::size_t kHardMaxDepth = 1000;  // whatever the options say: the C++ stack is finite
constexpr std::size_t kMaxDiagnostics = 200;

bool ruby_lstrip_char(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool ruby_rstrip_char(char c) { return ruby_lstrip_char(c) || c == '\0'; }

std::string excerpt(std::string_view token) {
  constexpr std::size_t kMax = 60;
  if (token.size() <= kMax) return std::string(token);
  return std::string(token.substr(0, kMax)) + "...";
}

}  // namespace

Parser::Parser(Template::Document& doc, bool collect)
    : doc_(doc), env_(*doc.env), collect_(collect), max_depth_(std::min(doc.max_depth, kHardMaxDepth)) {}

void Parser::parse_document() {
  streams_.push_back(Stream{lex::tokenize(doc_.source), 0, false});
  BlockBody& root = doc_.root;
  while (true) {
    BodyEnd end = parse_body(root);
    if (end.at_eof()) break;
    // A tag no enclosing block wanted.
    try {
      if (end.tag == "else" || end.tag == "end" || end.tag.rfind("end", 0) == 0 || end.tag == "elsif" ||
          end.tag == "when")
        fail(errc::unexpected_tag, "Unexpected outer '" + end.tag + "' tag", end.offset);
      fail(errc::unknown_tag, "Unknown tag '" + end.tag + "'", end.offset);
    } catch (const SyntaxError& e) {
      if (!collect_) throw;
      record(e.diagnostic());
    }
  }
}

void Parser::record(const Diagnostic& d) {
  if (diagnostics_.size() < kMaxDiagnostics) diagnostics_.push_back(d);
}

const lex::Token* Parser::next_token() {
  Stream& s = streams_.back();
  if (s.pos >= s.tokens.size()) return nullptr;
  return &s.tokens[s.pos++];
}

std::string_view Parser::src(std::uint32_t b, std::uint32_t e) const {
  return std::string_view(doc_.source).substr(b, e - b);
}

void Parser::whitespace_control(BlockBody& body, const lex::Token& t) {
  if (t.trim_left && !body.nodes.empty()) {
    if (auto* text = dynamic_cast<TextNode*>(body.nodes.back().get())) {
      std::string_view s = text->text();
      std::size_t n = 0;
      while (n < s.size() && ruby_rstrip_char(s[s.size() - 1 - n])) ++n;
      if (n == s.size())
        body.nodes.pop_back();
      else
        text->drop_suffix(n);
    }
  }
  trim_next_ = t.trim_right;
}

BodyEnd Parser::parse_body(BlockBody& body) {
  ++consumed_;
  if (++depth_ > max_depth_) {
    --depth_;
    fail(errc::nesting_too_deep, "Nesting too deep", current_.tag_offset);
  }
  struct DepthGuard {
    std::size_t& d;
    ~DepthGuard() { --d; }
  } guard{depth_};

  while (const lex::Token* t = next_token()) {
    try {
      if (streams_.back().liquid_lines) {
        if (!t->well_formed)
          fail(errc::unknown_tag, "Unknown tag '" + excerpt(src(t->begin, t->end)) + "'", t->begin);
        std::string_view name = t->name(doc_.source);
        if (name == "liquid") {  // a liquid tag nested in a liquid tag: its markup is one line
          parse_liquid_tag(body, *t);
          continue;
        }
        const TagDef* def = env_.find_tag(name);
        if (!def) return BodyEnd{std::string(name), std::string(t->markup(doc_.source)), t->begin, t->markup_begin};
        parse_tag(body, *def, *t);
        continue;
      }
      switch (t->kind) {
        case lex::Token::Kind::text: {
          std::string_view text = src(t->begin, t->end);
          if (trim_next_) {
            while (!text.empty() && ruby_lstrip_char(text.front())) text.remove_prefix(1);
          }
          trim_next_ = false;
          if (text.empty()) break;
          auto node = std::make_unique<TextNode>(t->end - text.size(), text, TextNode::InSource{});
          if (!node->blank()) body.blank = false;
          body.nodes.push_back(std::move(node));
          break;
        }
        case lex::Token::Kind::output: {
          whitespace_control(body, *t);
          if (!t->well_formed)
            fail(errc::unterminated_output,
                 "Variable '" + excerpt(src(t->begin, t->end)) + "' was not properly terminated with regexp: /\\}\\}/",
                 t->begin);
          ast::FilteredExpr e = parse_filtered(t->markup(doc_.source), t->markup_begin);
          body.nodes.push_back(std::make_unique<OutputNode>(t->begin, std::move(e)));
          body.blank = false;
          break;
        }
        case lex::Token::Kind::tag: {
          whitespace_control(body, *t);
          if (!t->well_formed)
            fail(errc::unterminated_tag,
                 "Tag '" + excerpt(src(t->begin, t->end)) + "' was not properly terminated with regexp: /\\%\\}/",
                 t->begin);
          std::string_view name = t->name(doc_.source);
          if (name == "liquid") {
            parse_liquid_tag(body, *t);
            break;
          }
          const TagDef* def = env_.find_tag(name);
          if (!def) return BodyEnd{std::string(name), std::string(t->markup(doc_.source)), t->begin, t->markup_begin};
          parse_tag(body, *def, *t);
          break;
        }
      }
    } catch (const SyntaxError& e) {
      if (!collect_ || e.id() == errc::nesting_too_deep) throw;
      record(e.diagnostic());
    }
  }
  return BodyEnd{};
}

void Parser::parse_tag(BlockBody& body, const TagDef& def, const lex::Token& t) {
  Current saved = current_;
  current_.name = t.name(doc_.source);
  std::string_view markup = t.markup(doc_.source);
  std::uint32_t markup_begin = t.markup_begin;
  // The markup without surrounding whitespace.
  while (!markup.empty() && lex::is_ascii_space(markup.back())) markup.remove_suffix(1);
  current_.markup = markup;
  current_.markup_offset = markup_begin;
  current_.tag_offset = t.begin;
  struct Restore {
    Current& c;
    Current saved;
    ~Restore() { c = saved; }
  } restore{current_, saved};
  std::unique_ptr<Node> node;
  std::size_t consumed_before = consumed_;
  try {
    node = def.parse(*this);
  } catch (const SyntaxError& e) {
    if (!recover_block(def, consumed_before, e)) throw;
    return;
  } catch (const detail::ExpressionError& e) {
    SyntaxError err = error(e.id(), e.what(), e.offset());
    if (!recover_block(def, consumed_before, err)) throw err;
    return;
  }
  if (!node) return;
  if (!node->blank()) body.blank = false;
  body.nodes.push_back(std::move(node));
}

// A block tag whose markup is malformed, while collecting errors: record the error and go
// through its body up to its end tag, so that the end tag is not reported as stray too.
bool Parser::recover_block(const TagDef& def, std::size_t consumed_before, const SyntaxError& e) {
  if (!collect_ || !def.block || consumed_ != consumed_before || e.id() == errc::nesting_too_deep) return false;
  record(e.diagnostic());
  skip_block(def.name);
  return true;
}

void Parser::skip_block(const std::string& name) {
  const std::string end = "end" + name;
  if (name == "raw" || name == "comment" || name == "doc") {  // bodies that are not Liquid
    RawToken t;
    while (next_raw_token(t))
      if (t.tag_name == end || t.embedded_tag == end) return;
    return;
  }
  BlockBody ignored;
  while (true) {
    BodyEnd e = parse_body(ignored);
    if (e.at_eof() || e.tag == end) return;  // at the end, the error already recorded explains it
    if (e.tag != "else" && e.tag != "elsif" && e.tag != "when") record(unknown_tag_error(e, name).diagnostic());
  }
}

void Parser::parse_liquid_tag(BlockBody& body, const lex::Token& t) {
  streams_.push_back(Stream{lex::tokenize_liquid_lines(doc_.source, t.markup_begin, t.markup_end - t.markup_begin), 0, true});
  struct Pop {
    std::vector<Stream>& s;
    ~Pop() { s.pop_back(); }
  } pop{streams_};
  Current saved = current_;
  current_.tag_offset = t.begin;
  BodyEnd end = parse_body(body);
  current_ = saved;
  if (!end.at_eof()) {
    if (end.tag.rfind("end", 0) == 0)
      fail(errc::unexpected_tag,
           "'" + end.tag + "' is not a valid delimiter for liquid tags. use %}", end.offset);
    fail(errc::unknown_tag, "Unknown tag '" + end.tag + "'", end.offset);
  }
}

// ---- TagParser ------------------------------------------------------------------------------

ast::FilteredExpr Parser::parse_filtered(std::string_view text, std::size_t offset) {
  detail::Markup m{text, static_cast<std::uint32_t>(offset)};
  try {
    if (doc_.mode == ErrorMode::strict2) return detail::parse_filtered_strict2(m, env_);
    return detail::parse_filtered_strict(m, env_);
  } catch (const detail::ExpressionError& e) {
    if (doc_.mode != ErrorMode::lax) {
      std::string trimmed(text);
      fail(e.id(), std::string(e.what()) + " in \"{{" + excerpt(trimmed) + "}}\"", e.offset());
    }
  }
  try {
    return detail::parse_filtered_lax(m, env_);
  } catch (const detail::ExpressionError& e) {  // only for limits (nesting) in lax mode
    fail(e.id(), e.what(), e.offset());
  }
}

ast::Expr Parser::parse_expression(std::string_view text, std::size_t offset) {
  try {
    return detail::parse_expression_lax({text, static_cast<std::uint32_t>(offset)});
  } catch (const detail::ExpressionError& e) {
    fail(e.id(), e.what(), e.offset());
  }
}

ast::Expr Parser::parse_condition(std::string_view text, std::size_t offset) {
  detail::Markup m{text, static_cast<std::uint32_t>(offset)};
  if (doc_.mode == ErrorMode::lax) {
    try {
      return detail::parse_condition_lax(m);
    } catch (const detail::ExpressionError& e) {
      fail(e.id(), e.what(), e.offset());
    }
  }
  try {
    return detail::parse_condition_strict(m);
  } catch (const detail::ExpressionError& e) {
    fail(e.id(), std::string(e.what()) + " in \"" + excerpt(text) + "\"", e.offset());
  }
}

bool Parser::next_raw_token(RawToken& out) {
  ++consumed_;
  const lex::Token* t = next_token();
  if (!t) return false;
  out = RawToken{};
  out.text = src(t->begin, t->end);
  out.offset = t->begin;
  if (t->kind == lex::Token::Kind::tag && t->well_formed) out.tag_name = t->name(doc_.source);
  if (!streams_.back().liquid_lines) {
    if (auto embedded = lex::find_embedded_tag(out.text)) {
      out.embedded_tag = embedded->name;
      out.embedded_prefix = embedded->prefix_length;
    }
    out.trim_right = out.text.size() >= 3 && out.text.substr(out.text.size() - 3) == "-%}";
  }
  return true;
}

SyntaxError Parser::error(std::string_view id, const std::string& message, std::size_t offset) const {
  return SyntaxError(doc_.diagnostic(id, message, offset));
}

SyntaxError Parser::unknown_tag_error(const BodyEnd& end, std::string_view block_name) const {
  std::string block(block_name);
  if (end.at_eof()) return error(errc::unclosed_block, "'" + block + "' tag was never closed", current_.tag_offset);
  if (end.tag == "else") return error(errc::unexpected_tag, block + " tag does not expect 'else' tag", end.offset);
  if (end.tag.rfind("end", 0) == 0)
    return error(errc::unexpected_tag,
                 "'" + end.tag + "' is not a valid delimiter for " + block + " tags. use end" + block, end.offset);
  return error(errc::unknown_tag, "Unknown tag '" + end.tag + "'", end.offset);
}

// ---- Template -------------------------------------------------------------------------------

namespace {

std::shared_ptr<Template::Document> new_document(std::string source, const ParseOptions& options,
                                                 std::shared_ptr<const Environment> env) {
  auto doc = std::make_shared<Template::Document>();
  doc->source = std::move(source);
  doc->name = options.name;
  doc->mode = options.mode;
  doc->max_depth = options.max_depth;
  doc->env = env ? std::move(env) : Environment::default_standard();
  if (doc->source.size() > UINT32_MAX - 16)
    throw SyntaxError(doc->diagnostic(errc::syntax, "template larger than 4 GiB", 0));
  return doc;
}

}  // namespace

Template Template::parse(std::string source, const ParseOptions& options,
                         std::shared_ptr<const Environment> env) {
  auto doc = new_document(std::move(source), options, std::move(env));
  Parser parser(*doc, false);
  parser.parse_document();
  return Template(std::move(doc));
}

ParseResult Template::parse_all(std::string source, const ParseOptions& options,
                                std::shared_ptr<const Environment> env) {
  ParseResult result;
  std::shared_ptr<Template::Document> doc;
  try {
    doc = new_document(std::move(source), options, std::move(env));
  } catch (const SyntaxError& e) {
    result.diagnostics.push_back(e.diagnostic());
    return result;
  }
  Parser parser(*doc, true);
  try {
    parser.parse_document();
  } catch (const SyntaxError& e) {
    parser.record(e.diagnostic());
  }
  result.diagnostics = parser.diagnostics();
  if (result.diagnostics.empty()) result.tmpl = Template(std::move(doc));
  return result;
}

}  // namespace liquid
