// Times: fields and ISO 8601 text, checked against Ruby's Time#getlocal and #xmlschema.
#include "time/time.hpp"

#include <gtest/gtest.h>

#include <string>

namespace liquid::time {
namespace {

std::string fields(std::int64_t seconds, std::int32_t offset) {
  const Fields f = fields_of(Time::fixed(seconds, 0, offset));
  return std::to_string(f.year) + "-" + std::to_string(f.month) + "-" + std::to_string(f.day) +
         " " + std::to_string(f.hour) + ":" + std::to_string(f.minute) + ":" +
         std::to_string(f.second) + " wday " + std::to_string(f.wday) + " yday " +
         std::to_string(f.yday);
}

TEST(Time, FieldsInTheTimesOffset) {
  EXPECT_EQ(fields(0, 0), "1970-1-1 0:0:0 wday 4 yday 1");
  EXPECT_EQ(fields(1457949903, -14400), "2016-3-14 6:5:3 wday 1 yday 74");
  EXPECT_EQ(fields(1457949903, 19800), "2016-3-14 15:35:3 wday 1 yday 74");
  EXPECT_EQ(fields(-1, 0), "1969-12-31 23:59:59 wday 3 yday 365");
  EXPECT_EQ(fields(-1, -1800), "1969-12-31 23:29:59 wday 3 yday 365");
  EXPECT_EQ(fields(-62167219200, 0), "0-1-1 0:0:0 wday 6 yday 1");
  EXPECT_EQ(fields(-63549359571, 0), "-44-3-15 0:7:9 wday 4 yday 75");
  EXPECT_EQ(fields(253402300800, 0), "10000-1-1 0:0:0 wday 6 yday 1");
}

TEST(Time, FieldsAtTheEndsOfInt64) {
  const Fields max = fields_of(Time::fixed(INT64_MAX, 0, 86399));
  EXPECT_EQ(max.year, 292277026596);
  const Fields min = fields_of(Time::fixed(INT64_MIN, 0, -86399));
  EXPECT_EQ(min.year, -292277022657);
}

TEST(Time, LocalSeconds) {
  EXPECT_EQ(local_seconds(2016, 3, 14, 10, 5, 3), 1457949903);
  EXPECT_EQ(local_seconds(2016, 1, 1, 24, 0, 0), local_seconds(2016, 1, 2, 0, 0, 0));
  EXPECT_EQ(local_seconds(2016, 1, 1, 23, 59, 60), local_seconds(2016, 1, 2, 0, 0, 0));
}

TEST(Time, Iso8601) {
  EXPECT_EQ(to_iso8601(Time::utc(1457949903)), "2016-03-14T10:05:03Z");
  EXPECT_EQ(to_iso8601(Time::fixed(1457949903, 0, -14400)), "2016-03-14T06:05:03-04:00");
  EXPECT_EQ(to_iso8601(Time::fixed(1457949903, 0, 0)), "2016-03-14T10:05:03+00:00");
  EXPECT_EQ(to_iso8601(Time::fixed(1457949903, 500'000'000'000'000'000, 19800)),
            "2016-03-14T15:35:03.500+05:30");
  EXPECT_EQ(to_iso8601(Time::utc(0, 123'456'000'000'000'000)), "1970-01-01T00:00:00.123456Z");
  EXPECT_EQ(to_iso8601(Time::utc(0, 123'456'789'000'000'001)),
            "1970-01-01T00:00:00.123456789000000001Z");
  EXPECT_EQ(to_iso8601(Time::fixed(-3786825600, 0, -17762)), "1849-12-31T19:03:58-04:56:02");
  EXPECT_EQ(to_iso8601(Time::utc(-63549359571)), "-0044-03-15T00:07:09Z");
  EXPECT_EQ(to_iso8601(Time::utc(253402300800)), "+10000-01-01T00:00:00Z");
}

TEST(Time, AbbreviationsAreTruncatedToTheirStorage) {
  EXPECT_EQ(Abbrev("EST").view(), "EST");
  EXPECT_EQ(Abbrev("").view(), "");
  EXPECT_EQ(Abbrev("ABCDEFGHIJKLMNOPQRSTUVWXYZ").view(), "ABCDEFGHIJKLMNO");
}

}  // namespace
}  // namespace liquid::time
