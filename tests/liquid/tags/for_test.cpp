// Tests liquid/src/tags/for.cpp. Expected outputs are Ruby Liquid 5.4's (each table row was
// rendered by it too).
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

constexpr const char* kData = R"({"s": "hello", "n": 3, "f": 2.5, "t": true, "no": false, "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "h": {"a": 1, "b": 2}, "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}], "empty_a": [], "nested": [[1, 2], [3, 4]], "x": "X"})";

class ForTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(ForTag, RendersAsRuby) { testing::expect_renders(GetParam(), kData); }
INSTANTIATE_TEST_SUITE_P(
    Tags, ForTag,
    ::testing::Values(
        RenderCase{R"LQ({% for i in arr %}{{ i }}{% endfor %})LQ", R"LQ(12345)LQ"},
        RenderCase{R"LQ({% for i in arr limit: 2 %}{{ i }}{% endfor %})LQ", R"LQ(12)LQ"},
        RenderCase{R"LQ({% for i in arr offset: 2 %}{{ i }}{% endfor %})LQ", R"LQ(345)LQ"},
        RenderCase{R"LQ({% for i in arr reversed %}{{ i }}{% endfor %})LQ", R"LQ(54321)LQ"},
        RenderCase{R"LQ({% for i in arr limit: 2 offset: 1 reversed %}{{ i }}{% endfor %})LQ", R"LQ(23)LQ"},
        RenderCase{R"LQ({% for i in arr reversed limit: 2 %}{{ i }}{% endfor %})LQ", R"LQ(21)LQ"},
        RenderCase{R"LQ({% for i in arr limit:2 offset:1 %}{{ i }}{% endfor %})LQ", R"LQ(23)LQ"},
        RenderCase{R"LQ({% for i in arr, limit: 2 %}{{ i }}{% endfor %})LQ", R"LQ(12)LQ"},
        RenderCase{R"LQ({% for i in arr limit: 2 %}{{ i }}{% endfor %}|{% for i in arr offset: continue %}{{ i }}{% endfor %})LQ", R"LQ(12|345)LQ"},
        RenderCase{R"LQ({% for i in arr limit: 2 %}{{ i }}{% endfor %}|{% for i in arr offset: continue limit: 1 %}{{ i }}{% endfor %}|{% for i in arr offset: continue %}{{ i }}{% endfor %})LQ", R"LQ(12|3|45)LQ"},
        RenderCase{R"LQ({% for i in arr offset: continue %}{{ i }}{% endfor %})LQ", R"LQ(12345)LQ"},
        RenderCase{R"LQ({% for i in (1..4) %}{{ i }}{% endfor %})LQ", R"LQ(1234)LQ"},
        RenderCase{R"LQ({% for i in (1..n) %}{{ i }}{% endfor %})LQ", R"LQ(123)LQ"},
        RenderCase{R"LQ({% for i in (n..1) %}{{ i }}{% else %}none{% endfor %})LQ", R"LQ(none)LQ"},
        RenderCase{R"LQ({% for i in (-2..1) %}{{ i }}{% endfor %})LQ", R"LQ(-2-101)LQ"},
        RenderCase{R"LQ({% for i in ('a'..'c') %}{{ i }}{% endfor %})LQ", R"LQ(0)LQ"},
        RenderCase{R"LQ({% for i in (1.9..3.1) %}{{ i }}{% endfor %})LQ", R"LQ(123)LQ"},
        RenderCase{R"LQ({% for i in h %}{{ i[0] }}={{ i[1] }};{% endfor %})LQ", R"LQ(a=1;b=2;)LQ"},
        RenderCase{R"LQ({% for i in s %}[{{ i }}]{% endfor %})LQ", R"LQ([hello])LQ"},
        RenderCase{R"LQ({% for i in missing %}x{% else %}none{% endfor %})LQ", R"LQ(none)LQ"},
        RenderCase{R"LQ({% for i in n %}x{% else %}none{% endfor %})LQ", R"LQ(none)LQ"},
        RenderCase{R"LQ({% for i in empty_a %}x{% else %}none{% endfor %})LQ", R"LQ(none)LQ"},
        RenderCase{R"LQ({% for i in arr %}{% if i == 3 %}{% break %}{% endif %}{{ i }}{% endfor %})LQ", R"LQ(12)LQ"},
        RenderCase{R"LQ({% for i in arr %}{% if i == 3 %}{% continue %}{% endif %}{{ i }}{% endfor %})LQ", R"LQ(1245)LQ"},
        RenderCase{R"LQ({% for i in arr %}{{ forloop.index }}{{ forloop.index0 }}{{ forloop.rindex }}{{ forloop.rindex0 }}{{ forloop.first }}{{ forloop.last }}{{ forloop.length }},{% endfor %})LQ", R"LQ(1054truefalse5,2143falsefalse5,3232falsefalse5,4321falsefalse5,5410falsetrue5,)LQ"},
        RenderCase{R"LQ({% for i in words %}{{ forloop.name }};{% endfor %})LQ", R"LQ(i-words;i-words;i-words;)LQ"},
        RenderCase{R"LQ({% for i in (1..2) %}{{ forloop.name }};{% endfor %})LQ", R"LQ(i-(1..2);i-(1..2);)LQ"},
        RenderCase{R"LQ({% for i in (1..2) %}{% for j in words %}{{ forloop.parentloop.index }}{{ j }}{% endfor %}{% endfor %})LQ", R"LQ(1a1b1c2a2b2c)LQ"},
        RenderCase{R"LQ({% for i in (1..2) %}[{{ forloop.parentloop }}]{% endfor %})LQ", R"LQ([][])LQ"},
        RenderCase{R"LQ({% for i in arr limit: -1 %}{{ i }}{% endfor %})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% for i in arr offset: -2 %}{{ i }}{% endfor %})LQ", R"LQ(12345)LQ"},
        RenderCase{R"LQ({% for i in arr offset: '2' %}{{ i }}{% endfor %})LQ", R"LQ(345)LQ"},
        RenderCase{R"LQ({% for i in arr limit: 'x' %}{{ i }}{% endfor %})LQ", R"LQ(Liquid error (line 1): invalid integer)LQ"},
        RenderCase{R"LQ({% for i in arr limit: nil %}{{ i }}{% endfor %})LQ", R"LQ(12345)LQ"},
        RenderCase{R"LQ({% for i in arr limit: 1.7 %}{{ i }}{% endfor %})LQ", R"LQ(Liquid error (line 1): invalid integer)LQ"},
        RenderCase{R"LQ({% for i in arr limit: 0 %}{{ i }}{% else %}e{% endfor %})LQ", R"LQ(e)LQ"},
        RenderCase{R"LQ({% for i in arr %}{% endfor %}[{{ i }}])LQ", R"LQ([])LQ"},
        RenderCase{R"LQ({% for i in arr %}{{ i }}{% else %}e{% else %}f{% endfor %})LQ", kSyntaxError},
        RenderCase{R"LQ({% for i in arr junk %}{{ i }}{% endfor %})LQ", R"LQ(12345)LQ"},
        RenderCase{R"LQ({% for i in arr reversed junk: 1 %}{{ i }}{% endfor %})LQ", R"LQ(54321)LQ"},
        RenderCase{R"LQ({% for i-j in arr %}{{ i-j }}{% endfor %})LQ", R"LQ(12345)LQ"},
        RenderCase{R"LQ({% for i in 'abc' %}{{ i }}{% endfor %})LQ", R"LQ(abc)LQ"},
        RenderCase{R"LQ({% for p in people %}{{ p.name }}{% endfor %})LQ", R"LQ(annbob)LQ"},
        RenderCase{R"LQ({% for i in arr %}{{ i }}{% break %}{% endfor %})LQ", R"LQ(1)LQ"},
        RenderCase{R"LQ({% for i in arr %}{% for j in arr %}{% break %}{% endfor %}{{ i }}{% endfor %})LQ", R"LQ(12345)LQ"},
        RenderCase{R"LQ({% for i in arr %}{% for j in arr %}{% if j > 1 %}{% continue %}{% endif %}{{ j }}{% endfor %}{% endfor %})LQ", R"LQ(11111)LQ"},
        RenderCase{R"LQ({% for i in (1..3) %}{{ i }}{% endfor %}{% for i in (1..3) offset: continue %}{{ i }}{% endfor %})LQ", R"LQ(123)LQ"},
        RenderCase{R"LQ({% for i in arr limit: 2 %}{% endfor %}{% for j in arr offset: continue %}{{ j }}{% endfor %})LQ", R"LQ(12345)LQ"},
        RenderCase{R"LQ({% for i in arr reversed offset: 1 limit: 2 %}{{ i }}{% endfor %})LQ", R"LQ(32)LQ"},
        RenderCase{R"LQ({% for i in arr%}{{i}}{%endfor%})LQ", R"LQ(12345)LQ"},
        RenderCase{R"LQ({% for i in nested %}{% for j in i %}{{ j }}{% endfor %};{% endfor %})LQ", R"LQ(12;34;)LQ"},
        RenderCase{R"LQ({% for i in (1..3) reversed %}{{ i }}{% endfor %})LQ", R"LQ(321)LQ"},
        RenderCase{R"LQ({% for i in arr %}{% assign i = 'x' %}{{ i }}{% endfor %})LQ", R"LQ(12345)LQ"},
        RenderCase{R"LQ({% for arr in arr %}{{ arr }}{% endfor %})LQ", R"LQ(12345)LQ"},
        RenderCase{R"LQ({% for i in arr %}{% if forloop.first %}F{% elsif forloop.last %}L{% endif %}{% endfor %})LQ", R"LQ(FL)LQ"},
        RenderCase{R"LQ({% for i in (1..3) limit: n offset: 1 %}{{ i }}{% endfor %})LQ", R"LQ(23)LQ"},
        RenderCase{R"LQ({% for c in h limit: 1 %}{{ c }}{% endfor %})LQ", R"LQ(a1)LQ"},
        RenderCase{R"LQ({% liquid
for i in arr
if i > 3
break
endif
echo i
endfor %})LQ", R"LQ(123)LQ"},
        RenderCase{R"LQ({% break %}x)LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% continue %}x)LQ", R"LQ()LQ"},
        RenderCase{R"LQ(a{% if t %}b{% break %}c{% endif %}d)LQ", R"LQ(ab)LQ"},
        RenderCase{R"LQ({% for i in arr %} {% endfor %}x)LQ", R"LQ(x)LQ"},
        // A string is one item, and Ruby returns it before applying offset and limit.
        RenderCase{R"LQ({% for i in s limit: 0 offset: 3 %}<{{ i }}>{% endfor %})LQ", R"LQ(<hello>)LQ"}));

TEST(ForTag, Errors) {
  for (const char* bad : {"{% for %}{% endfor %}", "{% for i %}{% endfor %}", "{% for i in %}{% endfor %}",
                          "{% for in arr %}{% endfor %}", "{% for i arr %}{% endfor %}"})
    EXPECT_EQ(testing::error_id_of(bad, kData), errc::syntax) << bad;
  EXPECT_EQ(testing::error_id_of("{% for i in arr %}", kData), errc::unclosed_block);
  EXPECT_EQ(testing::error_id_of("{% for i in arr %}{% endif %}", kData), errc::unexpected_tag);
  // A limit or offset that is not an integer is a render error (Ruby's "invalid integer").
  auto e = testing::error_of("{% for i in arr limit: 1.5 %}{% endfor %}", kData);
  EXPECT_EQ(e.id, errc::invalid_value);
  EXPECT_EQ(e.column, 24u);
  EXPECT_EQ(testing::error_id_of("{% for i in arr offset: 'x' %}{% endfor %}", kData), errc::invalid_value);
}

TEST(ForTag, Strict) {
  auto o = testing::strict();
  EXPECT_EQ(testing::render("{% for i in arr reversed limit: 2 offset: 1 %}{{ i }}{% endfor %}", kData, o), "32");
  EXPECT_EQ(testing::render("{% for i in (1 .. 3) %}{{ i }}{% endfor %}", kData, o), "123");
  for (const char* bad : {"{% for i in arr junk %}{% endfor %}", "{% for i in arr junk: 1 %}{% endfor %}",
                          "{% for i in arr limit: 2 reversed %}{% endfor %}", "{% for i in arr, limit: 2 %}{% endfor %}",
                          "{% for i in arr limit: 1, offset: 1 %}{% endfor %}", "{% for i in -arr %}{% endfor %}"})
    EXPECT_EQ(testing::error_id_of(bad, kData, o), errc::syntax) << bad;
}

// Liquid 5.13's strict2: attributes may be separated by commas; other words are errors.
TEST(ForTag, Strict2) {
  auto o = testing::strict2();
  EXPECT_EQ(testing::render("{% for i in arr limit: 2, offset: 1 %}{{ i }}{% endfor %}", kData, o), "23");
  EXPECT_EQ(testing::render("{% for i in arr reversed, limit: 2 %}{{ i }}{% endfor %}", kData, o), "21");
  for (const char* bad : {"{% for i in arr junk %}{% endfor %}", "{% for i in arr limit: 1, %}{% endfor %}",
                          "{% for i in arr limit: 1 reversed %}{% endfor %}"})
    EXPECT_EQ(testing::error_id_of(bad, kData, o), errc::syntax) << bad;
}

TEST(ForTag, HugeRangesAreNotMaterialised) {
  EXPECT_EQ(testing::render("{% for i in (1..9000000000000000000) limit: 3 %}{{ i }},{% endfor %}", kData), "1,2,3,");
  EXPECT_EQ(testing::render("{% for i in (1..9000000000000000000) reversed limit: 1 %}{{ i }}{% endfor %}", kData),
            "1");
  EXPECT_EQ(testing::render("{% for i in (-9000000000000000000..9000000000000000000) offset: 5 limit: 2 %}{{ i }},{% endfor %}",
                            kData),
            "-8999999999999999995,-8999999999999999994,");
}

TEST(ForTag, EveryIterationIsAStep) {
  testing::Options o;
  o.limits.max_steps = 100;
  EXPECT_EQ(testing::error_id_of("{% for i in (1..1000000000) %}{% endfor %}", kData, o), errc::step_limit);
  EXPECT_EQ(testing::error_id_of("{% for i in (1..30) %}{% endfor %}", kData, o), "");
}

}  // namespace
}  // namespace liquid
