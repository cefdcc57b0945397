// Tests liquid/src/template.cpp and the public API around it: parse once and render many times,
// render_collect / render_to, custom filters and tags registered like the built-ins.
#include "liquid/template.hpp"

#include <gtest/gtest.h>

#include "test_util.hpp"

namespace liquid {
namespace {

TEST(Template, ParseOnceRenderMany) {
  auto t = Template::parse("Hello, {{ name | upcase }}!");
  EXPECT_EQ(t.render(parse_json(R"({"name": "ada"})")), "Hello, ADA!");
  EXPECT_EQ(t.render(parse_json(R"({"name": "bob"})")), "Hello, BOB!");
  EXPECT_EQ(t.render(Value()), "Hello, !");
  Template copy = t;  // cheap: the document is shared and immutable
  EXPECT_EQ(&copy.root(), &t.root());
  EXPECT_EQ(copy.render(parse_json(R"({"name": "cy"})")), "Hello, CY!");
}

TEST(Template, RenderToAppends) {
  auto t = Template::parse("{{ x }}");
  std::string out = "before:";
  t.render_to(out, parse_json(R"({"x": 1})"), {});
  t.render_to(out, parse_json(R"({"x": 2})"), {});
  EXPECT_EQ(out, "before:12");
}

TEST(Template, RenderCollectReturnsEveryInlineError) {
  auto t = Template::parse("{{ 1 | divided_by: 0 }}{{ 'a' | plus: 1, 2 }}ok");
  RenderOptions ro;
  ro.inline_errors = true;
  RenderResult r = t.render_collect(Value(), ro);
  EXPECT_EQ(r.output,
            "Liquid error (line 1): divided by 0Liquid error (line 1): wrong number of arguments (given 3, "
            "expected 2)ok");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].id, errc::zero_division);
  EXPECT_EQ(r.errors[1].id, errc::filter_arguments);
  // Without inline errors the first one is thrown.
  EXPECT_THROW(t.render_collect(Value(), {}), RenderError);
}

TEST(Template, RenderErrorsCarryTheTemplateName) {
  ParseOptions po;
  po.name = "greeting";
  auto t = Template::parse("\n\n  {{ 1 | modulo: 0 }}", po);
  try {
    t.render(Value());
    FAIL() << "rendered";
  } catch (const RenderError& e) {
    EXPECT_EQ(e.id(), errc::zero_division);
    EXPECT_EQ(e.diagnostic().where.name, "greeting");
    EXPECT_EQ(e.line(), 3u);
    EXPECT_EQ(e.column(), 10u);
    EXPECT_EQ(e.ruby_message(), "Liquid error (line 3): divided by 0");
  }
}

TEST(Template, SyntaxErrorsInRubyWording) {
  try {
    Template::parse("{% if x %}");
    FAIL() << "parsed";
  } catch (const SyntaxError& e) {
    EXPECT_EQ(e.ruby_message(), "Liquid syntax error (line 1): 'if' tag was never closed");
  }
}

TEST(Template, TheNowOptionFixesDates) {
  RenderOptions ro;
  ro.now = std::chrono::sys_days{std::chrono::year{2024} / 2 / 29} + std::chrono::hours{13};
  EXPECT_EQ(Template::parse("{{ 'now' | date: '%Y-%m-%d %H' }}").render(Value(), ro), "2024-02-29 13");
}

// A user's filter, registered exactly as the built-in families register theirs.
FilterDef shout() {
  FilterDef d;
  d.name = "shout";
  d.min_args = 0;
  d.max_args = 1;
  d.fn = [](const FilterCall& c) {
    std::string s = c.input.to_s();
    for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return Value(s + (c.arg(0).is_nil() ? "!" : c.arg(0).to_s()));
  };
  return d;
}

TEST(Template, CustomFilters) {
  auto env = Environment::standard();
  env->register_filter(shout());
  auto t = Template::parse("{{ 'hi' | shout }} {{ 'hi' | shout: '?' | append: '.' }}", {}, env);
  EXPECT_EQ(t.render(Value()), "HI! HI?.");
  EXPECT_EQ(&t.environment(), env.get());
  EXPECT_EQ(testing::error_id_of("{{ 'hi' | shout: 1, 2 }}", "", [&] {
              testing::Options o;
              o.env = env;
              return o;
            }()),
            errc::filter_arguments);
  // The default environment does not know it.
  EXPECT_EQ(Template::parse("{{ 'hi' | shout }}").render(Value()), "hi");
}

TEST(Template, CustomFiltersCanReplaceBuiltIns) {
  auto env = Environment::standard();
  FilterDef d = shout();
  d.name = "upcase";
  env->register_filter(d);
  EXPECT_EQ(Template::parse("{{ 'a' | upcase }}", {}, env).render(Value()), "A!");
}

TEST(Template, FilterErrorsBecomeRenderErrorsWithPositions) {
  auto env = Environment::standard();
  FilterDef d;
  d.name = "picky";
  d.fn = [](const FilterCall&) -> Value { throw FilterError(errc::invalid_value, "not like this"); };
  env->register_filter(d);
  FilterDef broken;
  broken.name = "broken";
  broken.fn = [](const FilterCall&) -> Value { throw std::out_of_range("oops"); };
  env->register_filter(broken);
  testing::Options o;
  o.env = env;
  auto e = testing::error_of("x\n {{ 1 | picky }}", "", o);
  EXPECT_EQ(e.id, errc::invalid_value);
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.column, 9u);
  EXPECT_EQ(testing::error_id_of("{{ 1 | broken }}", "", o), errc::internal);
}

// A user's block tag: {% repeat n %}body{% endrepeat %}.
class RepeatNode final : public Node {
 public:
  RepeatNode(std::size_t offset, ast::Expr count) : Node(offset), count_(std::move(count)) {}
  Flow render(Context& ctx, std::string& out) const override {
    Value n = ctx.evaluate(count_);
    for (std::int64_t i = 0; n.is_int() && i < n.as_int(); ++i) {
      ctx.step();
      body.render(ctx, out);
    }
    return Flow::normal;
  }
  std::string_view tag_name() const override { return "repeat"; }
  void for_each_body(const std::function<void(const BlockBody&)>& f) const override { f(body); }
  BlockBody body;

 private:
  ast::Expr count_;
};

TagDef repeat_tag() {
  return TagDef{"repeat",
                [](TagParser& p) -> std::unique_ptr<Node> {
                  if (p.markup().empty()) p.fail("Syntax Error in 'repeat' - Valid syntax: repeat [count]");
                  auto node = std::make_unique<RepeatNode>(p.tag_offset(), p.parse_expression(p.markup(), p.markup_offset()));
                  BodyEnd end = p.parse_body(node->body);
                  if (end.tag != "endrepeat") p.fail_unknown(end, "repeat");
                  return node;
                },
                true};
}

TEST(Template, CustomTags) {
  auto env = Environment::standard();
  env->register_tag(repeat_tag());
  testing::Options o;
  o.env = env;
  EXPECT_EQ(testing::render("{% repeat n %}[{{ forloop.index }}{% cycle 'a', 'b' %}]{% endrepeat %}", R"({"n": 3})", o),
            "[a][b][a]");
  EXPECT_EQ(testing::render("{% liquid\n repeat 2\n echo 'x'\n endrepeat %}", "", o), "xx");
  EXPECT_EQ(testing::error_of("{% repeat %}{% endrepeat %}", "", o).id, errc::syntax);
  auto unclosed = testing::error_of("ab{% repeat 2 %}", "", o);
  EXPECT_EQ(unclosed.id, errc::unclosed_block);
  EXPECT_EQ(unclosed.column, 3u);
  EXPECT_EQ(testing::error_of("{% repeat 2 %}{% endif %}", "", o).id, errc::unexpected_tag);
  // Steps of a custom tag count toward the render limit too.
  o.limits.max_steps = 1000;
  EXPECT_EQ(testing::error_of("{% repeat 100000 %}x{% endrepeat %}", "", o).id, errc::step_limit);
}

TEST(Template, EnvironmentsListTheirTagsAndFilters) {
  auto std_env = Environment::default_standard();
  EXPECT_NE(std_env->find_tag("tablerow"), nullptr);
  EXPECT_NE(std_env->find_filter("upcase"), nullptr);
  EXPECT_EQ(std_env->find_filter("hmac_sha256"), nullptr);
  EXPECT_NE(Environment::webhook()->find_filter("hmac_sha256"), nullptr);
  auto tags = std_env->tags();
  std::vector<std::string> names;
  for (const auto* t : tags) names.push_back(t->name);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  for (const char* expected : {"#", "assign", "break", "capture", "case", "comment", "continue", "cycle", "decrement",
                               "doc", "echo", "for", "if", "ifchanged", "include", "increment", "raw", "render",
                               "tablerow", "unless"})
    EXPECT_NE(std_env->find_tag(expected), nullptr) << expected;
  auto none = Environment::empty();
  EXPECT_TRUE(none->tags().empty());
  EXPECT_EQ(testing::error_id_of("{% if x %}{% endif %}", "", [&] {
              testing::Options o;
              o.env = none;
              return o;
            }()),
            errc::unknown_tag);
}

}  // namespace
}  // namespace liquid
