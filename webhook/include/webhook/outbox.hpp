// The outbox: durable state of one run. Each delivery that is not finished on its first
// attempt has a row (its attempts, next attempt time, and what is needed to send it again);
// finished deliveries keep a small row until every earlier record is finished too (the
// watermark), so that a restart knows exactly what is left.
//
// The interface is what the delivery logic needs and no more, so a shared store (PostgreSQL,
// several senders draining one queue with leases) can replace SQLite without touching it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "webhook/policy.hpp"

namespace webhook {

enum class DeliveryStatus : std::uint8_t { pending = 0, delivered = 1, failed = 2, invalid = 3 };
std::string_view status_name(DeliveryStatus s);

struct RunState {
  std::string run_id;               // stable id of the run (part of every webhook-id)
  std::int64_t results_offset = 0;  // bytes of the results file that are committed
  std::int64_t watermark = 0;       // every record below this index is finished and reported
  bool resumed = false;             // the state already existed
};

// One change of a delivery, applied in a batch.
struct OutboxUpdate {
  std::int64_t record = 0;
  DeliveryStatus status = DeliveryStatus::pending;
  int attempts = 0;
  TimeMs next_at = 0;   // pending: when to try again
  std::string payload;  // pending: what is needed to retry (request, record, attempt history)
};

struct DueDelivery {
  std::int64_t record = 0;
  int attempts = 0;
  TimeMs next_at = 0;
  std::string payload;
};

class OutboxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Outbox {
 public:
  virtual ~Outbox() = default;
  // Start a run, or resume the one in the store. `fingerprint` identifies the request
  // definition; resuming with another one is an error (OutboxError). Leases of a previous
  // process are released.
  virtual RunState open(std::string_view fingerprint, std::string_view new_run_id) = 0;
  // Apply `updates` and the committed size of the results file in one transaction: all of it
  // is durable, or none of it. `floor` is the lowest record the caller still holds unfinished
  // (or the next record it will read); the new watermark is the lower of it and the lowest
  // pending record in the store, and is returned.
  virtual std::int64_t commit(std::span<const OutboxUpdate> updates, std::int64_t results_offset,
                              std::int64_t floor) = 0;
  // The status of `record` if it has a row.
  virtual std::optional<DeliveryStatus> status(std::int64_t record) = 0;
  // Pending deliveries due at `now`, earliest first, at most `limit`; each is leased until
  // `lease_until` so that it is not taken twice.
  virtual std::vector<DueDelivery> take_due(TimeMs now, TimeMs lease_until, std::size_t limit) = 0;
  // The earliest next attempt time of an unleased pending delivery.
  virtual std::optional<TimeMs> next_due() = 0;
  virtual std::int64_t pending_count() = 0;
};

// SQLite in WAL mode, prepared statements, one transaction per commit() (group commit).
// The file is created with mode 0600: pending rows hold the requests, credentials included.
std::unique_ptr<Outbox> open_sqlite_outbox(const std::filesystem::path& path);

}  // namespace webhook
