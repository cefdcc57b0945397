// Throughput of liquid::validate on rendered webhook bodies (MB/s), beside Boost.JSON's own
// boost::json::parse of the same JSON: validate() must cost no more than parsing the body once.
//
//   liquidhook_bench --benchmark_filter='BM_Validate|BM_BoostJsonParse'
#include <benchmark/benchmark.h>

#include <boost/json/parse.hpp>
#include <string>
#include <string_view>

#include "liquid/validate.hpp"

namespace {

// One webhook record, as the seed's Help Scout example renders (~1.2 KB).
std::string json_record(int id) {
  std::string n = std::to_string(id);
  return R"({
    "type": "email",
    "customer": {"email": "ada.lovelace+)" +
         n + R"(@example.com", "firstName": "Ada", "lastName": "Lovelace"},
    "subject": "Low NPS rating from customer Ada Lovelace",
    "mailbox": {"id": )" +
         n + R"(},
    "tags": ["Customer.io", "nps", "detractor"],
    "status": "active",
    "createdAt": "2024-05-01T12:34:56Z",
    "custom": {"plan": "enterprise", "seats": 250, "mrr": 12500.5, "trial": false,
               "region": "eu-west-1", "owner": null},
    "threads": [
        {
            "type": "customer",
            "createdBy": {"email": "ada@example.com", "type": "customer",
                          "firstName": "Ada", "lastName": "Lovelace"},
            "body": "Too slow \n \n Rating: 3 \u2014 caf\u00e9 \"quoted\" \ud83d\ude00",
            "status": "active",
            "createdAt": "2024-05-01",
            "score": -12.5e-3,
            "weights": [0.1, 0.25, 1e3, 42, -7, true, false, null]
        }
    ]
})";
}

std::string json_body(std::size_t target) {
  std::string body = "[";
  for (int id = 0; body.size() < target; ++id) {
    if (id > 0) body += ",\n";
    body += json_record(id);
  }
  body += "]";
  return body;
}

std::string form_body(std::size_t target) {
  std::string body;
  for (int id = 0; body.size() < target; ++id) {
    std::string n = std::to_string(id);
    if (id > 0) body += '&';
    body += "Body=Your%20order%20" + n +
            "%20has%20shipped%21%20Track%20it%20at%20https%3A%2F%2Fexample.com" +
            "&To=whatsapp%3A%2B1555123" + n + "&From=whatsapp%3A%2B15557654321&items[" + n +
            "][sku]=SKU-" + n + "&note=caf%C3%A9";
  }
  return body;
}

std::string xml_body(std::size_t target) {
  std::string body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<notifications>\n";
  for (int id = 0; body.size() < target; ++id) {
    std::string n = std::to_string(id);
    body += "  <notification id=\"" + n + "\" type=\"email\">\n    <customer email=\"ada+" + n +
            "@example.com\"><first>Ada</first><last>Lovelace</last></customer>\n"
            "    <subject>Low NPS rating &amp; caf\xC3\xA9 \xF0\x9F\x98\x80</subject>\n"
            "    <body><![CDATA[Too slow <really>]]></body>\n  </notification>\n";
  }
  body += "</notifications>\n";
  return body;
}

std::string text_body(std::size_t target) {
  std::string body;
  while (body.size() < target)
    body += "Hello Ada, your order has shipped. Caf\xC3\xA9 \xF0\x9F\x98\x80\n";
  return body;
}

constexpr std::size_t kWebhookSize = 2500;
constexpr std::size_t kDocumentSize = 1 << 20;

// Bodies are built once, on first use.
using BodyFn = const std::string& (*)();
const std::string& json_webhook() {
  static const std::string b = json_body(kWebhookSize);
  return b;
}
const std::string& json_document() {
  static const std::string b = json_body(kDocumentSize);
  return b;
}
const std::string& form_webhook() {
  static const std::string b = form_body(kWebhookSize);
  return b;
}
const std::string& form_document() {
  static const std::string b = form_body(kDocumentSize);
  return b;
}
const std::string& xml_webhook() {
  static const std::string b = xml_body(kWebhookSize);
  return b;
}
const std::string& xml_document() {
  static const std::string b = xml_body(kDocumentSize);
  return b;
}
const std::string& text_webhook() {
  static const std::string b = text_body(kWebhookSize);
  return b;
}
const std::string& text_document() {
  static const std::string b = text_body(kDocumentSize);
  return b;
}

void BM_Validate(benchmark::State& state, BodyFn make_body, std::string_view content_type) {
  const std::string& body = make_body();
  for (auto _ : state) {
    auto report = liquid::validate::validate(body, content_type);
    if (!report.ok()) state.SkipWithError("benchmark body is invalid");
    benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
  state.counters["body_bytes"] = static_cast<double>(body.size());
}

// The reference: Boost.JSON building its DOM from the same bytes.
void BM_BoostJsonParse(benchmark::State& state, BodyFn make_body) {
  const std::string& body = make_body();
  for (auto _ : state) {
    boost::json::error_code ec;
    auto value = boost::json::parse(body, ec);
    if (ec) state.SkipWithError("benchmark body is invalid");
    benchmark::DoNotOptimize(value);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
  state.counters["body_bytes"] = static_cast<double>(body.size());
}

BENCHMARK_CAPTURE(BM_Validate, json_webhook, &json_webhook, "application/json");
BENCHMARK_CAPTURE(BM_BoostJsonParse, json_webhook, &json_webhook);
BENCHMARK_CAPTURE(BM_Validate, json_1MB, &json_document, "application/json");
BENCHMARK_CAPTURE(BM_BoostJsonParse, json_1MB, &json_document);
BENCHMARK_CAPTURE(BM_Validate, form_webhook, &form_webhook, "application/x-www-form-urlencoded");
BENCHMARK_CAPTURE(BM_Validate, form_1MB, &form_document, "application/x-www-form-urlencoded");
BENCHMARK_CAPTURE(BM_Validate, xml_webhook, &xml_webhook, "application/xml");
BENCHMARK_CAPTURE(BM_Validate, xml_1MB, &xml_document, "application/xml");
BENCHMARK_CAPTURE(BM_Validate, text_webhook, &text_webhook, "text/plain");
BENCHMARK_CAPTURE(BM_Validate, text_1MB, &text_document, "text/plain");

}  // namespace
