// Ruby's implicit conversions, as the standard filters apply them (internal).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "liquid/filter.hpp"
#include "liquid/value.hpp"

namespace liquid::filters {

// Ruby's `obj.to_s` (what a string filter does to its input): nil -> "", arrays and hashes in
// inspect form ("[1, 2]"), numbers as Ruby prints them, drops by their to_s.
std::string ruby_to_s(const Value& v);

// Liquid's Utils.to_integer: integers as they are, anything else through Integer(obj.to_s);
// throws FilterError(errc::invalid_value, "invalid integer") when that fails.
std::int64_t to_integer(const Value& v);

// A drop stands for its plain value (Ruby's to_liquid_value); other values are returned as is.
const Value& unwrap(const Value& v, Value& scratch);

// ---- Numbers: Ruby's Utils.to_number and the BigDecimal arithmetic of the math filters ----
//
// Liquid turns a float into a BigDecimal from its shortest digits (`BigDecimal(f.to_s)`, so 0.1 is
// exactly one tenth) and a decimal string ("3.5") into a BigDecimal, computes exactly, and turns
// the result back into a float with `to_f`. That is why `0.1 | plus: 0.2` is 0.3.

// An exact decimal: ±coefficient × 10^exponent, or ±infinity, or NaN; zeros are signed.
class Decimal {
 public:
  enum class Kind : std::uint8_t { finite, infinite, nan };

  Decimal() = default;  // +0
  static Decimal from_int(std::int64_t i);
  // BigDecimal(f.to_s): the shortest digits that round-trip; NaN and infinities as they are.
  static Decimal from_double(double d);
  // `digits` (ASCII 0-9, at least one) × 10^exponent.
  static Decimal from_digits(bool negative, std::string_view digits, std::int64_t exponent = 0);
  static Decimal infinity(bool negative);
  static Decimal nan();

  Kind kind() const { return kind_; }
  bool is_finite() const { return kind_ == Kind::finite; }
  bool is_nan() const { return kind_ == Kind::nan; }
  bool is_zero() const { return kind_ == Kind::finite && big_.empty() && small_ == 0; }
  bool negative() const { return negative_; }

  // BigDecimal#to_f: the nearest double (overflow gives ±infinity, underflow ±0).
  double to_double() const;
  Decimal operator-() const;
  Decimal abs() const;

  // Exact, with IEEE rules for zeros and specials (as BigDecimal): x + -x is +0, inf - inf NaN.
  friend Decimal operator+(const Decimal& a, const Decimal& b);
  friend Decimal operator-(const Decimal& a, const Decimal& b) { return a + -b; }
  friend Decimal operator*(const Decimal& a, const Decimal& b);
  // a / b as the nearest double; a zero divisor gives ±infinity, or NaN for 0/0 (BigDecimal).
  static double divide(const Decimal& a, const Decimal& b);
  // BigDecimal#%: floored modulo (the sign of b). Throws FilterError(zero_division) when b is 0.
  static Decimal modulo(const Decimal& a, const Decimal& b);
  // Integer#/ for integral operands: floored quotient. Throws FilterError(zero_division).
  static Decimal floor_divide(const Decimal& a, const Decimal& b);
  // -1, 0 or 1; nullopt when either is NaN (Ruby's comparisons with NaN are false).
  static std::optional<int> compare(const Decimal& a, const Decimal& b);

  enum class Rounding : std::uint8_t { half_up, floor, ceil };  // half_up: ties away from zero
  // Rounded to a multiple of 10^-digits (digits < 0: tens, hundreds, ...). Specials unchanged.
  Decimal round(std::int64_t digits, Rounding mode) const;
  // Round to an integer (BigDecimal#round/ceil/floor, which return an Integer): an integer
  // Value, or the nearest float beyond int64. NaN and infinities throw FilterError(invalid_value,
  // "Computation results in 'NaN' (Not a Number)") as Ruby's FloatDomainError.
  Value to_integer_value(Rounding mode, std::int64_t digits = 0) const;
  // BigDecimal#to_int, as Ruby's NUM2INT reads a BigDecimal argument; throws as Ruby does for
  // NaN/infinity and beyond int64 ("bignum too big to convert into `long'").
  std::int64_t to_int64() const;

  // Significant digits of the coefficient (0 for zero), and the exponent; for tests.
  std::string coefficient_digits() const;
  std::int64_t exponent() const { return exponent_; }

 private:
  Kind kind_ = Kind::finite;
  bool negative_ = false;
  std::int64_t exponent_ = 0;
  // The coefficient is `small_` while `big_` is empty, so that the common case (a float's or a
  // short string's digits) needs no allocation; beyond 2^64 it is `big_`: base 10^9 limbs, least
  // significant first.
  std::uint64_t small_ = 0;
  std::vector<std::uint32_t> big_;
  std::vector<std::uint32_t> limbs() const;
  void set_limbs(std::vector<std::uint32_t> limbs);
  bool is_small() const { return big_.empty(); }
};

// A Ruby bignum (an Integer beyond int64, from a long digit string): an integral Decimal that
// computes with Integer semantics.
struct BigInteger {
  Decimal value;
};

// What Utils.to_number returns: an Integer (int64 or bignum) or a BigDecimal.
using Number = std::variant<std::int64_t, BigInteger, Decimal>;
inline bool is_integer(const Number& n) {
  return !std::holds_alternative<Decimal>(n);
}

// Ruby's Utils.to_number: integers as they are; floats as Decimal; strings matching
// /\A-?\d+\.\d+\z/ (after strip) as Decimal, other strings by String#to_i ("3abc" -> 3,
// "abc" -> 0); a drop by its plain value; anything else 0.
Number to_number(const Value& v);
// The Value of a result as Liquid returns it: Integer as is (a bignum as the nearest float),
// BigDecimal through to_f.
Value number_value(const Number& n);
Decimal to_decimal(const Number& n);

// Integer arithmetic as Ruby's (floor division and modulo); a result beyond int64 (a Ruby bignum)
// becomes the nearest float. Division and modulo by zero throw FilterError(zero_division).
Value int_add(std::int64_t a, std::int64_t b);
Value int_sub(std::int64_t a, std::int64_t b);
Value int_mul(std::int64_t a, std::int64_t b);
Value int_div(std::int64_t a, std::int64_t b);
Value int_mod(std::int64_t a, std::int64_t b);
// An exact integer as a Value: int64 when it fits, else the nearest float.
__extension__ typedef __int128 Int128;  // __extension__: a GCC type, kept quiet under -Wpedantic
__extension__ typedef unsigned __int128 UInt128;
Value int128_value(Int128 v);

}  // namespace liquid::filters
