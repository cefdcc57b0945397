#include "filters/coerce.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

#include "liquid/error.hpp"

namespace liquid::filters {

std::string ruby_to_s(const Value& v) {
  if (v.is_array()) return v.inspect();
  return v.to_s();
}

namespace {
// Ruby's Integer(string): optional surrounding whitespace, sign, digits with single underscores
// between them, and 0x/0b/0o/0 prefixes.
bool ruby_integer(std::string_view s, std::int64_t& out) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  bool neg = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    neg = s.front() == '-';
    s.remove_prefix(1);
  }
  int base = 10;
  if (s.size() > 1 && s[0] == '0') {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(s[1])));
    if (p == 'x')
      base = 16, s.remove_prefix(2);
    else if (p == 'b')
      base = 2, s.remove_prefix(2);
    else if (p == 'o')
      base = 8, s.remove_prefix(2);
    else if (p == 'd')
      base = 10, s.remove_prefix(2);
    else
      base = 8, s.remove_prefix(1);
  }
  if (s.empty() || s.front() == '_' || s.back() == '_') return false;
  std::string digits;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      if (s[i + 1] == '_') return false;
      continue;
    }
    digits.push_back(s[i]);
  }
  std::uint64_t mag = 0;
  auto r = std::from_chars(digits.data(), digits.data() + digits.size(), mag, base);
  if (r.ec != std::errc() || r.ptr != digits.data() + digits.size()) return false;
  if (mag > static_cast<std::uint64_t>(INT64_MAX) + (neg ? 1 : 0)) return false;
  out = neg ? static_cast<std::int64_t>(0 - mag) : static_cast<std::int64_t>(mag);
  return true;
}
}  // namespace

std::int64_t to_integer(const Value& v) {
  if (v.is_int()) return v.as_int();
  std::int64_t out = 0;
  if (ruby_integer(ruby_to_s(v), out)) return out;
  throw FilterError(errc::invalid_value, "invalid integer");
}

const Value& unwrap(const Value& v, Value& scratch) {
  if (!v.is_drop()) return v;
  auto inner = v.as_drop().to_value();
  if (!inner) return v;
  scratch = std::move(*inner);
  return scratch;
}

// ---- Decimal ------------------------------------------------------------------------------

namespace {

using Limbs = std::vector<std::uint32_t>;
constexpr std::uint32_t kBase = 1'000'000'000;
constexpr std::uint64_t kLimbDigits = 9;
constexpr std::uint32_t kPow10[10] = {1,      10,      100,      1000,      10000,
                                      100000, 1000000, 10000000, 100000000, 1000000000};

void trim(Limbs& a) {
  while (!a.empty() && a.back() == 0) a.pop_back();
}

Limbs limbs_from_u64(std::uint64_t v) {
  Limbs out;
  while (v != 0) {
    out.push_back(static_cast<std::uint32_t>(v % kBase));
    v /= kBase;
  }
  return out;
}

// The value, when it is below 2^64.
std::optional<std::uint64_t> limbs_to_u64(const Limbs& a) {
  if (a.size() > 3) return std::nullopt;
  UInt128 v = 0;
  for (std::size_t i = a.size(); i-- > 0;) v = v * kBase + a[i];
  if (v > std::numeric_limits<std::uint64_t>::max()) return std::nullopt;
  return static_cast<std::uint64_t>(v);
}

std::size_t digit_count(const Limbs& a) {
  if (a.empty()) return 0;
  std::size_t n = (a.size() - 1) * kLimbDigits;
  for (std::uint32_t top = a.back(); top != 0; top /= 10) ++n;
  return n;
}

int compare_limbs(const Limbs& a, const Limbs& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (std::size_t i = a.size(); i-- > 0;)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

void add_limbs(Limbs& a, const Limbs& b) {
  if (a.size() < b.size()) a.resize(b.size(), 0);
  std::uint32_t carry = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (i >= b.size() && carry == 0) break;
    std::uint32_t sum = a[i] + (i < b.size() ? b[i] : 0) + carry;
    carry = sum >= kBase ? 1 : 0;
    a[i] = sum - carry * kBase;
  }
  if (carry != 0) a.push_back(carry);
}

// a -= b, for a >= b.
void sub_limbs(Limbs& a, const Limbs& b) {
  std::uint32_t borrow = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (i >= b.size() && borrow == 0) break;
    std::uint32_t sub = (i < b.size() ? b[i] : 0) + borrow;
    borrow = a[i] < sub ? 1 : 0;
    a[i] = a[i] + borrow * kBase - sub;
  }
  trim(a);
}

Limbs mul_limbs(const Limbs& a, const Limbs& b) {
  if (a.empty() || b.empty()) return {};
  Limbs out(a.size() + b.size(), 0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::uint64_t carry = 0;
    for (std::size_t j = 0; j < b.size(); ++j) {
      std::uint64_t cur = out[i + j] + std::uint64_t{a[i]} * b[j] + carry;
      out[i + j] = static_cast<std::uint32_t>(cur % kBase);
      carry = cur / kBase;
    }
    out[i + b.size()] = static_cast<std::uint32_t>(carry);
  }
  trim(out);
  return out;
}

// a = a * m + add.
void mul_small(Limbs& a, std::uint32_t m, std::uint32_t add = 0) {
  std::uint64_t carry = add;
  for (auto& limb : a) {
    std::uint64_t cur = std::uint64_t{limb} * m + carry;
    limb = static_cast<std::uint32_t>(cur % kBase);
    carry = cur / kBase;
  }
  while (carry != 0) {
    a.push_back(static_cast<std::uint32_t>(carry % kBase));
    carry /= kBase;
  }
  trim(a);
}

// a /= m; returns the remainder.
std::uint32_t divmod_small(Limbs& a, std::uint32_t m) {
  std::uint64_t rem = 0;
  for (std::size_t i = a.size(); i-- > 0;) {
    std::uint64_t cur = rem * kBase + a[i];
    a[i] = static_cast<std::uint32_t>(cur / m);
    rem = cur % m;
  }
  trim(a);
  return static_cast<std::uint32_t>(rem);
}

// a *= 10^k.
void mul_pow10(Limbs& a, std::uint64_t k) {
  if (a.empty() || k == 0) return;
  mul_small(a, kPow10[k % kLimbDigits]);
  a.insert(a.begin(), static_cast<std::size_t>(k / kLimbDigits), 0);
}

// What dropping low digits removed: the most significant removed digit, and whether any digit
// below it was nonzero. Enough for every rounding mode.
struct Dropped {
  std::uint32_t first = 0;
  bool rest = false;
  bool any() const { return first != 0 || rest; }
};

// a = floor(a / 10^k).
Dropped drop_digits(Limbs& a, std::uint64_t k) {
  Dropped d;
  if (k == 0) return d;
  std::uint64_t pos = k - 1;  // of the most significant dropped digit
  std::uint64_t limb = pos / kLimbDigits;
  if (limb < a.size()) {
    std::uint32_t p = kPow10[pos % kLimbDigits];
    d.first = a[limb] / p % 10;
    d.rest = a[limb] % p != 0;
    for (std::size_t i = 0; i < limb && !d.rest; ++i) d.rest = a[i] != 0;
  } else {
    d.rest = !a.empty();
  }
  std::uint64_t whole = k / kLimbDigits;
  if (whole >= a.size()) {
    a.clear();
    return d;
  }
  a.erase(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(whole));
  if (k % kLimbDigits != 0) divmod_small(a, kPow10[k % kLimbDigits]);
  trim(a);
  return d;
}

// q = a / b, r = a % b (schoolbook long division in base 10^9); b must be nonzero.
void divmod_limbs(const Limbs& a, const Limbs& b, Limbs& q, Limbs& r) {
  if (compare_limbs(a, b) < 0) {
    q.clear();
    r = a;
    return;
  }
  if (b.size() == 1) {
    q = a;
    r = limbs_from_u64(divmod_small(q, b[0]));
    return;
  }
  const std::size_t n = b.size();
  r.assign(a.end() - static_cast<std::ptrdiff_t>(n - 1), a.end());
  q.assign(a.size() - n + 1, 0);
  // Divisor estimate from its top three limbs; the quotient digit estimate is then off by at
  // most a few units, which the correction loops below settle.
  const long double divisor = static_cast<long double>(b[n - 1]) * kBase + b[n - 2] +
                              (n >= 3 ? static_cast<long double>(b[n - 3]) / kBase : 0.0L);
  Limbs product;
  for (std::size_t i = a.size() - n + 1; i-- > 0;) {
    r.insert(r.begin(), a[i]);
    trim(r);
    auto limb = [&](std::size_t k) -> long double { return k < r.size() ? r[k] : 0; };
    long double top = limb(n) * kBase * kBase + limb(n - 1) * kBase + limb(n - 2) +
                      (n >= 3 ? limb(n - 3) / kBase : 0.0L);
    long double estimate = std::floor(top / divisor);
    std::uint32_t digit = estimate <= 0           ? 0
                          : estimate >= kBase - 1 ? kBase - 1
                                                  : static_cast<std::uint32_t>(estimate);
    product = b;
    mul_small(product, digit);
    while (compare_limbs(product, r) > 0) {
      --digit;
      sub_limbs(product, b);
    }
    sub_limbs(r, product);
    while (compare_limbs(r, b) >= 0) {
      ++digit;
      sub_limbs(r, b);
    }
    q[i] = digit;
  }
  trim(q);
}

void append_digits(std::string& out, const Limbs& a) {
  if (a.empty()) {
    out.push_back('0');
    return;
  }
  char buf[16];
  auto r = std::to_chars(buf, buf + sizeof buf, a.back());
  out.append(buf, r.ptr);
  for (std::size_t i = a.size() - 1; i-- > 0;) {
    r = std::to_chars(buf, buf + sizeof buf, a[i]);
    out.append(kLimbDigits - static_cast<std::size_t>(r.ptr - buf), '0');
    out.append(buf, r.ptr);
  }
}

Limbs limbs_from_digits(std::string_view digits) {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  Limbs out;
  out.reserve(digits.size() / kLimbDigits + 1);
  std::size_t end = digits.size();
  while (end > 0) {
    std::size_t begin = end >= kLimbDigits ? end - kLimbDigits : 0;
    std::uint32_t limb = 0;
    for (std::size_t i = begin; i < end; ++i)
      limb = limb * 10 + static_cast<std::uint32_t>(digits[i] - '0');
    out.push_back(limb);
    end = begin;
  }
  trim(out);
  return out;
}

// The nearest double to `digits` × 10^e (std::from_chars rounds correctly).
double parse_scaled(std::string& digits, std::int64_t e) {
  const auto count = static_cast<std::int64_t>(digits.size());
  digits.push_back('e');
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, e);
  digits.append(buf, r.ptr);
  double result = 0.0;
  auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), result);
  if (parsed.ec == std::errc::result_out_of_range)  // too large, or too small for a subnormal
    return count + e > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  return result;
}

// The nearest double to ±c × 10^e.
double limbs_to_double(bool negative, const Limbs& c, std::int64_t e) {
  double result;
  static constexpr double exact_pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                           1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                           1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  auto small = limbs_to_u64(c);
  if (c.empty()) {
    result = 0.0;
  } else if (small && *small <= (std::uint64_t{1} << 53) && e >= -22 && e <= 22) {
    // Both operands are exact doubles, so one IEEE operation rounds correctly.
    double m = static_cast<double>(*small);
    result = e >= 0 ? m * exact_pow10[e] : m / exact_pow10[-e];
  } else {
    // Beyond 800 significant digits the rest only matters as "nonzero" (no rounding boundary of
    // a double has that many digits), so it is cut to one sticky digit.
    std::string text;
    append_digits(text, c);
    constexpr std::size_t kMaxDigits = 800;
    if (text.size() > kMaxDigits) {
      bool sticky = text.find_first_not_of('0', kMaxDigits) != std::string::npos;
      e += static_cast<std::int64_t>(text.size() - kMaxDigits);
      text.resize(kMaxDigits);
      if (sticky) {
        text.push_back('1');
        e -= 1;
      }
    }
    result = parse_scaled(text, e);
  }
  return negative ? -result : result;
}

[[noreturn]] void throw_float_domain(const Decimal& d) {
  if (d.is_nan())
    throw FilterError(errc::invalid_value, "Computation results in 'NaN' (Not a Number)");
  throw FilterError(errc::invalid_value, d.negative() ? "Computation results in '-Infinity'"
                                                      : "Computation results in 'Infinity'");
}

// An exact long division costs quotient length × divisor length; it is refused beyond about
// four million limb steps (two numbers of some 60,000 digits) so that huge numeric strings cannot
// stall a render.
void check_division_work(const Limbs& dividend, const Limbs& divisor, std::string_view what) {
  constexpr std::size_t kMaxWork = std::size_t{1} << 22;
  if (dividend.size() > divisor.size() &&
      (dividend.size() - divisor.size() + 1) * divisor.size() > kMaxWork)
    throw FilterError(errc::invalid_value, "numbers too large for " + std::string(what));
}

// Operands of a product are cut to this many limbs (rounded), so that a product of two huge
// numeric strings cannot take quadratic time; 13,500 digits is far beyond what to_f can see.
constexpr std::size_t kMaxFactorLimbs = 1500;

}  // namespace

std::vector<std::uint32_t> Decimal::limbs() const {
  return big_.empty() ? limbs_from_u64(small_) : big_;
}

void Decimal::set_limbs(std::vector<std::uint32_t> limbs) {
  if (auto v = limbs_to_u64(limbs)) {
    small_ = *v;
    big_.clear();
  } else {
    big_ = std::move(limbs);
  }
}

namespace {

constexpr std::uint64_t kPow10U64[20] = {1ULL,
                                         10ULL,
                                         100ULL,
                                         1000ULL,
                                         10000ULL,
                                         100000ULL,
                                         1000000ULL,
                                         10000000ULL,
                                         100000000ULL,
                                         1000000000ULL,
                                         10000000000ULL,
                                         100000000000ULL,
                                         1000000000000ULL,
                                         10000000000000ULL,
                                         100000000000000ULL,
                                         1000000000000000ULL,
                                         10000000000000000ULL,
                                         100000000000000000ULL,
                                         1000000000000000000ULL,
                                         10000000000000000000ULL};

int u64_digits(std::uint64_t v) {
  int n = 1;
  while (n < 20 && v >= kPow10U64[n]) ++n;
  return n;
}

// The nearest double to ±c × 10^e, for a 64-bit coefficient: without allocating.
double u64_to_double(bool negative, std::uint64_t c, std::int64_t e) {
  static constexpr double exact_pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                           1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                           1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  double result;
  if (c == 0) {
    result = 0.0;
  } else if (c <= (std::uint64_t{1} << 53) && e >= -22 && e <= 22) {
    // Both operands are exact doubles, so one IEEE operation rounds correctly.
    double m = static_cast<double>(c);
    result = e >= 0 ? m * exact_pow10[e] : m / exact_pow10[-e];
  } else {
    char buf[48];
    auto r = std::to_chars(buf, buf + 20, c);
    *r.ptr++ = 'e';
    r = std::to_chars(r.ptr, buf + sizeof buf, e);
    auto parsed = std::from_chars(buf, r.ptr, result);
    if (parsed.ec == std::errc::result_out_of_range)  // too large, or too small for a subnormal
      result = u64_digits(c) + e > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  }
  return negative ? -result : result;
}

}  // namespace

Decimal Decimal::from_int(std::int64_t i) {
  Decimal d;
  d.negative_ = i < 0;
  d.small_ = i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
  return d;
}

Decimal Decimal::from_double(double f) {
  if (std::isnan(f)) return nan();
  if (std::isinf(f)) return infinity(f < 0);
  Decimal d;
  d.negative_ = std::signbit(f);
  if (f == 0.0) return d;
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(f), std::chars_format::scientific);
  // "d.ddde±x": at most 17 significant digits, which fit 64 bits.
  const char* p = buf;
  std::uint64_t coefficient = 0;
  int n = 0;
  for (; *p != 'e'; ++p) {
    if (*p == '.') continue;
    coefficient = coefficient * 10 + static_cast<std::uint64_t>(*p - '0');
    ++n;
  }
  ++p;
  if (*p == '+') ++p;
  int exp10 = 0;
  std::from_chars(p, r.ptr, exp10);
  d.small_ = coefficient;
  d.exponent_ = exp10 - (n - 1);
  return d;
}

Decimal Decimal::from_digits(bool negative, std::string_view digits, std::int64_t exponent) {
  Decimal d;
  d.negative_ = negative;
  d.exponent_ = exponent;
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  if (digits.size() <= 19) {
    for (char c : digits) d.small_ = d.small_ * 10 + static_cast<std::uint64_t>(c - '0');
  } else {
    d.set_limbs(limbs_from_digits(digits));
  }
  return d;
}

Decimal Decimal::infinity(bool negative) {
  Decimal d;
  d.kind_ = Kind::infinite;
  d.negative_ = negative;
  return d;
}

Decimal Decimal::nan() {
  Decimal d;
  d.kind_ = Kind::nan;
  return d;
}

double Decimal::to_double() const {
  switch (kind_) {
    case Kind::nan:
      return std::numeric_limits<double>::quiet_NaN();
    case Kind::infinite:
      return negative_ ? -std::numeric_limits<double>::infinity()
                       : std::numeric_limits<double>::infinity();
    case Kind::finite:
      break;
  }
  if (is_small()) return u64_to_double(negative_, small_, exponent_);
  return limbs_to_double(negative_, big_, exponent_);
}

Decimal Decimal::operator-() const {
  Decimal d = *this;
  if (kind_ != Kind::nan) d.negative_ = !negative_;
  return d;
}

Decimal Decimal::abs() const {
  Decimal d = *this;
  d.negative_ = false;
  return d;
}

Decimal operator+(const Decimal& a, const Decimal& b) {
  using Kind = Decimal::Kind;
  if (a.is_nan() || b.is_nan()) return Decimal::nan();
  if (a.kind_ == Kind::infinite || b.kind_ == Kind::infinite) {
    if (a.kind_ == Kind::infinite && b.kind_ == Kind::infinite && a.negative_ != b.negative_)
      return Decimal::nan();
    return a.kind_ == Kind::infinite ? a : b;
  }
  if (a.is_zero() && b.is_zero()) {
    Decimal z;
    z.negative_ = a.negative_ && b.negative_;
    z.exponent_ = std::min(a.exponent_, b.exponent_);
    return z;
  }
  if (a.is_zero()) return b;
  if (b.is_zero()) return a;
  Decimal out;
  out.exponent_ = std::min(a.exponent_, b.exponent_);
  const std::int64_t shift_a = a.exponent_ - out.exponent_;
  const std::int64_t shift_b = b.exponent_ - out.exponent_;
  if (a.is_small() && b.is_small() && shift_a < 20 && shift_b < 20) {
    // One side is shifted by at most 10^19: below 2^128 even after the addition.
    const UInt128 x = UInt128{a.small_} * kPow10U64[shift_a];
    const UInt128 y = UInt128{b.small_} * kPow10U64[shift_b];
    UInt128 sum;
    if (a.negative_ == b.negative_) {
      sum = x + y;
      out.negative_ = a.negative_;
    } else if (x == y) {
      return out;  // x + -x is +0
    } else {
      sum = x > y ? x - y : y - x;
      out.negative_ = x > y ? a.negative_ : b.negative_;
    }
    if (sum <= std::numeric_limits<std::uint64_t>::max()) {
      out.small_ = static_cast<std::uint64_t>(sum);
    } else {
      Limbs limbs;
      for (; sum != 0; sum /= kBase) limbs.push_back(static_cast<std::uint32_t>(sum % kBase));
      out.big_ = std::move(limbs);
    }
    return out;
  }
  Limbs x = a.limbs(), y = b.limbs();
  mul_pow10(x, static_cast<std::uint64_t>(shift_a));
  mul_pow10(y, static_cast<std::uint64_t>(shift_b));
  if (a.negative_ == b.negative_) {
    add_limbs(x, y);
    out.negative_ = a.negative_;
    out.set_limbs(std::move(x));
    return out;
  }
  int c = compare_limbs(x, y);
  if (c == 0) return out;  // x + -x is +0
  if (c > 0) {
    sub_limbs(x, y);
    out.negative_ = a.negative_;
    out.set_limbs(std::move(x));
  } else {
    sub_limbs(y, x);
    out.negative_ = b.negative_;
    out.set_limbs(std::move(y));
  }
  return out;
}

Decimal operator*(const Decimal& a, const Decimal& b) {
  using Kind = Decimal::Kind;
  bool negative = a.negative_ != b.negative_;
  if (a.is_nan() || b.is_nan()) return Decimal::nan();
  if (a.kind_ == Kind::infinite || b.kind_ == Kind::infinite) {
    if (a.is_zero() || b.is_zero()) return Decimal::nan();
    return Decimal::infinity(negative);
  }
  Decimal out;
  out.negative_ = negative;
  if (a.is_zero() || b.is_zero()) return out;
  out.exponent_ = a.exponent_ + b.exponent_;
  if (a.is_small() && b.is_small()) {
    UInt128 product = UInt128{a.small_} * b.small_;
    if (product <= std::numeric_limits<std::uint64_t>::max()) {
      out.small_ = static_cast<std::uint64_t>(product);
    } else {
      Limbs limbs;
      for (; product != 0; product /= kBase)
        limbs.push_back(static_cast<std::uint32_t>(product % kBase));
      out.big_ = std::move(limbs);
    }
    return out;
  }
  if (a.big_.size() > kMaxFactorLimbs || b.big_.size() > kMaxFactorLimbs) {
    auto cut = [](const Decimal& d) {
      if (d.big_.size() <= kMaxFactorLimbs) return d;
      std::size_t digits = digit_count(d.big_);
      return d.round(-(d.exponent_ + static_cast<std::int64_t>(digits) -
                       static_cast<std::int64_t>(kMaxFactorLimbs * kLimbDigits)),
                     Decimal::Rounding::half_up);
    };
    return cut(a) * cut(b);
  }
  out.set_limbs(mul_limbs(a.limbs(), b.limbs()));
  return out;
}

double Decimal::divide(const Decimal& a, const Decimal& b) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  bool negative = a.negative_ != b.negative_;
  if (a.is_nan() || b.is_nan()) return std::numeric_limits<double>::quiet_NaN();
  if (a.kind_ == Kind::infinite) {
    if (b.kind_ == Kind::infinite) return std::numeric_limits<double>::quiet_NaN();
    return negative ? -inf : inf;
  }
  if (b.kind_ == Kind::infinite) return negative ? -0.0 : 0.0;
  if (b.is_zero()) {
    if (a.is_zero()) return std::numeric_limits<double>::quiet_NaN();
    return negative ? -inf : inf;
  }
  if (a.is_zero()) return negative ? -0.0 : 0.0;
  // q = floor(ca * 10^shift / cb) with at least `precision` digits. The quotient lies in
  // [q, q+1) × 10^e; when both ends round to the same double that double is the answer,
  // otherwise a rounding boundary lies in between and more digits decide.
  if (a.is_small() && b.is_small()) {
    // First try with an 18-digit quotient, computed in 128 bits.
    const int da = u64_digits(a.small_), db = u64_digits(b.small_);
    const int shift = 18 + db - da;  // ca·10^shift has 18 + db <= 38 digits
    UInt128 numerator = a.small_;
    for (int i = 0; i < shift; ++i) numerator *= 10;
    const UInt128 divisor = shift >= 0 ? UInt128{b.small_} : UInt128{b.small_} * kPow10U64[-shift];
    const UInt128 q = numerator / divisor;
    const std::int64_t e = a.exponent_ - b.exponent_ - std::max(shift, 0);
    if (q < std::numeric_limits<std::uint64_t>::max()) {
      double low = u64_to_double(negative, static_cast<std::uint64_t>(q), e);
      if (numerator % divisor == 0) return low;
      if (u64_to_double(negative, static_cast<std::uint64_t>(q) + 1, e) == low) return low;
    }
  }
  const Limbs ca = a.limbs(), cb = b.limbs();
  const auto da = static_cast<std::int64_t>(digit_count(ca));
  const auto db = static_cast<std::int64_t>(digit_count(cb));
  Limbs numerator, q, r;
  for (std::int64_t precision = 40;; precision *= 2) {
    std::int64_t shift = std::max<std::int64_t>(0, precision + db - da);
    numerator = ca;
    mul_pow10(numerator, static_cast<std::uint64_t>(shift));
    divmod_limbs(numerator, cb, q, r);
    std::int64_t e = a.exponent_ - b.exponent_ - shift;
    double low = limbs_to_double(negative, q, e);
    if (r.empty()) return low;
    add_limbs(q, Limbs{1});
    double high = limbs_to_double(negative, q, e);
    // No rounding boundary of a double has more than 800 significant digits, so past that
    // the two ends always agree.
    if (low == high || precision > 800) return low;
  }
}

Decimal Decimal::modulo(const Decimal& a, const Decimal& b) {
  if (a.is_nan() || b.is_nan()) return nan();
  if (a.kind_ == Kind::infinite && b.kind_ == Kind::infinite) return nan();
  if (b.is_zero()) throw FilterError(errc::zero_division, "divided by 0");
  if (a.kind_ == Kind::infinite) return nan();
  if (b.kind_ == Kind::infinite) return a;
  if (a.is_zero()) return Decimal();
  Decimal out;
  out.exponent_ = std::min(a.exponent_, b.exponent_);
  Limbs x = a.limbs(), y = b.limbs();
  mul_pow10(x, static_cast<std::uint64_t>(a.exponent_ - out.exponent_));
  mul_pow10(y, static_cast<std::uint64_t>(b.exponent_ - out.exponent_));
  check_division_work(x, y, "modulo");
  Limbs q, r;
  divmod_limbs(x, y, q, r);
  if (r.empty()) return out;  // +0, as BigDecimal
  if (a.negative_ != b.negative_) {
    sub_limbs(y, r);
    out.set_limbs(std::move(y));
  } else {
    out.set_limbs(std::move(r));
  }
  out.negative_ = b.negative_;
  return out;
}

Decimal Decimal::floor_divide(const Decimal& a, const Decimal& b) {
  if (b.is_zero()) throw FilterError(errc::zero_division, "divided by 0");
  Limbs x = a.limbs(), y = b.limbs();
  mul_pow10(x, static_cast<std::uint64_t>(a.exponent_));
  mul_pow10(y, static_cast<std::uint64_t>(b.exponent_));
  check_division_work(x, y, "division");
  Decimal out;
  Limbs q, r;
  divmod_limbs(x, y, q, r);
  out.negative_ = a.negative_ != b.negative_;
  if (out.negative_ && !r.empty()) mul_small(q, 1, 1);
  if (q.empty()) out.negative_ = false;
  out.set_limbs(std::move(q));
  return out;
}

std::optional<int> Decimal::compare(const Decimal& a, const Decimal& b) {
  if (a.is_nan() || b.is_nan()) return std::nullopt;
  auto sign_of = [](const Decimal& d) {
    if (d.kind_ == Kind::infinite) return d.negative_ ? -2 : 2;
    if (d.is_zero()) return 0;
    return d.negative_ ? -1 : 1;
  };
  int sa = sign_of(a), sb = sign_of(b);
  if (sa != sb) return sa < sb ? -1 : 1;
  if (sa == 0 || sa == 2 || sa == -2) return 0;
  // Same sign, both nonzero and finite: compare magnitudes by leading digit position first.
  auto top = [](const Decimal& d) {
    return d.exponent_ +
           (d.is_small() ? u64_digits(d.small_) : static_cast<std::int64_t>(digit_count(d.big_)));
  };
  int magnitude;
  const std::int64_t e = std::min(a.exponent_, b.exponent_);
  if (top(a) != top(b)) {
    magnitude = top(a) < top(b) ? -1 : 1;
  } else if (a.is_small() && b.is_small()) {
    // Equal leading positions of numbers below 10^20: the shift is below 20 digits.
    const UInt128 x = UInt128{a.small_} * kPow10U64[a.exponent_ - e];
    const UInt128 y = UInt128{b.small_} * kPow10U64[b.exponent_ - e];
    magnitude = x < y ? -1 : x > y ? 1 : 0;
  } else {
    Limbs x = a.limbs(), y = b.limbs();
    mul_pow10(x, static_cast<std::uint64_t>(a.exponent_ - e));
    mul_pow10(y, static_cast<std::uint64_t>(b.exponent_ - e));
    magnitude = compare_limbs(x, y);
  }
  return sa > 0 ? magnitude : -magnitude;
}

Decimal Decimal::round(std::int64_t digits, Rounding mode) const {
  if (kind_ != Kind::finite) return *this;
  const std::int64_t target = -digits;  // exponent of the last digit kept
  if (exponent_ >= target) return *this;
  Decimal out = *this;
  Limbs c = limbs();
  Dropped d = drop_digits(c, static_cast<std::uint64_t>(target - exponent_));
  out.exponent_ = target;
  bool up = false;
  switch (mode) {
    case Rounding::half_up:
      up = d.first >= 5;
      break;
    case Rounding::floor:
      up = negative_ && d.any();
      break;
    case Rounding::ceil:
      up = !negative_ && d.any();
      break;
  }
  if (up) mul_small(c, 1, 1);
  out.set_limbs(std::move(c));
  return out;
}

Value Decimal::to_integer_value(Rounding mode, std::int64_t digits) const {
  if (kind_ != Kind::finite) throw_float_domain(*this);
  Decimal r = round(std::min<std::int64_t>(digits, 0), mode);
  // r is integral now: coefficient × 10^exponent with exponent >= 0.
  if (r.is_zero()) return Value(0);
  Limbs c = r.limbs();
  if (static_cast<std::int64_t>(digit_count(c)) + r.exponent_ <= 19) {
    mul_pow10(c, static_cast<std::uint64_t>(r.exponent_));
    UInt128 magnitude = *limbs_to_u64(c);
    return int128_value(r.negative_ ? -static_cast<Int128>(magnitude)
                                    : static_cast<Int128>(magnitude));
  }
  return Value(r.to_double());
}

std::int64_t Decimal::to_int64() const {
  if (kind_ != Kind::finite) throw_float_domain(*this);
  Limbs c = limbs();
  if (exponent_ < 0) {
    Dropped d = drop_digits(c, static_cast<std::uint64_t>(-exponent_));
    // BigDecimal#to_i truncates, except that with ten or more integer digits it divides with
    // Integer#div, which floors: -5118069785.5 gives -5118069786.
    if (negative_ && d.any() && digit_count(c) >= 10) mul_small(c, 1, 1);
  } else if (!c.empty()) {
    if (static_cast<std::int64_t>(digit_count(c)) + exponent_ > 19)
      throw FilterError(errc::invalid_value, "bignum too big to convert into `long'");
    mul_pow10(c, static_cast<std::uint64_t>(exponent_));
  }
  auto magnitude = limbs_to_u64(c);
  const std::uint64_t limit =
      static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative_ ? 1 : 0);
  if (!magnitude || *magnitude > limit)
    throw FilterError(errc::invalid_value, "bignum too big to convert into `long'");
  return negative_ ? static_cast<std::int64_t>(0 - *magnitude)
                   : static_cast<std::int64_t>(*magnitude);
}

std::string Decimal::coefficient_digits() const {
  std::string out;
  append_digits(out, limbs());
  return out;
}

// ---- to_number and integer arithmetic ------------------------------------------------------

namespace {

// Ruby's String#strip set (which includes NUL).
bool is_strip_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == '\0';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// String#to_i: leading whitespace, a sign, digits with single underscores between them; stops
// at anything else.
Number string_to_i(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_strip_space(s[i]) && s[i] != '\0') ++i;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  std::string digits;
  while (i < s.size()) {
    if (is_digit(s[i])) {
      if (!digits.empty() || s[i] != '0') digits.push_back(s[i]);  // leading zeros dropped
      ++i;
    } else if (s[i] == '_' && i > 0 && is_digit(s[i - 1]) && i + 1 < s.size() &&
               is_digit(s[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  if (digits.size() <= 18) {
    std::int64_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return negative ? -v : v;
  }
  if (digits.size() == 19) {
    std::uint64_t v = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    const std::uint64_t limit =
        static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
    if (v <= limit)
      return negative ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
  }
  return BigInteger{Decimal::from_digits(negative, digits)};
}

Number string_to_number(std::string_view s) {
  std::string_view t = s;
  while (!t.empty() && is_strip_space(t.front())) t.remove_prefix(1);
  while (!t.empty() && is_strip_space(t.back())) t.remove_suffix(1);
  // /\A-?\d+\.\d+\z/
  std::string_view body = t;
  bool negative = !body.empty() && body.front() == '-';
  if (negative) body.remove_prefix(1);
  std::size_t dot = body.find('.');
  bool decimal =
      dot != std::string_view::npos && dot > 0 && dot + 1 < body.size() &&
      std::all_of(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(dot), is_digit) &&
      std::all_of(body.begin() + static_cast<std::ptrdiff_t>(dot) + 1, body.end(), is_digit);
  if (!decimal) return string_to_i(s);
  // Ruby then parses the unstripped string with BigDecimal(), which rejects NUL bytes.
  if (s.find('\0') != std::string_view::npos)
    throw FilterError(errc::invalid_value, "string contains null byte");
  std::string digits;
  digits.reserve(body.size() - 1);
  digits.append(body.substr(0, dot));
  digits.append(body.substr(dot + 1));
  return Decimal::from_digits(negative, digits, -static_cast<std::int64_t>(body.size() - dot - 1));
}

}  // namespace

Number to_number(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::integer:
      return v.as_int();
    case Value::Kind::floating:
      return Decimal::from_double(v.as_float());
    case Value::Kind::string:
      return string_to_number(v.as_string());
    case Value::Kind::drop: {
      Value scratch;
      const Value& plain = unwrap(v, scratch);
      if (plain.is_drop()) return std::int64_t{0};
      return to_number(plain);
    }
    default:
      return std::int64_t{0};
  }
}

Value number_value(const Number& n) {
  if (const auto* i = std::get_if<std::int64_t>(&n)) return Value(*i);
  if (const auto* big = std::get_if<BigInteger>(&n))
    return big->value.to_integer_value(Decimal::Rounding::half_up);
  return Value(std::get<Decimal>(n).to_double());
}

Decimal to_decimal(const Number& n) {
  if (const auto* i = std::get_if<std::int64_t>(&n)) return Decimal::from_int(*i);
  if (const auto* big = std::get_if<BigInteger>(&n)) return big->value;
  return std::get<Decimal>(n);
}

Value int128_value(Int128 v) {
  if (v >= std::numeric_limits<std::int64_t>::min() &&
      v <= std::numeric_limits<std::int64_t>::max())
    return Value(static_cast<std::int64_t>(v));
  return Value(static_cast<double>(v));
}

Value int_add(std::int64_t a, std::int64_t b) {
  return int128_value(Int128{a} + b);
}
Value int_sub(std::int64_t a, std::int64_t b) {
  return int128_value(Int128{a} - b);
}
Value int_mul(std::int64_t a, std::int64_t b) {
  return int128_value(Int128{a} * b);
}

Value int_div(std::int64_t a, std::int64_t b) {
  if (b == 0) throw FilterError(errc::zero_division, "divided by 0");
  Int128 q = Int128{a} / b;  // no overflow in 128 bits (INT64_MIN / -1)
  if (Int128{a} % b != 0 && ((a < 0) != (b < 0))) q -= 1;
  return int128_value(q);
}

Value int_mod(std::int64_t a, std::int64_t b) {
  if (b == 0) throw FilterError(errc::zero_division, "divided by 0");
  Int128 r = Int128{a} % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return Value(static_cast<std::int64_t>(r));
}

}  // namespace liquid::filters
