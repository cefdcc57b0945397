// Tests of liquid/src/filters/math.cpp. Expected values are what Shopify Liquid (Ruby, with
// BigDecimal) gives for the same input and arguments.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "filter_test_util.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"

namespace {

using liquid::Array;
using liquid::FilterError;
using liquid::Hash;
using liquid::Value;

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();
constexpr double inf = std::numeric_limits<double>::infinity();
const double nan = std::numeric_limits<double>::quiet_NaN();

Value run(std::string_view filter, const Value& input, std::vector<Value> args = {}) {
  return liquid::testing::apply(liquid::filters::math_filters(), filter, input, std::move(args));
}

// The error id a call throws, or "none".
std::string error_of(std::string_view filter, const Value& input, std::vector<Value> args = {}) {
  try {
    run(filter, input, std::move(args));
  } catch (const FilterError& e) {
    return std::string(e.id());
  }
  return "none";
}

std::string message_of(std::string_view filter, const Value& input, std::vector<Value> args = {}) {
  try {
    run(filter, input, std::move(args));
  } catch (const FilterError& e) {
    return e.what();
  }
  return "none";
}

// A drop standing for a plain value.
class ValueDrop : public liquid::Drop {
 public:
  explicit ValueDrop(Value v) : value_(std::move(v)) {}
  std::optional<Value> get(std::string_view) const override { return std::nullopt; }
  std::optional<Value> to_value() const override { return value_; }

 private:
  Value value_;
};

struct Row {
  std::string_view filter;
  Value input;
  std::vector<Value> args;
  std::string expected;  // Ruby's inspect of the result: 5 and 5.0 differ
};

void check_rows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    SCOPED_TRACE(std::string(row.filter) + " of " + row.input.inspect() +
                 (row.args.empty() ? "" : " with " + row.args[0].inspect()));
    EXPECT_EQ(run(row.filter, row.input, row.args).inspect(), row.expected);
  }
}

TEST(MathFilters, TableHasEveryFilterWithRubysArity) {
  struct Arity {
    const char* name;
    int min, max;
  };
  const std::vector<Arity> expected = {
      {"abs", 0, 0},        {"at_least", 1, 1}, {"at_most", 1, 1}, {"ceil", 0, 0},
      {"divided_by", 1, 1}, {"floor", 0, 0},    {"minus", 1, 1},   {"modulo", 1, 1},
      {"plus", 1, 1},       {"round", 0, 1},    {"times", 1, 1},
  };
  auto family = liquid::filters::math_filters();
  ASSERT_EQ(family.size(), expected.size());
  for (const auto& a : expected) {
    const auto& def = liquid::testing::find_filter(family, a.name);
    EXPECT_EQ(def.min_args, a.min) << a.name;
    EXPECT_EQ(def.max_args, a.max) << a.name;
    EXPECT_FALSE(def.keywords) << a.name;
  }
}

TEST(MathFilters, IntegerArithmeticStaysInteger) {
  check_rows({
      {"plus", 10, {2}, "12"},
      {"plus", 10, {-2}, "8"},
      {"minus", 10, {2}, "8"},
      {"times", 5, {2}, "10"},
      {"times", -5, {2}, "-10"},
      {"divided_by", 10, {2}, "5"},
      {"divided_by", 9, {2}, "4"},
      {"divided_by", 5, {3}, "1"},
      {"divided_by", 0, {1}, "0"},
      {"modulo", 10, {2}, "0"},
      {"modulo", 10, {3}, "1"},
  });
}

TEST(MathFilters, IntegerDivisionAndModuloFloorAsRuby) {
  check_rows({
      {"divided_by", -9, {2}, "-5"},
      {"divided_by", 9, {-2}, "-5"},
      {"divided_by", -9, {-2}, "4"},
      {"modulo", -9, {2}, "1"},
      {"modulo", 9, {-2}, "-1"},
      {"modulo", 7, {-3}, "-2"},
      {"modulo", -7, {3}, "2"},
      {"modulo", int64_min, {-1}, "0"},
  });
}

TEST(MathFilters, FloatOperandMakesAFloat) {
  check_rows({
      {"plus", 10, {2.0}, "12.0"},
      {"minus", 10, {2.0}, "8.0"},
      {"times", 5, {2.1}, "10.5"},
      {"times", 5.0, {2.1}, "10.5"},
      {"divided_by", 10, {2.0}, "5.0"},
      {"divided_by", 9.0, {2}, "4.5"},
      {"divided_by", 9, {2.0}, "4.5"},
      {"divided_by", 20, {7.0}, "2.857142857142857"},
      {"divided_by", 0, {1.1}, "0.0"},
      {"modulo", 10, {2.0}, "0.0"},
      {"modulo", 10.1, {7.0}, "3.1"},
      {"modulo", -7.5, {2}, "0.5"},
      {"modulo", 9.5, {-2}, "-0.5"},
  });
}

// Floats go through BigDecimal of their shortest digits, so decimal arithmetic is exact.
TEST(MathFilters, DecimalArithmeticIsExactThenRoundedToAFloat) {
  check_rows({
      {"plus", 0.1, {0.2}, "0.3"},
      {"plus", 10.1, {2.2}, "12.3"},
      {"minus", 10.1, {2.2}, "7.9"},
      {"times", 0.1, {3}, "0.3"},
      {"plus", "0.1", {"0.2"}, "0.3"},
      {"divided_by", 1, {3.0}, "0.3333333333333333"},
      {"divided_by", 2, {3.0}, "0.6666666666666666"},
      {"divided_by", 0.1, {0.7}, "0.14285714285714285"},
      {"divided_by", 2, {0.7}, "2.857142857142857"},
      {"divided_by", 1e-300, {3}, "3.3333333333333334e-301"},
      {"divided_by", 5e-324, {2}, "5.0e-324"},
      {"times", 5e-324, {1}, "5.0e-324"},
      {"plus", 1e-5, {0}, "1.0e-05"},
      {"plus", 1.2345678901234568e20, {0}, "1.2345678901234568e+20"},
      {"plus", "1.0000000000000000000001", {0}, "1.0"},
      {"minus", "0.1000000000000000000001", {"0.1"}, "1.0e-22"},
  });
}

TEST(MathFilters, NumericStringsAsUtilsToNumber) {
  check_rows({
      {"plus", "10", {2}, "12"},
      {"plus", "3.5", {0}, "3.5"},
      {"plus", " 3.5 ", {0}, "3.5"},
      {"plus", "\t\n7.25\r", {0}, "7.25"},
      {"plus", "3abc", {0}, "3"},
      {"plus", "3.5abc", {0}, "3"},
      {"plus", "+3.5", {0}, "3"},
      {"plus", "  -12x", {0}, "-12"},
      {"plus", "1_000", {0}, "1000"},
      {"plus", "1__2", {0}, "1"},
      {"plus", "_1", {0}, "0"},
      {"plus", "5.", {0}, "5"},
      {"plus", ".5", {0}, "0"},
      {"plus", "1e5", {0}, "1"},
      {"plus", "0x1A", {0}, "0"},
      {"plus", "abc", {0}, "0"},
      {"plus", "", {0}, "0"},
      {"plus", "10", {"foo"}, "10"},
      {"minus", "foo", {"2.0"}, "-2.0"},
      {"plus", "foo", {"2.0"}, "2.0"},
      {"modulo", "10", {"2.0"}, "0.0"},
      {"divided_by", "10", {"2"}, "5"},
      {"divided_by", "foo", {"2"}, "0"},
      {"divided_by", "", {2}, "0"},
      {"times", "5.0", {"2.1"}, "10.5"},
  });
}

TEST(MathFilters, OtherValuesCountAsZero) {
  check_rows({
      {"plus", Value(), {2}, "2"},
      {"minus", Value(), {2}, "-2"},
      {"times", Value(), {2}, "0"},
      {"plus", 10, {Value()}, "10"},
      {"plus", true, {1}, "1"},
      {"plus", Value(Hash{}), {1}, "1"},
      {"minus", Value(Hash{}), {1}, "-1"},
      {"plus", Value(Array{1, 2}), {1}, "1"},
      {"plus", Value(liquid::Range{1, 3}), {1}, "1"},
      {"abs", Value(Hash{}), {}, "0"},
  });
}

TEST(MathFilters, DropsCountAsTheirValue) {
  Value five(std::make_shared<const ValueDrop>(Value("5.5")));
  check_rows({
      {"plus", five, {1}, "6.5"},
      {"plus", 1, {five}, "6.5"},
  });
}

TEST(MathFilters, DivisionByIntegerZeroIsAnError) {
  EXPECT_EQ(error_of("divided_by", 10, {0}), liquid::errc::zero_division);
  EXPECT_EQ(message_of("divided_by", 10, {0}), "divided by 0");
  EXPECT_EQ(error_of("divided_by", 10, {Value()}), liquid::errc::zero_division);
  EXPECT_EQ(error_of("divided_by", "10", {"foo"}), liquid::errc::zero_division);
  EXPECT_EQ(error_of("modulo", 10, {0}), liquid::errc::zero_division);
  EXPECT_EQ(error_of("modulo", 1.5, {0}), liquid::errc::zero_division);
  EXPECT_EQ(error_of("modulo", 1, {0.0}), liquid::errc::zero_division);
  EXPECT_EQ(error_of("modulo", 5, {Value()}), liquid::errc::zero_division);
  EXPECT_EQ(error_of("modulo", inf, {0}), liquid::errc::zero_division);
}

// BigDecimal divides by zero as IEEE does; only its modulo raises.
TEST(MathFilters, DecimalDivisionByZeroGivesInfinityOrNaN) {
  check_rows({
      {"divided_by", 1.0, {0.0}, "Infinity"},
      {"divided_by", -1.0, {0}, "-Infinity"},
      {"divided_by", 1, {-0.0}, "-Infinity"},
      {"divided_by", 0, {0.0}, "NaN"},
      {"divided_by", 0.0, {0}, "NaN"},
  });
}

TEST(MathFilters, SignedZerosFollowBigDecimal) {
  check_rows({
      {"plus", -0.0, {0}, "0.0"},
      {"minus", -0.0, {0}, "-0.0"},
      {"plus", -0.0, {-0.0}, "-0.0"},
      {"minus", -0.0, {-0.0}, "0.0"},
      {"minus", 1.5, {1.5}, "0.0"},
      {"plus", -1.5, {1.5}, "0.0"},
      {"times", -0.0, {1}, "-0.0"},
      {"times", 0.0, {-1}, "-0.0"},
      {"times", -1e-300, {1e-300}, "-0.0"},
      {"divided_by", 0, {-3.0}, "-0.0"},
      {"divided_by", -0.0, {-3}, "0.0"},
      {"modulo", -0.0, {3}, "0.0"},
      {"modulo", -10, {2.0}, "0.0"},
      {"modulo", -3, {1.5}, "0.0"},
      {"abs", -0.0, {}, "0.0"},
      {"abs", "-0.0", {}, "0.0"},
      {"plus", "-0.0", {0}, "0.0"},
      {"at_least", -0.0, {0}, "-0.0"},
  });
}

TEST(MathFilters, InfinityAndNaNPropagateAsBigDecimal) {
  check_rows({
      {"plus", inf, {1}, "Infinity"},      {"minus", inf, {inf}, "NaN"},
      {"times", inf, {0}, "NaN"},          {"times", 1e300, {1e300}, "Infinity"},
      {"times", 1e-300, {1e-300}, "0.0"},  {"divided_by", inf, {inf}, "NaN"},
      {"divided_by", 3, {inf}, "0.0"},     {"divided_by", -3, {inf}, "-0.0"},
      {"modulo", inf, {3}, "NaN"},         {"modulo", 3, {inf}, "3.0"},
      {"modulo", -3, {inf}, "-3.0"},       {"modulo", 3, {nan}, "NaN"},
      {"abs", -inf, {}, "Infinity"},       {"at_least", inf, {5}, "Infinity"},
      {"at_most", -inf, {5}, "-Infinity"}, {"at_least", 5, {inf}, "Infinity"},
      {"at_least", nan, {5}, "NaN"},       {"at_least", 5, {nan}, "5"},
      {"round", nan, {1}, "NaN"},          {"round", -inf, {1}, "-Infinity"},
  });
}

TEST(MathFilters, IntegerOverflowGivesTheNearestFloat) {
  check_rows({
      {"plus", int64_max, {1}, "9.223372036854776e+18"},
      {"minus", int64_min, {1}, "-9.223372036854776e+18"},
      {"times", int64_max, {3}, "2.7670116110564327e+19"},
      {"divided_by", int64_min, {-1}, "9.223372036854776e+18"},
      {"abs", int64_min, {}, "9.223372036854776e+18"},
      {"plus", int64_max, {0}, "9223372036854775807"},
  });
}

// Digit strings beyond int64 are Ruby bignums: Integer arithmetic, exact, with a float result
// only when the result itself does not fit.
TEST(MathFilters, BignumStringsComputeAsIntegers) {
  check_rows({
      {"divided_by", 1, {"99999999999999999999"}, "0"},
      {"divided_by", -1, {"99999999999999999999"}, "-1"},
      {"minus", "99999999999999999999", {"99999999999999999998"}, "1"},
      {"modulo", "99999999999999999999", {10}, "9"},
      {"modulo", "-99999999999999999999", {10}, "1"},
      {"divided_by", "99999999999999999999", {"33333333333333333333"}, "3"},
      {"plus", "99999999999999999999", {0}, "1.0e+20"},
      {"plus", "9223372036854775808", {-1}, "9223372036854775807"},
      {"plus", "-9223372036854775809", {1}, "-9223372036854775808"},
      {"abs", "-99999999999999999999", {}, "1.0e+20"},
      {"ceil", "99999999999999999999", {}, "1.0e+20"},
      {"round", "-150000000000000000000", {-20}, "-2.0e+20"},
      {"at_least", 5, {"99999999999999999999"}, "1.0e+20"},
  });
}

TEST(MathFilters, Abs) {
  check_rows({
      {"abs", -5.4, {}, "5.4"},
      {"abs", -5, {}, "5"},
      {"abs", "-5.1", {}, "5.1"},
      {"abs", "-5", {}, "5"},
      {"abs", 5.4, {}, "5.4"},
      {"abs", "hello", {}, "0"},
      {"abs", Value(), {}, "0"},
      {"abs", 0, {}, "0"},
  });
}

TEST(MathFilters, CeilAndFloorReturnIntegers) {
  check_rows({
      {"ceil", 5.4, {}, "6"},
      {"ceil", -5.4, {}, "-5"},
      {"ceil", -0.5, {}, "0"},
      {"ceil", "5.1", {}, "6"},
      {"ceil", "-5.1", {}, "-5"},
      {"ceil", 5, {}, "5"},
      {"ceil", "hello", {}, "0"},
      {"ceil", "3.0000000000000000001", {}, "4"},
      {"floor", 5.4, {}, "5"},
      {"floor", -5.4, {}, "-6"},
      {"floor", "-5.1", {}, "-6"},
      {"floor", "5.1", {}, "5"},
      {"floor", Value(), {}, "0"},
      {"ceil", 1e20, {}, "1.0e+20"},  // Ruby: the bignum 100000000000000000000
      {"floor", -1e20, {}, "-1.0e+20"},
  });
}

TEST(MathFilters, CeilFloorAndRoundOfInfinityOrNaNAreErrors) {
  EXPECT_EQ(error_of("ceil", inf), liquid::errc::invalid_value);
  EXPECT_EQ(message_of("ceil", inf), "Computation results in 'Infinity'");
  EXPECT_EQ(message_of("floor", -inf), "Computation results in '-Infinity'");
  EXPECT_EQ(message_of("floor", nan), "Computation results in 'NaN' (Not a Number)");
  EXPECT_EQ(message_of("round", inf), "Computation results in 'Infinity'");
  EXPECT_EQ(message_of("round", nan, {-1}), "Computation results in 'NaN' (Not a Number)");
}

TEST(MathFilters, RoundHalvesAwayFromZero) {
  check_rows({
      {"round", 5.1, {}, "5"},
      {"round", 5.6, {}, "6"},
      {"round", 2.5, {}, "3"},
      {"round", -2.5, {}, "-3"},
      {"round", -2.5, {0}, "-3"},
      {"round", 2.5, {0.0}, "3"},
      {"round", 2.5, {"0"}, "3"},
      {"round", 2.5, {Value()}, "3"},
      {"round", "5.6", {}, "6"},
      {"round", 5, {}, "5"},
      {"round", -0.0, {}, "0"},
      {"round", 1e20, {}, "1.0e+20"},
  });
}

TEST(MathFilters, RoundWithDigits) {
  check_rows({
      {"round", 5.666, {1.2}, "5.7"},
      {"round", 5.666, {"1"}, "5.7"},
      {"round", 5.666, {"foo"}, "6"},
      {"round", "5.666666", {2}, "5.67"},
      {"round", 1.15, {1}, "1.2"},
      {"round", 2.675, {2}, "2.68"},
      {"round", 0.05, {1}, "0.1"},
      {"round", -0.05, {1}, "-0.1"},
      {"round", -0.04, {1}, "-0.0"},
      {"round", -0.0, {1}, "-0.0"},
      {"round", 5.5, {30}, "5.5"},
      {"round", 5.5, {400}, "5.5"},
      {"round", 1e20, {1}, "1.0e+20"},
      {"round", "2.25", {1}, "2.3"},
      {"round", 2.25, {"1.9"}, "2.3"},
      {"round", Value(), {2}, "0"},
      {"round", 5, {2}, "5"},
      {"round", 5, {2.7}, "5"},
  });
}

TEST(MathFilters, RoundWithNegativeDigits) {
  check_rows({
      {"round", 5.666, {-2}, "0"},
      {"round", 1234, {-2}, "1200"},
      {"round", 1250, {-2}, "1300"},
      {"round", -1250, {-2}, "-1300"},
      {"round", 15, {-1}, "20"},
      {"round", -15, {-1}, "-20"},
      {"round", -15.0, {-1}, "-20"},
      {"round", -14.9, {-1}, "-10"},
      {"round", 25, {-0.5}, "25"},
      {"round", 25, {"-1"}, "30"},
      {"round", 15, {-1.7}, "20"},
      {"round", 5, {-30}, "0"},
      {"round", 5.5, {-30}, "0"},
      {"round", int64_max, {-1}, "9.223372036854776e+18"},
      {"round", 9000000000000000000, {-19}, "1.0e+19"},
      {"round", 1e20, {-2}, "1.0e+20"},
  });
}

// Ruby's NUM2INT: the digits must fit a C int.
TEST(MathFilters, RoundDigitsOutOfIntRangeAreErrors) {
  EXPECT_EQ(error_of("round", 5.5, {std::int64_t{1000000000000}}), liquid::errc::invalid_value);
  EXPECT_EQ(message_of("round", 5.5, {std::int64_t{1000000000000}}),
            "integer 1000000000000 too big to convert to `int'");
  EXPECT_EQ(message_of("round", 5, {std::int64_t{-1000000000000}}),
            "integer -1000000000000 too small to convert to `int'");
  // BigDecimal#to_int floors from ten integer digits on.
  EXPECT_EQ(message_of("round", 0, {-5118069785.556942}),
            "integer -5118069786 too small to convert to `int'");
  EXPECT_EQ(message_of("round", 0, {"99999999999999999999"}),
            "bignum too big to convert into `long'");
  EXPECT_EQ(message_of("round", 1.5, {nan}), "Computation results in 'NaN' (Not a Number)");
}

TEST(MathFilters, AtLeastAndAtMost) {
  check_rows({
      {"at_least", 5, {8}, "8"},       {"at_least", 8, {5}, "8"},
      {"at_least", 5, {5}, "5"},       {"at_least", -8, {5}, "5"},
      {"at_least", 5.4, {8.9}, "8.9"}, {"at_least", 8.4, {5.9}, "8.4"},
      {"at_least", "9", {8}, "9"},     {"at_least", -1, {"abc"}, "0"},
      {"at_least", "abc", {2}, "2"},   {"at_least", "abc", {-2}, "0"},
      {"at_least", 5, {Value()}, "5"}, {"at_least", Value(), {5}, "5"},
      {"at_least", 5, {5.0}, "5"},     {"at_least", 5, {8.0}, "8.0"},
      {"at_most", 5, {8}, "5"},        {"at_most", 8, {5}, "5"},
      {"at_most", -8, {5}, "-8"},      {"at_most", 5.4, {8.9}, "5.4"},
      {"at_most", 8.4, {5.9}, "5.9"},  {"at_most", "9", {8}, "8"},
      {"at_most", "abc", {-2}, "-2"},  {"at_most", 5, {Value()}, "0"},
      {"at_most", Value(), {5}, "0"},  {"at_most", 5.0, {5}, "5.0"},
  });
}

}  // namespace
