// Request definitions (JSON files holding Liquid templates), rendering one request per record,
// and mapping a response to attribute updates.
//
//   {
//     "name": "create lead",
//     "method": "POST",                                   GET POST PUT PATCH DELETE
//     "url": "https://{{ account.key }}:@api.example.com/leads",
//     "headers": {"X-Request-Id": "{{ event.id }}"},      name -> Liquid; Content-Type defaults
//                                                          to application/json
//     "body": "{\"email\": \"{{ customer.email }}\"}",    or "body_file": "lead.liquid"
//     "escape": "json",                                   none (default), json or form: how
//                                                          every {{ }} of the body is escaped
//     "response": {"lead_id": "{{ response.id }}"},       attribute -> Liquid
//     "retry": {"max_retries": 10, "base_delay_s": 25, "jitter": 0.2,
//               "retry_after_cap_s": 3600, "timeout_s": 4, "max_response_bytes": 1048576},
//     "signing_secret": "whsec_..."
//   }
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liquid/template.hpp"
#include "liquid/value.hpp"
#include "webhook/policy.hpp"
#include "webhook/security.hpp"
#include "webhook/signing.hpp"

namespace webhook {

// A problem with the definition file itself, with the path of the field ("headers.X-Key",
// "retry.timeout_s", "body:3:14").
class DefinitionError : public std::runtime_error {
 public:
  DefinitionError(std::string_view id, std::string field, const std::string& message)
      : std::runtime_error(field.empty() ? message : field + ": " + message),
        id_(id),
        field_(std::move(field)) {}
  std::string_view id() const noexcept { return id_; }
  const std::string& field() const noexcept { return field_; }

 private:
  std::string_view id_;
  std::string field_;
};

namespace definition_errc {
inline constexpr std::string_view unreadable = "definition-unreadable";
inline constexpr std::string_view json = "definition-json";  // not JSON / not an object
inline constexpr std::string_view unknown_field = "definition-unknown-field";
inline constexpr std::string_view type = "definition-type";        // wrong JSON type
inline constexpr std::string_view missing = "definition-missing";  // required field absent
inline constexpr std::string_view value = "definition-value";      // out of range, bad method...
inline constexpr std::string_view liquid_syntax = "definition-liquid";  // a template does not parse
}  // namespace definition_errc

struct TemplateField {
  std::string field;  // "url", "headers.X-Api-Key", "body", "response.lead_id"
  std::string name;   // "<file>#<field>": the template name in diagnostics
  std::shared_ptr<const liquid::Template> tmpl;
  bool sensitive = false;  // its output is a secret (URL, credential headers): never printed
  // The source has no Liquid markup, so it renders to itself for every record: not rendered.
  std::optional<std::string> constant;
};

struct RequestDefinition {
  std::filesystem::path path;
  std::string name;
  std::string method = "POST";
  TemplateField url;
  std::vector<std::pair<std::string, TemplateField>> headers;  // in file order
  std::optional<TemplateField> body;
  std::vector<std::pair<std::string, TemplateField>> response;
  // Contextual escaping of the body's outputs (RenderOptions::escape). URL and headers are never
  // escaped: a URL template escapes its parts with url_encode.
  liquid::EscapeMode escape = liquid::EscapeMode::none;
  RetryPolicy retry;
  std::optional<SigningKey> signing;
  std::string fingerprint;           // sha256 of the definition (and body_file) bytes
  std::vector<std::string> secrets;  // literal secrets found in the file, redacted from output
};

// Throws DefinitionError.
RequestDefinition load_definition(const std::filesystem::path& path);
RequestDefinition parse_definition(std::string_view json_text, const std::filesystem::path& path);

// A request ready to send (before the delivery headers webhook-id/-timestamp/-signature).
struct PreparedRequest {
  std::string method;
  std::string url;  // without userinfo
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

// Why a record's request is not sent (status `invalid`), or why a mapping failed.
struct Problem {
  Problem() = default;
  Problem(std::string id_, std::string message_, std::string where_ = {}, std::string detail_ = {},
          liquid::Severity severity_ = liquid::Severity::error)
      : id(std::move(id_)),
        message(std::move(message_)),
        where(std::move(where_)),
        detail(std::move(detail_)),
        severity(severity_) {}
  std::string id;       // webhook::errc::*, a liquid errc, or a liquid::validate id
  std::string message;  // masked
  std::string where;    // "<file>#<field>:line:col" (template position) or ""
  std::string detail;   // e.g. "(output 5:23)": where in the rendered text
  liquid::Severity severity = liquid::Severity::error;
  // One line: `req.json#body:5:23: error: message [id] (output 5:23)`.
  std::string format() const;
};

struct PrepareResult {
  std::optional<PreparedRequest> request;
  std::optional<Problem> problem;
  std::vector<Problem> warnings;  // e.g. a validator warning (duplicate JSON key)
};

// Render url, headers and body for `record`; check URL and headers for control characters,
// scheme and header names; move URL userinfo to Authorization: Basic; validate the body for
// its Content-Type. A problem points at the template position that wrote the offending byte:
// the render is repeated with an origin map only then, so valid requests cost one render.
// Without `collect_warnings`, a body with only validator warnings is not rendered again
// (the sender has no use for them). With `url_cache`, a URL rendered the same as the previous
// record's is not parsed again.
PrepareResult prepare(const RequestDefinition& def, const liquid::Value& record,
                      const liquid::RenderOptions& options = {}, bool collect_warnings = true,
                      UrlCheckCache* url_cache = nullptr);

// Text with every secret of `req` masked (Authorization, Cookie, *token*, *key*, *secret*...
// header values, the URL userinfo and the secrets of the definition): for printing.
std::string mask_text(const RequestDefinition& def, std::string_view text);
// The request as it would go out, HTTP/1.1 style, secrets masked (dry-run output).
std::string format_masked(const RequestDefinition& def, const PreparedRequest& req);

struct Response {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string content_type;
};

struct MappingResult {
  std::vector<std::pair<std::string, std::string>> updates;  // attribute -> rendered value
  std::optional<Problem> problem;                            // no updates when set
};

// Run the `response` templates with `response` (the parsed JSON body, or its text),
// `response_status`, `response_headers` and the record's own variables. A JSON Content-Type
// whose body does not parse, or any Liquid error, gives a problem and no updates at all.
MappingResult map_response(const RequestDefinition& def, const liquid::Value& record,
                           const Response& response, const liquid::RenderOptions& options = {});

}  // namespace webhook
