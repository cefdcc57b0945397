// {% include 'name' with value as alias, key: value %} (shares the caller's variables) and
// {% render 'name' for items as item, key: value %} (an isolated scope).
#include "expression_parser.hpp"
#include "lexer.hpp"
#include "liquid/loader.hpp"
#include "tags/tags.hpp"
#include "tags/util.hpp"

namespace liquid::tags {

namespace {

constexpr std::size_t npos = std::string_view::npos;

struct PartialMarkup {
  ast::FilteredExpr name;
  std::optional<ast::FilteredExpr> variable;
  bool is_for = false;
  std::string alias;
  std::vector<std::pair<std::string, ast::FilteredExpr>> attributes;
};

ast::FilteredExpr wrap(ast::Expr e, std::size_t offset, std::size_t length) {
  ast::FilteredExpr f;
  f.base = std::move(e);
  f.offset = static_cast<std::uint32_t>(offset);
  f.length = static_cast<std::uint32_t>(length);
  return f;
}

std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size() && lex::is_ascii_space(s[i])) ++i;
  return i;
}

// Include SYNTAX = (QuotedFragment+)(\s+(?:with|for)\s+(QuotedFragment+))?(\s+(?:as)\s+([\w-]+))?
// Render SYNTAX is the same with (QuotedString+) for the name. Both unanchored.
bool parse_partial_markup(TagParser& p, bool quoted_name, PartialMarkup& out) {
  std::string_view m = p.markup();
  std::size_t base = p.markup_offset();
  std::size_t b = npos, e = npos;
  for (std::size_t i = 0; i < m.size() && b == npos; ++i) {
    if (quoted_name && m[i] != '"' && m[i] != '\'') continue;
    std::size_t end;
    if (quoted_name) {
      std::size_t close = m.find(m[i], i + 1);
      if (close == npos) continue;
      end = close + 1;
      // QuotedString+: more quoted strings may follow directly.
      while (end < m.size() && (m[end] == '"' || m[end] == '\'')) {
        std::size_t c2 = m.find(m[end], end + 1);
        if (c2 == npos) break;
        end = c2 + 1;
      }
    } else {
      end = detail::match_quoted_fragment(m, i);
      if (end == npos) continue;
      for (std::size_t more; (more = detail::match_quoted_fragment(m, end)) != npos;) end = more;
    }
    b = i;
    e = end;
  }
  if (b == npos) return false;
  out.name = wrap(p.parse_expression(m.substr(b, e - b), base + b), base + b, e - b);
  std::size_t k = skip_space(m, e);
  if (k > e && (m.substr(k, 4) == "with" || m.substr(k, 3) == "for")) {
    bool is_for = m.substr(k, 3) == "for";
    std::size_t after = k + (is_for ? 3 : 4);
    std::size_t v = skip_space(m, after);
    std::size_t ve = v > after ? detail::match_quoted_fragment(m, v) : npos;
    if (ve != npos) {
      for (std::size_t more; (more = detail::match_quoted_fragment(m, ve)) != npos;) ve = more;
      out.variable = wrap(p.parse_expression(m.substr(v, ve - v), base + v), base + v, ve - v);
      out.is_for = is_for;
      k = skip_space(m, ve);
      e = ve;
    }
  }
  if (k > e && m.substr(k, 2) == "as") {
    std::size_t a = skip_space(m, k + 2);
    std::size_t ae = a;
    while (ae < m.size() && (lex::is_word(m[ae]) || m[ae] == '-')) ++ae;
    if (a > k + 2 && ae > a) out.alias = std::string(m.substr(a, ae - a));
  }
  for (const auto& attr : detail::scan_tag_attributes(m)) {
    std::size_t at = base + attr.value_pos;
    out.attributes.emplace_back(std::string(attr.name), wrap(p.parse_expression(attr.value, at), at, attr.value.size()));
  }
  return true;
}

// Liquid 5.13's strict2 parse of both tags' markup.
PartialMarkup from_strict2(detail::PartialMarkup pm) {
  auto located = [](detail::Located& l) {
    std::size_t at = l.expr.offset;
    return wrap(std::move(l.expr), at, l.length);
  };
  PartialMarkup out;
  out.name = located(pm.name);
  if (pm.variable) out.variable = located(*pm.variable);
  out.is_for = pm.is_for;
  out.alias = std::move(pm.alias);
  for (auto& [key, value] : pm.attributes) out.attributes.emplace_back(std::move(key), located(value));
  return out;
}

// Inside a `render`, `include` is disabled (Ruby's disabled_tags register).
constexpr std::string_view kRenderDepthSlot = "render-depth";

std::string_view last_segment(std::string_view name) {
  std::size_t slash = name.rfind('/');
  return slash == npos ? name : name.substr(slash + 1);
}

class IncludeNode final : public Node {
 public:
  IncludeNode(std::size_t offset, PartialMarkup m) : Node(offset), m_(std::move(m)) {}

  Flow render(Context& ctx, std::string& out) const override {
    if (Value& depth = ctx.register_slot("include", kRenderDepthSlot); depth.is_int() && depth.as_int() > 0)
      ctx.raise(errc::partial_not_allowed, "include usage is not allowed in this context", offset());
    Value evaluated = ctx.evaluate(m_.name);
    // Ruby rejects only a nil or false name; anything else is looked up by its text.
    if (!evaluated.truthy())
      ctx.raise(errc::missing_partial, "Argument error in tag 'include' - Illegal template name", m_.name.offset);
    std::string name = evaluated.to_s();
    auto partial = ctx.load_partial(name, m_.name.offset);
    std::string var_name = m_.alias.empty() ? std::string(last_segment(name)) : m_.alias;
    Value variable;
    if (m_.variable) {
      variable = ctx.evaluate(*m_.variable);
    } else if (const Value* v = ctx.find_variable(name)) {
      variable = *v;
    }
    std::vector<std::pair<std::string_view, Value>> attributes;
    for (const auto& [key, expr] : m_.attributes) attributes.emplace_back(key, ctx.evaluate(expr));

    Context::PartialScope scope(ctx, *partial, false);
    for (auto& [key, value] : attributes) ctx.set_local(key, std::move(value));
    if (variable.is_array()) {
      Value items = variable;  // keeps the array alive while the partial assigns
      for (const auto& item : items.as_array()) {
        ctx.set_local(var_name, item);
        Flow f = partial->root().render(ctx, out);
        if (f != Flow::normal) return f;  // break/continue reach the caller's loop
      }
      return Flow::normal;
    }
    ctx.set_local(var_name, std::move(variable));
    return partial->root().render(ctx, out);
  }
  std::string_view tag_name() const override { return "include"; }
  void for_each_expression(const std::function<void(const ast::FilteredExpr&)>& f) const override {
    f(m_.name);
    if (m_.variable) f(*m_.variable);
    for (const auto& [k, e] : m_.attributes) f(e);
  }

 private:
  PartialMarkup m_;
};

class RenderNode final : public Node {
 public:
  RenderNode(std::size_t offset, PartialMarkup m, std::string name)
      : Node(offset), m_(std::move(m)), name_(std::move(name)) {}

  Flow render(Context& ctx, std::string& out) const override {
    auto partial = ctx.load_partial(name_, m_.name.offset);
    std::string var_name = m_.alias.empty() ? std::string(last_segment(name_)) : m_.alias;
    Value variable = m_.variable ? ctx.evaluate(*m_.variable) : Value();
    std::vector<std::pair<std::string_view, Value>> attributes;
    for (const auto& [key, expr] : m_.attributes) attributes.emplace_back(key, ctx.evaluate(expr));

    Value& depth = ctx.register_slot("include", kRenderDepthSlot);
    depth = Value((depth.is_int() ? depth.as_int() : 0) + 1);
    struct Leave {
      Context& c;
      ~Leave() {
        Value& d = c.register_slot("include", kRenderDepthSlot);
        d = Value(d.as_int() - 1);
      }
    } leave{ctx};
    auto render_one = [&](const Value& item, const std::shared_ptr<ForloopDrop>& loop) {
      Context::PartialScope scope(ctx, *partial, true);
      if (loop) ctx.set_local("forloop", Value(std::shared_ptr<const Drop>(loop)));
      for (const auto& [key, value] : attributes) ctx.set_local(key, value);
      if (!item.is_nil()) ctx.set_local(var_name, item);
      partial->root().render(ctx, out);  // an isolated render keeps its break/continue
      if (loop) loop->increment();
    };
    if (m_.is_for && (variable.is_array() || variable.is_range())) {
      tags::Segment items(variable, 0, std::nullopt);
      auto loop = std::make_shared<ForloopDrop>(name_, items.size(), nullptr);
      for (std::int64_t i = 0; i < items.size(); ++i) {
        ctx.step();
        render_one(items.at(i, false), loop);
      }
    } else {
      render_one(variable, nullptr);
    }
    return Flow::normal;
  }
  std::string_view tag_name() const override { return "render"; }
  void for_each_expression(const std::function<void(const ast::FilteredExpr&)>& f) const override {
    f(m_.name);
    if (m_.variable) f(*m_.variable);
    for (const auto& [k, e] : m_.attributes) f(e);
  }

 private:
  PartialMarkup m_;
  std::string name_;
};

}  // namespace

TagDef include() {
  return TagDef{"include", [](TagParser& p) -> std::unique_ptr<Node> {
                  PartialMarkup m;
                  if (p.mode() == ErrorMode::strict2)
                    m = from_strict2(detail::parse_include_strict2({p.markup(), static_cast<std::uint32_t>(p.markup_offset())}));
                  else if (!parse_partial_markup(p, false, m))
                    p.fail("Error in tag 'include' - Valid syntax: include '[template]' (with|for) [object|collection]");
                  return std::make_unique<IncludeNode>(p.tag_offset(), std::move(m));
                },
                false};
}

TagDef render() {
  return TagDef{"render", [](TagParser& p) -> std::unique_ptr<Node> {
                  PartialMarkup m;
                  if (p.mode() == ErrorMode::strict2)
                    m = from_strict2(detail::parse_render_strict2({p.markup(), static_cast<std::uint32_t>(p.markup_offset())}));
                  else if (!parse_partial_markup(p, true, m))
                    p.fail("Syntax error in tag 'render' - Template name must be a quoted string");
                  auto* lit = std::get_if<ast::Literal>(&m.name.base.node);
                  if (!lit || !lit->value.is_string())
                    p.fail("Syntax error in tag 'render' - Template name must be a quoted string");
                  std::string name(lit->value.as_string());
                  return std::make_unique<RenderNode>(p.tag_offset(), std::move(m), std::move(name));
                },
                false};
}

}  // namespace liquid::tags
