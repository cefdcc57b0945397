// Filter family: math (abs, at_least, at_most, ceil, floor, divided_by, minus, modulo, plus,
// round, times), as Shopify Liquid's StandardFilters.
//
// Every operand goes through Utils.to_number: integers stay integers and compute as Ruby's
// Integer (floor division and modulo); floats and decimal strings become exact decimals
// (BigDecimal), so an operation with one of them is exact and its result is the nearest float.
// Ruby's bignums have no Value: an integer result beyond int64 is returned as the nearest float.
#include <cstdint>
#include <string>
#include <variant>

#include "filters/coerce.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"

namespace liquid::filters {

namespace {

enum class Op : std::uint8_t { add, sub, mul, div, mod };

// StandardFilters#apply_operation.
Value apply_operation(const Value& input, const Value& operand, Op op) {
  const Number a = to_number(input);
  const Number b = to_number(operand);
  const auto* ia = std::get_if<std::int64_t>(&a);
  const auto* ib = std::get_if<std::int64_t>(&b);
  if (ia && ib) {
    switch (op) {
      case Op::add:
        return int_add(*ia, *ib);
      case Op::sub:
        return int_sub(*ia, *ib);
      case Op::mul:
        return int_mul(*ia, *ib);
      case Op::div:
        return int_div(*ia, *ib);
      case Op::mod:
        return int_mod(*ia, *ib);
    }
  }
  const Decimal x = to_decimal(a);
  const Decimal y = to_decimal(b);
  if (is_integer(a) && is_integer(b)) {  // with a bignum: exact Integer arithmetic
    Decimal result;
    switch (op) {
      case Op::add:
        result = x + y;
        break;
      case Op::sub:
        result = x - y;
        break;
      case Op::mul:
        result = x * y;
        break;
      case Op::div:
        result = Decimal::floor_divide(x, y);
        break;
      case Op::mod:
        result = Decimal::modulo(x, y);
        break;
    }
    return number_value(BigInteger{result});
  }
  switch (op) {
    case Op::add:
      return Value((x + y).to_double());
    case Op::sub:
      return Value((x - y).to_double());
    case Op::mul:
      return Value((x * y).to_double());
    case Op::div:
      return Value(Decimal::divide(x, y));
    case Op::mod:
      return Value(Decimal::modulo(x, y).to_double());
  }
  return Value();
}

// Ruby's NUM2INT, as Integer#round and BigDecimal#round read their digits argument.
int round_digits(const Number& n) {
  std::int64_t digits = 0;
  if (const auto* i = std::get_if<std::int64_t>(&n))
    digits = *i;
  else
    digits = to_decimal(n).to_int64();
  if (digits > INT32_MAX)
    throw FilterError(errc::invalid_value,
                      "integer " + std::to_string(digits) + " too big to convert to `int'");
  if (digits < INT32_MIN)
    throw FilterError(errc::invalid_value,
                      "integer " + std::to_string(digits) + " too small to convert to `int'");
  return static_cast<int>(digits);
}

// Integer#round(digits): unchanged for digits >= 0, else to a multiple of 10^-digits, halves
// away from zero.
Value round_integer(std::int64_t value, int digits) {
  if (digits >= 0) return Value(value);
  // |value| < 9.3e18, so from 10^20 on every value rounds to 0.
  if (digits <= -20) return Value(0);
  Int128 unit = 1;
  for (int i = 0; i < -digits; ++i) unit *= 10;
  Int128 magnitude = value < 0 ? -Int128{value} : Int128{value};
  Int128 rounded = (magnitude + unit / 2) / unit * unit;
  return int128_value(value < 0 ? -rounded : rounded);
}

Value abs_filter(const FilterCall& call) {
  const Number n = to_number(call.input);
  if (const auto* i = std::get_if<std::int64_t>(&n)) return *i < 0 ? int_sub(0, *i) : Value(*i);
  if (const auto* big = std::get_if<BigInteger>(&n))
    return number_value(BigInteger{big->value.abs()});
  return Value(std::get<Decimal>(n).abs().to_double());
}

// Integer#ceil and #floor return the integer itself; BigDecimal's return an Integer.
Value ceil_filter(const FilterCall& call) {
  const Number n = to_number(call.input);
  if (is_integer(n)) return number_value(n);
  return std::get<Decimal>(n).to_integer_value(Decimal::Rounding::ceil);
}

Value floor_filter(const FilterCall& call) {
  const Number n = to_number(call.input);
  if (is_integer(n)) return number_value(n);
  return std::get<Decimal>(n).to_integer_value(Decimal::Rounding::floor);
}

// round(input, n = 0): BigDecimal#round returns an Integer for n < 1 and a BigDecimal (here a
// float) otherwise; an absent or nil n counts as 0.
Value round_filter(const FilterCall& call) {
  const Number n = to_number(call.input);
  const int digits = round_digits(to_number(call.arg(0)));
  if (const auto* i = std::get_if<std::int64_t>(&n)) return round_integer(*i, digits);
  if (const auto* big = std::get_if<BigInteger>(&n)) {
    if (digits >= 0) return number_value(n);
    return big->value.to_integer_value(Decimal::Rounding::half_up, digits);
  }
  const Decimal& d = std::get<Decimal>(n);
  if (digits < 1) return d.to_integer_value(Decimal::Rounding::half_up, digits);
  return Value(d.round(digits, Decimal::Rounding::half_up).to_double());
}

// a > b as Ruby compares Integer and BigDecimal (exactly; false when either is NaN).
bool greater(const Number& a, const Number& b) {
  const auto* ia = std::get_if<std::int64_t>(&a);
  const auto* ib = std::get_if<std::int64_t>(&b);
  if (ia && ib) return *ia > *ib;
  return Decimal::compare(to_decimal(a), to_decimal(b)) == 1;
}

Value at_least_filter(const FilterCall& call) {
  const Number minimum = to_number(call.arg(0));
  const Number value = to_number(call.input);
  return number_value(greater(minimum, value) ? minimum : value);
}

Value at_most_filter(const FilterCall& call) {
  const Number maximum = to_number(call.arg(0));
  const Number value = to_number(call.input);
  return number_value(greater(value, maximum) ? maximum : value);
}

}  // namespace

std::span<const FilterDef> math_filters() {
  static const std::vector<FilterDef> table = {
      {"abs", 0, 0, abs_filter},
      {"at_least", 1, 1, at_least_filter},
      {"at_most", 1, 1, at_most_filter},
      {"ceil", 0, 0, ceil_filter},
      {"divided_by", 1, 1,
       [](const FilterCall& c) { return apply_operation(c.input, c.arg(0), Op::div); }},
      {"floor", 0, 0, floor_filter},
      {"minus", 1, 1,
       [](const FilterCall& c) { return apply_operation(c.input, c.arg(0), Op::sub); }},
      {"modulo", 1, 1,
       [](const FilterCall& c) { return apply_operation(c.input, c.arg(0), Op::mod); }},
      {"plus", 1, 1,
       [](const FilterCall& c) { return apply_operation(c.input, c.arg(0), Op::add); }},
      {"round", 0, 1, round_filter},
      {"times", 1, 1,
       [](const FilterCall& c) { return apply_operation(c.input, c.arg(0), Op::mul); }},
  };
  return table;
}

}  // namespace liquid::filters
