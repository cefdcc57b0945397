// The libcurl multi loop. It only moves bytes: at most `concurrency` transfers in flight, a
// transfer added only when a slot is free (so the per-attempt timeout measures the network),
// connections reused, HTTP/2 when offered, the response body capped in the write callback,
// and the SSRF guard applied to the actual peer address when a socket is opened.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "webhook/policy.hpp"
#include "webhook/security.hpp"

namespace webhook {

// One attempt: the request going out, and what came back.
struct Transfer {
  // request
  std::int64_t record = 0;
  int attempt = 0;      // 1-based
  std::size_t tag = 0;  // the sender's reference for this attempt; the transport only carries it
  std::string method;
  std::string url;
  std::vector<std::string> header_lines;  // "Name: value"
  std::string body;
  // response
  TimeMs started_at = 0;  // wall clock, when the transfer was added
  double duration_ms = 0;
  AttemptOutcome outcome;
  std::string error_message;  // libcurl's, for the results (never holds credentials)
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;  // lower-cased names (if kept)
  std::string response_body;                                 // if kept
  std::size_t response_bytes = 0;
  bool blocked = false;        // the guard refused the peer
  bool headers_ended = false;  // the blank line after the response headers arrived
};

struct TransportOptions {
  int concurrency = 600;
  Millis timeout{4000};
  std::size_t max_response_bytes = 1 << 20;
  bool keep_response = false;  // store headers and body (for response mapping)
  AddressGuard guard;
  std::optional<std::string> proxy;    // none: no proxy, whatever the environment says
  std::optional<std::string> ca_file;  // extra trust anchors for TLS
};

// Hand-off between the worker and the curl loop: the worker pushes ready transfers, the loop
// pushes completed ones. Batches move under one lock.
class TransferQueues {
 public:
  void push_ready(std::vector<std::unique_ptr<Transfer>>& batch);
  std::size_t ready_size() const;
  // Wait until completions arrive, `deadline` passes, or notify() is called.
  std::vector<std::unique_ptr<Transfer>> wait_done(TimeMs timeout_ms);
  void notify_worker();

 private:
  friend class CurlTransport;
  mutable std::mutex mutex_;
  std::condition_variable worker_cv_;
  std::deque<std::unique_ptr<Transfer>> ready_;
  std::vector<std::unique_ptr<Transfer>> done_;
  bool worker_poke_ = false;
  bool worker_waiting_ = false;           // under mutex_: notify only a sleeping worker
  std::atomic<bool> io_sleeping_{false};  // wake only a sleeping curl loop
  std::atomic<bool> io_has_room_{true};
  void* multi_ = nullptr;  // to wake the curl loop
};

class CurlTransport {
 public:
  explicit CurlTransport(TransportOptions options);
  ~CurlTransport();
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  TransferQueues& queues() { return queues_; }
  // The loop: run on its own thread until finish() is called and nothing is left in flight or
  // ready. `clock` stamps attempt start times.
  void run(const Clock& clock);
  void finish();
  // Stop now: transfers in flight are dropped (a fatal error elsewhere; they will be sent again
  // after a restart).
  void abandon();
  // Wake the loop (new ready transfers).
  void wakeup();
  int in_flight() const { return in_flight_.load(std::memory_order_relaxed); }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  TransferQueues queues_;
  std::atomic<int> in_flight_{0};
  std::atomic<bool> finishing_{false};
  std::atomic<bool> abandoned_{false};
};

}  // namespace webhook
