// `webhook send`: stream records, render and validate one request per record, send them through
// the curl loop, apply the delivery rules, keep the outbox and write the results.
//
// Threads: the caller's thread is the worker (reads records, renders ahead into a bounded
// queue, classifies completions, runs response mappings, writes results and commits the
// outbox in groups); a second thread runs the curl multi loop and nothing else.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "webhook/policy.hpp"
#include "webhook/request.hpp"

namespace webhook {

struct SendOptions {
  std::filesystem::path records = "-";           // "-" = standard input
  std::optional<std::filesystem::path> results;  // none: standard output
  std::optional<std::filesystem::path> state;    // none: a temporary outbox, removed after
  int concurrency = 600;
  bool allow_private = false;
  std::vector<std::string> allow;  // CIDR blocks the SSRF guard lets through
  std::optional<std::string> proxy;
  std::optional<std::string> ca_file;
  std::optional<Millis> retry_base;         // overrides the definition's base delay
  std::optional<Millis> timeout;            // overrides the definition's timeout
  bool progress = false;                    // progress line on stderr
  Millis commit_interval{10};               // group commit period under load
  const Clock* clock = nullptr;             // default: the system clock
  std::optional<std::uint64_t> seed;        // jitter; default: random
  const std::atomic<bool>* stop = nullptr;  // set: stop taking records, finish, exit
};

struct SendSummary {
  std::int64_t records = 0;  // records finished in this process
  std::int64_t delivered = 0, failed = 0, invalid = 0;
  std::int64_t skipped = 0;   // already finished in a previous run of this state
  std::int64_t attempts = 0;  // HTTP attempts made by this process
  std::int64_t pending = 0;   // left for a later run (interrupted)
  double seconds = 0;
  bool resumed = false;
  bool interrupted = false;  // stopped (SIGINT/SIGTERM) before every record was read
  std::string fatal;         // set when the run stopped on an error (state kept consistent)
};

SendSummary send(const RequestDefinition& def, const SendOptions& options, std::ostream& log);

struct DryRunSummary {
  std::int64_t records = 0, valid = 0, invalid = 0;
};
// Print each request exactly as it would go out (secrets masked) and validate it; send nothing.
DryRunSummary dry_run(const RequestDefinition& def, const std::filesystem::path& records,
                      std::ostream& out, const Clock* clock = nullptr);

}  // namespace webhook
