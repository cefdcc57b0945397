// Record data: one JSONL line parsed into a liquid::Value, as `webhook send` does for every
// record before rendering it (W1's customers, ~1.8 KB each, the same lines the dispatch
// benchmark posts). On the sender's main thread this is the largest cost per record.
//
//   liquidhook_bench --benchmark_filter=BM_ParseRecord
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "json_fast.hpp"
#include "liquid/json.hpp"
#include "perf_workload.hpp"

namespace {

const std::vector<std::string>& record_lines() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> out;
    for (const liquid::Value& context : perf::w1().contexts)
      out.push_back("{\"customer\":" + liquid::to_json(*context.as_hash().find("customer")) + "}");
    return out;
  }();
  return lines;
}

void BM_ParseRecord(benchmark::State& state) {
  const auto& lines = record_lines();
  std::size_t i = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string& line = lines[i++ % lines.size()];
    liquid::Value v = liquid::parse_json(line);
    benchmark::DoNotOptimize(v);
    bytes += line.size();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_ParseRecord);

// The same through Boost.JSON only (the reference path parse_json falls back to), to show what
// the simdjson path buys.
void BM_ParseRecordReference(benchmark::State& state) {
  const auto& lines = record_lines();
  std::size_t i = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string& line = lines[i++ % lines.size()];
    liquid::Value v = liquid::detail::parse_json_reference(line);
    benchmark::DoNotOptimize(v);
    bytes += line.size();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_ParseRecordReference);

}  // namespace
