// Calendar arithmetic, checked against Ruby's Time.utc and Time#wday/#yday.
#include "time/civil.hpp"

#include <gtest/gtest.h>

namespace liquid::time {
namespace {

TEST(Civil, FloorDivisionAndModulo) {
  EXPECT_EQ(floor_div(7, 2), 3);
  EXPECT_EQ(floor_div(-7, 2), -4);
  EXPECT_EQ(floor_div(-8, 2), -4);
  EXPECT_EQ(floor_mod(-7, 2), 1);
  EXPECT_EQ(floor_mod(-1, 100), 99);
  EXPECT_EQ(floor_mod(7, -2), -1);
}

TEST(Civil, LeapYearsAndMonthLengths) {
  EXPECT_TRUE(is_leap_year(2016));
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_TRUE(is_leap_year(0));
  EXPECT_TRUE(is_leap_year(-4));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(-1));
  EXPECT_EQ(days_in_month(2016, 2), 29);
  EXPECT_EQ(days_in_month(2015, 2), 28);
  EXPECT_EQ(days_in_month(2015, 4), 30);
  EXPECT_EQ(days_in_month(2015, 12), 31);
}

TEST(Civil, DaysFromCivilMatchesRuby) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2016, 2, 29) * kSecondsPerDay, 1456704000);
  EXPECT_EQ(days_from_civil(2000, 1, 1) * kSecondsPerDay, 946684800);
  EXPECT_EQ(days_from_civil(-1, 12, 31) * kSecondsPerDay, -62167305600);
  EXPECT_EQ(days_from_civil(2016, 2, 30), days_from_civil(2016, 3, 1));  // days roll over
}

TEST(Civil, CivilFromDaysRoundTrips) {
  for (std::int64_t day = -800000; day <= 800000; day += 7919) {
    const CivilDate d = civil_from_days(day);
    EXPECT_EQ(days_from_civil(d.year, d.month, d.day), day);
  }
  const CivilDate far = civil_from_days(days_from_civil(200'000'000'000, 12, 31));
  EXPECT_EQ(far.year, 200'000'000'000);
  EXPECT_EQ(far.month, 12);
  EXPECT_EQ(far.day, 31);
}

TEST(Civil, WeekdayAndDayOfYear) {
  EXPECT_EQ(weekday_from_days(0), 4);  // Thursday
  EXPECT_EQ(weekday_from_days(-1), 3);
  EXPECT_EQ(weekday_from_days(days_from_civil(-44, 3, 15)), 4);
  EXPECT_EQ(day_of_year(2016, 3, 14), 74);
  EXPECT_EQ(day_of_year(2016, 12, 31), 366);
  EXPECT_EQ(day_of_year(-44, 3, 15), 75);
}

}  // namespace
}  // namespace liquid::time
