// Tests liquid/src/tags/inline_comment.cpp. Expected outputs are Ruby Liquid 5.4's (each table row was
// rendered by it too).
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

constexpr const char* kData = R"({"s": "hello", "n": 3, "f": 2.5, "t": true, "no": false, "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "h": {"a": 1, "b": 2}, "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}], "empty_a": [], "nested": [[1, 2], [3, 4]], "x": "X"})";

class InlineCommentTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(InlineCommentTag, RendersAsRuby) { testing::expect_renders(GetParam(), kData); }
INSTANTIATE_TEST_SUITE_P(
    Tags, InlineCommentTag,
    ::testing::Values(
        RenderCase{R"LQ(a{% # note %}b)LQ", R"LQ(ab)LQ"},
        RenderCase{R"LQ(a{%# note %}b)LQ", R"LQ(ab)LQ"},
        RenderCase{R"LQ({% # a
 # b %}x)LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ({% #a %}x)LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ(a {%- # c -%} b)LQ", R"LQ(ab)LQ"},
        RenderCase{R"LQ({% # {{ s }} %}x)LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ({% liquid
# comment
echo 'x'
# another %})LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ({% #%}x)LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ({% # a
  # b %}x)LQ", R"LQ(x)LQ"}));

TEST(InlineCommentTag, EveryLineStartsWithAHash) {
  auto e = testing::error_of("{% # first\n   second %}", kData);
  EXPECT_EQ(e.id, errc::syntax);
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.column, 4u);
}

}  // namespace
}  // namespace liquid
