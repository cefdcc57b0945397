// Tests liquid/src/lexer.cpp: the template tokenizer, `{% liquid %}` line tokens and the embedded
// end tags that raw, comment and doc look for.
#include "lexer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace liquid::lex {
namespace {

// A compact rendering of a token stream: T"text" O"markup" G<name>"markup", with flags.
std::string describe(std::string_view src, const std::vector<Token>& tokens) {
  std::string s;
  for (const Token& t : tokens) {
    if (!s.empty()) s += ' ';
    switch (t.kind) {
      case Token::Kind::text: s += "T\"" + std::string(t.text(src)) + "\""; continue;
      case Token::Kind::output: s += 'O'; break;
      case Token::Kind::tag: s += 'G'; break;
    }
    if (!t.well_formed) {
      s += "!\"" + std::string(t.text(src)) + "\"";
      continue;
    }
    if (t.trim_left) s += '-';
    if (t.kind == Token::Kind::tag) s += "<" + std::string(t.name(src)) + ">";
    s += "\"" + std::string(t.markup(src)) + "\"";
    if (t.trim_right) s += '-';
  }
  return s;
}

struct TokenizeCase {
  const char* source;
  const char* expected;
};

class Tokenize : public ::testing::TestWithParam<TokenizeCase> {};

TEST_P(Tokenize, Splits) {
  std::string_view src = GetParam().source;
  EXPECT_EQ(describe(src, tokenize(src)), GetParam().expected) << "source: " << src;
}

INSTANTIATE_TEST_SUITE_P(
    Lexer, Tokenize,
    ::testing::Values(
        TokenizeCase{"", ""},
        TokenizeCase{"plain text", "T\"plain text\""},
        TokenizeCase{"a{{ x }}b", "T\"a\" O\" x \" T\"b\""},
        TokenizeCase{"{{x}}{{y}}", "O\"x\" O\"y\""},
        TokenizeCase{"{% if x %}y{% endif %}", "G<if>\"x \" T\"y\" G<endif>\"\""},
        TokenizeCase{"{%if x%}", "G<if>\"x\""},
        TokenizeCase{"{%- if x -%}", "G-<if>\"x \"-"},
        TokenizeCase{"{{- x -}}", "O-\" x \"-"},
        TokenizeCase{"{{-x}}", "O-\"x\""},
        TokenizeCase{"{{x-}}", "O\"x\"-"},
        // Ruby's token[-3] == '-': one dash serves both sides.
        TokenizeCase{"{{-}}", "O-\"\"-"},
        TokenizeCase{"{{}}", "O\"\""},
        TokenizeCase{"{% # note %}", "G<#>\"note \""},
        TokenizeCase{"{%#note%}", "G<#>\"note\""},
        TokenizeCase{"{% a_b1 c %}", "G<a_b1>\"c \""},
        TokenizeCase{"{%\nif\nx\n%}", "G<if>\"x\n\""},
        // The first `}}` / `%}` ends a markup, even inside quotes.
        TokenizeCase{"{{ '}}' }}", "O\" '\" T\"' }}\""},
        TokenizeCase{"{% if '%}' %}", "G<if>\"'\" T\"' %}\""},
        // `{{ x }` ends at the single brace and is malformed.
        TokenizeCase{"{{ x }", "O!\"{{ x }\""},
        TokenizeCase{"{{ x } y }}", "O!\"{{ x }\" T\" y }}\""},
        // Unclosed openers are tokens of their own.
        TokenizeCase{"a {{ b", "T\"a \" O!\"{{\" T\" b\""},
        TokenizeCase{"a {% b", "T\"a \" G!\"{%\" T\" b\""},
        TokenizeCase{"{{", "O!\"{{\""},
        TokenizeCase{"{%", "G!\"{%\""},
        // A tag without a name is malformed.
        TokenizeCase{"{% %}", "G!\"{% %}\""},
        TokenizeCase{"{%- -%}", "G!\"{%- -%}\""},
        TokenizeCase{"{% - %}", "G!\"{% - %}\""},
        TokenizeCase{"{%%}", "G!\"{%%}\""},
        // Lone braces are text.
        TokenizeCase{"{ { } }", "T\"{ { } }\""},
        TokenizeCase{"}}%}", "T\"}}%}\""},
        TokenizeCase{"{{{ x }}}", "O\"{ x \" T\"}\""},
        TokenizeCase{"{ {{ x }} }", "T\"{ \" O\" x \" T\" }\""},
        TokenizeCase{"{%% x %%}", "G!\"{%% x %%}\""}));

TEST(Lexer, TokenOffsetsCoverTheSource) {
  std::string_view src = "ab{{ c }}d{% e %}f{{";
  auto tokens = tokenize(src);
  ASSERT_EQ(tokens.size(), 6u);
  std::uint32_t pos = 0;
  for (const Token& t : tokens) {
    EXPECT_EQ(t.begin, pos);
    pos = t.end;
  }
  EXPECT_EQ(pos, src.size());
  EXPECT_EQ(tokens[1].markup_begin, 4u);
  EXPECT_EQ(tokens[3].name_begin, 13u);
}

TEST(Lexer, NulBytesAndInvalidUtf8AreText) {
  std::string src("a\0b\xff{{ \xc3\x28 }}", 12);
  auto tokens = tokenize(src);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].text(src), std::string_view("a\0b\xff", 4));
  EXPECT_EQ(tokens[1].markup(src), " \xc3\x28 ");
}

TEST(Lexer, LongInputIsLinear) {
  std::string src;
  for (int i = 0; i < 200000; ++i) src += "{{ x }}{ ";  // a lone brace stays text
  auto tokens = tokenize(src);
  EXPECT_EQ(tokens.size(), 400000u);
}

struct LinesCase {
  const char* body;
  const char* expected;
};

class LiquidLines : public ::testing::TestWithParam<LinesCase> {};

TEST_P(LiquidLines, OneTagPerLine) {
  std::string src = "{% liquid ";
  std::uint32_t base = static_cast<std::uint32_t>(src.size());
  src += GetParam().body;
  auto tokens = tokenize_liquid_lines(src, base, static_cast<std::uint32_t>(src.size()) - base);
  EXPECT_EQ(describe(src, tokens), GetParam().expected) << "body: " << GetParam().body;
}

INSTANTIATE_TEST_SUITE_P(
    Lexer, LiquidLines,
    ::testing::Values(LinesCase{"", ""},
                      LinesCase{"\n\n  \n", ""},
                      LinesCase{"echo x", "G<echo>\"x\""},
                      LinesCase{"assign a = 1\n  echo a  ", "G<assign>\"a = 1\" G<echo>\"a  \""},
                      LinesCase{"if x\r\nendif", "G<if>\"x\r\" G<endif>\"\""},
                      LinesCase{"# note\necho 1", "G<#>\"note\" G<echo>\"1\""},
                      LinesCase{"{{ x }}", "G!\"{{ x }}\""},
                      LinesCase{"123 x", "G<123>\"x\""},
                      LinesCase{"- x", "G!\"- x\""}));

struct EmbeddedCase {
  const char* token;
  const char* name;  // nullptr: none
  std::uint32_t prefix;
};

class Embedded : public ::testing::TestWithParam<EmbeddedCase> {};

TEST_P(Embedded, FindsTheLastTag) {
  auto e = find_embedded_tag(GetParam().token);
  if (!GetParam().name) {
    EXPECT_FALSE(e.has_value()) << GetParam().token;
    return;
  }
  ASSERT_TRUE(e.has_value()) << GetParam().token;
  EXPECT_EQ(e->name, GetParam().name);
  EXPECT_EQ(e->prefix_length, GetParam().prefix);
}

INSTANTIATE_TEST_SUITE_P(Lexer, Embedded,
                         ::testing::Values(EmbeddedCase{"{% endraw %}", "endraw", 0},
                                           EmbeddedCase{"abc{% endraw %}", "endraw", 3},
                                           EmbeddedCase{"x {%- endraw -%}", "endraw", 2},
                                           EmbeddedCase{"{% a %}{% b %}", "b", 7},
                                           EmbeddedCase{"{% a %}{% %}", "a", 0},
                                           EmbeddedCase{"{{ x }}", nullptr, 0},
                                           EmbeddedCase{"text", nullptr, 0},
                                           EmbeddedCase{"{% %}", nullptr, 0},
                                           EmbeddedCase{"%}", nullptr, 0},
                                           EmbeddedCase{"{% endraw", nullptr, 0}));

}  // namespace
}  // namespace liquid::lex
