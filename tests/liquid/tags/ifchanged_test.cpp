// Tests liquid/src/tags/ifchanged.cpp. Expected outputs are Ruby Liquid 5.4's (each table row was
// rendered by it too).
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

constexpr const char* kData = R"({"s": "hello", "n": 3, "f": 2.5, "t": true, "no": false, "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "h": {"a": 1, "b": 2}, "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}], "empty_a": [], "nested": [[1, 2], [3, 4]], "x": "X"})";

class IfchangedTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(IfchangedTag, RendersAsRuby) { testing::expect_renders(GetParam(), kData); }
INSTANTIATE_TEST_SUITE_P(
    Tags, IfchangedTag,
    ::testing::Values(
        RenderCase{R"LQ({% for i in (1..6) %}{% ifchanged %}{{ i | divided_by: 2 }}{% endifchanged %}{% endfor %})LQ", R"LQ(0123)LQ"},
        RenderCase{R"LQ({% ifchanged %}a{% endifchanged %}{% ifchanged %}a{% endifchanged %}{% ifchanged %}b{% endifchanged %})LQ", R"LQ(ab)LQ"},
        RenderCase{R"LQ({% ifchanged x %}a{% endifchanged %})LQ", R"LQ(a)LQ"},
        RenderCase{R"LQ({% for i in arr %}{% ifchanged %}{% endifchanged %}{% endfor %}x)LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ({% for p in people %}{% ifchanged %}{{ p.age | divided_by: 10 }}{% endifchanged %}{% endfor %})LQ", R"LQ(32)LQ"},
        // A blank ifchanged makes its enclosing if blank: the if drops its whitespace text.
        RenderCase{R"LQ({% if true %} {% ifchanged %}{% endifchanged %} {% endif %}|)LQ", R"LQ(|)LQ"}));

TEST(IfchangedTag, Errors) {
  EXPECT_EQ(testing::error_id_of("{% ifchanged %}x", kData), errc::unclosed_block);
  EXPECT_EQ(testing::error_id_of("{% ifchanged %}{% endif %}", kData), errc::unexpected_tag);
}

}  // namespace
}  // namespace liquid
