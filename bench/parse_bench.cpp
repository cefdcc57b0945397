// Lex and parse of the shared kit's templates (../shared/perf, see perf_workload.hpp), lax and
// strict. One iteration parses one source from its text: the whole cost a user pays per
// Template::parse (the source string is copied into the template, as parse takes it by value).
//
//   liquidhook_bench --benchmark_filter='BM_Lex|BM_Parse'
#include <benchmark/benchmark.h>

#include <string>

#include "lexer.hpp"
#include "liquid/liquid.hpp"
#include "perf_workload.hpp"

namespace {

using liquid::ErrorMode;

// The tokenizer alone: text, {{ }} and {% %} tokens, before any markup is parsed.
void BM_LexW1(benchmark::State& state, const char* name) {
  const std::string& src = perf::w1().source(name);
  for (auto _ : state) {
    auto tokens = liquid::lex::tokenize(src);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * src.size()));
}

void BM_ParseW1(benchmark::State& state, const char* name, ErrorMode mode) {
  const std::string& src = perf::w1().source(name);
  liquid::ParseOptions options;
  options.mode = mode;
  for (auto _ : state) {
    liquid::Template t = liquid::Template::parse(src, options);
    benchmark::DoNotOptimize(&t);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * src.size()));
}

// The kit's W2 parse operation: the page and its 5 partials.
void BM_ParseW2(benchmark::State& state, ErrorMode mode) {
  const auto& sources = perf::w2().sources;
  liquid::ParseOptions options;
  options.mode = mode;
  std::size_t bytes = 0;
  for (const auto& [name, src] : sources) bytes += src.size();
  for (auto _ : state) {
    for (const auto& [name, src] : sources) {
      liquid::Template t = liquid::Template::parse(src, options);
      benchmark::DoNotOptimize(&t);
    }
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

#define W1_LEX(name) BENCHMARK_CAPTURE(BM_LexW1, name, #name)
W1_LEX(customer_object);
W1_LEX(zendesk_ticket);

#define W1_PARSE(name)                                              \
  BENCHMARK_CAPTURE(BM_ParseW1, name##_lax, #name, ErrorMode::lax); \
  BENCHMARK_CAPTURE(BM_ParseW1, name##_strict, #name, ErrorMode::strict)
W1_PARSE(zendesk_ticket);
W1_PARSE(closeio_lead);
W1_PARSE(helpscout_conversation);
W1_PARSE(lob_postcard);
W1_PARSE(twilio_form);
W1_PARSE(customer_object);

BENCHMARK_CAPTURE(BM_ParseW2, page_and_partials_lax, ErrorMode::lax);
BENCHMARK_CAPTURE(BM_ParseW2, page_and_partials_strict, ErrorMode::strict);

}  // namespace
