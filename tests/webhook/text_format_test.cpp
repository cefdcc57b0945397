// The results formatters against the printf/gmtime formatting they replace.
#include "text_format.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <limits>
#include <random>
#include <string>

namespace webhook::detail {
namespace {

std::string reference_iso_time(TimeMs t) {
  const std::time_t secs = static_cast<std::time_t>(t / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(t % 1000));
  return buf;
}

std::string reference_fixed3(double v) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string iso_time(TimeMs t) {
  std::string out;
  append_iso_time(out, t);
  return out;
}

std::string fixed3(double v) {
  std::string out;
  append_fixed3(out, v);
  return out;
}

TEST(TextFormat, IsoTimeMatchesGmtime) {
  EXPECT_EQ(iso_time(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(iso_time(1'765'151'782'123), "2025-12-07T23:56:22.123Z");
  // Leap days, century rules, ends of months and years.
  for (TimeMs t : {951'782'400'000LL, 951'868'799'999LL, 4'107'542'400'000LL, 1'709'164'800'000LL,
                   253'402'300'799'999LL, 978'307'199'999LL})
    EXPECT_EQ(iso_time(t), reference_iso_time(t)) << t;
  std::mt19937_64 rng(1);
  std::uniform_int_distribution<TimeMs> any(0, 253'402'300'799'999LL);  // up to 9999-12-31
  for (int i = 0; i < 200'000; ++i) {
    const TimeMs t = any(rng);
    ASSERT_EQ(iso_time(t), reference_iso_time(t)) << t;
  }
}

TEST(TextFormat, IsoTimeBefore1970CountsMillisecondsForward) {
  EXPECT_EQ(iso_time(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(iso_time(-86'400'000), "1969-12-31T00:00:00.000Z");
}

TEST(TextFormat, Fixed3MatchesPrintf) {
  for (double v : {0.0, -0.0, 0.0005, 0.0015, 0.0025, 1.0005, 2.5, 999.9995, 1e9, 1e9 - 0.0005,
                   1e15, 1e300, -1.25, -0.0004, 123.456, 0.1 + 0.2,
                   std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max()})
    EXPECT_EQ(fixed3(v), reference_fixed3(v)) << v;
  std::mt19937_64 rng(2);
  // Durations as the transport computes them: whole microseconds / 1000.
  std::uniform_int_distribution<std::int64_t> micros(0, 3'600'000'000'000LL);
  for (int i = 0; i < 200'000; ++i) {
    const double v = static_cast<double>(micros(rng)) / 1000.0;
    ASSERT_EQ(fixed3(v), reference_fixed3(v)) << v;
  }
  // Any double near a rounding boundary, or not.
  std::uniform_real_distribution<double> real(-2e9, 2e9);
  std::uniform_int_distribution<std::int64_t> halves(0, 2'000'000);
  for (int i = 0; i < 200'000; ++i) {
    const double r = real(rng);
    ASSERT_EQ(fixed3(r), reference_fixed3(r)) << r;
    const double h = (static_cast<double>(halves(rng)) + 0.5) / 1000.0;
    ASSERT_EQ(fixed3(h), reference_fixed3(h)) << h;
  }
}

TEST(TextFormat, IntMatchesToString) {
  for (std::int64_t v :
       {std::int64_t{0}, std::int64_t{-1}, std::int64_t{42},
        std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
    std::string out = "x";
    append_int(out, v);
    EXPECT_EQ(out, "x" + std::to_string(v));
  }
}

}  // namespace
}  // namespace webhook::detail
