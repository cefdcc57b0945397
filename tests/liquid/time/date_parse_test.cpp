// Date._parse: every case's expectation is Ruby 3.1's Date._parse output (without :offset),
// generated once with ruby -rdate; keys sorted, sec_fraction in 1e-18 units.
#include "time/date_parse.hpp"

#include <gtest/gtest.h>

#include <string>

namespace liquid::time {
namespace {

std::string canonical(const std::optional<DateParts>& parts) {
  if (!parts) return "ERROR";
  std::string out;
  auto add = [&](const char* key, const auto& value) {
    if (!value) return;
    if (!out.empty()) out += ' ';
    out += key;
    out += '=';
    if constexpr (std::is_same_v<std::decay_t<decltype(*value)>, std::string>)
      out += *value;
    else
      out += std::to_string(*value);
  };
  add("cwday", parts->cwday);
  add("cweek", parts->cweek);
  add("cwyear", parts->cwyear);
  add("hour", parts->hour);
  add("mday", parts->mday);
  add("min", parts->min);
  add("mon", parts->mon);
  add("sec", parts->sec);
  add("sec_fraction", parts->sec_fraction);
  add("wday", parts->wday);
  add("yday", parts->yday);
  add("year", parts->year);
  add("zone", parts->zone);
  return out;
}

struct Case {
  const char* input;
  const char* expected;
};

const Case kCases[] = {
    {"2016-03-14", "mday=14 mon=3 year=2016"},
    {"2016-03-14T10:00:00Z", "hour=10 mday=14 min=0 mon=3 sec=0 year=2016 zone=Z"},
    {"2016-03-14t10:00:00z", "hour=10 mday=14 min=0 mon=3 sec=0 year=2016 zone=z"},
    {"2016-03-14T10:00:00+05:30", "hour=10 mday=14 min=0 mon=3 sec=0 year=2016 zone=+05:30"},
    {"2016-03-14T10:00:00.123456+05:30",
     "hour=10 mday=14 min=0 mon=3 sec=0 sec_fraction=123456000000000000 year=2016 zone=+05:30"},
    {"2016-03-14T10:00:00,5-08:00",
     "hour=10 mday=14 min=0 mon=3 sec=0 sec_fraction=500000000000000000 year=2016 zone=-08:00"},
    {"2016-03-14 10:00:00", "hour=10 mday=14 min=0 mon=3 sec=0 year=2016"},
    {"2016-03-14 10:00:00 -0400", "hour=10 mday=14 min=0 mon=3 sec=0 year=2016 zone=-0400"},
    {"Tue, 14 Mar 2016 10:00:00 +0000",
     "hour=10 mday=14 min=0 mon=3 sec=0 wday=2 year=2016 zone=+0000"},
    {"Mon, 14 Mar 2016 10:00:00 GMT",
     "hour=10 mday=14 min=0 mon=3 sec=0 wday=1 year=2016 zone=GMT"},
    {"Monday, March 14, 2016 10:00 PM", "hour=22 mday=14 min=0 mon=3 wday=1 year=2016"},
    {"March 14, 2016", "mday=14 mon=3 year=2016"},
    {"march 14 2016", "mday=14 mon=3 year=2016"},
    {"14 March 2016", "mday=14 mon=3 year=2016"},
    {"14th March 2016", "mday=14 mon=3 year=2016"},
    {"March 14th, 2016", "mday=14 mon=3 year=2016"},
    {"14 Mar 2016 10:00", "hour=10 mday=14 min=0 mon=3 year=2016"},
    {"Mar 14 2016 3pm", "hour=15 mday=14 mon=3 year=2016"},
    {"Mar 14 2016 3 pm", "hour=15 mday=14 mon=3 year=2016"},
    {"3 p.m. Mar 14", "hour=15 mday=14 zone=Mar"},
    {"Mar 14, '16", "mday=14 mon=3 year=2016"},
    {"14 Mar '16", "mday=14 mon=3 year=2016"},
    {"14/03/2016", "mday=14 mon=3 year=2016"},
    {"03/14/2016", "mday=3 mon=14 year=2016"},
    {"2016/03/14", "mday=14 mon=3 year=2016"},
    {"2016/3/4", "mday=4 mon=3 year=2016"},
    {"12/25", "mday=25 mon=12"},
    {"12/25/99", "mday=99 mon=25 year=2012"},
    {"2016/03/14 10:00", "hour=10 mday=14 min=0 mon=3 year=2016"},
    {"14.03.2016", "mday=14 mon=3 year=2016"},
    {"2016.03.14", "mday=14 mon=3 year=2016"},
    {"14. 3. 2016", "mday=14 mon=3 year=2016"},
    {"20160314", "mday=14 mon=3 year=2016"},
    {"20160314T100000", "hour=10 mday=14 min=0 mon=3 sec=0 year=2016"},
    {"20160314T100000Z", "hour=10 mday=14 min=0 mon=3 sec=0 year=2016 zone=Z"},
    {"20160314T100000+0900", "hour=10 mday=14 min=0 mon=3 sec=0 year=2016 zone=+0900"},
    {"20160314 100000.5",
     "hour=10 mday=14 min=0 mon=3 sec=0 sec_fraction=500000000000000000 year=2016"},
    {"201603141000", "hour=10 mday=14 min=0 mon=3 year=2016"},
    {"20160314100000", "hour=10 mday=14 min=0 mon=3 sec=0 year=2016"},
    {"-20160314", "mday=14 mon=3 year=-2016"},
    {"160314", "mday=14 mon=3 year=2016"},
    {"1603", "mday=3 mon=16"},
    {"123", "yday=123"},
    {"2016074", "yday=74 year=2016"},
    {"16074", "yday=74 year=2016"},
    {"10:00", "hour=10 min=0"},
    {"10:00:00", "hour=10 min=0 sec=0"},
    {"10:00:00.123456789", "hour=10 min=0 sec=0 sec_fraction=123456789000000000"},
    {"10:00:00.", "hour=10 min=0 sec=0"},
    {"10 : 30", "hour=10 min=30"},
    {"10h", "hour=10"},
    {"10h30", "hour=10 min=30"},
    {"10h30m15s", "hour=10 min=30 sec=15"},
    {"10pm", "hour=22"},
    {"10 PM", "hour=22"},
    {"10 a.m.", "hour=10"},
    {"12am", "hour=0"},
    {"12pm", "hour=12"},
    {"0:00 am", "hour=0 min=0"},
    {"3:45:12 p.m.", "hour=15 min=45 sec=12"},
    {"10:00 utc", "hour=10 min=0 zone=utc"},
    {"10:00 UTC+5", "hour=10 min=0 zone=UTC+5"},
    {"10:00 gmt-3:30", "hour=10 min=0 zone=gmt-3:30"},
    {"10:00 +9", "hour=10 min=0 zone=+9"},
    {"10:00 -11:00:15", "hour=10 min=0 zone=-11:00:15"},
    {"10:00 EST", "hour=10 min=0 zone=EST"},
    {"10:00 est dst", "hour=10 min=0 zone=est dst"},
    {"10:00 Eastern Standard Time", "hour=10 min=0 zone=Eastern Standard Time"},
    {"10:00 central european summer time", "hour=10 min=0 zone=central"},
    {"10:00 MSK", "hour=10 min=0 zone=MSK"},
    {"10:00 xyz123", "hour=10 min=0 yday=123"},
    {"10:00 \303\251", "hour=10 min=0 zone=\303\251"},
    {"10:00 \316\224", "hour=10 min=0 zone=\316\224"},
    {"10:00 z", "hour=10 min=0 zone=z"},
    {"2016-03-14 10:00 [-5:est]", "hour=10 mday=14 min=0 mon=3 year=2016"},
    {"20160314 [+9]", "mday=14 mon=3 year=2016 zone=+9"},
    {"20160314 [9:jst]", "mday=14 mon=3 year=2016 zone=jst"},
    {"20160314 z", "mday=14 mon=3 year=2016 zone=z"},
    {"20160314 -05", "mday=14 mon=3 year=2016 zone=-05"},
    {"20160314 +123456", "mday=14 mon=3 year=2016"},
    {"Thursday", "wday=4"},
    {"thu", "wday=4"},
    {"Thursday 10:00", "hour=10 min=0 wday=4"},
    {"2016", "mday=16 mon=20"},
    {"'16", "year=2016"},
    {"'2016", "year=2016"},
    {"March", "mon=3"},
    {"Sept", "mon=9"},
    {"14th", "mday=14"},
    {"the 14th of March", "mon=3"},
    {"1st", "mday=1"},
    {"Sat Aug 28 02:55:50 +09:00 1999",
     "hour=2 mday=28 min=55 mon=8 sec=50 wday=6 year=1999 zone=+09:00"},
    {"Sat Aug 28 02:55:50 1999 +09:00", "hour=2 mday=28 min=55 mon=8 sec=50 wday=6 year=1999"},
    {"H11.08.28", "mday=28 mon=8 year=1999"},
    {"h28.3.14", "mday=14 mon=3 year=2016"},
    {"S64.01.07", "mday=7 mon=1 year=1989"},
    {"1999-W34-6", "cwday=6 cweek=34 cwyear=1999"},
    {"1999-w34", "cweek=34 cwyear=1999"},
    {"99-W34-6", "cwday=6 cweek=34 cwyear=1999"},
    {"W34", "cweek=34"},
    {"-W-6", "cwday=6"},
    {"--08-28", "mday=28 mon=8"},
    {"--0828", "mday=28 mon=8"},
    {"--08", "mon=8"},
    {"---28", "mday=28"},
    {"1999-240", "yday=240 year=1999"},
    {"99-240", "yday=240 year=1999"},
    {"-240", "yday=240"},
    {"x-240", "yday=240"},
    {"1-240", "yday=240"},
    {",99-240", "mday=99 zone=-240"},
    {"08/28/99", "mday=99 mon=28 year=2008"},
    {"28/08/99", "mday=99 mon=8 year=2028"},
    {"99-08-28", "mday=28 mon=8 year=1999"},
    {"28-aug-1999", "mday=28 mon=8 year=1999"},
    {"28-Aug-99", "mday=28 mon=8 year=1999"},
    {"aug-28-1999", "mday=28 mon=8 year=1999"},
    {"aug-28", "mday=28 mon=8"},
    {"aug/28/1999", "mday=28 mon=8 year=1999"},
    {"1 BC", ""},
    {"1 B.C.", ""},
    {"Jan 1 100 BC", "mday=1 mon=1 year=-99"},
    {"Jan 1 100 bce", "mday=1 mon=1 year=-99"},
    {"Jan 1 100 AD", "mday=1 mon=1 year=100"},
    {"1 Jan 100 c.e.", "mday=1 mon=1 year=100"},
    {"5 Jan -44", "mday=5 mon=1 year=-44"},
    {"-44-01-05", "mday=5 mon=1 year=-44"},
    {"+2016-03-14", "mday=14 mon=3 year=2016"},
    {"'16-03-14", "mday=14 mon=3 year=2016"},
    {"16-03-14", "mday=14 mon=3 year=2016"},
    {"99999-12-31", "mday=31 mon=12 year=99999"},
    {"2016-02-30", "mday=30 mon=2 year=2016"},
    {"2016-13-01", "mday=1 mon=13 year=2016"},
    {"2016-00-10", "mday=10 mon=0 year=2016"},
    {"24:00", "hour=24 min=0"},
    {"2016-03-14 24:00:00", "hour=24 mday=14 min=0 mon=3 sec=0 year=2016"},
    {"2016-03-14 23:59:60", "hour=23 mday=14 min=59 mon=3 sec=60 year=2016"},
    {"now", ""},
    {"today", ""},
    {"yesterday", ""},
    {"foo", ""},
    {"1.5", ""},
    {"1", ""},
    {"12", "mday=12"},
    {"99", "mday=99"},
    {"-1152098955", "hour=55 mday=89 mon=9 year=-1152"},
    {"1457913600", "hour=0 mday=36 mon=91 year=1457"},
    {"2016 \345\271\264 3 \346\234\210 14 \346\227\245", "mday=16 mon=20"},
    {"14 M\303\244rz 2016", "mday=14"},
    {"14\342\200\257Mar\302\2402016 3:00\342\200\257pm", "hour=15 mday=14 min=0 mon=3 year=2016"},
    {"Mar\342\200\22314\342\200\2232016", "mday=14 mon=3 year=2016"},
    {"2016-03-14T10:00:00.123456789123456789123Z",
     "hour=10 mday=14 min=0 mon=3 sec=0 sec_fraction=123456789123456789 year=2016 zone=Z"},
    {"2016-03-14 \377", "ERROR"},
    {"", ""},
    {" ", ""},
    {"\t\n", ""},
};

TEST(DateParse, MatchesRubyDateParse) {
  for (const Case& c : kCases) EXPECT_EQ(canonical(date_parse(c.input)), c.expected) << c.input;
}

TEST(DateParse, RefusesTextLongerThan128Bytes) {
  const std::string at_limit = "2016-03-14 " + std::string(117, 'x');
  ASSERT_EQ(at_limit.size(), 128u);
  EXPECT_EQ(canonical(date_parse(at_limit)), "mday=14 mon=3 year=2016");
  EXPECT_EQ(date_parse(at_limit + "x"), std::nullopt);
  EXPECT_EQ(date_parse(std::string(129, 'a')), std::nullopt);
}

TEST(DateParse, RefusesInvalidUtf8) {
  EXPECT_EQ(date_parse("2016-03-14 \xff"), std::nullopt);
  EXPECT_EQ(date_parse("\xc3"), std::nullopt);
  EXPECT_EQ(date_parse("\xed\xa0\x80"), std::nullopt);  // a surrogate
}

TEST(DateParse, MeridianHourBeyondIntIsARangeError) {
  EXPECT_THROW(date_parse("2147483648pm"), DateRangeError);
  EXPECT_THROW(date_parse("99999999999999999999 am"), DateRangeError);
  EXPECT_EQ(canonical(date_parse("2147483647pm")), "hour=19");
  EXPECT_EQ(canonical(date_parse("2147483648:00")), "hour=2147483648 min=0");
}

TEST(DateParse, SaturatesNumbersBeyondInt64) {
  EXPECT_EQ(canonical(date_parse("99999999999999999999-01-02")),
            "mday=2 mon=1 year=" + std::to_string(kSaturated));
}

}  // namespace
}  // namespace liquid::time
