#include "webhook/request.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>

#include "liquid/json.hpp"
#include "webhook/security.hpp"

namespace webhook {
namespace {

namespace fs = std::filesystem;

RequestDefinition parse(std::string_view json) {
  return parse_definition(json, "req.json");
}

std::string error_id(std::string_view json) {
  try {
    parse(json);
  } catch (const DefinitionError& e) {
    return std::string(e.id()) + " @ " + e.field();
  }
  return "no error";
}

TEST(Definition, Defaults) {
  const auto def = parse(R"({"url": "https://example.com/hook", "body": "{}"})");
  EXPECT_EQ(def.method, "POST");
  ASSERT_EQ(def.headers.size(), 1u);
  EXPECT_EQ(def.headers[0].first, "Content-Type");
  EXPECT_EQ(def.retry.max_retries, 10);
  EXPECT_EQ(def.retry.timeout, Millis(4000));
  EXPECT_FALSE(def.signing);
  EXPECT_EQ(def.fingerprint.size(), 64u);
}

TEST(Definition, FullForm) {
  const auto def = parse(R"({
    "name": "lead", "method": "put", "url": "https://u:p@h/x",
    "headers": {"content-type": "text/plain", "X-Api-Key": "k-123456"},
    "body": "hi", "response": {"lead_id": "{{ response.id }}"},
    "retry": {"max_retries": 3, "base_delay_s": 0.5, "jitter": 0, "retry_after_cap_s": 60,
              "timeout_s": 1.5, "max_response_bytes": 100},
    "signing_secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"})");
  EXPECT_EQ(def.method, "PUT");
  ASSERT_EQ(def.headers.size(), 2u);  // the given Content-Type replaces the default
  EXPECT_TRUE(def.headers[1].second.sensitive);
  EXPECT_EQ(def.retry.max_retries, 3);
  EXPECT_EQ(def.retry.base_delay, Millis(500));
  EXPECT_EQ(def.retry.timeout, Millis(1500));
  EXPECT_EQ(def.retry.max_response_bytes, 100u);
  EXPECT_TRUE(def.signing);
  ASSERT_EQ(def.response.size(), 1u);
}

TEST(Definition, ErrorsCarryTheFieldPath) {
  EXPECT_EQ(error_id("not json"), "definition-json @ ");
  EXPECT_EQ(error_id("[]"), "definition-type @ (top level)");
  EXPECT_EQ(error_id(R"({"body": "x"})"), "definition-missing @ url");
  EXPECT_EQ(error_id(R"({"url": "https://h", "bodyy": "x"})"), "definition-unknown-field @ bodyy");
  EXPECT_EQ(error_id(R"({"url": 5})"), "definition-type @ url");
  EXPECT_EQ(error_id(R"({"url": "https://h", "method": "TRACE"})"), "definition-value @ method");
  EXPECT_EQ(error_id(R"({"url": "https://h", "headers": {"X-A": 1}})"),
            "definition-type @ headers.X-A");
  EXPECT_EQ(error_id(R"({"url": "https://h", "headers": {"Bad Name": "1"}})"),
            "definition-value @ headers.Bad Name");
  EXPECT_EQ(error_id(R"({"url": "https://h", "headers": {"Content-Length": "1"}})"),
            "definition-value @ headers.Content-Length");
  EXPECT_EQ(error_id(R"({"url": "https://h", "headers": []})"), "definition-type @ headers");
  EXPECT_EQ(error_id(R"({"url": "https://h", "retry": {"max_retries": "3"}})"),
            "definition-type @ retry.max_retries");
  EXPECT_EQ(error_id(R"({"url": "https://h", "retry": {"max_retries": -1}})"),
            "definition-value @ retry.max_retries");
  EXPECT_EQ(error_id(R"({"url": "https://h", "retry": {"delay": 1}})"),
            "definition-unknown-field @ retry.delay");
  EXPECT_EQ(error_id(R"({"url": "https://h", "response": {"a": true}})"),
            "definition-type @ response.a");
  EXPECT_EQ(error_id(R"({"url": "https://h", "signing_secret": "nope!"})"),
            "definition-value @ signing_secret");
  EXPECT_EQ(error_id(R"({"url": "https://h", "body": "a", "body_file": "b"})"),
            "definition-value @ body_file");
  EXPECT_EQ(error_id(R"({"url": "https://h", "body_file": "/nonexistent/body.liquid"})"),
            "definition-unreadable @ body_file");
  EXPECT_EQ(error_id(R"({"url": "https://h", "body": "{% if %}"})").substr(0, 25),
            "definition-liquid @ body:");
}

TEST(Definition, LiquidErrorInSensitiveTemplateDoesNotQuoteIt) {
  try {
    parse(R"({"url": "https://user:hunter22@h/{% if %}"})");
    FAIL();
  } catch (const DefinitionError& e) {
    EXPECT_EQ(std::string(e.what()).find("hunter22"), std::string::npos) << e.what();
  }
}

TEST(Definition, BodyFileIsRelativeToTheDefinition) {
  const fs::path dir = fs::temp_directory_path() / ("req_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "body.liquid") << R"({"id": "{{ customer.id }}"})";
  std::ofstream(dir / "req.json") << R"({"url": "https://h/x", "body_file": "body.liquid"})";
  const auto def = load_definition(dir / "req.json");
  const auto r = prepare(def, liquid::parse_json(R"({"customer": {"id": 7}})"));
  ASSERT_TRUE(r.request) << r.problem->message;
  EXPECT_EQ(r.request->body, R"({"id": "7"})");
  fs::remove_all(dir);
}

const liquid::Value customer = liquid::parse_json(
    R"({"customer": {"id": 1, "email": "win@customer.io", "name": "Ada", "token": "tok_abcdef"},
        "event": {"feedback": "line1\nline2", "evil": "x\r\nX-Injected: 1"}})");

TEST(Prepare, RendersUrlHeadersAndBody) {
  const auto def = parse(R"({"url": "https://api.example.com/c/{{ customer.id }}",
    "headers": {"X-Email": "{{ customer.email }}"},
    "body": "{\"id\":\"{{customer.id}}\",\"email\":\"{{customer.email}}\"}"})");
  const auto r = prepare(def, customer);
  ASSERT_TRUE(r.request) << r.problem->message;
  EXPECT_EQ(r.request->url, "https://api.example.com/c/1");
  EXPECT_EQ(r.request->body, R"({"id":"1","email":"win@customer.io"})");
  ASSERT_EQ(r.request->headers.size(), 2u);
  EXPECT_EQ(r.request->headers[0],
            (std::pair<std::string, std::string>{"Content-Type", "application/json"}));
  EXPECT_EQ(r.request->headers[1],
            (std::pair<std::string, std::string>{"X-Email", "win@customer.io"}));
}

TEST(Prepare, SharedUrlCheckGivesTheSameRequests) {
  const auto def = parse(R"({"url": "https://u:p@api.example.com/{{ customer.path }}",
    "body": "{\"id\":\"{{customer.id}}\"}"})");
  UrlCheckCache cache;
  for (const char* record :
       {R"({"customer": {"id": 1, "path": "a"}})", R"({"customer": {"id": 2, "path": "a"}})",
        R"({"customer": {"id": 3, "path": "a b"}})", R"({"customer": {"id": 4, "path": "b"}})"}) {
    const liquid::Value value = liquid::parse_json(record);
    const auto expected = prepare(def, value);
    const auto got = prepare(def, value, {}, true, &cache);
    ASSERT_EQ(got.request.has_value(), expected.request.has_value()) << record;
    if (expected.request) {
      EXPECT_EQ(got.request->url, expected.request->url);
      EXPECT_EQ(got.request->headers, expected.request->headers);
      EXPECT_EQ(got.request->body, expected.request->body);
    } else {
      EXPECT_EQ(got.problem->id, expected.problem->id);
      EXPECT_EQ(got.problem->where, expected.problem->where);
    }
  }
}

TEST(Prepare, UserinfoBecomesBasicAuthorization) {
  const auto def = parse(R"({"url": "https://user%40x:p%40ss@api.example.com/v1", "body": "{}"})");
  const auto r = prepare(def, customer);
  ASSERT_TRUE(r.request);
  EXPECT_EQ(r.request->url, "https://api.example.com/v1");
  EXPECT_EQ(r.request->headers.back().first, "Authorization");
  EXPECT_EQ(r.request->headers.back().second, "Basic " + base64_encode("user@x:p@ss"));
}

TEST(Prepare, InvalidRequestsAreNotSent) {
  struct Case {
    const char* definition;
    std::string_view id;
  };
  const Case cases[] = {
      {R"({"url": "https://h/{{ event.evil }}", "body": "{}"})", errc::url_control_char},
      {R"({"url": "ftp://h/x", "body": "{}"})", errc::url_scheme},
      {R"({"url": "{{ customer.missing }}", "body": "{}"})", errc::url_invalid},
      {R"({"url": "https://h/x", "headers": {"X-A": "{{ event.evil }}"}, "body": "{}"})",
       errc::header_control_char},
      {R"({"url": "https://h/x", "headers": {"X-A": "{{ event.feedback }}"}, "body": "{}"})",
       errc::header_control_char},
      {R"({"url": "https://h/x", "body": "{\"id\": {{ customer.name }} }"})",
       "rendered-json-invalid"},
      {R"({"url": "https://h/x", "body": "{\"f\": \"{{ event.feedback }}\"}"})",
       "rendered-json-invalid"},
      {R"({"url": "https://h/x", "headers": {"Content-Type": "application/x-www-form-urlencoded"},
          "body": "a=b c"})",
       "rendered-form-invalid"},
  };
  for (const auto& c : cases) {
    const auto r = prepare(parse(c.definition), customer);
    ASSERT_TRUE(r.problem) << c.definition;
    EXPECT_EQ(r.problem->id, c.id) << c.definition;
    EXPECT_FALSE(r.request);
    EXPECT_FALSE(r.problem->where.empty());
  }
}

TEST(Prepare, BodyErrorPointsIntoTheBodyTemplate) {
  const auto r = prepare(
      parse(R"({"url": "https://h/x", "body": "{\n  \"id\": {{ customer.name }}\n}"})"), customer);
  ASSERT_TRUE(r.problem);
  EXPECT_NE(r.problem->where.find("req.json#body"), std::string::npos) << r.problem->where;
  EXPECT_NE(r.problem->where.find("2:"), std::string::npos) << r.problem->where;
}

TEST(Prepare, GetSendsNoBodyAndTextIsNotJsonValidated) {
  auto r =
      prepare(parse(R"({"method": "GET", "url": "https://h/x", "body": "not json"})"), customer);
  ASSERT_TRUE(r.request);
  EXPECT_EQ(r.request->body, "");
  r = prepare(
      parse(
          R"({"url": "https://h/x", "headers": {"Content-Type": "text/plain"}, "body": "not json"})"),
      customer);
  ASSERT_TRUE(r.request);
}

TEST(Masking, DryRunFormatHidesEverySecret) {
  const auto def = parse(R"({"url": "https://user:s3cr3tpw@h/x?token=qwerty99&id=1",
    "headers": {"X-Api-Key": "key-zyxw9876", "Cookie": "sid=abc12345", "X-Note": "{{ customer.token }}",
                "X-Customer-Token": "{{ customer.token }}"},
    "body": "{\"pw\": \"s3cr3tpw\", \"t\": \"{{ customer.token }}\"}",
    "signing_secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"})");
  const auto r = prepare(def, customer);
  ASSERT_TRUE(r.request) << r.problem->message;
  const std::string shown = format_masked(def, *r.request);
  // std::string, not const char*: the base64 text is a temporary.
  for (const std::string& secret :
       {std::string("s3cr3tpw"), std::string("qwerty99"), std::string("key-zyxw9876"),
        std::string("abc12345"), std::string("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
        base64_encode("user:s3cr3tpw")})
    EXPECT_EQ(shown.find(secret), std::string::npos) << secret << " in\n" << shown;
  EXPECT_NE(shown.find("X-Customer-Token: ****"), std::string::npos) << shown;
  EXPECT_NE(shown.find("Authorization: ****"), std::string::npos) << shown;
  EXPECT_NE(shown.find("id=1"), std::string::npos) << shown;
}

Response json_response(std::string body) {
  Response r;
  r.status = 200;
  r.content_type = "application/json; charset=utf-8";
  r.headers = {{"content-type", r.content_type}, {"x-request-id", "rq-1"}};
  r.body = std::move(body);
  return r;
}

TEST(Mapping, TheSpecExamples) {
  const auto def = parse(R"({"url": "https://h/x", "response": {
      "lead_id": "{{ response.lead.id }}",
      "lifetime_value": "{{ customer.lifetime_value | plus: response.amount }}",
      "seen": "{{ response_status }} {{ response_headers['x-request-id'] }}"}})");
  const auto record = liquid::parse_json(R"({"customer": {"lifetime_value": 100.5}})");
  const auto m =
      map_response(def, record, json_response(R"({"lead": {"id": "L-42"}, "amount": 20})"));
  ASSERT_FALSE(m.problem) << m.problem->message;
  ASSERT_EQ(m.updates.size(), 3u);
  EXPECT_EQ(m.updates[0], (std::pair<std::string, std::string>{"lead_id", "L-42"}));
  EXPECT_EQ(m.updates[1], (std::pair<std::string, std::string>{"lifetime_value", "120.5"}));
  EXPECT_EQ(m.updates[2], (std::pair<std::string, std::string>{"seen", "200 rq-1"}));
}

TEST(Mapping, TextResponseAndInvalidJson) {
  const auto def = parse(R"({"url": "https://h/x", "response": {"raw": "{{ response }}"}})");
  Response text;
  text.status = 200;
  text.content_type = "text/plain";
  text.body = "OK then";
  auto m = map_response(def, liquid::parse_json("{}"), text);
  ASSERT_FALSE(m.problem);
  EXPECT_EQ(m.updates[0].second, "OK then");
  m = map_response(def, liquid::parse_json("{}"), json_response("{\"id\": "));
  ASSERT_TRUE(m.problem);
  EXPECT_EQ(m.problem->id, errc::response_invalid_json);
  EXPECT_TRUE(m.updates.empty());
}

TEST(Mapping, LiquidErrorMeansNoUpdateAtAll) {
  const auto def = parse(R"({"url": "https://h/x", "response": {"a": "{{ response.id }}",
      "b": "{{ response.id | divided_by: 0 }}"}})");
  const auto m = map_response(def, liquid::parse_json("{}"), json_response(R"({"id": 5})"));
  ASSERT_TRUE(m.problem);
  EXPECT_EQ(m.problem->id, errc::response_mapping);
  EXPECT_NE(m.problem->where.find("req.json#response.b"), std::string::npos) << m.problem->where;
  EXPECT_TRUE(m.updates.empty());
}

}  // namespace
}  // namespace webhook

namespace webhook {
namespace {

// ---- problems at template positions (the origin map) ----

TEST(Located, BodyErrorAtTheTemplatePositionOfTheOutput) {
  const auto def = parse(R"({"url": "https://h/x",
    "body": "{\n  \"email\": \"{{ customer.email }}\", \"id\": {{ customer.name }}\n}"})");
  const auto r = prepare(def, customer);
  ASSERT_TRUE(r.problem);
  EXPECT_EQ(r.problem->id, "rendered-json-invalid");
  // Output line 2 is `  "email": "win@customer.io", "id": Ada`: `Ada` is at output column 37,
  // written by the output whose expression starts at template column 45 (as liquid reports it).
  EXPECT_EQ(r.problem->where, "req.json#body:2:45");
  EXPECT_EQ(r.problem->detail, "(output 2:37)");
  EXPECT_TRUE(r.problem->format().starts_with("req.json#body:2:45: error: ")) << r.problem->format();
  EXPECT_TRUE(r.problem->format().ends_with(" [rendered-json-invalid] (output 2:37)"))
      << r.problem->format();
}

TEST(Located, ErrorInLiteralTextIsAtItsExactByte) {
  const auto def = parse(R"({"url": "https://h/x",
    "body": "{\"n\": \"{{ customer.name }}\",\n \"b\": 1,, \"c\": 2}"})");
  const auto r = prepare(def, customer);
  ASSERT_TRUE(r.problem);
  EXPECT_EQ(r.problem->where, "req.json#body:2:9");
  EXPECT_EQ(r.problem->detail, "(output 2:9)");
}

TEST(Located, ConstantBodyIsItsOwnSource) {
  const auto def = parse(R"({"url": "https://h/x", "body": "{\"a\": 1,\n\"b\": }"})");
  ASSERT_TRUE(def.body->constant);
  const auto r = prepare(def, customer);
  ASSERT_TRUE(r.problem);
  EXPECT_EQ(r.problem->where, "req.json#body:2:6");
  EXPECT_EQ(r.problem->detail, "(output 2:6)");
}

TEST(Located, UnexpectedEndPointsAtTheLastOutput) {
  const auto def = parse(R"({"url": "https://h/x", "body": "{\"a\": {{ customer.id }}"})");
  const auto r = prepare(def, customer);
  ASSERT_TRUE(r.problem);
  EXPECT_EQ(r.problem->id, "rendered-json-invalid");
  EXPECT_EQ(r.problem->where, "req.json#body:1:10");  // the output that wrote the last byte
  EXPECT_EQ(r.problem->detail, "(output 1:8)");  // one past `{"a": 7`, the end of the body
}

TEST(Located, UrlAndHeaderProblemsNameTheTemplatePosition) {
  auto r = prepare(parse(R"({"url": "https://h/x", "headers": {"X-A": "v={{ event.evil }}"},
                           "body": "{}"})"),
                   customer);
  ASSERT_TRUE(r.problem);
  EXPECT_EQ(r.problem->id, errc::header_control_char);
  EXPECT_EQ(r.problem->where, "req.json#headers.X-A:1:6");
  EXPECT_EQ(r.problem->detail, "(rendered value offset 3)");
  r = prepare(parse(R"({"url": "https://h/{{ event.evil }}", "body": "{}"})"), customer);
  ASSERT_TRUE(r.problem);
  EXPECT_EQ(r.problem->id, errc::url_control_char);
  EXPECT_EQ(r.problem->where, "req.json#url:1:14");
}

TEST(Located, WarningsOnlyWhenAsked) {
  const auto def = parse(R"({"url": "https://h/x", "body": "{\"a\": 1, \"a\": {{ customer.id }}}"})");
  auto r = prepare(def, customer);
  ASSERT_TRUE(r.request);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].id, "json-duplicate-key");
  EXPECT_EQ(r.warnings[0].severity, liquid::Severity::warning);
  EXPECT_EQ(r.warnings[0].where, "req.json#body:1:10");
  r = prepare(def, customer, {}, false);
  ASSERT_TRUE(r.request);
  EXPECT_TRUE(r.warnings.empty());
}

TEST(Located, PlusWrittenByUrlEncodeIsNotALiteralPlus) {
  const auto def = parse(R"({"url": "https://h/x",
    "headers": {"Content-Type": "application/x-www-form-urlencoded"},
    "body": "a={{ event.feedback | url_encode }}&b=1+2"})");
  const auto r = prepare(def, liquid::parse_json(R"({"event": {"feedback": "two words"}})"));
  ASSERT_TRUE(r.request) << r.problem->format();
  EXPECT_EQ(r.request->body, "a=two+words&b=1+2");
  ASSERT_EQ(r.warnings.size(), 1u);  // the `+` of the template text only
  EXPECT_EQ(r.warnings[0].id, "form-literal-plus");
  EXPECT_EQ(r.warnings[0].where, "req.json#body:1:40");
}

// ---- contextual escaping ("escape") ----

TEST(Escape, DefinitionField) {
  EXPECT_EQ(parse(R"({"url": "https://h"})").escape, liquid::EscapeMode::none);
  EXPECT_EQ(parse(R"({"url": "https://h", "escape": "json"})").escape, liquid::EscapeMode::json);
  EXPECT_EQ(parse(R"({"url": "https://h", "escape": "form"})").escape, liquid::EscapeMode::form);
  EXPECT_EQ(parse(R"({"url": "https://h", "escape": "none"})").escape, liquid::EscapeMode::none);
  EXPECT_EQ(error_id(R"({"url": "https://h", "escape": "html"})"), "definition-value @ escape");
  EXPECT_EQ(error_id(R"({"url": "https://h", "escape": true})"), "definition-type @ escape");
}

const liquid::Value hostile = liquid::parse_json(R"({"customer": {
    "name": "Ada\", \"admin\": true, \"x\": \"",
    "note": "back\\slash \"quoted\"\nnew line\ttab \u2028 </script>",
    "ltv": 12.5, "tags": ["a\"b", "c"], "first": "Ada Love&lace=1",
    "form": "x&admin=1&y=a+b c%41"}})");

TEST(Escape, JsonKeepsTheKeysWhateverTheData) {
  const char* body =
      R"("body": "{\"name\": \"{{ customer.name }}\", \"note\": \"{{ customer.note }}\", \"ltv\": {{ customer.ltv }}, \"tags\": {{ customer.tags }}, \"bare\": {{ customer.name }}}")";
  // Unescaped, the record breaks the JSON (or worse, adds a key): not sent.
  auto r = prepare(parse(std::string(R"({"url": "https://h/x", )") + body + "}"), hostile);
  ASSERT_TRUE(r.problem);
  EXPECT_EQ(r.problem->id, "rendered-json-invalid");
  // Escaped, every value lands where the template put it.
  r = prepare(parse(std::string(R"({"url": "https://h/x", "escape": "json", )") + body + "}"),
              hostile);
  ASSERT_TRUE(r.request) << r.problem->format();
  const auto sent = boost::json::parse(r.request->body).as_object();
  ASSERT_EQ(sent.size(), 5u) << r.request->body;
  const auto& c = hostile.as_hash();
  const auto& customer_hash = c.find("customer")->as_hash();
  EXPECT_EQ(sent.at("name").as_string(), customer_hash.find("name")->as_string());
  EXPECT_EQ(sent.at("note").as_string(), customer_hash.find("note")->as_string());
  EXPECT_EQ(sent.at("ltv").as_double(), 12.5);
  EXPECT_EQ(boost::json::serialize(sent.at("tags")), R"(["a\"b","c"])");
  EXPECT_EQ(sent.at("bare").as_string(), customer_hash.find("name")->as_string());
}

std::vector<std::pair<std::string, std::string>> form_fields(std::string_view body) {
  const auto decode = [](std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '+') {
        out += ' ';
      } else if (s[i] == '%' && i + 2 < s.size()) {
        out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
        i += 2;
      } else {
        out += s[i];
      }
    }
    return out;
  };
  std::vector<std::pair<std::string, std::string>> fields;
  std::size_t start = 0;
  while (start <= body.size()) {
    const std::size_t amp = std::min(body.find('&', start), body.size());
    const std::string_view pair = body.substr(start, amp - start);
    const std::size_t eq = pair.find('=');
    fields.emplace_back(decode(pair.substr(0, eq)),
                        eq == std::string_view::npos ? "" : decode(pair.substr(eq + 1)));
    start = amp + 1;
  }
  return fields;
}

TEST(Escape, FormKeepsTheFieldsWhateverTheData) {
  const std::string def = R"({"url": "https://h/x?r={{ customer.first | url_encode }}",
    "headers": {"Content-Type": "application/x-www-form-urlencoded", "X-Name": "{{ customer.first }}"},
    "escape": "form", "body": "name={{ customer.first }}&form={{ customer.form }}&enc={{ customer.first | url_encode }}"})";
  const auto r = prepare(parse(def), hostile);
  ASSERT_TRUE(r.request) << r.problem->format();
  const auto fields = form_fields(r.request->body);
  ASSERT_EQ(fields.size(), 3u) << r.request->body;
  EXPECT_EQ(fields[0], (std::pair<std::string, std::string>{"name", "Ada Love&lace=1"}));
  EXPECT_EQ(fields[1], (std::pair<std::string, std::string>{"form", "x&admin=1&y=a+b c%41"}));
  // An output that is already url_encoded is not encoded twice.
  EXPECT_EQ(fields[2], (std::pair<std::string, std::string>{"enc", "Ada Love&lace=1"}));
  // Headers and the URL are not form-escaped: the URL template encodes with url_encode (a raw
  // space would make the URL invalid, and the request is then not sent).
  EXPECT_EQ(r.request->headers[1].second, "Ada Love&lace=1");
  EXPECT_EQ(r.request->url, "https://h/x?r=Ada+Love%26lace%3D1");
}

}  // namespace
}  // namespace webhook
