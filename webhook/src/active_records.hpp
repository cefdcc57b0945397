// The sender's records in flight: one attempt each, in reusable slots.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "liquid/value.hpp"

namespace webhook::detail {

// A record with an attempt in flight.
struct Active {
  std::int64_t record = 0;
  bool in_use = false;
  std::string line;      // the record as read (stored with a pending retry)
  liquid::Value value;   // parsed, for the response mapping
  std::string attempts;  // JSON objects of the attempts so far, comma-separated
  int attempt_count = 0;
};

// The records in flight, in reusable slots named by Transfer::tag: a completion finds its record
// without a hash lookup.
class ActiveRecords {
 public:
  // Take a slot for `record`; returns its tag. Pointers from find() are invalid after it.
  std::size_t add(std::int64_t record) {
    std::size_t tag;
    if (free_.empty()) {
      tag = slots_.size();
      slots_.emplace_back();
    } else {
      tag = free_.back();
      free_.pop_back();
    }
    Active& a = slots_[tag];
    a.record = record;
    a.in_use = true;
    ++count_;
    return tag;
  }
  // The slot of a transfer's record; nullptr if the tag does not name it (cannot happen).
  Active* find(std::size_t tag, std::int64_t record) {
    if (tag >= slots_.size() || !slots_[tag].in_use || slots_[tag].record != record) return nullptr;
    return &slots_[tag];
  }
  void remove(Active& a) {
    a.in_use = false;
    a.value = liquid::Value();
    // The line's buffer is given back: kept, each of the ~2 x concurrency slots would grow to
    // the longest record it ever held, and memory with the number of records (+10 % from
    // 10,000 to 100,000 records at c = 600). One allocation per record costs less.
    std::string().swap(a.line);
    a.attempts.clear();
    a.attempt_count = 0;
    free_.push_back(static_cast<std::size_t>(&a - slots_.data()));
    --count_;
  }
  bool empty() const { return count_ == 0; }
  // The lowest record in flight. A scan over the slots: it runs once per outbox commit.
  std::optional<std::int64_t> lowest() const {
    std::optional<std::int64_t> low;
    for (const Active& a : slots_)
      if (a.in_use && (!low || a.record < *low)) low = a.record;
    return low;
  }

 private:
  std::vector<Active> slots_;
  std::vector<std::size_t> free_;
  std::size_t count_ = 0;
};

}  // namespace webhook::detail
