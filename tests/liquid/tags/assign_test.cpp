// Tests liquid/src/tags/assign.cpp. Expected outputs are Ruby Liquid 5.4's (each table row was
// rendered by it too).
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

constexpr const char* kData = R"({"s": "hello", "n": 3, "f": 2.5, "t": true, "no": false, "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "h": {"a": 1, "b": 2}, "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}], "empty_a": [], "nested": [[1, 2], [3, 4]], "x": "X"})";

class AssignTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(AssignTag, RendersAsRuby) { testing::expect_renders(GetParam(), kData); }
INSTANTIATE_TEST_SUITE_P(
    Tags, AssignTag,
    ::testing::Values(
        RenderCase{R"LQ({% assign v = 'str' %}{{ v }})LQ", R"LQ(str)LQ"},
        RenderCase{R"LQ({% assign v = s | upcase | append: '!' %}{{ v }})LQ", R"LQ(HELLO!)LQ"},
        RenderCase{R"LQ({% assign v=n %}{{ v }})LQ", R"LQ(3)LQ"},
        RenderCase{R"LQ({% assign v = arr %}{{ v | join: ',' }})LQ", R"LQ(1,2,3,4,5)LQ"},
        RenderCase{R"LQ({% assign v = (1..n) %}{{ v }})LQ", R"LQ(1..3)LQ"},
        RenderCase{R"LQ({% assign v = h %}{{ v.a }})LQ", R"LQ(1)LQ"},
        RenderCase{R"LQ({% assign s = 'new' %}{{ s }})LQ", R"LQ(new)LQ"},
        RenderCase{R"LQ({% assign v = 1 %}{% assign v = v | plus: 1 %}{{ v }})LQ", R"LQ(2)LQ"},
        RenderCase{R"LQ({% assign v = nil %}[{{ v }}])LQ", R"LQ([])LQ"},
        RenderCase{R"LQ({% assign v = missing %}[{{ v }}])LQ", R"LQ([])LQ"},
        RenderCase{R"LQ({% assign v = 1 2 %}{{ v }})LQ", R"LQ(1)LQ"},
        RenderCase{R"LQ({% assign v = s s %}{{ v }})LQ", R"LQ(hello)LQ"},
        RenderCase{R"LQ({% assign v.w = 1 %}{{ v.w }})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% assign v[0] = 1 %}{{ v[0] }})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% assign v-w = 1 %}{{ v-w }})LQ", R"LQ(1)LQ"},
        RenderCase{R"LQ({% assign v== 1 %}{{ v }})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% assign  v  =  'spaced'  %}{{ v }})LQ", R"LQ(spaced)LQ"},
        RenderCase{R"LQ({% assign v = 'a' | nosuch %}{{ v }})LQ", R"LQ(a)LQ"},
        RenderCase{R"LQ({% for i in arr %}{% assign last = i %}{% endfor %}{{ last }})LQ", R"LQ(5)LQ"},
        RenderCase{R"LQ({% if t %}{% assign in_if = 1 %}{% endif %}{{ in_if }})LQ", R"LQ(1)LQ"},
        RenderCase{R"LQ({% assign v = '{{ s }}' %}{{ v }})LQ", R"LQ({{ s }})LQ"},
        RenderCase{R"LQ({% assign v = empty %}[{{ v }}])LQ", R"LQ([])LQ"},
        RenderCase{R"LQ({% assign v = 1.50 %}{{ v }})LQ", R"LQ(1.5)LQ"},
        RenderCase{R"LQ({% assign v = -3 | abs %}{{ v }})LQ", R"LQ(3)LQ"},
        RenderCase{R"LQ({%- assign v = 1 -%}
 {{ v }})LQ", R"LQ(1)LQ"},
        RenderCase{R"LQ(a{% assign v = 1 %}b)LQ", R"LQ(ab)LQ"}));

TEST(AssignTag, Errors) {
  for (const char* bad : {"{% assign %}", "{% assign x %}", "{% assign = 1 %}", "{% assign x? = 1 %}"}) {
    auto e = testing::error_of(bad, kData);
    EXPECT_EQ(e.id, errc::syntax) << bad;
    EXPECT_EQ(e.column, 1u) << bad;
  }
  // strict: the value must parse; strict2 also takes filter arguments ending in a comma.
  EXPECT_EQ(testing::error_id_of("{% assign x = a b %}", kData, testing::strict()), errc::syntax);
  EXPECT_EQ(testing::error_id_of("{% assign x = s | append: 'a', %}", kData, testing::strict()), errc::syntax);
  EXPECT_EQ(testing::render("{% assign x = s | append: 'a', %}{{ x }}", kData, testing::strict2()), "helloa");
}

TEST(AssignTag, AssignedStringsCountTowardTheOutputLimit) {
  testing::Options o;
  o.limits.max_output_bytes = 1000;
  EXPECT_EQ(testing::error_id_of("{% assign x = 'ab' | append: 'c' %}{{ x }}", kData, o), "");
  EXPECT_EQ(testing::error_id_of("{% assign x = 'x' %}{% for i in (1..11) %}{% assign x = x | append: x %}{% endfor %}",
                                 kData, o),
            errc::output_limit);
  EXPECT_EQ(testing::error_id_of("{% capture x %}{% for i in (1..2000) %}x{% endfor %}{% endcapture %}", kData, o),
            errc::output_limit);
}

}  // namespace
}  // namespace liquid
