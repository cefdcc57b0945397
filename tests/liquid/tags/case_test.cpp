// Tests liquid/src/tags/case.cpp. Expected outputs are Ruby Liquid 5.4's (each table row was
// rendered by it too).
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

constexpr const char* kData = R"({"s": "hello", "n": 3, "f": 2.5, "t": true, "no": false, "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "h": {"a": 1, "b": 2}, "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}], "empty_a": [], "nested": [[1, 2], [3, 4]], "x": "X"})";

class CaseTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(CaseTag, RendersAsRuby) { testing::expect_renders(GetParam(), kData); }
INSTANTIATE_TEST_SUITE_P(
    Tags, CaseTag,
    ::testing::Values(
        RenderCase{R"LQ({% case n %}{% when 1 %}one{% when 3 %}three{% else %}other{% endcase %})LQ", R"LQ(three)LQ"},
        RenderCase{R"LQ({% case n %}{% when 1 %}one{% else %}other{% endcase %})LQ", R"LQ(other)LQ"},
        RenderCase{R"LQ({% case n %}{% when 1, 3 %}hit{% endcase %})LQ", R"LQ(hit)LQ"},
        RenderCase{R"LQ({% case n %}{% when 1 or 3 %}hit{% endcase %})LQ", R"LQ(hit)LQ"},
        RenderCase{R"LQ({% case n %}{% when 3 %}a{% when 3 %}b{% endcase %})LQ", R"LQ(ab)LQ"},
        RenderCase{R"LQ({% case n %}{% when 3, 3 %}a{% endcase %})LQ", R"LQ(aa)LQ"},
        RenderCase{R"LQ({% case n %}{% when 2 %}a{% else %}b{% else %}c{% endcase %})LQ", R"LQ(bc)LQ"},
        RenderCase{R"LQ({% case n %}{% else %}e{% when 3 %}w{% endcase %})LQ", R"LQ(ew)LQ"},
        RenderCase{R"LQ({% case n %}{% when 3 %}w{% else %}e{% when 3 %}w2{% endcase %})LQ", R"LQ(ww2)LQ"},
        RenderCase{R"LQ({% case s %}{% when 'hello' %}h{% endcase %})LQ", R"LQ(h)LQ"},
        RenderCase{R"LQ({% case missing %}{% when nil %}n{% endcase %})LQ", R"LQ(n)LQ"},
        RenderCase{R"LQ({% case empty_a %}{% when empty %}e{% endcase %})LQ", R"LQ(e)LQ"},
        RenderCase{R"LQ({% case n %}before{% when 3 %}w{% endcase %})LQ", R"LQ(w)LQ"},
        RenderCase{R"LQ({% case n %}{% when 'a' , 3 %}w{% endcase %})LQ", R"LQ(w)LQ"},
        RenderCase{R"LQ({% case n %}{% when 1,3 %}w{% endcase %})LQ", R"LQ(w)LQ"},
        RenderCase{R"LQ({% case n %}{% when 3 junk %}w{% endcase %})LQ", R"LQ(w)LQ"},
        RenderCase{R"LQ({% case n %}{% when 1 and 3 %}w{% endcase %})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% case n %}{% when 1 or %}w{% endcase %})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% case n n %}{% when 3 %}w{% endcase %})LQ", R"LQ(w)LQ"},
        RenderCase{R"LQ({% case 3.0 %}{% when 3 %}f{% endcase %})LQ", R"LQ(f)LQ"},
        RenderCase{R"LQ({% case (1..3) %}{% when (1..3) %}r{% endcase %})LQ", R"LQ(r)LQ"},
        RenderCase{R"LQ({% case h %}{% when h %}same{% endcase %})LQ", R"LQ(same)LQ"},
        RenderCase{R"LQ({% case n %} {% when 3 %} w {% endcase %})LQ", R"LQ( w )LQ"},
        RenderCase{R"LQ({% case n %}
{% when 3 %}
{% assign a = 1 %}
{% endcase %}x)LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ({% for i in arr %}{% case i %}{% when 2 %}{% continue %}{% when 4 %}{% break %}{% endcase %}{{ i }}{% endfor %})LQ", R"LQ(13)LQ"},
        RenderCase{R"LQ({% case n %}{% when 3 %}{% case s %}{% when 'hello' %}inner{% endcase %}{% endcase %})LQ", R"LQ(inner)LQ"},
        RenderCase{R"LQ({% liquid
case n
when 3
echo 'three'
else
echo 'x'
endcase %})LQ", R"LQ(three)LQ"}));

TEST(CaseTag, Errors) {
  EXPECT_EQ(testing::error_id_of("{% case %}{% endcase %}", kData), errc::syntax);
  EXPECT_EQ(testing::error_id_of("{% case n %}{% when %}{% endcase %}", kData), errc::syntax);
  EXPECT_EQ(testing::error_id_of("{% case n %}{% else x %}{% endcase %}", kData), errc::syntax);
  EXPECT_EQ(testing::error_id_of("{% case n %}{% when 1 %}", kData), errc::unclosed_block);
  EXPECT_EQ(testing::error_id_of("{% case n %}{% endif %}", kData), errc::unexpected_tag);
  // strict parses case and when as lax does (Ruby 5.4 and 5.12 have no strict parser for them).
  // Only `1` is read: " and 3" is not a separator, and the rest is ignored.
  EXPECT_EQ(testing::render("{% case n %}{% when 1 and 3 %}w{% endcase %}", R"({"n": 1})", testing::strict()), "w");
  EXPECT_EQ(testing::render("{% case n %}{% when 1 and 3 %}w{% endcase %}", R"({"n": 3})", testing::strict()), "");
}

// Liquid 5.13's strict2: `when` values are separated by `or` or commas, and nothing else.
TEST(CaseTag, Strict2) {
  auto o = testing::strict2();
  // golden-liquid: "tags, case, unexpected when token, strict2" is invalid
  auto e = testing::error_of(
      "{% case title %}{% when 'foo' %}foo{% when 'bar' and 'Hello', 'Hello' %}bar{% endcase %}", kData, o);
  EXPECT_EQ(e.id, errc::syntax);
  EXPECT_EQ(e.column, 50u);
  EXPECT_EQ(testing::render("{% case n %}{% when 1, 3 or 5 %}hit{% endcase %}", kData, o), "hit");
  EXPECT_EQ(testing::render("{% case n %}{% when 3, 3 %}a{% endcase %}", kData, o), "aa");
  EXPECT_EQ(testing::render("{% case empty_a %}{% when empty %}e{% endcase %}", kData, o), "e");
  EXPECT_EQ(testing::render("{% case s %}{% when 'hello' or missing %}h{% else %}e{% endcase %}", kData, o), "h");
  for (const char* bad : {"{% case n n %}{% endcase %}", "{% case %}{% endcase %}", "{% case n %}{% when 3 junk %}{% endcase %}",
                          "{% case n %}{% when 1 or %}{% endcase %}", "{% case n %}{% when , 3 %}{% endcase %}",
                          "{% case n | plus: 1 %}{% endcase %}"})
    EXPECT_EQ(testing::error_id_of(bad, kData, o), errc::syntax) << bad;
}

}  // namespace
}  // namespace liquid
