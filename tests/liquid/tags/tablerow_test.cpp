// Tests liquid/src/tags/tablerow.cpp. Expected outputs are Ruby Liquid 5.4's (each table row was
// rendered by it too).
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

constexpr const char* kData = R"({"s": "hello", "n": 3, "f": 2.5, "t": true, "no": false, "arr": [1, 2, 3, 4, 5], "words": ["a", "b", "c"], "h": {"a": 1, "b": 2}, "people": [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}], "empty_a": [], "nested": [[1, 2], [3, 4]], "x": "X"})";

class TablerowTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(TablerowTag, RendersAsRuby) { testing::expect_renders(GetParam(), kData); }
INSTANTIATE_TEST_SUITE_P(
    Tags, TablerowTag,
    ::testing::Values(
        RenderCase{R"LQ({% tablerow i in arr %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">1</td><td class="col2">2</td><td class="col3">3</td><td class="col4">4</td><td class="col5">5</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in arr cols: 2 %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">1</td><td class="col2">2</td></tr>
<tr class="row2"><td class="col1">3</td><td class="col2">4</td></tr>
<tr class="row3"><td class="col1">5</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in arr cols: 2 limit: 3 offset: 1 %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">2</td><td class="col2">3</td></tr>
<tr class="row2"><td class="col1">4</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in empty_a %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
</tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in missing %}{{ i }}{% endtablerow %})LQ", R"LQ()LQ"},
        RenderCase{R"LQ({% tablerow i in arr cols: 2 %}{{ tablerowloop.col }}{{ tablerowloop.col0 }}{{ tablerowloop.row }}{{ tablerowloop.index }}{{ tablerowloop.index0 }}{{ tablerowloop.rindex }}{{ tablerowloop.rindex0 }}{{ tablerowloop.first }}{{ tablerowloop.last }}{{ tablerowloop.length }}{{ tablerowloop.col_first }}{{ tablerowloop.col_last }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">1011054truefalse5truefalse</td><td class="col2">2112143falsefalse5falsetrue</td></tr>
<tr class="row2"><td class="col1">1023232falsefalse5truefalse</td><td class="col2">2124321falsefalse5falsetrue</td></tr>
<tr class="row3"><td class="col1">1035410falsetrue5truefalse</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in h %}{{ i[0] }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">a</td><td class="col2">b</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in s %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">hello</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in arr cols: 0 %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">1</td><td class="col2">2</td><td class="col3">3</td><td class="col4">4</td><td class="col5">5</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in arr cols: 'x' %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">1</td><td class="col2">2</td><td class="col3">3</td><td class="col4">4</td><td class="col5">5</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in arr limit: 'x' %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
</tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in arr reversed %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">1</td><td class="col2">2</td><td class="col3">3</td><td class="col4">4</td><td class="col5">5</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in arr junk: 2 %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">1</td><td class="col2">2</td><td class="col3">3</td><td class="col4">4</td><td class="col5">5</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in arr cols: nil %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">1</td><td class="col2">2</td><td class="col3">3</td><td class="col4">4</td><td class="col5">5</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in arr cols:2 %}[{{ forloop.index }}]{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">[]</td><td class="col2">[]</td></tr>
<tr class="row2"><td class="col1">[]</td><td class="col2">[]</td></tr>
<tr class="row3"><td class="col1">[]</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in (1..3) %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">1</td><td class="col2">2</td><td class="col3">3</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in arr cols: n limit: 4 %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">1</td><td class="col2">2</td><td class="col3">3</td></tr>
<tr class="row2"><td class="col1">4</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in arr %}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1"></td><td class="col2"></td><td class="col3"></td><td class="col4"></td><td class="col5"></td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in arr cols: 2, limit: 3 %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">1</td><td class="col2">2</td></tr>
<tr class="row2"><td class="col1">3</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in words cols:1 %}{{ i }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">a</td></tr>
<tr class="row2"><td class="col1">b</td></tr>
<tr class="row3"><td class="col1">c</td></tr>
)LQ"},
        RenderCase{R"LQ({% tablerow i in people %}{{ i.name }}{% endtablerow %})LQ", R"LQ(<tr class="row1">
<td class="col1">ann</td><td class="col2">bob</td></tr>
)LQ"}));

TEST(TablerowTag, Errors) {
  EXPECT_EQ(testing::error_id_of("{% tablerow %}{% endtablerow %}", kData), errc::syntax);
  EXPECT_EQ(testing::error_id_of("{% tablerow i in arr %}", kData), errc::unclosed_block);
  EXPECT_EQ(testing::error_id_of("{% tablerow i in arr %}{% endfor %}", kData), errc::unexpected_tag);
}

// golden-liquid (Liquid 5.12): without cols, the last cell is col_last and break ends the table.
TEST(TablerowTag, AsGoldenLiquid) {
  EXPECT_EQ(testing::render("{% tablerow i in (1..2) %}{{ tablerowloop.col_last }}{% endtablerow %}"),
            "<tr class=\"row1\">\n<td class=\"col1\">false</td><td class=\"col2\">true</td></tr>\n");
  EXPECT_EQ(testing::render("{% tablerow n in (1..3) cols:2 %}{{n}}{% break %}{{n}}{% endtablerow %}"),
            "<tr class=\"row1\">\n<td class=\"col1\">1</td></tr>\n");
  EXPECT_EQ(testing::render("{% tablerow i in (1..1) %}{{ tablerowloop }}{% endtablerow %}"),
            "<tr class=\"row1\">\n<td class=\"col1\">Liquid::TablerowloopDrop</td></tr>\n");
}

TEST(TablerowTag, StrictModes) {
  // Ruby's strict mode parses tablerow with the lax regexps: unknown attributes are ignored,
  // and `limit: foo` reads the (nil) variable foo, so no cell is rendered (Ruby 5.4 prints the same).
  auto strict = testing::strict();
  EXPECT_EQ(testing::render("{% tablerow i in (1..2) junk: 2 limit: foo=>bar %}{{ i }}{% endtablerow %}", kData, strict),
            "<tr class=\"row1\">\n</tr>\n");
  EXPECT_EQ(testing::render("{% tablerow i in (1..2) junk: 2 %}{{ i }}{% endtablerow %}", kData, strict),
            "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n");
  // Liquid 5.13's strict2 parses it: commas allowed, cols/limit/offset/range only.
  auto o = testing::strict2();
  EXPECT_EQ(testing::render("{% tablerow i in arr, cols: 2, limit: 3, %}{{ i }}{% endtablerow %}", kData, o),
            "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n"
            "<tr class=\"row2\"><td class=\"col1\">3</td></tr>\n");
  EXPECT_EQ(testing::render("{% tablerow i in (1..2) range: 5 %}{{ i }}{% endtablerow %}", kData, o),
            "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n");
  for (const char* bad : {"{% tablerow i in (1..10) limit: foo=>bar %}{% endtablerow %}",
                          "{% tablerow i in arr junk: 2 %}{% endtablerow %}", "{% tablerow i in arr reversed %}{% endtablerow %}",
                          "{% tablerow i in arr cols %}{% endtablerow %}", "{% tablerow i arr %}{% endtablerow %}"})
    EXPECT_EQ(testing::error_id_of(bad, kData, o), errc::syntax) << bad;
}

TEST(TablerowTag, LimitsApply) {
  testing::Options o;
  o.limits.max_steps = 100;
  EXPECT_EQ(testing::error_id_of("{% tablerow i in (1..100000) %}{% endtablerow %}", kData, o), errc::step_limit);
  o.limits = Limits{};
  o.limits.max_output_bytes = 1000;
  EXPECT_EQ(testing::error_id_of("{% for j in (1..100) %}{% tablerow i in (1..100) %}{% endtablerow %}{% endfor %}", kData, o),
            errc::output_limit);
}

}  // namespace
}  // namespace liquid
