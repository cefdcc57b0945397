// Liquid's Utils.to_date, with the render's clock and zone.
#include "time/to_date.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "liquid/error.hpp"

namespace liquid::time {
namespace {

// 2016-03-14 12:34:56.123456789 UTC
RenderInfo info(std::string_view zone = "UTC") {
  RenderInfo i;
  i.now = std::chrono::system_clock::time_point{
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::nanoseconds{1457958896123456789})};
  i.timezone = zone;
  return i;
}

class PlainDrop : public Drop {
 public:
  explicit PlainDrop(std::optional<Value> v) : v_(std::move(v)) {}
  std::optional<Value> get(std::string_view) const override { return std::nullopt; }
  std::optional<Value> to_value() const override { return v_; }

 private:
  std::optional<Value> v_;
};

TEST(ToDate, ValuesThatAreNotTimes) {
  for (const Value& v : {Value(), Value(true), Value(false), Value(1.5), Value(""), Value(" 1"),
                         Value("foo"), Value("-1152098955"), Value(Array{Value(1)}),
                         Value(Hash{{"a", Value(1)}}), Value(Range{1, 2})})
    EXPECT_EQ(to_date(v, info()), std::nullopt) << v.inspect();
}

TEST(ToDate, NowAndTodayAreTheRendersClock) {
  for (const char* text : {"now", "NOW", "today", "Today"}) {
    const std::optional<Time> t = to_date(Value(text), info("America/New_York"));
    ASSERT_TRUE(t) << text;
    EXPECT_EQ(t->seconds, 1457958896);
    EXPECT_EQ(t->attos, 123456789 * kAttosPerNano);
    EXPECT_EQ(t->utc_offset, -4 * 3600);
    EXPECT_EQ(t->abbrev.view(), "EDT");
  }
  EXPECT_EQ(to_date(Value(" now"), info()), std::nullopt);  // Time.parse(" now") fails
}

TEST(ToDate, IntegersAndDigitStringsAreUnixSeconds) {
  const std::optional<Time> t = to_date(Value(1152098955), info("America/New_York"));
  ASSERT_TRUE(t);
  EXPECT_EQ(t->seconds, 1152098955);
  EXPECT_EQ(t->kind, ZoneKind::zone);
  EXPECT_EQ(t->utc_offset, -4 * 3600);
  EXPECT_EQ(to_date(Value("1152098955"), info())->seconds, 1152098955);
  EXPECT_EQ(to_date(Value("007"), info())->seconds, 7);
  EXPECT_EQ(to_date(Value(-5), info())->seconds, -5);
  EXPECT_EQ(to_date(Value(INT64_MAX), info())->seconds, INT64_MAX);
  EXPECT_EQ(to_date(Value("9223372036854775807"), info())->seconds, INT64_MAX);
  // Deliberate limit: beyond int64 (a Ruby bignum) is not a time here.
  EXPECT_EQ(to_date(Value("9223372036854775808"), info()), std::nullopt);
}

TEST(ToDate, StringsGoThroughTimeParseInTheDefaultZone) {
  const std::optional<Time> local = to_date(Value("2016-03-14 10:00"), info("America/New_York"));
  ASSERT_TRUE(local);
  EXPECT_EQ(local->seconds, 1457964000);
  EXPECT_EQ(local->abbrev.view(), "EDT");
  const std::optional<Time> utc = to_date(Value("2016-03-14T10:00:00Z"), info("America/New_York"));
  ASSERT_TRUE(utc);
  EXPECT_EQ(utc->kind, ZoneKind::utc);
  EXPECT_EQ(utc->seconds, 1457949600);
  const std::optional<Time> partial = to_date(Value("10:00"), info());
  ASSERT_TRUE(partial);
  EXPECT_EQ(partial->seconds, 1457949600);  // today, from the render's clock
  const std::optional<Time> upper = to_date(Value("MARCH 14, 2016 10:00 PM EST"), info());
  ASSERT_TRUE(upper);
  EXPECT_EQ(upper->seconds, 1458010800);
  EXPECT_EQ(upper->utc_offset, -5 * 3600);
}

TEST(ToDate, DropsStandForTheirValue) {
  EXPECT_EQ(to_date(Value(std::make_shared<PlainDrop>(Value("1152098955"))), info())->seconds,
            1152098955);
  EXPECT_EQ(to_date(Value(std::make_shared<PlainDrop>(Value(7))), info())->seconds, 7);
  EXPECT_EQ(to_date(Value(std::make_shared<PlainDrop>(std::nullopt)), info()), std::nullopt);
}

TEST(ToDate, TimeDropsAreTakenAsTheyAre) {
  const Time fixed = Time::fixed(1457949903, 42, 19800);
  const std::optional<Time> t =
      to_date(Value(std::make_shared<const TimeDrop>(fixed)), info("America/New_York"));
  ASSERT_TRUE(t);
  EXPECT_EQ(t->seconds, fixed.seconds);
  EXPECT_EQ(t->attos, 42u);
  EXPECT_EQ(t->utc_offset, 19800);
  EXPECT_EQ(t->kind, ZoneKind::fixed);
}

TEST(ToDate, TimeDropPrintsAsIso8601) {
  const TimeDrop drop(Time::fixed(1457949903, 250'000'000'000'000'000, -14400));
  EXPECT_EQ(drop.to_s(), "2016-03-14T06:05:03.250-04:00");
  ASSERT_TRUE(drop.to_value());
  EXPECT_EQ(*drop.to_value(), Value("2016-03-14T06:05:03.250-04:00"));
  EXPECT_EQ(drop.get("year"), std::nullopt);
}

TEST(ToDate, Errors) {
  try {
    to_date(Value("2147483648pm"), info());
    ADD_FAILURE() << "no error";
  } catch (const FilterError& e) {
    EXPECT_EQ(e.id(), errc::invalid_value);
  }
  try {
    to_date(Value("2016-03-14"), info("Mars/Olympus_Mons"));
    ADD_FAILURE() << "no error";
  } catch (const FilterError& e) {
    EXPECT_EQ(e.id(), errc::invalid_value);
  }
}

}  // namespace
}  // namespace liquid::time
