// The sender end to end against real HTTP servers on 127.0.0.1: every scripted endpoint of the
// spec, the sender faults, SSRF guard, signatures, masking, and the concurrency limit.
#include "webhook/sender.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <regex>
#include <sstream>

#include "test_support.hpp"
#include "webhook/security.hpp"
#include "webhook/signing.hpp"

namespace webhook {
namespace {

using namespace webhook::testing;
namespace json = boost::json;

constexpr const char* secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
constexpr const char* password = "pa$$w0rd-9f3k";

struct SendRun {
  SendSummary summary;
  std::vector<json::object> results;
  std::string log;
};

// A definition posting to `base` + the record's path, with URL credentials, a secret and a
// response mapping; retries are shortened (20 ms base, 3 retries) so failing endpoints finish
// fast.
std::string definition(const std::string& base, const std::string& extra_retry = "") {
  const std::string host = base.substr(std::string("http://").size());
  return R"({"name": "scripted", "url": "http://user:pa%24%24w0rd-9f3k@)" + host +
         R"({{ path }}", "headers": {"X-Record": "{{ key }}"},
    "body": "{\"key\": \"{{ key }}\", \"email\": \"{{ customer.email }}\"}",
    "response": {"lead_id": "{{ response.lead.id }}"},
    "retry": {"max_retries": 3, "base_delay_s": 0.02, "retry_after_cap_s": 0.05, "timeout_s": 0.5,
              "max_response_bytes": 1000)" +
         extra_retry + R"(},
    "signing_secret": ")" +
         secret + R"("})";
}

SendRun run_send(const TempDir& dir, const std::string& def_json, const std::string& records,
                 SendOptions opt) {
  const auto def_path = dir.write("req.json", def_json);
  const auto def = load_definition(def_path);
  opt.records = dir.write("records.jsonl", records);
  if (!opt.results) opt.results = dir.path() / "results.jsonl";
  std::ostringstream log;
  SendRun run;
  run.summary = send(def, opt, log);
  run.log = log.str();
  run.results = read_jsonl(*opt.results);
  return run;
}

std::string record(const std::string& key, const std::string& path) {
  return R"({"key": ")" + key + R"(", "path": ")" + path +
         R"(", "customer": {"email": "ada@example.com"}})" + "\n";
}

json::object by_record_key(const SendRun& run, int index) {
  for (const auto& r : run.results)
    if (r.at("record").as_int64() == index) return r;
  return {};
}

std::string status_of(const json::object& r) {
  return std::string(r.at("status").as_string());
}
std::size_t attempts_of(const json::object& r) {
  return r.at("attempts").as_array().size();
}
const json::object& attempt(const json::object& r, std::size_t i) {
  return r.at("attempts").as_array().at(i).as_object();
}

class SenderTest : public ::testing::Test {
 protected:
  ScriptedServer server;
  TempDir dir;
  SendOptions options() {
    SendOptions o;
    o.allow_private = true;
    o.concurrency = 16;
    o.seed = 7;
    return o;
  }
};

struct Expect {
  std::string path;
  std::string status;
  std::size_t attempts;
  int last_http;      // 0: none
  std::string error;  // transport error of the last attempt, or ""
};

TEST_F(SenderTest, ScriptedEndpoints) {
  const std::vector<Expect> expect = {
      {"/ok?n=1", "delivered", 1, 200, ""},    {"/created", "delivered", 1, 201, ""},
      {"/nocontent", "delivered", 1, 204, ""}, {"/moved", "failed", 1, 301, ""},
      {"/s400", "failed", 1, 400, ""},         {"/s404", "failed", 1, 404, ""},
      {"/s408", "failed", 4, 408, ""},         {"/s409", "failed", 4, 409, ""},
      {"/s410", "failed", 1, 410, ""},         {"/s429", "failed", 4, 429, ""},
      {"/s500", "failed", 4, 500, ""},         {"/s502", "failed", 4, 502, ""},
      {"/s503", "failed", 4, 503, ""},         {"/s504", "failed", 4, 504, ""},
      {"/slow", "failed", 4, 0, "timeout"},    {"/big", "delivered", 1, 200, "response-too-large"},
      {"/flaky", "delivered", 3, 200, ""},     {"/badjson", "delivered", 1, 200, ""},
  };
  std::string records;
  for (std::size_t i = 0; i < expect.size(); ++i)
    records += record("k" + std::to_string(i + 1), expect[i].path);
  const SendRun run = run_send(dir, definition(server.url()), records, options());
  ASSERT_TRUE(run.summary.fatal.empty()) << run.summary.fatal;
  ASSERT_EQ(run.results.size(), expect.size()) << run.log;
  for (std::size_t i = 0; i < expect.size(); ++i) {
    const auto r = by_record_key(run, static_cast<int>(i + 1));
    const Expect& e = expect[i];
    ASSERT_FALSE(r.empty()) << e.path;
    EXPECT_EQ(status_of(r), e.status) << e.path;
    ASSERT_EQ(attempts_of(r), e.attempts) << e.path << " " << json::serialize(r);
    const auto& last = attempt(r, e.attempts - 1);
    if (e.last_http) {
      EXPECT_EQ(last.at("status").as_int64(), e.last_http) << e.path;
    } else {
      EXPECT_FALSE(last.contains("status")) << e.path;
    }
    if (!e.error.empty()) {
      EXPECT_EQ(last.at("error").as_string(), e.error) << e.path;
    }
    // Every wait follows the schedule (or Retry-After) and really happened.
    for (std::size_t n = 0; n + 1 < e.attempts; ++n) {
      const auto& a = attempt(r, n);
      const std::int64_t wait = a.at("retry_in_ms").as_int64();
      if (e.path == "/s429") {
        EXPECT_EQ(wait, 50) << "Retry-After: 1 is cut to the 50 ms cap: " << json::serialize(r);
        EXPECT_TRUE(a.at("retry_after").as_bool());
      } else {
        const double nominal = 20.0 * (1 << n);
        EXPECT_GE(wait, nominal * 0.8 - 1) << e.path << " retry " << n + 1;
        EXPECT_LE(wait, nominal * 1.2 + 1) << e.path << " retry " << n + 1;
      }
    }
  }
  // Attribute updates from the response; none on a cut-off or unparsable body.
  EXPECT_EQ(by_record_key(run, 1).at("updates").at("lead_id").as_string(), "L-1");
  EXPECT_EQ(by_record_key(run, 17).at("updates").at("lead_id").as_string(), "F-1");
  EXPECT_TRUE(by_record_key(run, 16).at("updates").as_object().empty());
  EXPECT_EQ(by_record_key(run, 16).at("error").at("id").as_string(), errc::response_too_large);
  EXPECT_TRUE(by_record_key(run, 18).at("updates").as_object().empty());
  EXPECT_EQ(by_record_key(run, 18).at("error").at("id").as_string(), errc::response_invalid_json);
  EXPECT_FALSE(by_record_key(run, 5).contains("updates"));  // failed: no attribute update

  // What the endpoint saw: Basic auth from the URL, Content-Type, a stable signed delivery id.
  const auto ok = server.received_on("/ok");
  ASSERT_EQ(ok.size(), 1u);
  EXPECT_EQ(ok[0].header("authorization"),
            "Basic " + base64_encode(std::string("user:") + password));
  EXPECT_EQ(ok[0].header("content-type"), "application/json");
  EXPECT_EQ(ok[0].header("x-record"), "k1");
  EXPECT_EQ(ok[0].body, R"({"key": "k1", "email": "ada@example.com"})");
  EXPECT_EQ(ok[0].header("webhook-id"), by_record_key(run, 1).at("delivery_id").as_string());
  EXPECT_TRUE(std::regex_match(ok[0].header("webhook-id"), std::regex("msg_[0-9a-f]{16}_1")))
      << ok[0].header("webhook-id");
  const auto flaky = server.received_on("/flaky");
  ASSERT_EQ(flaky.size(), 3u);
  const auto key = SigningKey::from_secret(secret);
  for (const auto& f : flaky) {
    EXPECT_EQ(f.header("webhook-id"), flaky[0].header("webhook-id"));
    EXPECT_EQ(f.header("webhook-signature"),
              key.sign(f.header("webhook-id"), std::stoll(f.header("webhook-timestamp")), f.body));
  }
  EXPECT_NE(flaky[0].header("webhook-id"), ok[0].header("webhook-id"));

  // Nothing printed holds a credential.
  const std::string printed = read_file(dir.path() / "results.jsonl") + run.log;
  for (const std::string& s :
       {std::string(password), base64_encode(std::string("user:") + password),
        std::string(secret + 6)})
    EXPECT_EQ(printed.find(s), std::string::npos) << s;
}

TEST_F(SenderTest, ConnectionFaults) {
  FaultServer reset(FaultServer::Mode::reset_mid_body);
  FaultServer headers(FaultServer::Mode::close_mid_headers);
  const int closed = closed_port();
  TempDir d1, d2, d3;
  const auto check = [&](const TempDir& d, int port, const std::string& error) {
    const SendRun run = run_send(d, definition("http://127.0.0.1:" + std::to_string(port)),
                                 record("x", "/"), options());
    ASSERT_EQ(run.results.size(), 1u) << run.log;
    const auto& r = run.results[0];
    EXPECT_EQ(status_of(r), "failed") << error << " " << json::serialize(r);
    EXPECT_EQ(attempts_of(r), 4u) << json::serialize(r);
    for (std::size_t i = 0; i < attempts_of(r); ++i)
      EXPECT_EQ(attempt(r, i).at("error").as_string(), error) << json::serialize(r);
  };
  check(d1, reset.port(), "network");
  check(d2, headers.port(), "network");
  check(d3, closed, "connect");
}

TEST_F(SenderTest, NeverEndingAndTricklingResponses) {
  FaultServer endless(FaultServer::Mode::endless_chunked);
  FaultServer trickle(FaultServer::Mode::one_byte_per_second);
  TempDir d1, d2;
  const auto t0 = now_ms();
  SendRun run = run_send(d1, definition("http://127.0.0.1:" + std::to_string(endless.port())),
                         record("x", "/"), options());
  ASSERT_EQ(run.results.size(), 1u);
  EXPECT_EQ(status_of(run.results[0]),
            "delivered");  // 200 was received; the body was cut at the cap
  EXPECT_EQ(attempt(run.results[0], 0).at("error").as_string(), "response-too-large");
  EXPECT_LT(now_ms() - t0, 3000);
  SendOptions o = options();
  o.timeout = Millis(1000);
  run = run_send(
      d2, definition("http://127.0.0.1:" + std::to_string(trickle.port()), R"(, "max_retries": 0)"),
      record("x", "/"), o);
  ASSERT_EQ(run.results.size(), 1u);
  const auto& a = attempt(run.results[0], 0);
  EXPECT_EQ(a.at("error").as_string(), "timeout");
  EXPECT_LT(a.at("ms").as_double(), 1300.0) << "the timeout holds although bytes keep arriving";
}

TEST_F(SenderTest, TenRetriesThenFailed) {
  SendOptions o = options();
  o.retry_base = Millis(2);
  const SendRun run =
      run_send(dir, definition(server.url(), R"(, "max_retries": 10)"), record("x", "/s503"), o);
  ASSERT_EQ(run.results.size(), 1u);
  const auto& r = run.results[0];
  EXPECT_EQ(status_of(r), "failed");
  ASSERT_EQ(attempts_of(r), 11u);
  for (std::size_t n = 0; n < 10; ++n) {
    const double nominal = 2.0 * (1 << n);
    const std::int64_t wait = attempt(r, n).at("retry_in_ms").as_int64();
    EXPECT_GE(wait, nominal * 0.8 - 1) << n;
    EXPECT_LE(wait, nominal * 1.2 + 1) << n;
  }
  EXPECT_FALSE(attempt(r, 10).contains("retry_in_ms"));
  EXPECT_EQ(server.received_on("/s503").size(), 11u);
  // The same delivery id on every attempt.
  for (const auto& rec : server.received_on("/s503"))
    EXPECT_EQ(rec.header("webhook-id"), r.at("delivery_id").as_string());
}

TEST_F(SenderTest, SsrfGuardRefusesLoopbackUnlessAllowed) {
  SendOptions o = options();
  o.allow_private = false;
  SendRun run = run_send(dir, definition(server.url()), record("x", "/ok?n=1"), o);
  ASSERT_EQ(run.results.size(), 1u);
  EXPECT_EQ(status_of(run.results[0]), "failed");
  ASSERT_EQ(attempts_of(run.results[0]), 1u) << "a refused address is final";
  EXPECT_EQ(attempt(run.results[0], 0).at("error").as_string(), "blocked");
  EXPECT_TRUE(server.received().empty());
  // A host name is checked after resolution, at connect time: "localhost" is loopback too.
  TempDir d1;
  const std::string by_name = "http://localhost:" + std::to_string(server.port());
  run = run_send(d1, definition(by_name), record("x", "/ok?n=1"), o);
  ASSERT_EQ(run.results.size(), 1u);
  EXPECT_EQ(attempt(run.results[0], 0).at("error").as_string(), "blocked");
  EXPECT_TRUE(server.received().empty());
  TempDir d2;
  o.allow = {"127.0.0.1/32", "::1"};
  run = run_send(d2, definition(server.url()), record("x", "/ok?n=1"), o);
  ASSERT_EQ(run.results.size(), 1u);
  EXPECT_EQ(status_of(run.results[0]), "delivered");
}

// TLS is verified and a handshake failure is final: https to a plain-HTTP port fails once.
TEST_F(SenderTest, TlsFailureIsFinal) {
  std::string def = definition(server.url());
  def.replace(def.find("\"http://"), 8, "\"https://");
  const SendRun run = run_send(dir, def, record("x", "/ok?n=1"), options());
  ASSERT_EQ(run.results.size(), 1u);
  EXPECT_EQ(status_of(run.results[0]), "failed");
  ASSERT_EQ(attempts_of(run.results[0]), 1u) << json::serialize(run.results[0]);
  EXPECT_EQ(attempt(run.results[0], 0).at("error").as_string(), "tls");
}

TEST_F(SenderTest, InvalidRecordsAreNotSent) {
  const std::string def = R"({"url": ")" + server.url() + R"(/ok", "body": "{\"n\": {{ n }} }"})";
  const std::string records = "{\"n\": 1}\n{\"n\": \"text\"}\nnot json\n[1]\n\n{\"n\": 2}\n";
  const SendRun run = run_send(dir, def, records, options());
  ASSERT_EQ(run.results.size(), 5u) << run.log;
  std::map<std::int64_t, json::object> by_line;
  for (const auto& r : run.results) by_line[r.at("record").as_int64()] = r;
  EXPECT_EQ(status_of(by_line[1]), "delivered");
  EXPECT_EQ(status_of(by_line[2]), "invalid");
  EXPECT_EQ(by_line[2].at("error").at("id").as_string(), "rendered-json-invalid");
  EXPECT_NE(std::string(by_line[2].at("error").at("where").as_string()).find("req.json#body"),
            std::string::npos);
  EXPECT_EQ(by_line[3].at("error").at("id").as_string(), errc::record_invalid);
  EXPECT_EQ(by_line[4].at("error").at("id").as_string(), errc::record_invalid);
  EXPECT_EQ(status_of(by_line[6]), "delivered");
  EXPECT_EQ(server.received().size(), 2u);
  EXPECT_EQ(run.summary.invalid, 3);
}

TEST_F(SenderTest, AtMostNInFlight) {
  std::string records;
  for (int i = 0; i < 60; ++i) records += record("k" + std::to_string(i), "/latency");
  SendOptions o = options();
  o.concurrency = 5;
  const SendRun run = run_send(dir, definition(server.url()), records, o);
  ASSERT_EQ(run.results.size(), 60u);
  EXPECT_EQ(run.summary.delivered, 60);
  EXPECT_LE(server.max_concurrent(), 5);
  EXPECT_GE(server.max_concurrent(), 2);
}

TEST_F(SenderTest, OneHandleAlternatingBetweenUrls) {
  // One connection slot: each record's URL replaces the last one on the same curl handle, and a
  // URL libcurl refuses (port out of range: Boost.URL lets it through) fails only its record.
  const std::string def =
      R"({"url": "{{ base }}/ok?n={{ n }}", "headers": {"X-N": "{{ n }}"}, "body": "{}"})";
  const std::string good = server.url(), bad = "http://127.0.0.1:99999";
  std::string records;
  int n = 0;
  for (const std::string& base : {good, bad, good, good, bad, good})
    records += R"({"base": ")" + base + R"(", "n": )" + std::to_string(++n) + "}\n";
  SendOptions o = options();
  o.concurrency = 1;
  const SendRun run = run_send(dir, def, records, o);
  ASSERT_EQ(run.results.size(), 6u) << run.log;
  for (std::int64_t i : {1, 3, 4, 6}) EXPECT_EQ(status_of(by_record_key(run, i)), "delivered") << i;
  for (std::int64_t i : {2, 5}) {
    const json::object r = by_record_key(run, i);
    EXPECT_EQ(status_of(r), "failed") << i;
    ASSERT_EQ(attempts_of(r), 1u);
    EXPECT_EQ(attempt(r, 0).at("error").as_string(), "other");
  }
  const auto got = server.received_on("/ok");
  ASSERT_EQ(got.size(), 4u);
  std::vector<std::string> order;
  for (const auto& g : got) order.push_back(g.header("x-n"));
  EXPECT_EQ(order, (std::vector<std::string>{"1", "3", "4", "6"}));
}

// Sets an environment variable for the scope of a test.
struct ScopedEnv {
  std::string name;
  ScopedEnv(std::string n, const std::string& value) : name(std::move(n)) {
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~ScopedEnv() { ::unsetenv(name.c_str()); }
};

TEST_F(SenderTest, ProxyEnvironmentIsIgnoredWithoutProxyOption) {
  const std::string dead_proxy = "http://127.0.0.1:" + std::to_string(closed_port());
  const ScopedEnv http("http_proxy", dead_proxy), all("ALL_PROXY", dead_proxy);
  const ScopedEnv no_proxy("NO_PROXY", "example.com");
  const std::string def = R"({"url": ")" + server.url() + R"(/ok", "body": "{}"})";
  const SendRun run = run_send(dir, def, "{}\n{}\n", options());
  ASSERT_EQ(run.results.size(), 2u) << run.log;
  for (const auto& r : run.results) EXPECT_EQ(status_of(r), "delivered");
}

TEST_F(SenderTest, NoProxyEnvironmentStillAppliesWithProxyOption) {
  // The proxy given does not answer: only a host listed in NO_PROXY is reached, directly.
  const ScopedEnv no_proxy("NO_PROXY", "127.0.0.1");
  SendOptions o = options();
  o.proxy = "http://127.0.0.1:" + std::to_string(closed_port());
  const std::string def = R"({"url": ")" + server.url() + R"(/ok", "body": "{}"})";
  const SendRun run = run_send(dir, def, "{}\n", o);
  ASSERT_EQ(run.results.size(), 1u) << run.log;
  EXPECT_EQ(status_of(run.results[0]), "delivered");
}

TEST_F(SenderTest, MethodsAndEmptyHeaderValues) {
  for (const char* method : {"GET", "PUT", "PATCH", "DELETE"}) {
    TempDir d;
    const std::string def = std::string(R"({"method": ")") + method + R"(", "url": ")" +
                            server.url() + R"(/ok?n=2", "headers": {"X-Empty": ""}, "body": "{}"})";
    const SendRun run = run_send(d, def, "{}\n", options());
    ASSERT_EQ(run.results.size(), 1u);
    EXPECT_EQ(status_of(run.results[0]), "delivered") << method;
  }
  const auto got = server.received_on("/ok");
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].method, "GET");
  EXPECT_EQ(got[0].body, "");
  EXPECT_EQ(got[1].method, "PUT");
  EXPECT_EQ(got[1].body, "{}");
  EXPECT_EQ(got[2].method, "PATCH");
  EXPECT_EQ(got[3].method, "DELETE");
  EXPECT_EQ(got[3].body, "{}");
}

}  // namespace
}  // namespace webhook
