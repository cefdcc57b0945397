// Tests liquid/src/tags/if.cpp (if, elsif, else, unless). Expected outputs are Ruby Liquid 5.4's (each table row was
// rendered by it too).
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

constexpr const char* kData = R"({"s": "hello", "n": 3, "f": 2.5, "t": true, "no": false, "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "h": {"a": 1, "b": 2}, "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}], "empty_a": [], "nested": [[1, 2], [3, 4]], "x": "X"})";

class IfTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(IfTag, RendersAsRuby) { testing::expect_renders(GetParam(), kData); }
INSTANTIATE_TEST_SUITE_P(
    Tags, IfTag,
    ::testing::Values(
        RenderCase{R"LQ({% if t %}y{% else %}n{% endif %})LQ", R"LQ(y)LQ"},
        RenderCase{R"LQ({% if no %}y{% elsif t %}e{% else %}n{% endif %})LQ", R"LQ(e)LQ"},
        RenderCase{R"LQ({% if no %}a{% elsif no %}b{% elsif n == 3 %}c{% else %}d{% endif %})LQ", R"LQ(c)LQ"},
        RenderCase{R"LQ({% if no %}a{% endif %})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% if t %}{% if no %}a{% else %}b{% endif %}{% endif %})LQ", R"LQ(b)LQ"},
        RenderCase{R"LQ({% if t %}a{% else %}b{% else %}c{% endif %})LQ", R"LQ(a)LQ"},
        RenderCase{R"LQ({% if no %}a{% else %}b{% elsif t %}c{% endif %})LQ", R"LQ(b)LQ"},
        RenderCase{R"LQ({% if no %}a{% else junk %}b{% endif %})LQ", R"LQ(b)LQ"},
        RenderCase{R"LQ({% unless t %}y{% else %}n{% endunless %})LQ", R"LQ(n)LQ"},
        RenderCase{R"LQ({% unless no %}y{% endunless %})LQ", R"LQ(y)LQ"},
        RenderCase{R"LQ({% unless no %}a{% elsif t %}b{% endunless %})LQ", R"LQ(a)LQ"},
        RenderCase{R"LQ({% unless t %}a{% elsif t %}b{% else %}c{% endunless %})LQ", R"LQ(b)LQ"},
        RenderCase{R"LQ({% unless t %}a{% elsif no %}b{% else %}c{% endunless %})LQ", R"LQ(c)LQ"},
        RenderCase{R"LQ({% if n > 2 and s contains 'ell' %}y{% endif %})LQ", R"LQ(y)LQ"},
        RenderCase{R"LQ({% if s == 'hello' or no %}y{% endif %})LQ", R"LQ(y)LQ"},
        RenderCase{R"LQ({% if %}y{% endif %})LQ", kSyntaxError},
        RenderCase{R"LQ({% if s s %}y{% else %}n{% endif %})LQ", R"LQ(Liquid error (line 1): Unknown operator s)LQ"},
        RenderCase{R"LQ({% if s == %}y{% else %}n{% endif %})LQ", R"LQ(n)LQ"},
        RenderCase{R"LQ({% if s =~ 'h' %}y{% endif %})LQ", R"LQ(Liquid error (line 1): Unknown operator =)LQ"},
        RenderCase{R"LQ({% if t and %}y{% endif %})LQ", kSyntaxError},
        RenderCase{R"LQ({% if t && t %}y{% endif %})LQ", R"LQ(y)LQ"},
        RenderCase{R"LQ({% if not t %}y{% else %}n{% endif %})LQ", R"LQ(Liquid error (line 1): Unknown operator t)LQ"},
        RenderCase{R"LQ({% if t %}
  a
{% endif %})LQ", R"LQ(
  a
)LQ"},
        RenderCase{R"LQ({% if t %} {% endif %}x)LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ({% if no %} {% else %} {% endif %}x)LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ({% if t %} {% assign a = 1 %} {% endif %}x)LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ({% if t %} {{ '' }} {% endif %}x)LQ", R"LQ(  x)LQ"},
        RenderCase{R"LQ({% liquid
if t
echo 'y'
elsif no
echo 'e'
else
echo 'n'
endif %})LQ", R"LQ(y)LQ"},
        RenderCase{R"LQ({% if arr.size > 4 %}big{% endif %})LQ", R"LQ(big)LQ"},
        RenderCase{R"LQ({% if h.a == 1 and h.b == 2 %}both{% endif %})LQ", R"LQ(both)LQ"},
        RenderCase{R"LQ({% if missing.deep %}y{% else %}n{% endif %})LQ", R"LQ(n)LQ"},
        RenderCase{R"LQ({% if (1..n) contains 2 %}y{% endif %})LQ", R"LQ(y)LQ"}));

TEST(IfTag, Errors) {
  EXPECT_EQ(testing::error_id_of("{% if t %}", kData), errc::unclosed_block);
  EXPECT_EQ(testing::error_id_of("{% unless t %}{% endif %}", kData), errc::unexpected_tag);
  EXPECT_EQ(testing::error_id_of("{% if t %}{% elsif %}{% endif %}", kData), errc::syntax);
  auto e = testing::error_of("{% if t and %}{% endif %}", kData);
  EXPECT_EQ(e.id, errc::syntax);
  EXPECT_EQ(e.column, 7u);
}

TEST(IfTag, StrictAndStrict2ParseConditionsAlike) {
  for (auto o : {testing::strict(), testing::strict2()}) {
    EXPECT_EQ(testing::render("{% if n > 2 and s contains 'ell' or no %}y{% endif %}", kData, o), "y");
    EXPECT_EQ(testing::render("{% if no %}a{% else junk %}b{% endif %}", kData, o), "b");
    for (const char* bad : {"{% if s = 'x' %}{% endif %}", "{% if t && t %}{% endif %}", "{% if s s %}{% endif %}",
                            "{% if t %}{% elsif x == %}{% endif %}", "{% unless t junk %}{% endunless %}"})
      EXPECT_EQ(testing::error_id_of(bad, kData, o), errc::syntax) << bad;
  }
  // Lax mode takes the same templates the way Ruby does.
  EXPECT_EQ(testing::render_inline("{% if s s %}y{% else %}n{% endif %}", kData).output,
            "Liquid error (line 1): Unknown operator s");
}

}  // namespace
}  // namespace liquid
