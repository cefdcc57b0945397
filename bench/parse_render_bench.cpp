// Parse and render with no template cache: the cost of a one-off template (the kit's
// parse+render phase). W1: parse the source, render the next record. W2: parse the page and
// render it with a fresh partial cache, so the partials are parsed on first use as well.
//
//   liquidhook_bench --benchmark_filter='BM_ParseRender'
#include <benchmark/benchmark.h>

#include <string>

#include "liquid/liquid.hpp"
#include "perf_workload.hpp"

namespace {

void BM_ParseRenderW1(benchmark::State& state, const char* name) {
  const perf::W1& w1 = perf::w1();
  const std::string& src = w1.source(name);
  const liquid::RenderOptions options;
  std::string out;
  std::size_t record = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    out.clear();
    liquid::Template::parse(src).render_to(out, w1.contexts[record], options);
    benchmark::DoNotOptimize(out.data());
    bytes += static_cast<std::int64_t>(out.size());
    if (++record == w1.contexts.size()) record = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}

void BM_ParseRenderW2Page(benchmark::State& state) {
  const perf::W2& w2 = perf::w2();
  liquid::MemoryLoader loader({w2.sources.begin(), w2.sources.end()});
  liquid::RenderOptions options;  // no shared cache: each render parses the partials it uses
  options.partials = &loader;
  std::string out;
  for (auto _ : state) {
    out.clear();
    liquid::Template::parse(w2.page()).render_to(out, w2.assigns, options);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
}

BENCHMARK_CAPTURE(BM_ParseRenderW1, zendesk_ticket, "zendesk_ticket");
BENCHMARK_CAPTURE(BM_ParseRenderW1, closeio_lead, "closeio_lead");
BENCHMARK_CAPTURE(BM_ParseRenderW1, helpscout_conversation, "helpscout_conversation");
BENCHMARK_CAPTURE(BM_ParseRenderW1, lob_postcard, "lob_postcard");
BENCHMARK_CAPTURE(BM_ParseRenderW1, twilio_form, "twilio_form");
BENCHMARK_CAPTURE(BM_ParseRenderW1, customer_object, "customer_object");
BENCHMARK(BM_ParseRenderW2Page);

}  // namespace
