// Tests liquid/src/tags/echo.cpp. Expected outputs are Ruby Liquid 5.4's (each table row was
// rendered by it too).
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

constexpr const char* kData = R"({"s": "hello", "n": 3, "f": 2.5, "t": true, "no": false, "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "h": {"a": 1, "b": 2}, "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}], "empty_a": [], "nested": [[1, 2], [3, 4]], "x": "X"})";

class EchoTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(EchoTag, RendersAsRuby) { testing::expect_renders(GetParam(), kData); }
INSTANTIATE_TEST_SUITE_P(
    Tags, EchoTag,
    ::testing::Values(
        RenderCase{R"LQ({% echo s %})LQ", R"LQ(hello)LQ"},
        RenderCase{R"LQ({% echo s | upcase | append: '!' %})LQ", R"LQ(HELLO!)LQ"},
        RenderCase{R"LQ({% echo %})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% echo 'a' 'b' %})LQ", R"LQ(a)LQ"},
        RenderCase{R"LQ({% echo arr %})LQ", R"LQ(12345)LQ"},
        RenderCase{R"LQ({% echo h %})LQ", R"LQ({"a"=>1, "b"=>2})LQ"},
        RenderCase{R"LQ({% liquid
echo s
echo n %})LQ", R"LQ(hello3)LQ"},
        RenderCase{R"LQ({%- echo s -%}  )LQ", R"LQ(hello)LQ"},
        RenderCase{R"LQ({% echo s | %})LQ", R"LQ(hello)LQ"}));

TEST(EchoTag, StrictModes) {
  EXPECT_EQ(testing::error_id_of("{% echo a b %}", kData, testing::strict()), errc::syntax);
  EXPECT_EQ(testing::error_id_of("{% echo s | append: %}", kData, testing::strict()), errc::syntax);
  // strict2 (5.13): a filter may have nothing after its colon.
  auto e = testing::error_of("{% echo s | append: %}", kData, testing::strict2());
  EXPECT_EQ(e.id, errc::filter_arguments);
  EXPECT_FALSE(e.syntax);
  EXPECT_EQ(testing::render("{% echo s | upcase: | append: '!', %}", kData, testing::strict2()), "HELLO!");
}

}  // namespace
}  // namespace liquid
