#include "webhook/policy.hpp"

#include <gtest/gtest.h>

#include <random>

namespace webhook {
namespace {

AttemptOutcome status(int s) {
  return {s, TransportError::none, std::nullopt};
}
AttemptOutcome error(TransportError e) {
  return {0, e, std::nullopt};
}

TEST(Classify, StatusCodes) {
  struct Case {
    int status;
    Verdict verdict;
  };
  const Case cases[] = {
      {200, Verdict::success},       {201, Verdict::success},       {204, Verdict::success},
      {299, Verdict::success},       {301, Verdict::final_failure}, {304, Verdict::final_failure},
      {400, Verdict::final_failure}, {401, Verdict::final_failure}, {404, Verdict::final_failure},
      {408, Verdict::retry},         {409, Verdict::retry},         {410, Verdict::final_failure},
      {429, Verdict::retry},         {500, Verdict::retry},         {502, Verdict::retry},
      {503, Verdict::retry},         {504, Verdict::retry},         {599, Verdict::retry},
      {100, Verdict::final_failure}, {600, Verdict::final_failure},
  };
  for (const auto& c : cases) EXPECT_EQ(classify(status(c.status)), c.verdict) << c.status;
}

TEST(Classify, TransportErrors) {
  EXPECT_EQ(classify(error(TransportError::timeout)), Verdict::retry);
  EXPECT_EQ(classify(error(TransportError::connect)), Verdict::retry);
  EXPECT_EQ(classify(error(TransportError::network)), Verdict::retry);
  EXPECT_EQ(classify(error(TransportError::blocked)), Verdict::final_failure);
  EXPECT_EQ(classify(error(TransportError::tls)), Verdict::final_failure);
  EXPECT_EQ(classify(error(TransportError::other)), Verdict::final_failure);
  // Over the body cap: the status decides.
  EXPECT_EQ(classify({200, TransportError::response_too_large, {}}), Verdict::success);
  EXPECT_EQ(classify({503, TransportError::response_too_large, {}}), Verdict::retry);
  EXPECT_EQ(classify({404, TransportError::response_too_large, {}}), Verdict::final_failure);
}

TEST(Backoff, NominalAndJitterBounds) {
  RetryPolicy p;
  for (int n = 1; n <= 10; ++n) {
    const double nominal = 25'000.0 * (1 << (n - 1));
    EXPECT_EQ(backoff_delay(p, n, 0.5).count(), static_cast<std::int64_t>(nominal)) << n;
    EXPECT_EQ(backoff_delay(p, n, 0.0).count(), static_cast<std::int64_t>(nominal * 0.8)) << n;
    EXPECT_NEAR(backoff_delay(p, n, 0.999999).count(), nominal * 1.2, nominal * 1e-5) << n;
  }
  EXPECT_GT(backoff_delay(p, 1000, 0.5).count(), 0);  // no overflow for absurd retry numbers
}

TEST(RetryAfter, SecondsAndDates) {
  const TimeMs now = 784111777000;  // Sun, 06 Nov 1994 08:49:37 GMT
  EXPECT_EQ(parse_retry_after("120", now), Millis(120'000));
  EXPECT_EQ(parse_retry_after(" 0 ", now), Millis(0));
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:51:37 GMT", now), Millis(120'000));
  EXPECT_EQ(parse_retry_after("Sunday, 06-Nov-94 08:50:37 GMT", now), Millis(60'000));
  EXPECT_EQ(parse_retry_after("Sun Nov  6 08:49:47 1994", now), Millis(10'000));
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now), Millis(0));  // past
  EXPECT_EQ(parse_retry_after("-5", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("soon", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("Sun, 31 Feb 1994 08:00:00 GMT", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("", now), std::nullopt);
  EXPECT_EQ(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT"), 0);
  EXPECT_EQ(parse_http_date("Tue, 29 Feb 2000 12:00:00 GMT"), 951825600000);
}

TEST(NextStep, FinalOutcomes) {
  RetryPolicy p;
  EXPECT_EQ(next_step(p, 1, status(200), 0, 0.5).kind, NextStep::Kind::delivered);
  EXPECT_EQ(next_step(p, 1, status(404), 0, 0.5).kind, NextStep::Kind::failed);
  EXPECT_EQ(next_step(p, 11, status(503), 0, 0.5).kind, NextStep::Kind::failed);
  EXPECT_EQ(next_step(p, 10, status(503), 0, 0.5).kind, NextStep::Kind::retry);
}

TEST(NextStep, RetryAfterHonouredWithinCap) {
  RetryPolicy p;
  AttemptOutcome o = status(429);
  o.retry_after = "7";
  auto s = next_step(p, 1, o, 0, 0.5);
  EXPECT_EQ(s.kind, NextStep::Kind::retry);
  EXPECT_EQ(s.delay, Millis(7000));
  EXPECT_TRUE(s.from_retry_after);
  o.retry_after = "999999";
  EXPECT_EQ(next_step(p, 1, o, 0, 0.5).delay, p.retry_after_cap);
  o.retry_after = "garbage";
  s = next_step(p, 3, o, 0, 0.5);
  EXPECT_EQ(s.delay, Millis(100'000));
  EXPECT_FALSE(s.from_retry_after);
}

// The whole schedule on a virtual clock: an endpoint that always answers 503 gets the first
// attempt and 10 retries, each wait within +-20 % of 25 s * 2^(n-1), about 7.1 hours in all.
TEST(Schedule, SevenHoursOnAVirtualClock) {
  RetryPolicy p;
  ManualClock clock(1'700'000'000'000);
  const TimeMs start = clock.now_ms();
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  int attempts = 0;
  std::vector<Millis> waits;
  while (true) {
    ++attempts;
    const NextStep s = next_step(p, attempts, status(503), clock.now_ms(), unit(rng));
    if (s.kind != NextStep::Kind::retry) {
      EXPECT_EQ(s.kind, NextStep::Kind::failed);
      break;
    }
    waits.push_back(s.delay);
    clock.advance(s.delay);
  }
  EXPECT_EQ(attempts, 11);
  ASSERT_EQ(waits.size(), 10u);
  double nominal_total = 0;
  for (std::size_t i = 0; i < waits.size(); ++i) {
    const double nominal = 25'000.0 * (1 << i);
    nominal_total += nominal;
    EXPECT_GE(waits[i].count(), nominal * 0.8) << "retry " << i + 1;
    EXPECT_LE(waits[i].count(), nominal * 1.2) << "retry " << i + 1;
  }
  EXPECT_DOUBLE_EQ(nominal_total, 25'575'000.0);  // 7 h 6 min 15 s
  const double hours = (clock.now_ms() - start) / 3'600'000.0;
  EXPECT_GT(hours, 7.1 * 0.8);
  EXPECT_LT(hours, 7.1 * 1.2);
}

}  // namespace
}  // namespace webhook
