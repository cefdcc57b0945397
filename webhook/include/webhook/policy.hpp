// Delivery policy: which attempt outcomes are retried, how long to wait, and the per-delivery
// state machine. Everything here is pure: time comes in as arguments (from a Clock), randomness
// as a number in [0, 1), so tests can run the whole 7-hour schedule in milliseconds.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace webhook {

using Millis = std::chrono::milliseconds;

// Milliseconds since the Unix epoch: the only time unit the policy and the outbox use.
using TimeMs = std::int64_t;

// Time source. The sender asks it for "now"; tests substitute a manual clock.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimeMs now_ms() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimeMs now_ms() const override;
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimeMs start) : now_(start) {}
  TimeMs now_ms() const override { return now_; }
  void advance(Millis d) { now_ += d.count(); }
  void set(TimeMs t) { now_ = t; }

 private:
  TimeMs now_;
};

struct RetryPolicy {
  int max_retries = 10;                      // retries after the first attempt
  Millis base_delay{25'000};                 // retry n waits base * 2^(n-1)
  double jitter = 0.2;                       // +-20 %
  Millis retry_after_cap{3'600'000};         // Retry-After longer than this is cut to it
  Millis timeout{4'000};                     // per attempt, connect included
  std::size_t max_response_bytes = 1 << 20;  // response bodies beyond this are not read
};

// How an attempt ended below HTTP, as the transport saw it.
enum class TransportError : std::uint8_t {
  none,
  timeout,             // the per-attempt timeout expired
  connect,             // refused, unreachable, DNS failure
  network,             // reset, closed mid-headers or mid-body, send/receive failure
  response_too_large,  // the body cap was hit (the status line was received)
  blocked,             // the SSRF guard refused the peer address
  tls,                 // certificate or handshake failure
  other,               // anything else libcurl reports (bad URL, unsupported protocol...)
};
std::string_view transport_error_name(TransportError e);

struct AttemptOutcome {
  int http_status = 0;  // 0 when no status line was received
  TransportError error = TransportError::none;
  std::optional<std::string> retry_after;  // raw Retry-After header value
};

enum class Verdict : std::uint8_t { success, retry, final_failure };

// 2xx is success (even when the body was over the cap: the endpoint accepted the request);
// 408, 409, 429, 5xx, timeouts and connection/network errors are retried; everything else is
// final (3xx, other 4xx, blocked peers, TLS failures).
Verdict classify(const AttemptOutcome& outcome);
bool retryable_status(int http_status);

// Nominal wait before retry n (1-based): base * 2^(n-1), then jitter: `unit_random` in [0, 1)
// maps linearly onto [1 - jitter, 1 + jitter).
Millis backoff_delay(const RetryPolicy& policy, int retry_number, double unit_random);

// Retry-After as seconds ("120") or an HTTP date (IMF-fixdate, RFC 850 or asctime), relative to
// `now`. nullopt when unparsable. Dates in the past give 0.
std::optional<Millis> parse_retry_after(std::string_view value, TimeMs now);

// Parse an HTTP date to Unix milliseconds (IMF-fixdate, RFC 850, asctime); nullopt if invalid.
std::optional<TimeMs> parse_http_date(std::string_view value);

// What to do after attempt number `attempts_made` (1 = the first attempt) ended with `outcome`.
struct NextStep {
  enum class Kind : std::uint8_t { delivered, retry, failed } kind;
  Millis delay{0};                // for retry: how long to wait
  bool from_retry_after = false;  // the delay came from the server's Retry-After
};
NextStep next_step(const RetryPolicy& policy, int attempts_made, const AttemptOutcome& outcome,
                   TimeMs now, double unit_random);

}  // namespace webhook
