// Tests liquid/src/tags/include.cpp (include and render). Expected outputs are Ruby Liquid 5.4's
// (each table row was rendered by it too), except where a comment says otherwise.
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

constexpr const char* kData = R"({"s": "hello", "n": 3, "f": 2.5, "t": true, "no": false, "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "h": {"a": 1, "b": 2}, "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}], "empty_a": [], "nested": [[1, 2], [3, 4]], "x": "X"})";

testing::Options with_partials() {
  return testing::with_partials({
      {"p", R"LQ([{{ p }}|{{ x }}|{{ y }}])LQ"},
      {"item", R"LQ(<{{ item }}>)LQ"},
      {"assigner", R"LQ({% assign leaked = 'yes' %})LQ"},
      {"loop", R"LQ({{ forloop.index }}/{{ forloop.length }}:{{ loop }};)LQ"},
      {"self", R"LQ({% include 'self' %})LQ"},
      {"rself", R"LQ({% render 'rself' %})LQ"},
      {"broken", R"LQ({% if %})LQ"},
      {"err", R"LQ({{ 1 | divided_by: 0 }})LQ"},
      {"dir/name", R"LQ(({{ name }}))LQ"},
      {"counter", R"LQ({% increment cnt %})LQ"},
      {"brk", R"LQ({% break %}x)LQ"},
      {"cont", R"LQ({% continue %}x)LQ"},
      {"nested", R"LQ({% render 'item' %})LQ"},
      {"inc", R"LQ({% include 'item' %})LQ"},
      {"vars", R"LQ({{ a }}-{{ b }})LQ"},
      {"globals", R"LQ([{{ x }}{{ s }}])LQ"},
      {"cyc", R"LQ({% cycle 'a', 'b' %})LQ"},
      {"parent", R"LQ({{ forloop.parentloop.index }})LQ"},
      {"setter", R"LQ({% assign x = 'changed' %})LQ"}});
}

class IncludeTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(IncludeTag, RendersAsRuby) { testing::expect_renders(GetParam(), kData, with_partials()); }
INSTANTIATE_TEST_SUITE_P(
    Tags, IncludeTag,
    ::testing::Values(
        RenderCase{R"LQ({% include 'p' %})LQ", R"LQ([|X|])LQ"},
        RenderCase{R"LQ({% include 'p' with 'v' %})LQ", R"LQ([v|X|])LQ"},
        RenderCase{R"LQ({% include 'p' with s %})LQ", R"LQ([hello|X|])LQ"},
        RenderCase{R"LQ({% include 'p' for arr %})LQ", R"LQ([1|X|][2|X|][3|X|][4|X|][5|X|])LQ"},
        RenderCase{R"LQ({% include 'item' for words %})LQ", R"LQ(<a><b><c>)LQ"},
        RenderCase{R"LQ({% include 'item' with words %})LQ", R"LQ(<a><b><c>)LQ"},
        RenderCase{R"LQ({% include 'p' with s as x %})LQ", R"LQ([|hello|])LQ"},
        RenderCase{R"LQ({% include 'p', x: 1 %})LQ", R"LQ([|1|])LQ"},
        RenderCase{R"LQ({% include 'p' x: 1, y: s %})LQ", R"LQ([|1|hello])LQ"},
        RenderCase{R"LQ({% include 'vars' a: 1, b: s %})LQ", R"LQ(1-hello)LQ"},
        RenderCase{R"LQ({% assign name = 'p' %}{% include name %})LQ", R"LQ([|X|])LQ"},
        RenderCase{R"LQ({% include 'assigner' %}{{ leaked }})LQ", R"LQ(yes)LQ"},
        RenderCase{R"LQ({% include 'dir/name' %})LQ", R"LQ(())LQ"},
        RenderCase{R"LQ({% include 'dir/name' with 'v' %})LQ", R"LQ((v))LQ"},
        RenderCase{R"LQ({% include 'counter' %}{% include 'counter' %}{% increment cnt %})LQ", R"LQ(012)LQ"},
        RenderCase{R"LQ({% for i in arr %}{% include 'brk' %}{{ i }}{% endfor %})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% for i in arr %}{% include 'cont' %}{{ i }}{% endfor %})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% include 'p' for h %})LQ", R"LQ([{"a"=>1, "b"=>2}|X|])LQ"},
        RenderCase{R"LQ({% include 'item' for (1..3) %})LQ", R"LQ(<1..3>)LQ"},
        RenderCase{R"LQ({% include 'item' for empty_a %}x)LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ({% include 'setter' %}{{ x }})LQ", R"LQ(changed)LQ"},
        RenderCase{R"LQ({% include 'cyc' %}{% include 'cyc' %}{% cycle 'a', 'b' %})LQ", R"LQ(aba)LQ"},
        RenderCase{R"LQ({% for i in (1..2) %}{% include 'parent' %}{% endfor %})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% include 'globals' %})LQ", R"LQ([Xhello])LQ"},
        RenderCase{R"LQ({% include 'p' with missing %})LQ", R"LQ([|X|])LQ"},
        RenderCase{R"LQ({% include 'item' %})LQ", R"LQ(<>)LQ"},
        RenderCase{R"LQ({% assign item = 'g' %}{% include 'item' %})LQ", R"LQ(<g>)LQ"},
        RenderCase{R"LQ({% render 'p' %})LQ", R"LQ([||])LQ"},
        RenderCase{R"LQ({% render 'p' with 'v' %})LQ", R"LQ([v||])LQ"},
        RenderCase{R"LQ({% render 'p' with s as x %})LQ", R"LQ([|hello|])LQ"},
        RenderCase{R"LQ({% render 'p', x: 1 %})LQ", R"LQ([|1|])LQ"},
        RenderCase{R"LQ({% render 'p' x: 1 %})LQ", R"LQ([|1|])LQ"},
        RenderCase{R"LQ({% render 'vars', a: 1, b: s %})LQ", R"LQ(1-hello)LQ"},
        RenderCase{R"LQ({% render 'item' for words %})LQ", R"LQ(<a><b><c>)LQ"},
        RenderCase{R"LQ({% render 'loop' for words as loop %})LQ", R"LQ(1/3:a;2/3:b;3/3:c;)LQ"},
        RenderCase{R"LQ({% render 'item' with words %})LQ", R"LQ(<abc>)LQ"},
        RenderCase{R"LQ({% render 'assigner' %}{{ leaked }})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% render 'counter' %}{% render 'counter' %}{% increment cnt %})LQ", R"LQ(000)LQ"},
        RenderCase{R"LQ({% for i in arr %}{% render 'brk' %}{{ i }}{% endfor %})LQ", R"LQ(12345)LQ"},
        RenderCase{R"LQ({% render 'nested' %})LQ", R"LQ(<>)LQ"},
        RenderCase{R"LQ({% render 'item' for (1..3) %})LQ", R"LQ(<1><2><3>)LQ"},
        RenderCase{R"LQ({% render 'item' for s %})LQ", R"LQ(<hello>)LQ"},
        RenderCase{R"LQ({% render 'item' for missing %})LQ", R"LQ(<>)LQ"},
        RenderCase{R"LQ({% render 'item' for arr as item %})LQ", R"LQ(<1><2><3><4><5>)LQ"},
        RenderCase{R"LQ({% render 'dir/name' with 'x' %})LQ", R"LQ((x))LQ"},
        RenderCase{R"LQ({% render 'p' with h.a %})LQ", R"LQ([1||])LQ"},
        RenderCase{R"LQ({% render 'globals' %})LQ", R"LQ([])LQ"},
        RenderCase{R"LQ({% render 'setter' %}{{ x }})LQ", R"LQ(X)LQ"},
        RenderCase{R"LQ({% for i in (1..2) %}{% render 'parent' %}{% endfor %})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% render "p" %})LQ", R"LQ([||])LQ"},
        RenderCase{R"LQ({% render 'p' 'q' %})LQ", R"LQ([||])LQ"}));

TEST(IncludeTag, MissingPartials) {
  auto e = testing::error_of("ab\n {% include 'nope' %}", kData, with_partials());
  EXPECT_EQ(e.id, errc::missing_partial);
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.column, 13u);
  EXPECT_EQ(testing::error_id_of("{% render 'nope' %}", kData, with_partials()), errc::missing_partial);
  EXPECT_EQ(testing::error_id_of("{% include missing %}", kData, with_partials()), errc::missing_partial);
  // No loader at all: every partial is missing.
  EXPECT_EQ(testing::error_id_of("{% include 'p' %}"), errc::missing_partial);
  // Inline, in Shopify's words.
  EXPECT_EQ(testing::render_inline("{% include 'nope' %}", kData, with_partials()).output,
            "Liquid error (line 1): Could not find asset nope");
  EXPECT_EQ(testing::render_inline("{% include '' %}", kData, with_partials()).output,
            "Liquid error (line 1): Could not find asset ");
  EXPECT_EQ(testing::render_inline("{% include nil %}", kData, with_partials()).output,
            "Liquid error (line 1): Argument error in tag 'include' - Illegal template name");
}

TEST(IncludeTag, ErrorsInsideAPartialNameIt) {
  auto r = testing::render_inline("a{% include 'err' %}b{% render 'err' %}", kData, with_partials());
  EXPECT_EQ(r.output, "aLiquid error (err line 1): divided by 0bLiquid error (err line 1): divided by 0");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].where.name, "err");
  auto e = testing::error_of("{% include 'broken' %}", kData, with_partials());
  EXPECT_EQ(e.id, errc::syntax);
}

TEST(IncludeTag, RecursionStopsAtTheDepthLimit) {
  EXPECT_EQ(testing::error_id_of("{% include 'self' %}", kData, with_partials()), errc::nesting_too_deep);
  EXPECT_EQ(testing::error_id_of("{% render 'rself' %}", kData, with_partials()), errc::nesting_too_deep);
  testing::Options deep = with_partials();
  deep.limits.max_depth = 10;
  EXPECT_EQ(testing::error_id_of("{% include 'self' %}", kData, deep), errc::nesting_too_deep);
}

// Ruby renders "Liquid error (self line 1): Nesting too deep" inline and goes on.
TEST(IncludeTag, RecursionIsAnInlineErrorInRenderMode) {
  EXPECT_EQ(testing::render_inline("{% include 'self' %}", kData, with_partials()).output,
            "Liquid error (self line 1): Nesting too deep");
}

// Ruby layers the registers of an isolated render: cycle positions set inside a `render` do not
// survive it, so this prints "aa".
TEST(IncludeTag, RenderHasItsOwnCyclePositions) {
  EXPECT_EQ(testing::render_inline("{% render 'cyc' %}{% render 'cyc' %}", kData, with_partials()).output, "aa");
}

TEST(IncludeTag, IncludeIsNotAllowedInsideRender) {
  auto r = testing::render_inline("{% render 'inc' %}|{% include 'inc' %}", kData, with_partials());
  EXPECT_EQ(r.output, "Liquid error (inc line 1): include usage is not allowed in this context|<>");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].id, errc::partial_not_allowed);
  EXPECT_EQ(testing::error_id_of("{% render 'inc' %}", kData, with_partials()), errc::partial_not_allowed);
}

TEST(IncludeTag, LaxSyntax) {
  EXPECT_EQ(testing::error_id_of("{% include %}", kData, with_partials()), errc::syntax);
  EXPECT_EQ(testing::error_id_of("{% render %}", kData, with_partials()), errc::syntax);
  EXPECT_EQ(testing::error_id_of("{% render p %}", kData, with_partials()), errc::syntax);
  EXPECT_EQ(testing::error_id_of("{% render p %}", kData, with_partials()), errc::syntax);
}

TEST(IncludeTag, Strict2ParsesTheMarkup) {
  testing::Options o = with_partials();
  o.mode = ErrorMode::strict2;
  EXPECT_EQ(testing::render("{% include 'p' with s as x, y: 1 %}", kData, o), "[|hello|1]");
  EXPECT_EQ(testing::render("{% include 'p' x: 1 y: 2, %}", kData, o), "[|1|2]");
  EXPECT_EQ(testing::render("{% render 'loop' for words as loop %}", kData, o), "1/3:a;2/3:b;3/3:c;");
  EXPECT_EQ(testing::render("{% render 'vars', a: 1, b: s %}", kData, o), "1-hello");
  for (const char* bad : {"{% include 'p' junk %}", "{% include 'p' with %}", "{% include 'p' as %}",
                          "{% include 'p' x %}", "{% render p %}", "{% render 'p' 'q' %}", "{% render 'p' with s as %}"}) {
    auto e = testing::error_of(bad, kData, o);
    EXPECT_EQ(e.id, errc::syntax) << bad;
    EXPECT_TRUE(e.syntax) << bad;
  }
  // Lax and strict take what the regexps take.
  EXPECT_EQ(testing::render("{% include 'p' junk %}", kData, with_partials()), "[|X|]");
  testing::Options strict = with_partials();
  strict.mode = ErrorMode::strict;
  EXPECT_EQ(testing::render("{% include 'p' junk %}", kData, strict), "[|X|]");
}

TEST(IncludeTag, DirectoryLoaderPartials) {
  // The loader is tested in loader_test.cpp; here the render tag reads through it.
  MemoryLoader loader;
  loader.add("card", "<{{ card.title }}>");
  RenderOptions ro;
  ro.partials = &loader;
  EXPECT_EQ(Template::parse("{% render 'card' with product %}").render(parse_json(R"({"product": {"title": "T"}})"), ro),
            "<T>");
}

}  // namespace
}  // namespace liquid
