// Tests liquid/src/grammar.hpp: the PEG has no rule that can loop without consuming input, and
// each top-level rule accepts exactly the markup Shopify Liquid's strict lexer + parser accept.
#include "grammar.hpp"

#include <gtest/gtest.h>

#include <string>
#include <tao/pegtl/contrib/analyze.hpp>

namespace liquid::grammar {
namespace {

TEST(Grammar, TopLevelRulesHaveNoInfiniteLoops) {
  // analyze() prints the offending rules and returns their number.
  EXPECT_EQ(pegtl::analyze<filtered>(), 0u);
  EXPECT_EQ(pegtl::analyze<condition>(), 0u);
  EXPECT_EQ(pegtl::analyze<loop_markup>(), 0u);
  EXPECT_EQ(pegtl::analyze<expression>(), 0u);
  // strict2
  EXPECT_EQ(pegtl::analyze<filtered2>(), 0u);
  EXPECT_EQ(pegtl::analyze<case_markup>(), 0u);
  EXPECT_EQ(pegtl::analyze<when_markup>(), 0u);
  EXPECT_EQ(pegtl::analyze<cycle_markup>(), 0u);
  EXPECT_EQ(pegtl::analyze<loop_markup2>(), 0u);
  EXPECT_EQ(pegtl::analyze<tablerow_markup>(), 0u);
  EXPECT_EQ(pegtl::analyze<include_markup>(), 0u);
  EXPECT_EQ(pegtl::analyze<render_markup>(), 0u);
}

// true: the whole input matches; false: it does not (a must<> failure counts as a rejection).
template <typename Rule>
bool accepts(const std::string& text) {
  pegtl::memory_input in(text, "test");
  try {
    return pegtl::parse<seq<Rule, eof>>(in);
  } catch (const pegtl::parse_error&) {
    return false;
  }
}

struct Case {
  const char* text;
  bool accepted;
};

class Expression : public ::testing::TestWithParam<Case> {};
TEST_P(Expression, Accepts) {
  EXPECT_EQ((accepts<seq<ws, expression, ws>>(GetParam().text)), GetParam().accepted) << GetParam().text;
}
INSTANTIATE_TEST_SUITE_P(
    Grammar, Expression,
    ::testing::Values(Case{"x", true}, Case{"x.y", true}, Case{"x . y", true}, Case{"x.y.z", true},
                      Case{"x[0]", true}, Case{"x[-1]", true}, Case{"x[ 'a b' ]", true},
                      Case{"x[y[z]]", true}, Case{"x[y].z", true}, Case{"['x']", true},
                      Case{"[x].y", true}, Case{"x-y", true}, Case{"x?", true}, Case{"_", true},
                      Case{"'s'", true}, Case{"\"s\"", true}, Case{"''", true}, Case{"'a\"b'", true},
                      Case{"1", true}, Case{"-1", true}, Case{"1.5", true}, Case{"-0.5", true},
                      Case{"(1..2)", true}, Case{"( a .. b )", true}, Case{"(x.y..z[0])", true},
                      Case{"((1..2)..3)", true}, Case{"  x  ", true},
                      // rejected
                      Case{"", false}, Case{"1.", false}, Case{".x", false}, Case{"x.", false},
                      Case{"x..y", false}, Case{"x.1", false}, Case{"(1..)", false}, Case{"(1.2)", false},
                      Case{"(1..2", false}, Case{"'open", false}, Case{"\"open", false}, Case{"x[", false},
                      Case{"x[]", false}, Case{"x[0", false}, Case{"@x", false}, Case{"x y", false},
                      Case{"-x", false}, Case{"1.5.2", false}, Case{"- 1", false}, Case{"x.[0]", false},
                      Case{"x?y", false}, Case{"9x", false}));

class Filtered : public ::testing::TestWithParam<Case> {};
TEST_P(Filtered, Accepts) { EXPECT_EQ(accepts<filtered>(GetParam().text), GetParam().accepted) << GetParam().text; }
INSTANTIATE_TEST_SUITE_P(
    Grammar, Filtered,
    ::testing::Values(Case{"", true}, Case{"  ", true}, Case{"x", true}, Case{"x | f", true},
                      Case{"x|f|g", true}, Case{"x | f: 1", true}, Case{"x | f: 1, 'a', y", true},
                      Case{"x | f: k: 1", true}, Case{"x | f: 1, k: y, 2", true}, Case{"x | f:1,k:2", true},
                      Case{"'a' | f", true}, Case{"(1..3) | join: ','", true}, Case{"x | f: a.b[0]", true},
                      // rejected
                      Case{"| f", false}, Case{"x |", false}, Case{"x | | f", false}, Case{"x || f", false},
                      Case{"x | f:", false}, Case{"x | f: 1,", false}, Case{"x | f: , 1", false},
                      Case{"x | f: k:", false}, Case{"x | f 1", false}, Case{"x y", false},
                      Case{"x | 1", false}, Case{"x | f g", false}, Case{"x | f: 1 2", false},
                      Case{"x | f: k: 1 2", false}));

class Condition : public ::testing::TestWithParam<Case> {};
TEST_P(Condition, Accepts) { EXPECT_EQ(accepts<condition>(GetParam().text), GetParam().accepted) << GetParam().text; }
INSTANTIATE_TEST_SUITE_P(
    Grammar, Condition,
    ::testing::Values(Case{"a", true}, Case{"a == b", true}, Case{"a==b", true}, Case{"a != 1", true},
                      Case{"a <> 1", true}, Case{"a < 1", true}, Case{"a <= 1", true}, Case{"a > 1", true},
                      Case{"a >= 1", true}, Case{"a contains 'x'", true}, Case{"a and b", true},
                      Case{"a or b and c", true}, Case{"a == 1 and b != 2 or c", true},
                      Case{"empty", true}, Case{"a == empty", true}, Case{"(1..3) contains 2", true},
                      Case{"a and\nb", true},
                      // rejected
                      Case{"", false}, Case{"a ==", false}, Case{"a = b", false}, Case{"a === b", false},
                      Case{"a and", false}, Case{"and a", false}, Case{"a && b", false},
                      Case{"a containsb", false}, Case{"a contains", false}, Case{"a b", false},
                      Case{"a == b c", false}, Case{"a andb", false}, Case{"a =~ b", false},
                      Case{"not a", false}, Case{"a | f", false}));

class LoopMarkup : public ::testing::TestWithParam<Case> {};
TEST_P(LoopMarkup, Accepts) {
  EXPECT_EQ(accepts<loop_markup>(GetParam().text), GetParam().accepted) << GetParam().text;
}
INSTANTIATE_TEST_SUITE_P(
    Grammar, LoopMarkup,
    ::testing::Values(Case{"i in arr", true}, Case{"i in arr reversed", true},
                      Case{"i in arr limit: 2 offset: 1", true}, Case{"i in arr reversed limit:2", true},
                      Case{"i in (1..3)", true}, Case{"i-j in arr", true}, Case{"i in arr offset: continue", true},
                      Case{"i in a.b[0]", true}, Case{"i in arr junk: 1", true},
                      // rejected
                      Case{"", false}, Case{"i arr", false}, Case{"in arr", false}, Case{"i in", false},
                      Case{"i in arr junk", false}, Case{"i in arr limit:", false},
                      Case{"i in arr limit: 2 reversed", false}, Case{"i inarr", false},
                      Case{"1 in arr", false}, Case{"i in arr, limit: 2", false},
                      Case{"i in arr reversedx", false}));

// ---- strict2 (Liquid 5.13) ----

class Filtered2 : public ::testing::TestWithParam<Case> {};
TEST_P(Filtered2, Accepts) { EXPECT_EQ(accepts<filtered2>(GetParam().text), GetParam().accepted) << GetParam().text; }
INSTANTIATE_TEST_SUITE_P(
    Grammar, Filtered2,
    ::testing::Values(Case{"x | f", true}, Case{"x | f: 1, k: 2", true},
                      // what strict2 accepts and strict does not
                      Case{"x | f:", true}, Case{"x | f: | g", true}, Case{"x | f: 1,", true},
                      Case{"x | f: 1, | g:", true}, Case{"x | f: k: 1,", true},
                      // still rejected
                      Case{"x | f: , 1", false}, Case{"x | f: 1,, 2", false}, Case{"x | f: 1 2", false},
                      Case{"x |", false}, Case{"x | | f", false}, Case{"x y", false}, Case{"x | f: k:", false}));

class When2 : public ::testing::TestWithParam<Case> {};
TEST_P(When2, Accepts) { EXPECT_EQ(accepts<when_markup>(GetParam().text), GetParam().accepted) << GetParam().text; }
INSTANTIATE_TEST_SUITE_P(Grammar, When2,
                         ::testing::Values(Case{"1", true}, Case{"1, 2", true}, Case{"1 or 2", true},
                                           Case{"'a' or b, c.d or (1..2)", true}, Case{"empty", true},
                                           Case{"", false}, Case{"1 and 2", false}, Case{"'bar' and 'Hello', 'Hello'", false},
                                           Case{"1,", false}, Case{"1 or", false}, Case{"1 2", false},
                                           Case{"1 orx 2", false}, Case{"1 == 1", false}));

class Case2 : public ::testing::TestWithParam<Case> {};
TEST_P(Case2, Accepts) { EXPECT_EQ(accepts<case_markup>(GetParam().text), GetParam().accepted) << GetParam().text; }
INSTANTIATE_TEST_SUITE_P(Grammar, Case2,
                         ::testing::Values(Case{"x", true}, Case{" x.y[0] ", true}, Case{"'s'", true}, Case{"", false},
                                           Case{"x y", false}, Case{"x | f", false}, Case{"x == 1", false}));

class Cycle2 : public ::testing::TestWithParam<Case> {};
TEST_P(Cycle2, Accepts) { EXPECT_EQ(accepts<cycle_markup>(GetParam().text), GetParam().accepted) << GetParam().text; }
INSTANTIATE_TEST_SUITE_P(Grammar, Cycle2,
                         ::testing::Values(Case{"'a'", true}, Case{"'a', 'b'", true}, Case{"'a', 'b',", true},
                                           Case{"g: 'a', b", true}, Case{"'g' : 1", true}, Case{"g.h: 1, 2", true},
                                           Case{"", false}, Case{"'a' 'b'", false}, Case{"'a',, 'b'", false},
                                           Case{"g:", false}, Case{"g: 1: 2", false}, Case{", 'a'", false}));

class Loop2 : public ::testing::TestWithParam<Case> {};
TEST_P(Loop2, Accepts) { EXPECT_EQ(accepts<loop_markup2>(GetParam().text), GetParam().accepted) << GetParam().text; }
INSTANTIATE_TEST_SUITE_P(Grammar, Loop2,
                         ::testing::Values(Case{"i in a", true}, Case{"i in a reversed limit: 1 offset: 2", true},
                                           Case{"i in a limit: 1, offset: 2", true}, Case{"i in a, limit: 1", true},
                                           Case{"i in a limit: 1,", false}, Case{"i in a limit 1", false},
                                           Case{"i in a limit: 1 reversed", false}));

class Tablerow2 : public ::testing::TestWithParam<Case> {};
TEST_P(Tablerow2, Accepts) {
  EXPECT_EQ(accepts<tablerow_markup>(GetParam().text), GetParam().accepted) << GetParam().text;
}
INSTANTIATE_TEST_SUITE_P(Grammar, Tablerow2,
                         ::testing::Values(Case{"i in a", true}, Case{"i in a cols: 2", true},
                                           Case{"i in a, cols: 2, limit: 3,", true}, Case{"i in (1..3) offset:1", true},
                                           Case{"i in a cols", false}, Case{"i in a cols: ", false},
                                           Case{"i in a limit: foo=>bar", false}, Case{"i a", false}));

class Include2 : public ::testing::TestWithParam<Case> {};
TEST_P(Include2, Accepts) {
  EXPECT_EQ(accepts<include_markup>(GetParam().text), GetParam().accepted) << GetParam().text;
}
INSTANTIATE_TEST_SUITE_P(
    Grammar, Include2,
    ::testing::Values(Case{"'p'", true}, Case{"name", true}, Case{"'p' with x", true}, Case{"'p' for xs as x", true},
                      Case{"'p' with x as y, k: 1, j: 2", true}, Case{"'p', k: 1", true}, Case{"'p' k: 1 j: 2", true},
                      Case{"'p' k: 1,", true}, Case{"", false}, Case{"'p' with", false}, Case{"'p' as", false},
                      Case{"'p' k", false}, Case{"'p' k:", false}, Case{"'p' 'q'", false}, Case{"'p' as x y", false}));

class Render2 : public ::testing::TestWithParam<Case> {};
TEST_P(Render2, Accepts) { EXPECT_EQ(accepts<render_markup>(GetParam().text), GetParam().accepted) << GetParam().text; }
INSTANTIATE_TEST_SUITE_P(Grammar, Render2,
                         ::testing::Values(Case{"'p'", true}, Case{"\"p\" for xs as x, k: 1", true}, Case{"name", false},
                                           Case{"(1..2)", false}, Case{"'p' with", false}));

}  // namespace
}  // namespace liquid::grammar
