// Render of pre-parsed templates: the shared kit's W1 templates over its 10,000 generated
// customers (one iteration renders the next record, cycling), and the W2 page with partials from
// a PartialCache (filled by one untimed render, as the kit's W2 render phase defines it).
// Renders append into one reused std::string (Template::render_to), as a sender rendering body
// after body does; BM_RenderW1String shows the cost of Template::render returning a new string.
//
//   liquidhook_bench --benchmark_filter='BM_Render'
#include <benchmark/benchmark.h>

#include <string>

#include "liquid/liquid.hpp"
#include "perf_workload.hpp"

namespace {

void BM_RenderW1(benchmark::State& state, const char* name) {
  const perf::W1& w1 = perf::w1();
  const liquid::Template t = liquid::Template::parse(w1.source(name));
  const liquid::RenderOptions options;
  std::string out;
  std::size_t record = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    out.clear();
    t.render_to(out, w1.contexts[record], options);
    benchmark::DoNotOptimize(out.data());
    bytes += static_cast<std::int64_t>(out.size());
    if (++record == w1.contexts.size()) record = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}

void BM_RenderW1String(benchmark::State& state, const char* name) {
  const perf::W1& w1 = perf::w1();
  const liquid::Template t = liquid::Template::parse(w1.source(name));
  const liquid::RenderOptions options;
  std::size_t record = 0;
  std::int64_t bytes = 0;
  for (auto _ : state) {
    std::string out = t.render(w1.contexts[record], options);
    benchmark::DoNotOptimize(out.data());
    bytes += static_cast<std::int64_t>(out.size());
    if (++record == w1.contexts.size()) record = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}

void BM_RenderW2Page(benchmark::State& state) {
  const perf::W2& w2 = perf::w2();
  liquid::MemoryLoader loader({w2.sources.begin(), w2.sources.end()});
  liquid::PartialCache cache;
  liquid::RenderOptions options;
  options.partials = &loader;
  options.cache = &cache;
  const liquid::Template t = liquid::Template::parse(w2.page());
  std::string out;
  t.render_to(out, w2.assigns, options);  // fills the partial cache
  for (auto _ : state) {
    out.clear();
    t.render_to(out, w2.assigns, options);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
}

BENCHMARK_CAPTURE(BM_RenderW1, zendesk_ticket, "zendesk_ticket");
BENCHMARK_CAPTURE(BM_RenderW1, closeio_lead, "closeio_lead");
BENCHMARK_CAPTURE(BM_RenderW1, helpscout_conversation, "helpscout_conversation");
BENCHMARK_CAPTURE(BM_RenderW1, lob_postcard, "lob_postcard");
BENCHMARK_CAPTURE(BM_RenderW1, twilio_form, "twilio_form");
BENCHMARK_CAPTURE(BM_RenderW1, customer_object, "customer_object");
BENCHMARK_CAPTURE(BM_RenderW1String, customer_object, "customer_object");
BENCHMARK(BM_RenderW2Page);

}  // namespace
