// Tests liquid/src/tags/util.cpp: Ruby's integer conversions, the assign/capture name regexps and
// the loop segments of for/tablerow.
#include "tags/util.hpp"

#include <gtest/gtest.h>

#include "liquid/json.hpp"

namespace liquid::tags {
namespace {

struct IntCase {
  const char* json;
  std::optional<std::int64_t> to_i;        // Ruby's to_i
  std::optional<std::int64_t> to_integer;  // Liquid's Utils.to_integer
};

class Integers : public ::testing::TestWithParam<IntCase> {};
TEST_P(Integers, AsRuby) {
  Value v = parse_json(GetParam().json);
  EXPECT_EQ(ruby_to_i(v), GetParam().to_i) << GetParam().json;
  EXPECT_EQ(to_integer(v), GetParam().to_integer) << GetParam().json;
}
INSTANTIATE_TEST_SUITE_P(
    TagUtil, Integers,
    ::testing::Values(IntCase{"3", 3, 3}, IntCase{"-3", -3, -3}, IntCase{"2.9", 2, std::nullopt},
                      IntCase{"-2.9", -2, std::nullopt}, IntCase{"null", 0, std::nullopt},
                      IntCase{"\"42\"", 42, 42}, IntCase{"\" 42 \"", 42, 42}, IntCase{"\"+7\"", 7, 7},
                      IntCase{"\"3x\"", 3, std::nullopt}, IntCase{"\"x\"", 0, std::nullopt},
                      IntCase{"\"1_000\"", 1000, std::nullopt}, IntCase{"\"1.5\"", 1, std::nullopt},
                      IntCase{"\"-0\"", 0, 0}, IntCase{"\"99999999999999999999\"", INT64_MAX, std::nullopt},
                      IntCase{"1e30", INT64_MAX, std::nullopt}, IntCase{"true", std::nullopt, std::nullopt},
                      IntCase{"[1]", std::nullopt, std::nullopt}));

struct AssignCase {
  const char* markup;
  const char* name;  // "" when there is no match
  std::size_t rest;  // offset of the value
};

class AssignSyntax : public ::testing::TestWithParam<AssignCase> {};
TEST_P(AssignSyntax, MatchesRubysRegexp) {
  AssignTarget t = match_assign(GetParam().markup);
  EXPECT_EQ(t.name, GetParam().name) << GetParam().markup;
  if (*GetParam().name) {
    EXPECT_EQ(t.rest, GetParam().rest) << GetParam().markup;
  }
}
INSTANTIATE_TEST_SUITE_P(TagUtil, AssignSyntax,
                         ::testing::Values(AssignCase{"x = 1", "x", 4}, AssignCase{"x=1", "x", 2},
                                           AssignCase{"a.b[0] = 1", "a.b[0]", 9}, AssignCase{"a-b = 1", "a-b", 6},
                                           AssignCase{"(x) = 1", "(x)", 6}, AssignCase{"x == 1", "x", 3},
                                           AssignCase{"x y = 1", "y", 6}, AssignCase{"x? = 1", "", 0},
                                           AssignCase{"= 1", "", 0}, AssignCase{"x", "", 0}, AssignCase{"", "", 0}));

TEST(TagUtil, VariableSignature) {
  EXPECT_EQ(match_variable_signature("c"), "c");
  EXPECT_EQ(match_variable_signature(" 'c' "), "c");
  EXPECT_EQ(match_variable_signature("c d"), "c");
  EXPECT_EQ(match_variable_signature("a.b[0]"), "a.b[0]");
  EXPECT_EQ(match_variable_signature("!!"), "");
}

std::string items(const Segment& s, bool reversed = false) {
  std::string out;
  for (std::int64_t i = 0; i < s.size(); ++i) out += s.at(i, reversed).to_s() + ",";
  return out;
}

TEST(TagUtil, Segments) {
  Value arr = parse_json("[1,2,3,4,5]");
  EXPECT_EQ(items(Segment(arr, 0, std::nullopt)), "1,2,3,4,5,");
  EXPECT_EQ(items(Segment(arr, 1, 3)), "2,3,");
  EXPECT_EQ(items(Segment(arr, 1, 3), true), "3,2,");
  EXPECT_EQ(items(Segment(arr, -2, 2)), "1,2,");
  EXPECT_EQ(items(Segment(arr, 4, 100)), "5,");
  EXPECT_EQ(Segment(arr, 9, std::nullopt).size(), 0);
  EXPECT_EQ(Segment(arr, 3, 1).size(), 0);
  EXPECT_EQ(items(Segment(Value(Range{3, 6}), 1, 3)), "4,5,");
  EXPECT_EQ(items(Segment(parse_json(R"({"a":1,"b":2})"), 0, std::nullopt)), "a1,b2,");
  EXPECT_EQ(items(Segment(Value("str"), 0, std::nullopt)), "str,");
  EXPECT_EQ(Segment(Value(""), 0, std::nullopt).size(), 0);
  EXPECT_EQ(Segment(Value(5), 0, std::nullopt).size(), 0);
  EXPECT_EQ(Segment(Value(), 0, std::nullopt).size(), 0);
}

TEST(TagUtil, SegmentsOfTheWidestRanges) {
  Segment all(Value(Range{INT64_MIN, INT64_MAX}), 0, 2);
  EXPECT_EQ(items(all), "-9223372036854775808,-9223372036854775807,");
  Segment tail(Value(Range{INT64_MAX - 1, INT64_MAX}), 0, std::nullopt);
  EXPECT_EQ(items(tail), "9223372036854775806,9223372036854775807,");
  EXPECT_EQ(Segment(Value(Range{INT64_MIN, INT64_MAX}), 0, std::nullopt).size(), INT64_MAX);
}

}  // namespace
}  // namespace liquid::tags
