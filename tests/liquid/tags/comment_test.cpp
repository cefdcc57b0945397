// Tests liquid/src/tags/comment.cpp. Expected outputs are Ruby Liquid 5.4's (each table row was
// rendered by it too), except that
// the body is not parsed (golden-liquid, Liquid 5.12: 5.4 parses the tags inside).
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

constexpr const char* kData = R"({"s": "hello", "n": 3, "f": 2.5, "t": true, "no": false, "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "h": {"a": 1, "b": 2}, "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}], "empty_a": [], "nested": [[1, 2], [3, 4]], "x": "X"})";

class CommentTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(CommentTag, RendersAsRuby) { testing::expect_renders(GetParam(), kData); }
INSTANTIATE_TEST_SUITE_P(
    Tags, CommentTag,
    ::testing::Values(
        RenderCase{R"LQ(a{% comment %}x{{ s }}{% if %}{% endcomment %}b)LQ", R"LQ(ab)LQ"},
        RenderCase{R"LQ({% comment %}{% comment %}a{% endcomment %}b{% endcomment %}c)LQ", R"LQ(c)LQ"},
        RenderCase{R"LQ({% comment %}{% raw %}{% endcomment %}{% endraw %}{% endcomment %}x)LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ({% comment x %}a{% endcomment %}b)LQ", R"LQ(b)LQ"},
        RenderCase{R"LQ({% comment %}{% endcomment x %}y)LQ", R"LQ(y)LQ"},
        RenderCase{R"LQ({% comment %}{%endcomment%}z)LQ", R"LQ(z)LQ"},
        RenderCase{R"LQ(a {%- comment -%} x {%- endcomment -%} b)LQ", R"LQ(ab)LQ"},
        RenderCase{R"LQ({% comment %}{{ {% endcomment %}y)LQ", kSyntaxError},
        RenderCase{R"LQ({% comment %}}}%}{% endcomment %}y)LQ", R"LQ(y)LQ"},
        RenderCase{R"LQ({% liquid
comment
anything here
endcomment
echo 'after' %})LQ", R"LQ(after)LQ"},
        RenderCase{R"LQ({% if t %}{% comment %}{% endif %}{% endcomment %}y{% endif %})LQ", R"LQ(y)LQ"}));

TEST(CommentTag, Errors) {
  EXPECT_EQ(testing::error_id_of("{% comment %}x", kData), errc::unclosed_block);
  EXPECT_EQ(testing::error_id_of("{% comment %}{% comment %}{% endcomment %}", kData), errc::unclosed_block);
  EXPECT_EQ(testing::error_id_of("{% comment %}{% raw %}{% endcomment %}", kData), errc::unclosed_block);
  EXPECT_EQ(testing::error_id_of("{% endcomment %}", kData), errc::unexpected_tag);
  auto e = testing::error_of("a\n b{% comment %}", kData);
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.column, 3u);
}

TEST(CommentTag, KeepsItsTextForTools) {
  auto t = Template::parse("{% comment %}lint:ignore x{% endcomment %}");
  ASSERT_EQ(t.root().nodes.size(), 1u);
  EXPECT_EQ(t.root().nodes[0]->tag_name(), "comment");
  EXPECT_TRUE(t.root().nodes[0]->blank());
}

}  // namespace
}  // namespace liquid
