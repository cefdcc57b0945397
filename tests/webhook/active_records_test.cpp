// The sender's table of records in flight: slots, their reuse, and the lowest record (the
// outbox watermark's floor).
#include "active_records.hpp"

#include <gtest/gtest.h>

namespace webhook::detail {
namespace {

TEST(ActiveRecords, FindsBySlotAndRecord) {
  ActiveRecords active;
  EXPECT_TRUE(active.empty());
  EXPECT_EQ(active.lowest(), std::nullopt);
  const std::size_t a = active.add(7);
  const std::size_t b = active.add(3);
  EXPECT_NE(a, b);
  ASSERT_NE(active.find(a, 7), nullptr);
  EXPECT_EQ(active.find(a, 7)->record, 7);
  EXPECT_EQ(active.find(a, 3), nullptr) << "a tag names one record";
  EXPECT_EQ(active.find(99, 7), nullptr);
  EXPECT_EQ(active.lowest(), 3);
  active.remove(*active.find(b, 3));
  EXPECT_EQ(active.find(b, 3), nullptr);
  EXPECT_EQ(active.lowest(), 7);
  EXPECT_FALSE(active.empty());
  active.remove(*active.find(a, 7));
  EXPECT_TRUE(active.empty());
  EXPECT_EQ(active.lowest(), std::nullopt);
}

TEST(ActiveRecords, AReusedSlotStartsClean) {
  ActiveRecords active;
  const std::size_t tag = active.add(1);
  Active& first = *active.find(tag, 1);
  first.line = "{\"a\":1}";
  first.attempts = "{\"n\":1}";
  first.attempt_count = 1;
  first.value = liquid::Value(5);
  active.remove(first);
  const std::size_t again = active.add(2);
  EXPECT_EQ(again, tag) << "the freed slot is taken again";
  const Active& second = *active.find(again, 2);
  EXPECT_TRUE(second.attempts.empty());
  EXPECT_EQ(second.attempt_count, 0);
  EXPECT_TRUE(second.value.is_nil());
}

TEST(ActiveRecords, LowestFollowsAddsAndRemovesInAnyOrder) {
  ActiveRecords active;
  std::vector<std::size_t> tags;
  for (std::int64_t r = 10; r < 20; ++r) tags.push_back(active.add(r));
  const std::size_t retry = active.add(4);  // a retried record is older than the fresh ones
  EXPECT_EQ(active.lowest(), 4);
  active.remove(*active.find(retry, 4));
  EXPECT_EQ(active.lowest(), 10);
  active.remove(*active.find(tags[0], 10));
  active.remove(*active.find(tags[2], 12));
  EXPECT_EQ(active.lowest(), 11);
  active.remove(*active.find(tags[1], 11));
  EXPECT_EQ(active.lowest(), 13);
}

}  // namespace
}  // namespace webhook::detail
