// libFuzzer target: mapping a server's response to attribute updates (webhook::map_response),
// the one place where bytes from a server we do not control meet templates.
//
// Input: byte 0 picks the Content-Type, byte 1 the status, byte 2 the definition; the rest is the
// response body. Checks: a problem comes with no update at all, and every update is present
// otherwise.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/json.hpp"
#include "webhook/request.hpp"

namespace {

constexpr std::string_view kRecord = R"({
  "customer": {"id": 7, "email": "ada@example.com", "lifetime_value": 12.5, "lead_id": null},
  "event": {"id": "evt_1", "name": "order", "amount": 20}})";

// The spec's mappings (sync an id, increment a value) and templates that walk whatever came back.
constexpr std::string_view kDefinitions[] = {
    R"({"url": "https://example.com/", "response": {
        "lead_id": "{{ response.lead.id | default: response.id }}",
        "lifetime_value": "{{ customer.lifetime_value | plus: response.amount }}"}})",
    R"({"url": "https://example.com/", "response": {
        "dump": "{{ response | json }}", "text": "{{ response }}",
        "status": "{{ response_status }}", "type": "{{ response_headers['content-type'] }}"}})",
    R"({"url": "https://example.com/", "response": {
        "walk": "{% for item in response %}{{ forloop.index }}:{{ item | json }};{% endfor %}",
        "first": "{{ response.first.id }}{{ response[0].id }}{{ response.items.size }}",
        "sum": "{{ response.items | map: 'amount' | sum }}",
        "dates": "{{ response.created_at | date: '%Y-%m-%d %H:%M:%S %z' }}"}})",
    R"({"url": "https://example.com/", "response": {
        "strict": "{{ response.data.attributes.name | upcase | truncate: 20 }}",
        "math": "{{ response.count | times: 2 | divided_by: response.per_page | round: 2 }}",
        "where": "{{ response.items | where: 'status', 'paid' | size }}",
        "split": "{{ response.csv | split: ',' | reverse | join: '|' }}"}})",
};

constexpr std::string_view kContentTypes[] = {
    "application/json", "application/json; charset=utf-8", "application/problem+json",
    "text/plain",       "text/html",                       "",
    "APPLICATION/JSON", "application/vnd.api+json",
};

constexpr int kStatuses[] = {200, 201, 202, 204, 299, 207};

const std::vector<webhook::RequestDefinition>& definitions() {
  static const std::vector<webhook::RequestDefinition> defs = [] {
    std::vector<webhook::RequestDefinition> out;
    for (auto text : kDefinitions)
      out.push_back(webhook::parse_definition(text, "/nonexistent-fuzz-dir/mapping.json"));
    return out;
  }();
  return defs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  static const liquid::Value record = liquid::parse_json(kRecord);
  const auto& defs = definitions();
  const auto& def = defs[data[2] % defs.size()];

  webhook::Response response;
  response.content_type = std::string(kContentTypes[data[0] % std::size(kContentTypes)]);
  response.status = kStatuses[data[1] % std::size(kStatuses)];
  response.headers = {{"content-type", response.content_type}, {"x-request-id", "r-1"}};
  response.body.assign(reinterpret_cast<const char*>(data) + 3, size - 3);

  liquid::RenderOptions ro;
  ro.limits.max_steps = 200'000;
  ro.limits.max_output_bytes = std::size_t{1} << 20;
  const webhook::MappingResult mapped = webhook::map_response(def, record, response, ro);
  if (mapped.problem) {
    if (!mapped.updates.empty() || mapped.problem->id.empty()) std::abort();
  } else if (mapped.updates.size() != def.response.size()) {
    std::abort();
  }
  return 0;
}
