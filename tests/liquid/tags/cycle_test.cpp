// Tests liquid/src/tags/cycle.cpp. Expected outputs are Ruby Liquid 5.4's (each table row was
// rendered by it too).
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

constexpr const char* kData = R"({"s": "hello", "n": 3, "f": 2.5, "t": true, "no": false, "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "h": {"a": 1, "b": 2}, "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}], "empty_a": [], "nested": [[1, 2], [3, 4]], "x": "X"})";

class CycleTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(CycleTag, RendersAsRuby) { testing::expect_renders(GetParam(), kData); }
INSTANTIATE_TEST_SUITE_P(
    Tags, CycleTag,
    ::testing::Values(
        RenderCase{R"LQ({% cycle 'a', 'b' %}{% cycle 'a', 'b' %}{% cycle 'a', 'b' %})LQ", R"LQ(aba)LQ"},
        RenderCase{R"LQ({% cycle 'a', 'b' %}{% cycle 'a', 'c' %}{% cycle 'a', 'b' %})LQ", R"LQ(aab)LQ"},
        RenderCase{R"LQ({% cycle g: 'a', 'b' %}{% cycle g: 'x', 'y' %}{% cycle g: 'a', 'b' %})LQ", R"LQ(aya)LQ"},
        RenderCase{R"LQ({% cycle 'g': 'a', 'b' %}{% cycle 'g': 'a', 'b' %})LQ", R"LQ(ab)LQ"},
        RenderCase{R"LQ({% cycle s: 1, 2 %}{% cycle s: 1, 2 %})LQ", R"LQ(12)LQ"},
        RenderCase{R"LQ({% for i in arr %}{% cycle 'odd', 'even' %}{% endfor %})LQ", R"LQ(oddevenoddevenodd)LQ"},
        RenderCase{R"LQ({% cycle n, s %}{% cycle n, s %}{% cycle n, s %})LQ", R"LQ(333)LQ"},
        RenderCase{R"LQ({% cycle 'a' 'b' %}{% cycle 'a' 'b' %})LQ", R"LQ(aa)LQ"},
        RenderCase{R"LQ({% cycle 'a',, 'b' %}{% cycle 'a',, 'b' %})LQ", R"LQ(ab)LQ"},
        RenderCase{R"LQ({% cycle arr %})LQ", R"LQ(12345)LQ"},
        RenderCase{R"LQ({% cycle nil, 'x' %}{% cycle nil, 'x' %})LQ", R"LQ(xx)LQ"},
        RenderCase{R"LQ({% cycle null, 'x' %})LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ({% cycle 1, 2 %}{% cycle 1, 2 %})LQ", R"LQ(12)LQ"},
        RenderCase{R"LQ({% cycle 'a', 'b' %}{% cycle 'a','b' %})LQ", R"LQ(ab)LQ"},
        RenderCase{R"LQ({% cycle g : 'a' %}{% cycle g : 'a' %})LQ", R"LQ(aa)LQ"},
        RenderCase{R"LQ({% cycle a:b %})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% cycle x: 1, 2 %}{% cycle 'X': 1, 2 %})LQ", R"LQ(12)LQ"},
        RenderCase{R"LQ({% for i in (1..2) %}{% for j in (1..2) %}{% cycle 'a', 'b', 'c' %}{% endfor %}{% endfor %})LQ", R"LQ(abca)LQ"},
        RenderCase{R"LQ({% cycle '', 'e' %}{% cycle '', 'e' %})LQ", R"LQ(e)LQ"},
        RenderCase{R"LQ({% cycle words %}{% cycle words %})LQ", R"LQ(abcabc)LQ"},
        RenderCase{R"LQ({% liquid
cycle 'a', 'b'
cycle 'a', 'b' %})LQ", R"LQ(ab)LQ"}));

TEST(CycleTag, Errors) {
  EXPECT_EQ(testing::error_id_of("{% cycle %}", kData), errc::syntax);
  EXPECT_EQ(testing::error_id_of("{% cycle ,, %}", kData), errc::syntax);
}

// Liquid 5.13's strict2: values are expressions separated by commas; a nil value is kept.
TEST(CycleTag, Strict2) {
  auto o = testing::strict2();
  EXPECT_EQ(testing::render("{% cycle 'a', 'b', %}{% cycle 'a', 'b', %}{% cycle 'a', 'b', %}", kData, o), "aba");
  EXPECT_EQ(testing::render("{% cycle g: 'a', 'b' %}{% cycle g: 'x', 'y' %}", kData, o), "ay");
  EXPECT_EQ(testing::render("{% cycle nil, 'x' %}{% cycle nil, 'x' %}", kData, o), "x");
  EXPECT_EQ(testing::render("{% cycle nil, 'x' %}{% cycle nil, 'x' %}", kData), "xx");  // lax compacts nil away
  for (const char* bad : {"{% cycle %}", "{% cycle 'a' 'b' %}", "{% cycle 'a',, 'b' %}", "{% cycle g: %}", "{% cycle a:b:c %}"})
    EXPECT_EQ(testing::error_id_of(bad, kData, o), errc::syntax) << bad;
}

}  // namespace
}  // namespace liquid
