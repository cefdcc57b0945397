// Tests liquid/src/tags/raw.cpp. Expected outputs are Ruby Liquid 5.4's (each table row was
// rendered by it too), except
// where golden-liquid (Liquid 5.12) allows whitespace control on endraw.
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

constexpr const char* kData = R"({"s": "hello", "n": 3, "f": 2.5, "t": true, "no": false, "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "h": {"a": 1, "b": 2}, "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}], "empty_a": [], "nested": [[1, 2], [3, 4]], "x": "X"})";

class RawTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(RawTag, RendersAsRuby) { testing::expect_renders(GetParam(), kData); }
INSTANTIATE_TEST_SUITE_P(
    Tags, RawTag,
    ::testing::Values(
        RenderCase{R"LQ({% raw %}{{ x }}{% if %}{% endraw %})LQ", R"LQ({{ x }}{% if %})LQ"},
        RenderCase{R"LQ({% raw %}{% raw %}{% endraw %})LQ", R"LQ({% raw %})LQ"},
        RenderCase{R"LQ({% raw %}a{% endraw %}b)LQ", R"LQ(ab)LQ"},
        RenderCase{R"LQ({% raw %}{{ {% endraw %})LQ", R"LQ({{ )LQ"},
        RenderCase{R"LQ({% raw %}{%endraw%}x)LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ({% raw %} {% endraw x %}y)LQ", R"LQ( y)LQ"},
        RenderCase{R"LQ({% raw %}a{%- endraw %}b)LQ", R"LQ(ab)LQ"},
        RenderCase{R"LQ(a {%- raw -%} b {%- endraw -%} c)LQ", R"LQ(a b c)LQ"},
        RenderCase{R"LQ({% raw %}{% comment %}{% endraw %})LQ", R"LQ({% comment %})LQ"},
        RenderCase{R"LQ({% raw %}}}%}{% endraw %})LQ", R"LQ(}}%})LQ"},
        RenderCase{R"LQ({% raw %}{{ s }}{% endraw %}{{ s }})LQ", R"LQ({{ s }}hello)LQ"}));

TEST(RawTag, Errors) {
  EXPECT_EQ(testing::error_id_of("{% raw %}x", kData), errc::unclosed_block);
  EXPECT_EQ(testing::error_id_of("{% raw %}x{% endraw", kData), errc::unclosed_block);
  EXPECT_EQ(testing::error_id_of("{% raw x %}{% endraw %}", kData), errc::syntax);
  EXPECT_EQ(testing::error_id_of("{% endraw %}", kData), errc::unexpected_tag);
  auto e = testing::error_of("a\n  {% raw %}", kData);
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.column, 3u);
}

TEST(RawTag, BodyIsVerbatim) {
  std::string body = "{{ x }}{% if %}{%- endfor -%}\n\t\xff";
  EXPECT_EQ(testing::render("{% raw %}" + body + "{% endraw %}"), body);
}

}  // namespace
}  // namespace liquid
