// Tests liquid/src/strict_parser.cpp: the parse trees the strict grammar builds, and where its
// errors point (absolute offsets, then line and column through Template::parse).
#include <gtest/gtest.h>

#include <string>

#include "expression_parser.hpp"
#include "test_util.hpp"

namespace liquid {
namespace {

using detail::ExpressionError;
using detail::Markup;
using testing::describe;

const Environment& env() { return *Environment::default_standard(); }

struct TreeCase {
  const char* markup;
  const char* tree;
};

class StrictFiltered : public ::testing::TestWithParam<TreeCase> {};
TEST_P(StrictFiltered, Builds) {
  EXPECT_EQ(describe(detail::parse_filtered_strict({GetParam().markup, 0}, env())), GetParam().tree)
      << GetParam().markup;
}
INSTANTIATE_TEST_SUITE_P(
    StrictParser, StrictFiltered,
    ::testing::Values(TreeCase{"x", "x"}, TreeCase{"", "nil"}, TreeCase{"   ", "nil"},
                      TreeCase{" x.y[0]['k'][i] ", "x.y[0][\"k\"][i]"}, TreeCase{"x . y", "x.y"},
                      TreeCase{"'s' | upcase", "\"s\" | upcase"}, TreeCase{"\"a'b\"", "\"a'b\""},
                      TreeCase{"x | f: 1, 'a', k: y | g", "x | f(1, \"a\", k=y) | g"},
                      TreeCase{"x | f: k: 1, 2", "x | f(2, k=1)"}, TreeCase{"x|f:1,2", "x | f(1, 2)"},
                      TreeCase{"1.5", "1.5"}, TreeCase{"-2", "-2"}, TreeCase{"007", "7"},
                      TreeCase{"99999999999999999999", "1.0e+20"}, TreeCase{"nil", "nil"},
                      TreeCase{"null", "nil"}, TreeCase{"true", "true"}, TreeCase{"false", "false"},
                      TreeCase{"empty", "\"\""}, TreeCase{"blank", "\"\""}, TreeCase{"(1..3)", "1..3"},
                      TreeCase{"( 1 .. 3 )", "1..3"}, TreeCase{"(a..3)", "(a..3)"},
                      TreeCase{"('1'..'3')", "1..3"}, TreeCase{"(1.5..3.9)", "1..3"},
                      TreeCase{"['a b']", "a b"}, TreeCase{"[x]", "[x]"}, TreeCase{"[x].y", "[x].y"},
                      TreeCase{"x['y']", "x[\"y\"]"}, TreeCase{"x.size", "x.size"},
                      TreeCase{"x[nil]", "x[nil]"}, TreeCase{"x-y?", "x-y?"},
                      TreeCase{"nil.x", "nil.x"}, TreeCase{"true.x", "true.x"}));

class StrictCondition : public ::testing::TestWithParam<TreeCase> {};
TEST_P(StrictCondition, Builds) {
  EXPECT_EQ(describe(detail::parse_condition_strict({GetParam().markup, 0})), GetParam().tree) << GetParam().markup;
}
INSTANTIATE_TEST_SUITE_P(
    StrictParser, StrictCondition,
    ::testing::Values(TreeCase{"a", "a"}, TreeCase{"a == 1", "(a == 1)"}, TreeCase{"a<>b", "(a != b)"},
                      TreeCase{"a != b", "(a != b)"}, TreeCase{"a >= 1.5", "(a >= 1.5)"},
                      TreeCase{"a contains 'x'", "(a contains \"x\")"},
                      // and/or fold to the right, with no precedence (Ruby)
                      TreeCase{"a and b or c", "(a and (b or c))"},
                      TreeCase{"a or b and c", "(a or (b and c))"},
                      TreeCase{"a == 1 or b < 2 and c", "((a == 1) or ((b < 2) and c))"},
                      TreeCase{"a == empty", "(a == :empty)"}, TreeCase{"blank != a", "(:blank != a)"},
                      TreeCase{"empty", ":empty"}, TreeCase{"x[empty]", "x[\"\"]"},
                      TreeCase{"(1..3) contains 2", "(1..3 contains 2)"},
                      TreeCase{"nil == null", "(nil == nil)"}));

class StrictExpression : public ::testing::TestWithParam<TreeCase> {};
TEST_P(StrictExpression, Builds) {
  EXPECT_EQ(describe(detail::parse_expression_strict({GetParam().markup, 0})), GetParam().tree)
      << GetParam().markup;
}
INSTANTIATE_TEST_SUITE_P(StrictParser, StrictExpression,
                         ::testing::Values(TreeCase{" x ", "x"}, TreeCase{"'a'", "\"a\""},
                                           TreeCase{"(x..y)", "(x..y)"}, TreeCase{"a[b[c]]", "a[b[c]]"}));

TEST(StrictParser, LoopMarkup) {
  auto m = detail::parse_loop_strict({"item in a.b reversed limit: 2 offset: continue", 0});
  EXPECT_EQ(m.variable, "item");
  EXPECT_EQ(describe(m.collection), "a.b");
  EXPECT_EQ(m.collection.offset, 8u);
  EXPECT_TRUE(m.reversed);
  ASSERT_EQ(m.attributes.size(), 2u);
  EXPECT_EQ(m.attributes[0].first, "limit");
  EXPECT_EQ(describe(m.attributes[0].second), "2");
  EXPECT_EQ(m.attributes[1].first, "offset");
  EXPECT_EQ(describe(m.attributes[1].second), "continue");
  EXPECT_EQ(m.attribute_offsets[1], 30u);

  auto plain = detail::parse_loop_strict({"i in (1..n)", 100});
  EXPECT_FALSE(plain.reversed);
  EXPECT_TRUE(plain.attributes.empty());
  EXPECT_EQ(describe(plain.collection), "(1..n)");
  EXPECT_EQ(plain.collection.offset, 105u);
}

TEST(StrictParser, NodeOffsetsAreAbsolute) {
  auto f = detail::parse_filtered_strict({"  a.b | upcase: c", 40}, env());
  EXPECT_EQ(f.offset, 40u);
  EXPECT_EQ(f.base.offset, 42u);
  ASSERT_EQ(f.filters.size(), 1u);
  EXPECT_EQ(f.filters[0].offset, 48u);
  EXPECT_EQ(f.filters[0].args[0].offset, 56u);
  EXPECT_NE(f.filters[0].def, nullptr);
  auto& var = std::get<ast::Variable>(f.base.node);
  EXPECT_EQ(var.lookups[0].offset, 44u);
  auto unknown = detail::parse_filtered_strict({"a | nosuch", 0}, env());
  EXPECT_EQ(unknown.filters[0].def, nullptr);
}

struct ErrorCase {
  const char* markup;
  std::uint32_t offset;  // where the error points, relative to the markup
};

// Markups are parsed at base 1000, so every offset checks the absolute position.
std::uint32_t filtered_error_at(const char* markup) {
  try {
    detail::parse_filtered_strict({markup, 1000}, env());
  } catch (const ExpressionError& e) {
    return e.offset() - 1000;
  }
  return UINT32_MAX;
}
std::uint32_t condition_error_at(const char* markup) {
  try {
    detail::parse_condition_strict({markup, 1000});
  } catch (const ExpressionError& e) {
    return e.offset() - 1000;
  }
  return UINT32_MAX;
}
std::uint32_t loop_error_at(const char* markup) {
  try {
    detail::parse_loop_strict({markup, 1000});
  } catch (const ExpressionError& e) {
    return e.offset() - 1000;
  }
  return UINT32_MAX;
}

class StrictFilteredError : public ::testing::TestWithParam<ErrorCase> {};
TEST_P(StrictFilteredError, PointsAtTheFault) {
  EXPECT_EQ(filtered_error_at(GetParam().markup), GetParam().offset) << GetParam().markup;
}
INSTANTIATE_TEST_SUITE_P(
    StrictParser, StrictFilteredError,
    ::testing::Values(ErrorCase{"x y", 2}, ErrorCase{"x |", 3}, ErrorCase{"x | | f", 4}, ErrorCase{"x || f", 3},
                      ErrorCase{"x | f:", 6}, ErrorCase{"x | f: 1,", 9}, ErrorCase{"x | f: 1 2", 9},
                      ErrorCase{"'abc", 4}, ErrorCase{"\"abc", 4}, ErrorCase{"x[", 2}, ErrorCase{"x[0", 3},
                      ErrorCase{"x.1", 2}, ErrorCase{"x.", 2}, ErrorCase{"(1..)", 4}, ErrorCase{"(1 2)", 3},
                      ErrorCase{"(1..2", 5}, ErrorCase{"x..y", 1}, ErrorCase{"@x", 0}, ErrorCase{"-x", 0},
                      ErrorCase{"| f", 0}, ErrorCase{"x | f: k:", 9}, ErrorCase{"1.5.2", 3},
                      ErrorCase{"x | 1", 4}));

class StrictConditionError : public ::testing::TestWithParam<ErrorCase> {};
TEST_P(StrictConditionError, PointsAtTheFault) {
  EXPECT_EQ(condition_error_at(GetParam().markup), GetParam().offset) << GetParam().markup;
}
INSTANTIATE_TEST_SUITE_P(StrictParser, StrictConditionError,
                         ::testing::Values(ErrorCase{"", 0}, ErrorCase{"a ==", 4}, ErrorCase{"a = b", 2},
                                           ErrorCase{"a and", 5}, ErrorCase{"and a", 4}, ErrorCase{"a && b", 2},
                                           ErrorCase{"a contains", 2}, ErrorCase{"a b", 2},
                                           ErrorCase{"a == b c", 7}, ErrorCase{"a | f", 2}));

class StrictLoopError : public ::testing::TestWithParam<ErrorCase> {};
TEST_P(StrictLoopError, PointsAtTheFault) {
  EXPECT_EQ(loop_error_at(GetParam().markup), GetParam().offset) << GetParam().markup;
}
INSTANTIATE_TEST_SUITE_P(StrictParser, StrictLoopError,
                         ::testing::Values(ErrorCase{"", 0}, ErrorCase{"i arr", 2}, ErrorCase{"i in", 4},
                                           ErrorCase{"i in arr junk", 9}, ErrorCase{"i in arr limit:", 15},
                                           ErrorCase{"i in arr limit: 2 reversed", 18}, ErrorCase{"1 in a", 0}));

TEST(StrictParser, NestingIsBounded) {
  std::string deep = "x";
  for (int i = 0; i < 100; ++i) deep += "[x";
  deep += std::string(100, ']');
  EXPECT_NE(filtered_error_at(deep.c_str()), UINT32_MAX);
  std::string ranges;
  for (int i = 0; i < 100; ++i) ranges += "(";
  ranges += "1";
  for (int i = 0; i < 100; ++i) ranges += "..1)";
  EXPECT_NE(filtered_error_at(ranges.c_str()), UINT32_MAX);
  std::string ok = "x";
  for (int i = 0; i < 30; ++i) ok += "[x";
  ok += std::string(30, ']');
  EXPECT_EQ(filtered_error_at(ok.c_str()), UINT32_MAX);
  try {
    detail::parse_filtered_strict({deep, 0}, env());
  } catch (const ExpressionError& e) {
    EXPECT_EQ(e.id(), errc::nesting_too_deep);
  }
}

TEST(StrictParser, ConditionChainsAreBounded) {
  std::string chain = "a";
  for (std::size_t i = 0; i < detail::kMaxLogicalOperators; ++i) chain += " and a";
  EXPECT_NO_THROW(detail::parse_condition_strict({chain, 0}));
  chain += " or a";
  try {
    detail::parse_condition_strict({chain, 0});
    FAIL() << "accepted";
  } catch (const ExpressionError& e) {
    EXPECT_EQ(e.id(), errc::nesting_too_deep);
    EXPECT_EQ(e.offset(), chain.size() - 4);
  }
}

// ---- strict2 (Liquid 5.13) ----

class Strict2Filtered : public ::testing::TestWithParam<TreeCase> {};
TEST_P(Strict2Filtered, Builds) {
  EXPECT_EQ(describe(detail::parse_filtered_strict2({GetParam().markup, 0}, env())), GetParam().tree)
      << GetParam().markup;
}
INSTANTIATE_TEST_SUITE_P(StrictParser, Strict2Filtered,
                         ::testing::Values(TreeCase{"x | f: 1, k: 2", "x | f(1, k=2)"}, TreeCase{"x | f:", "x | f"},
                                           TreeCase{"x | f: | g: 1,", "x | f | g(1)"},
                                           TreeCase{"x | f: a, k: b,", "x | f(a, k=b)"}, TreeCase{"", "nil"}));

TEST(StrictParser, Strict2Case) {
  auto subject = detail::parse_case_subject_strict2({" a.b ", 10});
  EXPECT_EQ(describe(subject.expr), "a.b");
  EXPECT_EQ(subject.expr.offset, 11u);
  EXPECT_EQ(subject.length, 3u);
  auto values = detail::parse_when_strict2({"1, 'x' or empty,b", 0});
  ASSERT_EQ(values.size(), 4u);
  EXPECT_EQ(describe(values[0].expr), "1");
  EXPECT_EQ(describe(values[1].expr), "\"x\"");
  EXPECT_EQ(describe(values[2].expr), ":empty");
  EXPECT_EQ(values[3].expr.offset, 16u);
  try {
    detail::parse_when_strict2({"'bar' and 'Hello', 'Hello'", 100});
    FAIL() << "accepted";
  } catch (const ExpressionError& e) {
    EXPECT_EQ(e.id(), errc::syntax);
    EXPECT_EQ(e.offset(), 106u);
  }
}

TEST(StrictParser, Strict2Cycle) {
  auto named = detail::parse_cycle_strict2({"g: 'a', b,", 0});
  ASSERT_TRUE(named.group.has_value());
  EXPECT_EQ(describe(named.group->expr), "g");
  ASSERT_EQ(named.values.size(), 2u);
  EXPECT_EQ(describe(named.values[1].expr), "b");
  auto plain = detail::parse_cycle_strict2({"nil, 'x'", 0});
  EXPECT_FALSE(plain.group.has_value());
  EXPECT_EQ(plain.values.size(), 2u);  // strict2 keeps a nil value (lax drops it)
}

TEST(StrictParser, Strict2Loops) {
  auto f = detail::parse_loop_strict2({"i in a reversed, limit: 2, offset: 1", 0});
  EXPECT_TRUE(f.reversed);
  ASSERT_EQ(f.attributes.size(), 2u);
  EXPECT_EQ(f.attributes[1].first, "offset");
  EXPECT_EQ(f.attribute_offsets[1], 27u);
  auto t = detail::parse_tablerow_strict2({"i in a, cols: 2, range: 1", 0});
  ASSERT_EQ(t.attributes.size(), 2u);
  EXPECT_EQ(t.attributes[0].first, "cols");
  EXPECT_EQ(t.attributes[1].first, "range");
  // Unknown attribute names fail where they are written.
  for (auto [markup, offset] : {std::pair{"i in a junk: 1", 7u}, std::pair{"i in a limit: 1 reversed", 16u}}) {
    try {
      detail::parse_loop_strict2({markup, 0});
      FAIL() << markup;
    } catch (const ExpressionError& e) {
      EXPECT_EQ(e.offset(), offset) << markup;
    }
  }
  try {
    detail::parse_tablerow_strict2({"i in a reversed", 0});
    FAIL() << "accepted";
  } catch (const ExpressionError& e) {
    EXPECT_EQ(e.offset(), 7u);
  }
}

TEST(StrictParser, Strict2Partials) {
  auto inc = detail::parse_include_strict2({"name for items as item, a: 1, b: x.y", 0});
  EXPECT_EQ(describe(inc.name.expr), "name");
  ASSERT_TRUE(inc.variable.has_value());
  EXPECT_EQ(describe(inc.variable->expr), "items");
  EXPECT_TRUE(inc.is_for);
  EXPECT_EQ(inc.alias, "item");
  ASSERT_EQ(inc.attributes.size(), 2u);
  EXPECT_EQ(inc.attributes[1].first, "b");
  EXPECT_EQ(describe(inc.attributes[1].second.expr), "x.y");
  auto ren = detail::parse_render_strict2({"'card' with p", 0});
  EXPECT_EQ(describe(ren.name.expr), "\"card\"");
  EXPECT_EQ(ren.name.length, 6u);
  EXPECT_FALSE(ren.is_for);
  EXPECT_THROW(detail::parse_render_strict2({"card", 0}), ExpressionError);
}

struct PositionCase {
  const char* source;
  std::uint32_t line;
  std::uint32_t column;
};

class StrictTemplateError : public ::testing::TestWithParam<PositionCase> {};
TEST_P(StrictTemplateError, HasLineAndColumn) {
  auto e = testing::error_of(GetParam().source, "", testing::strict());
  EXPECT_EQ(e.id, errc::syntax) << GetParam().source;
  EXPECT_TRUE(e.syntax);
  EXPECT_EQ(e.line, GetParam().line) << GetParam().source;
  EXPECT_EQ(e.column, GetParam().column) << GetParam().source;
}
INSTANTIATE_TEST_SUITE_P(StrictParser, StrictTemplateError,
                         ::testing::Values(PositionCase{"{{ a b }}", 1, 6}, PositionCase{"x\n{% if a = b %}", 2, 9},
                                           PositionCase{"{% for i in a junk %}{% endfor %}", 1, 15},
                                           PositionCase{"ab\ncd{{ x | }}", 2, 10},
                                           PositionCase{"{% assign v = a b %}", 1, 17},
                                           PositionCase{"{% echo 'x %}", 1, 11},
                                           PositionCase{"{% liquid\n  echo a\n  echo a b\n%}", 3, 10},
                                           PositionCase{"{% for i in a limit: 1 junk: 2 %}{% endfor %}", 1, 24}));

}  // namespace
}  // namespace liquid
