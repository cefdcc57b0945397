// libFuzzer target: the webhook request-definition loader. Input: the definition file, any
// bytes. A definition that loads is then used: one request is prepared for a fixed record and
// printed masked, and a fixed JSON response goes through its response mapping.
//
// Definitions naming a body_file outside the (nonexistent) definition directory are skipped:
// reading /dev/zero or /dev/stdin would make the fuzzer wait, not find bugs.
#include <boost/json/parse.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "liquid/json.hpp"
#include "webhook/request.hpp"

namespace {

constexpr std::string_view kRecord = R"({
  "key": "k-1", "path": "/hook", "account": {"key": "acct_123", "user": "ada", "pass": "p@ss"},
  "customer": {"id": 7, "first_name": "Ada", "email": "ada@example.com", "lifetime_value": 12.5,
               "tags": ["vip", "new"], "note": "line1\nline2 \"quoted\" \u0000 end"},
  "event": {"id": "evt_1", "name": "signed_up", "at": "2024-03-01T12:34:56Z"}})";

constexpr std::string_view kResponse = R"({"id": "L-1", "lead": {"id": "L-2"}, "amount": 20})";

bool reads_outside_sandbox(std::string_view text) {
  std::error_code ec;
  const auto root = boost::json::parse(text, ec);
  if (ec || !root.is_object()) return false;
  const auto* file = root.as_object().if_contains("body_file");
  return file && file->is_string() && std::filesystem::path(file->as_string().c_str()).is_absolute();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (reads_outside_sandbox(text)) return 0;
  static const liquid::Value record = liquid::parse_json(kRecord);

  std::optional<webhook::RequestDefinition> def;
  try {
    def.emplace(webhook::parse_definition(text, "/nonexistent-fuzz-dir/definition.json"));
  } catch (const webhook::DefinitionError& e) {
    if (e.id().empty()) std::abort();
    return 0;
  }

  liquid::RenderOptions ro;
  ro.limits.max_steps = 200'000;
  ro.limits.max_output_bytes = std::size_t{1} << 20;
  const webhook::PrepareResult prepared = webhook::prepare(*def, record, ro);
  if (prepared.request.has_value() == prepared.problem.has_value()) std::abort();
  if (prepared.request) {
    (void)webhook::format_masked(*def, *prepared.request);
    (void)webhook::mask_text(*def, prepared.request->body);
  } else if (prepared.problem->id.empty()) {
    std::abort();
  }

  webhook::Response response;
  response.status = 200;
  response.content_type = "application/json";
  response.headers = {{"content-type", "application/json"}, {"x-request-id", "r-1"}};
  response.body = std::string(kResponse);
  const webhook::MappingResult mapped = webhook::map_response(*def, record, response, ro);
  if (mapped.problem && !mapped.updates.empty()) std::abort();
  return 0;
}
