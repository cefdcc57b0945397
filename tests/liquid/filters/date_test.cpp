// The date filter: expectations are Ruby Liquid 5.4's output for {{ x | date: f }} under
// TZ=<zone>, generated once with ruby -rliquid.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "filter_test_util.hpp"
#include "liquid/error.hpp"
#include "liquid/json.hpp"
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

Value date(const Value& input, const Value& format, std::string_view zone = "UTC") {
  return apply(filters::date_filters(), "date", input, {format}, {}, info(zone));
}

struct Case {
  const char* input;   // JSON
  const char* format;  // JSON
  const char* zone;
  const char* expected;
};

const Case kCases[] = {
    {"\"March 14, 2016\"", "\"%b %d, %y\"", "UTC", "Mar 14, 16"},
    {"\"March 14, 2016\"", "\"%%%b %d, %y\"", "UTC", "%Mar 14, 16"},
    {"\"March 14, 2016\"", "\"%s\"", "UTC", "1457913600"},
    {"\"March 14, 2016\"", "\"%s\"", "America/New_York", "1457928000"},
    {"1152098955", "\"%m/%d/%Y\"", "UTC", "07/05/2006"},
    {"\"1152098955\"", "\"%m/%d/%Y\"", "UTC", "07/05/2006"},
    {"\"-1152098955\"", "\"%m/%d/%Y\"", "UTC", "-1152098955"},
    {"0", "\"%F %T %z %Z\"", "UTC", "1970-01-01 00:00:00 +0000 UTC"},
    {"0", "\"%F %T %z %Z\"", "America/New_York", "1969-12-31 19:00:00 -0500 EST"},
    {"0", "\"%F %T %z %Z\"", "Asia/Kolkata", "1970-01-01 05:30:00 +0530 IST"},
    {"\"2016-03-14T10:00:00Z\"", "\"%F %T %z %Z|%-z\"", "America/New_York",
     "2016-03-14 10:00:00 +0000 UTC|-0000"},
    {"\"2016-03-14T10:00:00+05:30\"", "\"%F %T %:z [%Z]\"", "America/New_York",
     "2016-03-14 10:00:00 +05:30 []"},
    {"\"2016-03-14T10:00:00.123456789-08:00\"", "\"%H:%M:%S.%L %N %3N %z\"", "UTC",
     "10:00:00.123 123456789 123 -0800"},
    {"\"2016-03-14 10:00:00\"", "\"%c %Z\"", "America/New_York", "Mon Mar 14 10:00:00 2016 EDT"},
    {"\"2016-03-14 10:00:00 EST\"", "\"%c %z %Z\"", "America/New_York",
     "Mon Mar 14 10:00:00 2016 -0500 "},
    {"\"2016-03-14 10:00:00 GMT\"", "\"%c %z [%Z]\"", "America/New_York",
     "Mon Mar 14 10:00:00 2016 +0000 []"},
    {"\"2016-03-14 10:00:00 GMT\"", "\"%c %z [%Z]\"", "UTC",
     "Mon Mar 14 10:00:00 2016 +0000 [UTC]"},
    {"\"Tue, 14 Mar 2016 10:00:00 +0000\"", "\"%a %d %b %Y %H:%M:%S %z\"", "UTC",
     "Mon 14 Mar 2016 10:00:00 +0000"},
    {"\"14 Mar 2016 10:00\"", "\"%-d/%-m/%y %l:%M %P\"", "UTC", "14/3/16 10:00 am"},
    {"\"Mar 14 2016 3pm\"", "\"%I:%M %p\"", "UTC", "03:00 PM"},
    {"\"2016/03/14\"", "\"%A %B %-d\"", "UTC", "Monday March 14"},
    {"\"2016-11-06 01:30\"", "\"%F %T %Z\"", "America/New_York", "2016-11-06 01:30:00 EST"},
    {"\"2016-03-13 02:30\"", "\"%F %T %Z\"", "America/New_York", "2016-03-13 03:30:00 EDT"},
    {"\"2040-07-04 12:00\"", "\"%F %T %Z\"", "America/New_York", "2040-07-04 12:00:00 EDT"},
    {"\"not a date\"", "\"%Y\"", "UTC", "not a date"},
    {"\"\"", "\"%Y\"", "UTC", ""},
    {"null", "\"%Y\"", "UTC", ""},
    {"true", "\"%Y\"", "UTC", "true"},
    {"1.5", "\"%Y\"", "UTC", "1.5"},
    {"[1, 2]", "\"%Y\"", "UTC", "12"},
    {"\"2016-03-14\"", "\"\"", "UTC", "2016-03-14"},
    {"\"2016-03-14\"", "null", "UTC", "2016-03-14"},
    {"\"2016-03-14\"", "5", "UTC", "5"},
    {"\"2016-03-14\"", "true", "UTC", "true"},
    {"\"2016-03-14\"", "[1]", "UTC", "[1]"},
    {"\"2016-03-14\"", "\"%^a %#b %10A|%-10A|%_5d|%05e|%^10B\"", "UTC",
     "MON MAR     Monday|Monday|   14|00014|     MARCH"},
    {"\"2016-03-14\"", "\"%j %U %W %V %G %g %u %w %C %y\"", "UTC",
     "074 11 11 11 2016 16 1 1 20 16"},
    {"\"2016-03-14\"", "\"%D %x %X %R %T %r %v %F\"", "UTC",
     "03/14/16 03/14/16 00:00:00 00:00 00:00:00 12:00:00 AM 14-MAR-2016 2016-03-14"},
    {"\"2016-03-14\"", "\"%q %+ %E %Oz %:\"", "UTC", "%q %+ %E %Oz %:"},
    {"\"2016-03-14\"", "\"%n%t%%\"", "UTC", "\n\t%"},
    {"\"2016-03-14 10:00\"", "\"%e/%k/%l\"", "UTC", "14/10/10"},
    {"\"-0044-03-15\"", "\"%Y %C %y %F\"", "UTC", "-0044 -1 56 -0044-03-15"},
    {"\"+12345-01-01\"", "\"%Y|%10Y|%-Y\"", "UTC", "12345|0000012345|12345"},
};

TEST(DateFilter, MatchesRubyLiquid) {
  for (const Case& c : kCases) {
    const Value out = date(parse_json(c.input), parse_json(c.format), c.zone);
    EXPECT_EQ(out.to_s(), c.expected) << c.input << " | date: " << c.format << " in " << c.zone;
  }
}

TEST(DateFilter, ReturnsInputThatIsNotATimeUnchanged) {
  const Value array = parse_json("[1, 2]");
  EXPECT_EQ(date(array, "%Y"), array);
  EXPECT_TRUE(date(Value(), "%Y").is_nil());
  EXPECT_EQ(date(Value(1.5), "%Y"), Value(1.5));
  EXPECT_EQ(date(Value("2016-03-14"), Value()), Value("2016-03-14"));
  EXPECT_EQ(date(Value(7), Value("")), Value(7));
}

TEST(DateFilter, NowAndTodayUseTheRendersClock) {
  EXPECT_EQ(date(Value("now"), "%F %T.%N %Z", "America/New_York"),
            Value("2016-03-14 08:34:56.123456789 EDT"));
  EXPECT_EQ(date(Value("Today"), "%s"), Value("1457958896"));
  EXPECT_EQ(date(Value("10:00"), "%F %R"), Value("2016-03-14 10:00"));
}

TEST(DateFilter, FormatsTimezoneResults) {
  const Value in_tokyo = apply(filters::timezone_filters(), "timezone",
                               Value("2016-03-14T10:00:00.25Z"), {"Asia/Tokyo"}, {}, info());
  EXPECT_EQ(date(in_tokyo, "%F %T.%L %z %Z"), Value("2016-03-14 19:00:00.250 +0900 JST"));
}

TEST(DateFilter, InvalidFormatIsAnError) {
  for (const char* format : {"%", "%Y %-", "%5", "%:%"}) {
    try {
      date(Value("2016-03-14"), format);
      ADD_FAILURE() << format;
    } catch (const FilterError& e) {
      EXPECT_EQ(e.id(), errc::invalid_value) << format;
    }
  }
  // Not a time: the format is never used.
  EXPECT_EQ(date(Value("foo"), "%"), Value("foo"));
}

TEST(DateFilter, OverlyWideFieldIsAnError) {
  try {
    date(Value(0), "%2000Y");
    ADD_FAILURE();
  } catch (const FilterError& e) {
    EXPECT_EQ(e.id(), errc::invalid_value);
  }
}

TEST(DateFilter, UnknownDefaultZoneIsAnError) {
  try {
    date(Value(0), "%Y", "Nowhere/Special");
    ADD_FAILURE();
  } catch (const FilterError& e) {
    EXPECT_EQ(e.id(), errc::invalid_value);
  }
}

TEST(DateFilter, MeridianHourBeyondIntIsAnError) {
  try {
    date(Value("2147483648pm"), "%Y");
    ADD_FAILURE();
  } catch (const FilterError& e) {
    EXPECT_EQ(e.id(), errc::invalid_value);
  }
}

TEST(DateFilter, TakesExactlyOneArgument) {
  const FilterDef& def = liquid::testing::find_filter(filters::date_filters(), "date");
  EXPECT_EQ(def.min_args, 1);
  EXPECT_EQ(def.max_args, 1);
  EXPECT_FALSE(def.keywords);
}

}  // namespace
}  // namespace liquid
