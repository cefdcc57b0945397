// The origin map's cost (RenderOptions::origins: which template node produced each output byte).
// Off, a render must cost what a plain render costs: BM_OriginsOff renders with
// `origins = nullptr` set explicitly, beside BM_Render* in render_bench.cpp with default options.
// On, BM_OriginsOn records every span into one OriginMap, cleared before each render as a sender
// reusing it for body after body would do; the spans recorded per render are reported.
//
//   liquidhook_bench --benchmark_filter='BM_Origins|BM_RenderW1/'
#include <benchmark/benchmark.h>

#include <string>

#include "liquid/liquid.hpp"
#include "liquid/origin.hpp"
#include "perf_workload.hpp"

namespace {

void render_w1(benchmark::State& state, const char* name, liquid::OriginMap* origins) {
  const perf::W1& w1 = perf::w1();
  const liquid::Template t = liquid::Template::parse(w1.source(name));
  liquid::RenderOptions options;
  options.origins = origins;
  std::string out;
  std::size_t record = 0;
  std::int64_t bytes = 0;
  std::int64_t spans = 0;
  for (auto _ : state) {
    out.clear();
    if (origins) origins->clear();
    t.render_to(out, w1.contexts[record], options);
    benchmark::DoNotOptimize(out.data());
    bytes += static_cast<std::int64_t>(out.size());
    if (origins) spans += static_cast<std::int64_t>(origins->spans().size());
    if (++record == w1.contexts.size()) record = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
  if (origins)
    state.counters["spans_per_render"] =
        static_cast<double>(spans) / static_cast<double>(state.iterations());
}

void BM_OriginsOff(benchmark::State& state, const char* name) {
  render_w1(state, name, nullptr);
}

void BM_OriginsOn(benchmark::State& state, const char* name) {
  liquid::OriginMap origins;
  render_w1(state, name, &origins);
}

#define ORIGINS(name)                            \
  BENCHMARK_CAPTURE(BM_OriginsOff, name, #name); \
  BENCHMARK_CAPTURE(BM_OriginsOn, name, #name)
ORIGINS(zendesk_ticket);
ORIGINS(lob_postcard);
ORIGINS(twilio_form);
ORIGINS(customer_object);

}  // namespace
