// The hot filters called as the engine calls them (FilterDef::fn with a FilterCall), on inputs
// taken from the shared kit's W1 customers (perf_workload.hpp): escape, replace, date,
// url_encode and json. One iteration is one call on the next record's input, cycling; inputs and
// literal arguments are Values built before timing, as a parsed template holds its literals and
// a render context its data.
//
//   liquidhook_bench --benchmark_filter='BM_Filter'
#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "liquid/liquid.hpp"
#include "perf_workload.hpp"

namespace {

const liquid::FilterDef& filter(const char* name) {
  static const std::shared_ptr<const liquid::Environment> env = liquid::Environment::webhook();
  const liquid::FilterDef* def = env->find_filter(name);
  if (!def) perf::fail(std::string("no filter ") + name);
  return *def;
}

const liquid::Value& field(const liquid::Value& v, std::string_view key) {
  static const liquid::Value nil;
  const liquid::Value* found = v.is_hash() ? v.as_hash().find(key) : nullptr;
  return found ? *found : nil;
}

// A path of hash keys into each W1 customer record.
std::vector<liquid::Value> customer_field(std::initializer_list<std::string_view> path) {
  std::vector<liquid::Value> out;
  for (const liquid::Value& context : perf::w1().contexts) {
    const liquid::Value* v = &field(context, "customer");
    for (std::string_view key : path) v = &field(*v, key);
    out.push_back(*v);
  }
  return out;
}

std::int64_t string_bytes(const std::vector<liquid::Value>& inputs, std::int64_t calls) {
  std::int64_t total = 0;
  for (const liquid::Value& v : inputs)
    if (v.is_string()) total += static_cast<std::int64_t>(v.as_string().size());
  return total * calls / static_cast<std::int64_t>(inputs.size());
}

void run_filter(benchmark::State& state, const liquid::FilterDef& def,
                const std::vector<liquid::Value>& inputs, const std::vector<liquid::Value>& args) {
  const liquid::RenderInfo info{std::chrono::system_clock::now(), "UTC"};
  std::size_t i = 0;
  for (auto _ : state) {
    liquid::FilterCall call{inputs[i], args, {}, info};
    liquid::Value result = def.fn(call);
    benchmark::DoNotOptimize(&result);
    if (++i == inputs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(string_bytes(inputs, state.iterations()));
}

// HTML a template would escape: a greeting and the ticket body, with markup and an ampersand.
void BM_FilterEscape(benchmark::State& state) {
  std::vector<liquid::Value> inputs;
  std::vector<liquid::Value> names = customer_field({"first_name"});
  std::vector<liquid::Value> bodies = customer_field({"ticket", "body"});
  for (std::size_t i = 0; i < names.size(); ++i)
    inputs.emplace_back("<p>Hi " + std::string(names[i].as_string()) + " & team,</p><p>\"" +
                        std::string(bodies[i].as_string()) + "\" - it's <b>urgent</b></p>");
  run_filter(state, filter("escape"), inputs, {});
}

// Plain text with nothing to escape (the common case in W1: names, notes).
void BM_FilterEscapeNothing(benchmark::State& state) {
  run_filter(state, filter("escape"), customer_field({"notes"}), {});
}

void BM_FilterReplace(benchmark::State& state) {
  run_filter(state, filter("replace"), customer_field({"ticket", "body"}), {" ", "_"});
}

void BM_FilterDate(benchmark::State& state, const char* format) {
  run_filter(state, filter("date"), customer_field({"created_at"}), {format});
}

void BM_FilterUrlEncode(benchmark::State& state) {
  run_filter(state, filter("url_encode"), customer_field({"ticket", "body"}), {});
}

void BM_FilterUrlEncodeNonAscii(benchmark::State& state) {
  std::vector<liquid::Value> inputs;
  std::vector<liquid::Value> first = customer_field({"first_name"});
  std::vector<liquid::Value> notes = customer_field({"notes"});
  for (std::size_t i = 0; i < first.size(); ++i)
    inputs.emplace_back(std::string(first[i].as_string()) + ": " +
                        std::string(notes[i].as_string()));
  run_filter(state, filter("url_encode"), inputs, {});
}

// The whole customer record as JSON text (nested hashes, arrays, floats, nulls).
void BM_FilterJsonCustomer(benchmark::State& state) {
  std::vector<liquid::Value> inputs = customer_field({});
  const liquid::FilterDef& def = filter("json");
  const liquid::RenderInfo info{std::chrono::system_clock::now(), "UTC"};
  std::size_t i = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    liquid::FilterCall call{inputs[i], {}, {}, info};
    liquid::Value result = def.fn(call);
    bytes += static_cast<std::int64_t>(result.as_string().size());
    benchmark::DoNotOptimize(&result);
    if (++i == inputs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);  // output bytes: the input is not text
}

void BM_FilterJsonString(benchmark::State& state) {
  run_filter(state, filter("json"), customer_field({"notes"}), {});
}

BENCHMARK(BM_FilterEscape);
BENCHMARK(BM_FilterEscapeNothing);
BENCHMARK(BM_FilterReplace);
BENCHMARK_CAPTURE(BM_FilterDate, iso8601, "%Y-%m-%dT%H:%M:%SZ");
BENCHMARK_CAPTURE(BM_FilterDate, long_form, "%B %d, %Y at %H:%M");
BENCHMARK_CAPTURE(BM_FilterDate, epoch, "%s");
BENCHMARK(BM_FilterUrlEncode);
BENCHMARK(BM_FilterUrlEncodeNonAscii);
BENCHMARK(BM_FilterJsonCustomer);
BENCHMARK(BM_FilterJsonString);

}  // namespace
