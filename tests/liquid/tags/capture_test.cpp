// Tests liquid/src/tags/capture.cpp. Expected outputs are Ruby Liquid 5.4's (each table row was
// rendered by it too).
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

constexpr const char* kData = R"({"s": "hello", "n": 3, "f": 2.5, "t": true, "no": false, "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "h": {"a": 1, "b": 2}, "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}], "empty_a": [], "nested": [[1, 2], [3, 4]], "x": "X"})";

class CaptureTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(CaptureTag, RendersAsRuby) { testing::expect_renders(GetParam(), kData); }
INSTANTIATE_TEST_SUITE_P(
    Tags, CaptureTag,
    ::testing::Values(
        RenderCase{R"LQ({% capture c %}x{{ s }}y{% endcapture %}{{ c }})LQ", R"LQ(xhelloy)LQ"},
        RenderCase{R"LQ({% capture c %}{% endcapture %}[{{ c }}])LQ", R"LQ([])LQ"},
        RenderCase{R"LQ({% capture c %}{% for i in arr %}{{ i }}{% endfor %}{% endcapture %}{{ c | size }})LQ", R"LQ(5)LQ"},
        RenderCase{R"LQ({% capture c %}{% capture d %}in{% endcapture %}out{% endcapture %}{{ c }}{{ d }})LQ", R"LQ(outin)LQ"},
        RenderCase{R"LQ({% capture c d %}x{% endcapture %}{{ c }}[{{ d }}])LQ", R"LQ(x[])LQ"},
        RenderCase{R"LQ({% capture 'c' %}x{% endcapture %}{{ c }})LQ", R"LQ(x)LQ"},
        RenderCase{R"LQ({% capture c.d %}x{% endcapture %}{{ c.d }})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% capture s %}over{% endcapture %}{{ s }})LQ", R"LQ(over)LQ"},
        RenderCase{R"LQ({% for i in (1..3) %}{% capture c %}{{ c }}{{ i }}{% endcapture %}{% endfor %}{{ c }})LQ", R"LQ(123)LQ"},
        RenderCase{R"LQ(a {% capture c %} b {% endcapture %} c[{{ c }}])LQ", R"LQ(a  c[ b ])LQ"},
        RenderCase{R"LQ({% capture c -%} b {%- endcapture %}[{{ c }}])LQ", R"LQ([b])LQ"},
        RenderCase{R"LQ({% capture c %}{{ 1 | divided_by: 0 }}{% endcapture %}[{{ c }}])LQ", R"LQ([Liquid error (line 1): divided by 0])LQ"},
        RenderCase{R"LQ({% for i in (1..3) %}{% capture c %}{{ i }}{% break %}x{% endcapture %}{% endfor %}[{{ c }}])LQ", R"LQ([1])LQ"}));

TEST(CaptureTag, Errors) {
  EXPECT_EQ(testing::error_id_of("{% capture %}x{% endcapture %}", kData), errc::syntax);
  EXPECT_EQ(testing::error_id_of("{% capture c %}x", kData), errc::unclosed_block);
  EXPECT_EQ(testing::error_id_of("{% capture c %}x{% endif %}", kData), errc::unexpected_tag);
}

}  // namespace
}  // namespace liquid
