#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "webhook/outbox.hpp"

namespace webhook {
namespace {

namespace fs = std::filesystem;

class OutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("outbox_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = dir_ / "state.db";
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_, path_;
};

OutboxUpdate pending(std::int64_t record, int attempts, TimeMs next_at, std::string payload) {
  return {record, DeliveryStatus::pending, attempts, next_at, std::move(payload)};
}
OutboxUpdate final_update(std::int64_t record, DeliveryStatus s, int attempts) {
  return {record, s, attempts, 0, ""};
}

TEST_F(OutboxTest, NewRunThenResume) {
  {
    auto box = open_sqlite_outbox(path_);
    const RunState st = box->open("def-1", "run-a");
    EXPECT_FALSE(st.resumed);
    EXPECT_EQ(st.run_id, "run-a");
    EXPECT_EQ(st.results_offset, 0);
    const OutboxUpdate ups[] = {pending(3, 1, 1000, "p3"),
                                final_update(4, DeliveryStatus::delivered, 1),
                                final_update(1, DeliveryStatus::failed, 1)};
    box->commit(ups, 321, 2);
  }
  auto box = open_sqlite_outbox(path_);
  const RunState st = box->open("def-1", "run-b");
  EXPECT_TRUE(st.resumed);
  EXPECT_EQ(st.run_id, "run-a");
  EXPECT_EQ(st.results_offset, 321);
  EXPECT_EQ(st.watermark, 2);
  EXPECT_EQ(box->status(3), DeliveryStatus::pending);
  EXPECT_EQ(box->status(4), DeliveryStatus::delivered);
  EXPECT_EQ(box->status(1), std::nullopt);  // below the watermark: no row needed
  EXPECT_EQ(box->status(5), std::nullopt);
  EXPECT_EQ(box->pending_count(), 1);
}

TEST_F(OutboxTest, FingerprintMismatchIsAnError) {
  open_sqlite_outbox(path_)->open("def-1", "run-a");
  EXPECT_THROW(open_sqlite_outbox(path_)->open("def-2", "run-b"), OutboxError);
}

TEST_F(OutboxTest, FileIsPrivate) {
  open_sqlite_outbox(path_)->open("def", "run");
  struct stat sb {};
  ASSERT_EQ(::stat(path_.c_str(), &sb), 0);
  EXPECT_EQ(sb.st_mode & 0777, 0600u);
}

TEST_F(OutboxTest, DueDeliveriesAreLeasedOnce) {
  auto box = open_sqlite_outbox(path_);
  box->open("def", "run");
  const OutboxUpdate ups[] = {pending(10, 1, 500, "ten"), pending(11, 2, 100, "eleven"),
                              pending(12, 1, 9000, "twelve")};
  box->commit(ups, 0, 0);
  EXPECT_EQ(box->next_due(), 100);
  EXPECT_TRUE(box->take_due(50, 10'000, 10).empty());
  auto due = box->take_due(600, 10'000, 10);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].record, 11);  // earliest first
  EXPECT_EQ(due[0].attempts, 2);
  EXPECT_EQ(due[0].payload, "eleven");
  EXPECT_EQ(due[1].record, 10);
  EXPECT_TRUE(box->take_due(700, 10'000, 10).empty());  // leased
  EXPECT_EQ(box->next_due(), 9000);
  // A new attempt result replaces the row and its lease.
  const OutboxUpdate again[] = {pending(11, 3, 800, "eleven-3")};
  box->commit(again, 0, 0);
  due = box->take_due(900, 10'000, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].payload, "eleven-3");
  EXPECT_EQ(box->take_due(900, 10'000, 1).size(), 0u);
}

TEST_F(OutboxTest, AFinishedAttemptReplacesThePendingRow) {
  auto box = open_sqlite_outbox(path_);
  box->open("def", "run");
  const OutboxUpdate ups[] = {pending(20, 1, 100, "twenty"), pending(21, 1, 100, "twenty-one")};
  box->commit(ups, 0, 0);
  ASSERT_EQ(box->take_due(200, 10'000, 1).size(), 1u);  // 20 or 21 leased
  const OutboxUpdate done[] = {final_update(20, DeliveryStatus::delivered, 2),
                               final_update(21, DeliveryStatus::failed, 2)};
  box->commit(done, 0, 0);
  EXPECT_EQ(box->status(20), DeliveryStatus::delivered);
  EXPECT_EQ(box->status(21), DeliveryStatus::failed);
  EXPECT_EQ(box->pending_count(), 0);
  EXPECT_EQ(box->next_due(), std::nullopt);
  EXPECT_TRUE(box->take_due(1'000'000, 2'000'000, 10).empty());
  // And back: a pending row again (a later run's retry) is due and unleased.
  const OutboxUpdate retry[] = {pending(20, 3, 300, "twenty-3")};
  box->commit(retry, 0, 0);
  const auto due = box->take_due(400, 10'000, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].record, 20);
  EXPECT_EQ(due[0].attempts, 3);
  EXPECT_EQ(due[0].payload, "twenty-3");
}

TEST_F(OutboxTest, ManyRowsInOneCommitEachEndAsTheirLastUpdate) {
  auto box = open_sqlite_outbox(path_);
  box->open("def", "run");
  // More rows than one batched statement holds, a record updated twice in the same commit,
  // pending and finished rows mixed.
  std::vector<OutboxUpdate> ups;
  for (int i = 0; i < 37; ++i)
    ups.push_back(i % 3 == 0 ? pending(100 + i, 1, 1000 + i, "p" + std::to_string(i))
                             : final_update(100 + i, DeliveryStatus::delivered, 1));
  ups.push_back(pending(200, 1, 50, "first"));
  ups.push_back(final_update(200, DeliveryStatus::failed, 2));
  ups.push_back(final_update(201, DeliveryStatus::delivered, 1));
  ups.push_back(pending(201, 2, 60, "second"));
  EXPECT_EQ(box->commit(ups, 0, 100), 100);
  for (int i = 0; i < 37; ++i)
    EXPECT_EQ(box->status(100 + i),
              i % 3 == 0 ? DeliveryStatus::pending : DeliveryStatus::delivered)
        << i;
  EXPECT_EQ(box->status(200), DeliveryStatus::failed);
  EXPECT_EQ(box->status(201), DeliveryStatus::pending);
  EXPECT_EQ(box->pending_count(), 13 + 1);
  const auto due = box->take_due(60, 10'000, 100);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].record, 201);
  EXPECT_EQ(due[0].attempts, 2);
  EXPECT_EQ(due[0].payload, "second");
}

TEST_F(OutboxTest, LeasesAreReleasedOnResume) {
  {
    auto box = open_sqlite_outbox(path_);
    box->open("def", "run");
    const OutboxUpdate ups[] = {pending(1, 1, 100, "one")};
    box->commit(ups, 0, 0);
    ASSERT_EQ(box->take_due(200, 1'000'000, 10).size(), 1u);
  }
  auto box = open_sqlite_outbox(path_);
  box->open("def", "run");
  EXPECT_EQ(box->take_due(200, 1'000'000, 10).size(), 1u);
}

TEST_F(OutboxTest, WatermarkTrimsFinishedRows) {
  auto box = open_sqlite_outbox(path_);
  box->open("def", "run");
  std::vector<OutboxUpdate> ups;
  for (int i = 0; i < 100; ++i) ups.push_back(final_update(i, DeliveryStatus::delivered, 1));
  ups.push_back(pending(100, 1, 5, "x"));
  EXPECT_EQ(box->commit(ups, 10, 50), 50);
  EXPECT_EQ(box->status(49), std::nullopt);
  EXPECT_EQ(box->status(50), DeliveryStatus::delivered);
  EXPECT_EQ(box->commit({}, 20, 200), 100) << "the pending record 100 holds the watermark";
  EXPECT_EQ(box->status(99), std::nullopt);
  EXPECT_EQ(box->status(100), DeliveryStatus::pending);  // pending rows are never trimmed
}

TEST_F(OutboxTest, WatermarkNeverMovesBack) {
  auto box = open_sqlite_outbox(path_);
  box->open("def", "run");
  EXPECT_EQ(box->commit({}, 0, 10), 10);
  EXPECT_EQ(box->commit({}, 0, 3), 10);
  const OutboxUpdate ups[] = {pending(12, 1, 5, "x")};
  EXPECT_EQ(box->commit(ups, 0, 20), 12);
}

TEST_F(OutboxTest, UnwritableLocationIsAClearError) {
  EXPECT_THROW(open_sqlite_outbox(dir_ / "missing-dir" / "state.db"), OutboxError);
}

}  // namespace
}  // namespace webhook
