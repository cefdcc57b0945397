// Tests liquid/src/tags/increment.cpp (increment, decrement). Expected outputs are Ruby Liquid 5.4's (each table row was
// rendered by it too).
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

constexpr const char* kData = R"({"s": "hello", "n": 3, "f": 2.5, "t": true, "no": false, "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "h": {"a": 1, "b": 2}, "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}], "empty_a": [], "nested": [[1, 2], [3, 4]], "x": "X"})";

class IncrementTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(IncrementTag, RendersAsRuby) { testing::expect_renders(GetParam(), kData); }
INSTANTIATE_TEST_SUITE_P(
    Tags, IncrementTag,
    ::testing::Values(
        RenderCase{R"LQ({% increment c %}{% increment c %}{{ c }})LQ", R"LQ(012)LQ"},
        RenderCase{R"LQ({% decrement c %}{% decrement c %}{{ c }})LQ", R"LQ(-1-2-2)LQ"},
        RenderCase{R"LQ({% assign c = 5 %}{% increment c %}{{ c }})LQ", R"LQ(05)LQ"},
        RenderCase{R"LQ({% increment n %}{% increment n %}{{ n }})LQ", R"LQ(345)LQ"},
        RenderCase{R"LQ({% increment c %}{% assign c = 10 %}{% increment c %}{{ c }})LQ", R"LQ(0110)LQ"},
        RenderCase{R"LQ({% increment c %}{% decrement c %}{% decrement c %})LQ", R"LQ(00-1)LQ"},
        RenderCase{R"LQ({% increment a b %}[{{ a }}])LQ", R"LQ(0[])LQ"},
        RenderCase{R"LQ({% for i in (1..3) %}{% increment c %}{% endfor %})LQ", R"LQ(012)LQ"},
        RenderCase{R"LQ({% increment c %}{% capture x %}{% increment c %}{% endcapture %}{% increment c %})LQ", R"LQ(02)LQ"},
        RenderCase{R"LQ({% liquid
increment c
decrement d %})LQ", R"LQ(0-1)LQ"},
        RenderCase{R"LQ({% increment f-oo %}{% increment f-oo %})LQ", R"LQ(01)LQ"},
        // A counter named like a global counts from its value (Ruby: `env[name] ||= 0`).
        RenderCase{R"LQ({% increment f %}{% decrement f %}{{ f }})LQ", R"LQ(2.52.52.5)LQ"},
        RenderCase{R"LQ({% decrement no %}{% increment no %}{{ no }})LQ", R"LQ(-1-10)LQ"},
        RenderCase{R"LQ({% increment s %})LQ", R"LQ(Liquid error (line 1): internal)LQ"}));

}  // namespace
}  // namespace liquid
