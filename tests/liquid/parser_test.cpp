// Tests liquid/src/parser.cpp: block structure, the error id and position of every kind of
// malformed template, and parse_all collecting every error.
#include "parser.hpp"

#include <gtest/gtest.h>

#include <string>

#include "test_util.hpp"

namespace liquid {
namespace {

using testing::error_of;

struct SyntaxCase {
  const char* source;
  std::string_view id;
  std::uint32_t line;
  std::uint32_t column;
};

void PrintTo(const SyntaxCase& c, std::ostream* os) { *os << ::testing::PrintToString(std::string(c.source)); }

class Malformed : public ::testing::TestWithParam<SyntaxCase> {};
TEST_P(Malformed, FailsAtTheRightPlace) {
  const auto& c = GetParam();
  auto e = error_of(c.source);
  EXPECT_EQ(e.id, c.id) << c.source;
  EXPECT_TRUE(e.syntax) << c.source;
  EXPECT_EQ(e.line, c.line) << c.source;
  EXPECT_EQ(e.column, c.column) << c.source;
}

INSTANTIATE_TEST_SUITE_P(
    Parser, Malformed,
    ::testing::Values(
        // unterminated markup
        SyntaxCase{"{{ x", errc::unterminated_output, 1, 1}, SyntaxCase{"ab\n  {{ x", errc::unterminated_output, 2, 3},
        SyntaxCase{"{{ x }", errc::unterminated_output, 1, 1}, SyntaxCase{"{{", errc::unterminated_output, 1, 1},
        SyntaxCase{"{{ 'x' | upcase }", errc::unterminated_output, 1, 1},
        SyntaxCase{"{% if x", errc::unterminated_tag, 1, 1}, SyntaxCase{"a\nb{%", errc::unterminated_tag, 2, 2},
        SyntaxCase{"{% %}", errc::unterminated_tag, 1, 1}, SyntaxCase{"{%- -%}", errc::unterminated_tag, 1, 1},
        SyntaxCase{"{% 'if' %}", errc::unterminated_tag, 1, 1},
        // unknown and stray tags
        SyntaxCase{"{% nosuch %}", errc::unknown_tag, 1, 1}, SyntaxCase{"x\n  {% IF x %}", errc::unknown_tag, 2, 3},
        SyntaxCase{"{% endif %}", errc::unexpected_tag, 1, 1}, SyntaxCase{"{% else %}", errc::unexpected_tag, 1, 1},
        SyntaxCase{"{% elsif x %}", errc::unexpected_tag, 1, 1}, SyntaxCase{"{% when 1 %}", errc::unexpected_tag, 1, 1},
        SyntaxCase{"{% endraw %}", errc::unexpected_tag, 1, 1}, SyntaxCase{"{% endcomment %}", errc::unexpected_tag, 1, 1},
        SyntaxCase{"{% if x %}{% endif %}{% endif %}", errc::unexpected_tag, 1, 22},
        SyntaxCase{"{% if x %}{% endunless %}", errc::unexpected_tag, 1, 11},
        SyntaxCase{"a\n{% for i in x %}\n{% if y %}{% endfor %}", errc::unexpected_tag, 3, 11},
        SyntaxCase{"{% for i in x %}{% else %}{% else %}{% endfor %}", errc::unexpected_tag, 1, 27},
        SyntaxCase{"{% capture c %}{% else %}{% endcapture %}", errc::unexpected_tag, 1, 16},
        SyntaxCase{"{% if x %}{% nosuch %}{% endif %}", errc::unknown_tag, 1, 11},
        // blocks never closed: the error points at the opening tag
        SyntaxCase{"{% if x %}", errc::unclosed_block, 1, 1}, SyntaxCase{"a\n {% unless x %}b", errc::unclosed_block, 2, 2},
        SyntaxCase{"{% for i in x %}{% if y %}{% endif %}", errc::unclosed_block, 1, 1},
        SyntaxCase{"{% if y %}{% for i in x %}{% endif %}", errc::unexpected_tag, 1, 27},
        SyntaxCase{"{% case x %}{% when 1 %}", errc::unclosed_block, 1, 1},
        SyntaxCase{"{% capture c %}", errc::unclosed_block, 1, 1}, SyntaxCase{"{% tablerow i in x %}", errc::unclosed_block, 1, 1},
        SyntaxCase{"{% ifchanged %}", errc::unclosed_block, 1, 1}, SyntaxCase{"{% raw %}x", errc::unclosed_block, 1, 1},
        SyntaxCase{"{% comment %}x", errc::unclosed_block, 1, 1}, SyntaxCase{"{% doc %}x", errc::unclosed_block, 1, 1},
        SyntaxCase{"{% comment %}{% raw %}{% endcomment %}", errc::unclosed_block, 1, 1},
        SyntaxCase{"{% raw %}{% endraw", errc::unclosed_block, 1, 1},
        SyntaxCase{"{% comment %}{% endcomment", errc::unclosed_block, 1, 1},
        // malformed tag markup (lax mode still rejects these, as Ruby does)
        SyntaxCase{"{% if %}{% endif %}", errc::syntax, 1, 7}, SyntaxCase{"{% if x and %}{% endif %}", errc::syntax, 1, 7},
        SyntaxCase{"{% for %}{% endfor %}", errc::syntax, 1, 1}, SyntaxCase{"{% for i %}{% endfor %}", errc::syntax, 1, 1},
        SyntaxCase{"{% case %}{% endcase %}", errc::syntax, 1, 1},
        SyntaxCase{"{% case x %}{% when %}{% endcase %}", errc::syntax, 1, 1},
        SyntaxCase{"{% case x %}{% else y %}{% endcase %}", errc::syntax, 1, 1},
        SyntaxCase{"{% cycle %}", errc::syntax, 1, 1}, SyntaxCase{"{% assign %}", errc::syntax, 1, 1},
        SyntaxCase{"{% assign x %}", errc::syntax, 1, 1}, SyntaxCase{"{% capture %}{% endcapture %}", errc::syntax, 1, 1},
        SyntaxCase{"{% include %}", errc::syntax, 1, 1}, SyntaxCase{"{% render x %}", errc::syntax, 1, 1},
        SyntaxCase{"{% raw x %}{% endraw %}", errc::syntax, 1, 1}, SyntaxCase{"{% doc x %}{% enddoc %}", errc::syntax, 1, 1},
        SyntaxCase{"{% tablerow %}{% endtablerow %}", errc::syntax, 1, 1},
        SyntaxCase{"{% # a\n b %}", errc::syntax, 2, 2},
        SyntaxCase{"{% doc %}{% doc %}{% enddoc %}", errc::syntax, 1, 10},
        // {% liquid %}: one tag per line
        SyntaxCase{"{% liquid\n  junk here\n%}", errc::unknown_tag, 2, 3},
        SyntaxCase{"{% liquid\n  echo x\n  endif\n%}", errc::unexpected_tag, 3, 3},
        SyntaxCase{"{% liquid\n  if x\n  echo y\n%}", errc::unclosed_block, 2, 3},
        SyntaxCase{"{% liquid\n  {{ x }}\n%}", errc::unknown_tag, 2, 3},
        SyntaxCase{"{% liquid\n  for i in x\n  endif\n%}", errc::unexpected_tag, 3, 3}));

TEST(Parser, ErrorsNameTheTemplateAndShowTheLine) {
  ParseOptions po;
  po.name = "hooks/order.liquid";
  try {
    Template::parse("first\n\t{{ x | upcase }\nlast", po);
    FAIL() << "parsed";
  } catch (const SyntaxError& e) {
    const Diagnostic& d = e.diagnostic();
    EXPECT_EQ(d.where.name, "hooks/order.liquid");
    EXPECT_EQ(d.where.source_line, "\t{{ x | upcase }");
    EXPECT_EQ(d.where.offset, 7u);
    EXPECT_EQ(d.format(), "hooks/order.liquid:2:2: error: " + d.message + " [unterminated-output]\n  \t{{ x | upcase }\n  \t^");
  }
}

TEST(Parser, ParseAllCollectsEveryError) {
  auto r = Template::parse_all("{% nosuch %}{{ x }}\n{% endif %}\n{% if %}\n{{ y", {});
  EXPECT_FALSE(r.tmpl.has_value());
  ASSERT_EQ(r.diagnostics.size(), 4u);
  EXPECT_EQ(r.diagnostics[0].id, errc::unknown_tag);
  EXPECT_EQ(r.diagnostics[0].where.line, 1u);
  EXPECT_EQ(r.diagnostics[1].id, errc::unexpected_tag);
  EXPECT_EQ(r.diagnostics[1].where.line, 2u);
  EXPECT_EQ(r.diagnostics[2].id, errc::syntax);
  EXPECT_EQ(r.diagnostics[2].where.line, 3u);
  EXPECT_EQ(r.diagnostics[3].id, errc::unterminated_output);
  EXPECT_EQ(r.diagnostics[3].where.line, 4u);
}

TEST(Parser, ParseAllInStrictModeReportsEachBadExpression) {
  ParseOptions po;
  po.mode = ErrorMode::strict;
  auto r = Template::parse_all("{{ a b }}\n{% if x = 1 %}{% endif %}\n{% for i in %}{% endfor %}\n{{ ok }}", po);
  ASSERT_EQ(r.diagnostics.size(), 3u);
  for (const auto& d : r.diagnostics) EXPECT_EQ(d.id, errc::syntax);
  EXPECT_EQ(r.diagnostics[0].where.column, 6u);
  EXPECT_EQ(r.diagnostics[1].where.line, 2u);
  EXPECT_EQ(r.diagnostics[1].where.column, 9u);
  EXPECT_EQ(r.diagnostics[2].where.line, 3u);
}

TEST(Parser, ParseAllSkipsTheBodyOfABlockWhoseMarkupFailed) {
  // The end tag of a failed block is not reported as stray; errors inside it still are.
  auto r = Template::parse_all("{% for %}{% nosuch %}{% else %}{% endfor %}\n{% raw x %}{% if %}{% endraw %}{{ a", {});
  ASSERT_EQ(r.diagnostics.size(), 4u);
  EXPECT_EQ(r.diagnostics[0].id, errc::syntax);
  EXPECT_EQ(r.diagnostics[1].id, errc::unknown_tag);
  EXPECT_EQ(r.diagnostics[1].where.column, 10u);
  EXPECT_EQ(r.diagnostics[2].id, errc::syntax);
  EXPECT_EQ(r.diagnostics[2].where.line, 2u);
  EXPECT_EQ(r.diagnostics[3].id, errc::unterminated_output);
  // A failed block that is never closed: only its own error.
  auto unclosed = Template::parse_all("{% if %}abc", {});
  ASSERT_EQ(unclosed.diagnostics.size(), 1u);
  EXPECT_EQ(unclosed.diagnostics[0].id, errc::syntax);
}

TEST(Parser, ParseAllWithoutErrorsGivesTheTemplate) {
  auto r = Template::parse_all("{% if x %}{{ x }}{% endif %}", {});
  ASSERT_TRUE(r.tmpl.has_value());
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.tmpl->render(parse_json(R"({"x": 3})")), "3");
}

TEST(Parser, ParseAllStopsAtTwoHundredErrors) {
  std::string source;
  for (int i = 0; i < 1000; ++i) source += "{% nosuch %}";
  auto r = Template::parse_all(source, {});
  EXPECT_EQ(r.diagnostics.size(), 200u);
}

TEST(Parser, BlocksNestUpToTheDepthLimit) {
  auto nested = [](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "{% if true %}";
    s += "x";
    for (int i = 0; i < n; ++i) s += "{% endif %}";
    return s;
  };
  EXPECT_EQ(testing::render(nested(99)), "x");
  auto e = error_of(nested(101));
  EXPECT_EQ(e.id, errc::nesting_too_deep);
  testing::Options deeper;
  deeper.max_parse_depth = 500;
  deeper.limits.max_depth = 1000;
  EXPECT_EQ(testing::render(nested(400), "", deeper), "x");
  // The parse depth has a hard ceiling whatever the options say.
  deeper.max_parse_depth = 1000000;
  EXPECT_EQ(error_of(nested(5000), "", deeper).id, errc::nesting_too_deep);
  auto r = Template::parse_all(nested(200), {});
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics.back().id, errc::nesting_too_deep);
}

TEST(Parser, TemplateKeepsItsSourceNameAndMode) {
  ParseOptions po;
  po.name = "t";
  po.mode = ErrorMode::strict;
  auto t = Template::parse("a{{ b }}", po);
  EXPECT_EQ(t.source(), "a{{ b }}");
  EXPECT_EQ(t.name(), "t");
  EXPECT_EQ(t.mode(), ErrorMode::strict);
  ASSERT_EQ(t.root().nodes.size(), 2u);
  EXPECT_EQ(t.root().nodes[0]->tag_name(), "");
  EXPECT_EQ(t.root().nodes[1]->tag_name(), "{{");
  EXPECT_EQ(t.root().nodes[1]->offset(), 1u);
}

struct WhitespaceCase {
  const char* source;
  const char* output;
};

class WhitespaceControl : public ::testing::TestWithParam<WhitespaceCase> {};
TEST_P(WhitespaceControl, TrimsAsRuby) {
  EXPECT_EQ(testing::render(GetParam().source, R"({"s": "v", "t": true, "arr": [1, 2]})"), GetParam().output)
      << GetParam().source;
}
// Outputs checked against Ruby Liquid 5.4 (and golden-liquid where 5.4 differs: raw trimming).
INSTANTIATE_TEST_SUITE_P(
    Parser, WhitespaceControl,
    ::testing::Values(WhitespaceCase{"a  {{- s -}}  b", "avb"}, WhitespaceCase{"a {{- s }} b", "av b"},
                      WhitespaceCase{"a {{ s -}} b", "a vb"}, WhitespaceCase{"a \n {%- if t -%} \n x \n {%- endif -%} \n b", "axb"},
                      WhitespaceCase{"x\n{%- assign y = 1 -%}\ny", "xy"}, WhitespaceCase{"{%- raw -%} a {%- endraw -%} b", " a b"},
                      WhitespaceCase{" {%- comment -%} c {%- endcomment -%} b", "b"},
                      WhitespaceCase{"{% for i in arr -%} {{ i }} {%- endfor %}", "12"},
                      WhitespaceCase{"a {{-s-}} b", "avb"}, WhitespaceCase{"  {{- '' -}}  ", ""},
                      WhitespaceCase{"a\n\n{{- -}}\n\nb", "ab"}, WhitespaceCase{"a {{-}} b", "ab"},
                      WhitespaceCase{"{%- liquid\n echo s\n-%}  x", "vx"}, WhitespaceCase{"a {%- # c -%} b", "ab"},
                      WhitespaceCase{"{% if t %}\n  yes\n{% endif %}\n", "\n  yes\n\n"},
                      WhitespaceCase{"{% if true %} {% endif %}x", "x"}, WhitespaceCase{"{% for i in arr %} {% endfor %}x", "x"},
                      WhitespaceCase{"{% if t %} {% assign z = 1 %} {% endif %}x", "x"},
                      WhitespaceCase{"{% if t %} {{ '' }} {% endif %}x", "  x"},
                      WhitespaceCase{"a {%- raw %} x {% endraw -%} b", "a x b"},
                      WhitespaceCase{"\t{{- s -}}\r\n", "v"}, WhitespaceCase{"a\x0b\x0c {{- s }}", "av"}));

TEST(Parser, TrimmingLeftAlsoRemovesNulBytes) {
  // Ruby's rstrip removes NUL bytes too; lstrip does not.
  using namespace std::string_literals;
  EXPECT_EQ(testing::render("a\0 {{- 'v' -}} \0b"s), "av\0b"s);
}

}  // namespace
}  // namespace liquid
