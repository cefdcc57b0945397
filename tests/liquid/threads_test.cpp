// One parsed Template rendered from 8 threads at once with different data (the document is
// immutable; each render has its own Context). Partials come through a shared PartialCache.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "test_util.hpp"

namespace liquid {
namespace {

constexpr const char* kTemplate = R"({% assign total = 0 -%}
{% for item in order.items -%}
{% cycle 'odd', 'even' %}:{{ item.name | upcase }}x{{ item.qty }}{% include 'line' %}
{%- assign total = total | plus: item.qty -%}
{% endfor -%}
{% capture who %}{{ order.customer | default: 'anonymous' }}{% endcapture -%}
{% increment seen %}{% increment seen %} {{ who }} total={{ total }}
{%- case order.status %}{% when 'paid' %} PAID{% else %} OPEN{% endcase %}
{% render 'footer', id: order.id %}{{ order }})";

std::string order_json(int thread, int round) {
  std::string items;
  for (int i = 0; i <= (thread + round) % 5; ++i) {
    if (i) items += ',';
    items += R"({"name": "item)" + std::to_string(thread) + "_" + std::to_string(i) + R"(", "qty": )" +
             std::to_string(i + round) + "}";
  }
  return R"({"order": {"id": )" + std::to_string(thread * 1000 + round) + R"(, "customer": )" +
         (thread % 2 ? "\"c" + std::to_string(thread) + "\"" : std::string("null")) + R"(, "status": ")" +
         (round % 2 ? "paid" : "open") + R"(", "items": [)" + items + "]}}";
}

TEST(Threads, OneTemplateEightThreads) {
  MemoryLoader loader;
  loader.add("line", "[{{ forloop.index }}/{{ forloop.length }}]");
  loader.add("footer", "#{{ id }}{{ order }}");
  PartialCache cache;
  auto tmpl = Template::parse(kTemplate);

  constexpr int kThreads = 8, kRounds = 150;
  // Expected outputs, rendered one at a time first.
  std::vector<std::vector<std::string>> expected(kThreads);
  for (int t = 0; t < kThreads; ++t)
    for (int r = 0; r < kRounds; ++r) {
      RenderOptions ro;
      ro.partials = &loader;
      expected[t].push_back(tmpl.render(parse_json(order_json(t, r)), ro));
    }
  EXPECT_NE(expected[1][1], expected[2][1]);
  EXPECT_NE(expected[3][4].find("item3_0"), std::string::npos);
  EXPECT_NE(expected[1][1].find("PAID"), std::string::npos);

  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int r = 0; r < kRounds; ++r) {
        RenderOptions ro;
        ro.partials = &loader;
        ro.cache = &cache;  // shared between the threads
        if (tmpl.render(parse_json(order_json(t, r)), ro) != expected[t][r]) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
  EXPECT_NE(cache.find("0line"), nullptr);
}

TEST(Threads, ErrorsStayInTheirOwnRender) {
  auto tmpl = Template::parse("{{ a | divided_by: b }}");
  std::vector<std::string> results(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      RenderOptions ro;
      ro.inline_errors = true;
      for (int r = 0; r < 200; ++r) {
        auto out = tmpl.render_collect(parse_json("{\"a\": 10, \"b\": " + std::to_string(t % 2 ? 0 : 5) + "}"), ro);
        if (r == 0) results[t] = out.output + "/" + std::to_string(out.errors.size());
      }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t)
    EXPECT_EQ(results[t], t % 2 ? "Liquid error (line 1): divided by 0/1" : "2/0") << t;
}

}  // namespace
}  // namespace liquid
