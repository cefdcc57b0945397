// The timezone filter (a liquidhook extension). Offsets and abbreviations checked against Ruby's
// Time#getlocal under TZ=<zone>.
#include <gtest/gtest.h>

#include <chrono>

#include "filter_test_util.hpp"
#include "liquid/error.hpp"
#include "time/to_date.hpp"

namespace liquid {
namespace {

using liquid::testing::apply;

RenderInfo info(std::string_view zone = "UTC") {
  RenderInfo i;
  i.now = std::chrono::system_clock::time_point{
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::nanoseconds{1457958896123456789})};
  i.timezone = zone;
  return i;
}

Value timezone(const Value& input, const Value& zone, std::string_view default_zone = "UTC") {
  return apply(filters::timezone_filters(), "timezone", input, {zone}, {}, info(default_zone));
}

Value date(const Value& input, std::string_view format) {
  return apply(filters::date_filters(), "date", input, {Value(format)}, {}, info());
}

TEST(TimezoneFilter, ConvertsAnInstantToAZone) {
  const Value t = timezone(Value("2016-03-14T10:00:00Z"), "America/New_York");
  ASSERT_TRUE(t.is_drop());
  EXPECT_EQ(t.to_s(), "2016-03-14T06:00:00-04:00");
  EXPECT_EQ(date(t, "%F %T %z %Z"), Value("2016-03-14 06:00:00 -0400 EDT"));
  EXPECT_EQ(date(timezone(Value(0), "America/New_York"), "%F %T %Z"),
            Value("1969-12-31 19:00:00 EST"));
  EXPECT_EQ(date(timezone(Value(1457949903), "Asia/Kathmandu"), "%T %:z %Z"),
            Value("15:50:03 +05:45 +0545"));
}

TEST(TimezoneFilter, KeepsSubSecondsThroughTextToo) {
  const Value t = timezone(Value("2016-03-14T10:00:00.123456789Z"), "Europe/Berlin");
  EXPECT_EQ(t.to_s(), "2016-03-14T11:00:00.123456789+01:00");
  EXPECT_EQ(date(t, "%T.%N %Z"), Value("11:00:00.123456789 CET"));
  // Stringified (as any other filter sees it) and parsed back: same instant and offset.
  EXPECT_EQ(date(Value(t.to_s()), "%s.%N %z"), Value("1457949600.123456789 +0100"));
}

TEST(TimezoneFilter, ReadsLocalTextInTheDefaultZone) {
  const Value t = timezone(Value("2016-03-14 10:00"), "UTC", "America/New_York");
  EXPECT_EQ(t.to_s(), "2016-03-14T14:00:00+00:00");
  EXPECT_EQ(date(t, "%H:%M %Z"), Value("14:00 UTC"));
}

TEST(TimezoneFilter, ChainsAndAcceptsOffsetsAndAnyCase) {
  const Value tokyo = timezone(Value("2016-03-14T10:00:00Z"), "asia/tokyo");
  EXPECT_EQ(date(tokyo, "%H %Z"), Value("19 JST"));
  const Value back = timezone(tokyo, "+05:30");
  EXPECT_EQ(back.to_s(), "2016-03-14T15:30:00+05:30");
  EXPECT_EQ(date(back, "%H:%M %z [%Z]"), Value("15:30 +0530 []"));
}

TEST(TimezoneFilter, FollowsDaylightSavingTimeAfter2037) {
  EXPECT_EQ(date(timezone(Value("2040-07-04T16:00:00Z"), "America/New_York"), "%H %Z"),
            Value("12 EDT"));
}

TEST(TimezoneFilter, ReturnsInputThatIsNotATimeUnchanged) {
  EXPECT_TRUE(timezone(Value(), "America/New_York").is_nil());
  EXPECT_EQ(timezone(Value("soon"), "America/New_York"), Value("soon"));
  EXPECT_EQ(timezone(Value(1.5), "America/New_York"), Value(1.5));
}

TEST(TimezoneFilter, UnknownZoneIsAnError) {
  for (const Value& zone : {Value("Mars/Olympus_Mons"), Value(""), Value(), Value(5)}) {
    try {
      timezone(Value("2016-03-14T10:00:00Z"), zone);
      ADD_FAILURE() << zone.inspect();
    } catch (const FilterError& e) {
      EXPECT_EQ(e.id(), errc::invalid_value);
    }
  }
}

TEST(TimezoneFilter, TakesExactlyOneArgument) {
  const FilterDef& def = liquid::testing::find_filter(filters::timezone_filters(), "timezone");
  EXPECT_EQ(def.min_args, 1);
  EXPECT_EQ(def.max_args, 1);
}

}  // namespace
}  // namespace liquid
