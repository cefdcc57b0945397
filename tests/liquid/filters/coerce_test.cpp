// Tests of liquid/src/filters/coerce.cpp: Ruby's conversions and the exact decimal arithmetic
// behind the math filters.
#include "filters/coerce.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "liquid/error.hpp"

namespace {

using liquid::Array;
using liquid::FilterError;
using liquid::Hash;
using liquid::Value;
using liquid::filters::BigInteger;
using liquid::filters::Decimal;
using liquid::filters::Number;
using liquid::filters::to_number;

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

Decimal dec(std::string_view text) {
  Number n = to_number(Value(text));
  EXPECT_TRUE(std::holds_alternative<Decimal>(n)) << text;
  return std::get<Decimal>(n);
}

std::string shown(const Decimal& d) {
  return Value(d.to_double()).inspect();
}

// "coefficient e exponent" of a Decimal, for exactness checks.
std::string exact(const Decimal& d) {
  return (d.negative() ? "-" : "") + d.coefficient_digits() + "e" + std::to_string(d.exponent());
}

TEST(Coerce, RubyToS) {
  EXPECT_EQ(liquid::filters::ruby_to_s(Value()), "");
  EXPECT_EQ(liquid::filters::ruby_to_s(Value(5.0)), "5.0");
  EXPECT_EQ(liquid::filters::ruby_to_s(Value(Array{1, "a"})), "[1, \"a\"]");
  EXPECT_EQ(liquid::filters::ruby_to_s(Value(Hash{{"a", 1}})), "{\"a\"=>1}");
}

TEST(Coerce, ToIntegerAsRubysInteger) {
  EXPECT_EQ(liquid::filters::to_integer(Value(7)), 7);
  EXPECT_EQ(liquid::filters::to_integer(Value(" -12 ")), -12);
  EXPECT_EQ(liquid::filters::to_integer(Value("0x1A")), 26);
  EXPECT_EQ(liquid::filters::to_integer(Value("1_000")), 1000);
  for (const char* bad : {"", "abc", "1__0", "_1", "1_", "08", "1.5"}) {
    try {
      liquid::filters::to_integer(Value(bad));
      ADD_FAILURE() << bad;
    } catch (const FilterError& e) {
      EXPECT_EQ(e.id(), liquid::errc::invalid_value) << bad;
    }
  }
}

TEST(Coerce, ToNumberKinds) {
  EXPECT_EQ(std::get<std::int64_t>(to_number(Value(5))), 5);
  EXPECT_EQ(std::get<std::int64_t>(to_number(Value("42abc"))), 42);
  EXPECT_EQ(std::get<std::int64_t>(to_number(Value("abc"))), 0);
  EXPECT_EQ(std::get<std::int64_t>(to_number(Value())), 0);
  EXPECT_EQ(std::get<std::int64_t>(to_number(Value(true))), 0);
  EXPECT_EQ(std::get<std::int64_t>(to_number(Value(Array{1}))), 0);
  EXPECT_EQ(std::get<std::int64_t>(to_number(Value("9223372036854775807"))), int64_max);
  EXPECT_EQ(std::get<std::int64_t>(to_number(Value("-9223372036854775808"))), int64_min);
  EXPECT_TRUE(std::holds_alternative<BigInteger>(to_number(Value("9223372036854775808"))));
  EXPECT_TRUE(std::holds_alternative<Decimal>(to_number(Value(1.5))));
  EXPECT_TRUE(std::holds_alternative<Decimal>(to_number(Value("1.5"))));
  EXPECT_TRUE(std::holds_alternative<std::int64_t>(to_number(Value("1.5e3"))));
}

TEST(Coerce, DecimalStringsAreExact) {
  EXPECT_EQ(exact(dec("0.1")), "1e-1");
  EXPECT_EQ(exact(dec("-003.250")), "-3250e-3");
  EXPECT_EQ(exact(dec(" 12345678901234567890.123 ")), "12345678901234567890123e-3");
  EXPECT_EQ(exact(dec("-0.0")), "-0e-1");
}

TEST(Coerce, DecimalStringWithNulIsRubysArgumentError) {
  try {
    to_number(Value(std::string("3.5\0", 4)));
    FAIL();
  } catch (const FilterError& e) {
    EXPECT_EQ(e.id(), liquid::errc::invalid_value);
    EXPECT_STREQ(e.what(), "string contains null byte");
  }
}

TEST(Coerce, FloatsBecomeTheirShortestDigits) {
  EXPECT_EQ(exact(Decimal::from_double(0.1)), "1e-1");
  EXPECT_EQ(exact(Decimal::from_double(1e20)), "1e20");
  EXPECT_EQ(exact(Decimal::from_double(-2.5)), "-25e-1");
  EXPECT_EQ(exact(Decimal::from_double(5e-324)), "5e-324");
  EXPECT_TRUE(Decimal::from_double(std::nan("")).is_nan());
  EXPECT_EQ(Decimal::from_double(-std::numeric_limits<double>::infinity()).kind(),
            Decimal::Kind::infinite);
}

TEST(Coerce, DecimalArithmetic) {
  EXPECT_EQ(exact(dec("0.1") + dec("0.2")), "3e-1");
  EXPECT_EQ(exact(dec("1.5") - dec("2.25")), "-75e-2");
  EXPECT_EQ(exact(dec("1.5") * dec("-2.5")), "-375e-2");
  EXPECT_EQ(exact(Decimal::from_double(1e300) + Decimal::from_double(1e-300)),
            "1" + std::string(599, '0') + "1e-300");
  EXPECT_EQ(shown(Decimal::from_double(1e300) + Decimal::from_double(1e-300)), "1.0e+300");
}

TEST(Coerce, DecimalDivisionIsCorrectlyRounded) {
  EXPECT_EQ(Decimal::divide(dec("1.0"), dec("3.0")), 1.0 / 3.0);
  EXPECT_EQ(Decimal::divide(dec("20.0"), dec("7.0")), 20.0 / 7.0);
  EXPECT_EQ(Decimal::divide(dec("0.3"), dec("0.1")), 3.0);
  // 2^53 + 1 halfway between two floats: ties to even.
  EXPECT_EQ(Decimal::divide(dec("9007199254740993.0"), dec("1.0")), 9007199254740992.0);
  EXPECT_EQ(Decimal::divide(dec("9007199254740995.0"), dec("1.0")), 9007199254740996.0);
  // Just above the halfway point, by a digit far beyond double precision.
  EXPECT_EQ(Decimal::divide(dec("9007199254740993.00000000000000000000000000000000000000000001"),
                            dec("1.0")),
            9007199254740994.0);
  EXPECT_EQ(Decimal::divide(dec("1.0"), dec("0.0")), std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(Decimal::divide(dec("0.0"), dec("0.0"))));
}

TEST(Coerce, DecimalModuloFloors) {
  EXPECT_EQ(exact(Decimal::modulo(dec("-7.5"), Decimal::from_int(2))), "5e-1");
  EXPECT_EQ(exact(Decimal::modulo(dec("7.5"), Decimal::from_int(-2))), "-5e-1");
  // 10^301 = 7q + 3, so 10^300 = 0.7q + 0.3: exact, where a float computation is not.
  EXPECT_EQ(shown(Decimal::modulo(Decimal::from_double(1e300), dec("0.7"))), "0.3");
  try {
    Decimal::modulo(dec("1.5"), Decimal());
    FAIL();
  } catch (const FilterError& e) {
    EXPECT_EQ(e.id(), liquid::errc::zero_division);
  }
}

TEST(Coerce, DecimalCompare) {
  EXPECT_EQ(Decimal::compare(dec("0.10"), dec("0.1")), 0);
  EXPECT_EQ(Decimal::compare(dec("-0.0"), Decimal()), 0);
  EXPECT_EQ(Decimal::compare(dec("1.01"), Decimal::from_int(1)), 1);
  EXPECT_EQ(Decimal::compare(dec("-1.01"), Decimal::from_int(-1)), -1);
  EXPECT_EQ(Decimal::compare(Decimal::from_double(1e300), dec("99999.9")), 1);
  EXPECT_EQ(Decimal::compare(Decimal::infinity(true), Decimal::from_int(int64_min)), -1);
  EXPECT_EQ(Decimal::compare(Decimal::nan(), Decimal()), std::nullopt);
}

TEST(Coerce, DecimalRounding) {
  using R = Decimal::Rounding;
  EXPECT_EQ(exact(dec("2.675").round(2, R::half_up)), "268e-2");
  EXPECT_EQ(exact(dec("-2.5").round(0, R::half_up)), "-3e0");
  EXPECT_EQ(exact(dec("-2.4").round(0, R::floor)), "-3e0");
  EXPECT_EQ(exact(dec("2.4").round(0, R::ceil)), "3e0");
  EXPECT_EQ(exact(dec("1250.0").round(-2, R::half_up)), "13e2");
  EXPECT_EQ(exact(dec("5.666").round(-2, R::half_up)), "0e2");
  EXPECT_EQ(dec("-2.5").to_integer_value(R::half_up).inspect(), "-3");
  EXPECT_EQ(Decimal::from_double(1e20).to_integer_value(R::floor).inspect(), "1.0e+20");
  EXPECT_EQ(dec("-9223372036854775808.4").to_integer_value(R::ceil).inspect(),
            "-9223372036854775808");
}

TEST(Coerce, DecimalToInt64AsBigDecimalToInt) {
  EXPECT_EQ(dec("-1.9").to_int64(), -1);
  EXPECT_EQ(dec("123456789.9").to_int64(), 123456789);
  EXPECT_EQ(dec("-123456789.9").to_int64(), -123456789);
  EXPECT_EQ(dec("-1234567890.1").to_int64(), -1234567891);  // Integer#div from ten digits on
  EXPECT_EQ(dec("9223372036854775807.9").to_int64(), int64_max);
  EXPECT_THROW(dec("9223372036854775808.0").to_int64(), FilterError);
  EXPECT_THROW(Decimal::nan().to_int64(), FilterError);
}

TEST(Coerce, IntegerArithmetic) {
  using namespace liquid::filters;
  EXPECT_EQ(int_add(int64_max, 1).inspect(), "9.223372036854776e+18");
  EXPECT_EQ(int_mul(3037000500, 3037000500).inspect(), "9.22337203700025e+18");
  EXPECT_EQ(int_div(-7, 2).inspect(), "-4");
  EXPECT_EQ(int_mod(-7, 2).inspect(), "1");
  EXPECT_EQ(int_mod(int64_min, -1).inspect(), "0");
  EXPECT_EQ(int_div(int64_min, -1).inspect(), "9.223372036854776e+18");
  EXPECT_THROW(int_div(1, 0), FilterError);
  EXPECT_THROW(int_mod(1, 0), FilterError);
}

TEST(Coerce, HugeOperandsStayBounded) {
  // Two 60,000-digit numbers: the product is cut to what a float can show, fast.
  std::string digits(60000, '7');
  Decimal big = Decimal::from_digits(false, digits, -59999);
  EXPECT_EQ(shown(big * big), "60.49382716049383");
  EXPECT_THROW(Decimal::modulo(big * Decimal::from_digits(false, digits), big), FilterError);
}

}  // namespace
