// Zones: expectations checked against Ruby 3.1 under TZ=<zone>.
#include "time/zone.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace liquid::time {
namespace {

const Zone& zone(const char* name) {
  const Zone* z = Zone::find(name);
  EXPECT_NE(z, nullptr) << name;
  return z ? *z : Zone::utc();
}

TEST(Zone, UtcIsANamedZone) {
  EXPECT_EQ(Zone::find("UTC"), &Zone::utc());
  EXPECT_EQ(Zone::utc().name(), "UTC");
  const Time t = Zone::utc().time_at(1457949903, 7);
  EXPECT_EQ(t.utc_offset, 0);
  EXPECT_EQ(t.kind, ZoneKind::zone);  // Ruby's local time under TZ=UTC, not Time#utc
  EXPECT_EQ(t.abbrev.view(), "UTC");
  EXPECT_EQ(t.seconds, 1457949903);
  EXPECT_EQ(t.attos, 7u);
}

TEST(Zone, FindsIanaNames) {
  const Zone& ny = zone("America/New_York");
  EXPECT_EQ(ny.name(), "America/New_York");
  EXPECT_EQ(ny.at(1457949903).offset, -4 * 3600);
  EXPECT_EQ(ny.at(1457949903).abbrev.view(), "EDT");
  EXPECT_EQ(ny.at(1451606400).abbrev.view(), "EST");
  EXPECT_EQ(ny.at(-3786825600).offset, -17762);  // local mean time before 1883
  EXPECT_EQ(ny.at(-3786825600).abbrev.view(), "LMT");
  EXPECT_EQ(zone("Asia/Kolkata").at(1457949903).offset, 19800);
  EXPECT_EQ(zone("US/Eastern").at(1457949903).abbrev.view(), "EDT");
  EXPECT_EQ(zone("Etc/GMT+5").at(0).abbrev.view(), "-05");
}

TEST(Zone, MatchesNamesWithoutRegardToCase) {
  EXPECT_EQ(Zone::find("america/new_york"), Zone::find("America/New_York"));
  EXPECT_EQ(Zone::find("EUROPE/BERLIN"), Zone::find("Europe/Berlin"));
}

TEST(Zone, FixedOffsets) {
  const Zone& plus = zone("+05:30");
  EXPECT_EQ(plus.name(), "+05:30");
  EXPECT_EQ(Zone::find("+0530"), &plus);
  const Time t = plus.time_at(0);
  EXPECT_EQ(t.utc_offset, 19800);
  EXPECT_EQ(t.kind, ZoneKind::fixed);
  EXPECT_EQ(t.abbrev.view(), "");
  EXPECT_EQ(zone("-08").at(0).offset, -8 * 3600);
  EXPECT_EQ(zone("-00:30").at(0).offset, -1800);
}

TEST(Zone, UnknownNames) {
  for (const char* name : {"", "Mars/Olympus_Mons", "+5:30", "+24:00", "+05:60", "+05:", "+05:3",
                           "05:30", "../../etc/passwd", "/usr/share/zoneinfo/UTC", "UTC "})
    EXPECT_EQ(Zone::find(name), nullptr) << name;
}

TEST(Zone, FollowsTheZoneFileRuleAfterItsLastTransition) {
  // The database lists transitions up to 2037; later years follow the POSIX TZ rule, as the
  // C library (and so Ruby) does.
  const Zone& ny = zone("America/New_York");
  EXPECT_EQ(ny.at(2225016000).abbrev.view(), "EDT");                      // 2040-07-04
  EXPECT_EQ(ny.at(2210241600).abbrev.view(), "EST");                      // 2040-01-15
  EXPECT_EQ(zone("Europe/Berlin").at(4118083200).abbrev.view(), "CEST");  // 2100-07-01
  const Zone::Info sydney = zone("Australia/Sydney").at(4103654400);      // 2100-01-15
  EXPECT_EQ(sydney.abbrev.view(), "AEDT");
  EXPECT_EQ(sydney.offset, 11 * 3600);
}

TEST(Zone, LocalReadingsAcrossClockChangesAsRuby) {
  const Zone& ny = zone("America/New_York");
  auto local = [](std::int64_t unix_seconds, std::int32_t offset) { return unix_seconds + offset; };
  // An ordinary reading.
  EXPECT_EQ(ny.local_to_unix(local(1457949903, -4 * 3600)), 1457949903);
  // 2016-03-13 02:30 does not exist: read with the offset before the change (EST).
  EXPECT_EQ(ny.local_to_unix(1457836200), 1457836200 + 5 * 3600);
  // 2016-11-06 01:30 happens twice: the later instant (EST).
  EXPECT_EQ(ny.local_to_unix(1478395800), 1478395800 + 5 * 3600);
  // The same after 2037, where the POSIX rule applies.
  EXPECT_EQ(ny.local_to_unix(2215045800), 2215063800);  // 2040-03-11 02:30
  EXPECT_EQ(ny.local_to_unix(2235605400), 2235623400);  // 2040-11-04 01:30
  EXPECT_EQ(zone("+05:30").local_to_unix(19800), 0);
  EXPECT_EQ(Zone::utc().local_to_unix(12345), 12345);
}

TEST(Zone, HandlesInstantsFarFromToday) {
  const Zone& ny = zone("America/New_York");
  EXPECT_EQ(ny.at(-9'000'000'000'000'000'000).abbrev.view(), "LMT");
  EXPECT_EQ(ny.at(9'000'000'000'000'000'000).offset % 3600, 0);
  EXPECT_EQ(ny.local_to_unix(-9'000'000'000'000'000'000), -9'000'000'000'000'000'000 + 17762);
}

TEST(Zone, LookupsFromManyThreadsAgree) {
  std::vector<const Zone*> found(8, nullptr);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < found.size(); ++i)
    threads.emplace_back([&found, i] {
      for (int k = 0; k < 200; ++k) found[i] = Zone::find(k % 2 ? "Europe/Paris" : "europe/paris");
    });
  for (auto& t : threads) t.join();
  for (const Zone* z : found) EXPECT_EQ(z, Zone::find("Europe/Paris"));
}

}  // namespace
}  // namespace liquid::time
