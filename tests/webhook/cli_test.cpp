// The `webhook` command line as a user runs it: SIGKILL and resume, a full disk, dry-run,
// preview-response, --help, and masking in everything it prints.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <map>
#include <set>

#include "test_support.hpp"

#ifndef WEBHOOK_CLI
#error "WEBHOOK_CLI must name the webhook binary"
#endif

namespace webhook {
namespace {

using namespace webhook::testing;
namespace json = boost::json;

constexpr const char* password = "pa$$w0rd-9f3k";

struct Child {
  pid_t pid = -1;
  fs::path out, err;
};

Child spawn(const std::vector<std::string>& args, const fs::path& out, const fs::path& err,
            rlim_t fsize_limit = 0) {
  Child c{::fork(), out, err};
  if (c.pid == 0) {
    const int o = ::open(out.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    const int e = ::open(err.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    ::dup2(o, 1);
    ::dup2(e, 2);
    const int in = ::open("/dev/null", O_RDONLY);
    ::dup2(in, 0);
    if (fsize_limit) {
      // A "full disk": writes past this size fail with EFBIG instead of killing the process.
      ::signal(SIGXFSZ, SIG_IGN);
      rlimit rl{fsize_limit, fsize_limit};
      ::setrlimit(RLIMIT_FSIZE, &rl);
    }
    std::vector<char*> argv;
    std::string bin = WEBHOOK_CLI;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  return c;
}

int wait_exit(const Child& c) {
  int status = 0;
  ::waitpid(c.pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int run(const std::vector<std::string>& args, const TempDir& dir, std::string* out = nullptr,
        std::string* err = nullptr, rlim_t fsize_limit = 0) {
  const Child c = spawn(args, dir.path() / "stdout.txt", dir.path() / "stderr.txt", fsize_limit);
  const int code = wait_exit(c);
  if (out) *out = read_file(c.out);
  if (err) *err = read_file(c.err);
  return code;
}

std::string definition(const ScriptedServer& server, const std::string& path) {
  const std::string host = server.url().substr(7);
  return R"({"url": "http://user:pa%24%24w0rd-9f3k@)" + host + path +
         R"(", "headers": {"X-Api-Key": "key-zyxw9876"},
    "body": "{\"n\": {{ n }}, \"email\": \"{{ customer.email }}\"}",
    "response": {"lead_id": "{{ response.lead.id }}"},
    "signing_secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"})";
}

std::string records(int n) {
  std::string s;
  for (int i = 1; i <= n; ++i)
    s += R"({"n": )" + std::to_string(i) + R"(, "customer": {"email": "c)" + std::to_string(i) +
         R"(@example.com"}})" + "\n";
  return s;
}

std::size_t count_lines(const fs::path& p) {
  const std::string s = read_file(p);
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

void expect_no_secret(const std::string& printed) {
  for (const char* s :
       {password, "key-zyxw9876", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "dXNlcjpwYSQkdzByZC05ZjNr"})
    EXPECT_EQ(printed.find(s), std::string::npos) << s << " printed in:\n"
                                                  << printed.substr(0, 2000);
}

// Every record ends exactly once in the results; only the transfers in flight at the kill are
// sent twice.
TEST(Cli, SigkillAndResume) {
  ScriptedServer server(128);
  TempDir dir;
  const int total = 3000, concurrency = 32;
  const auto req = dir.write("req.json", definition(server, "/latency"));
  const auto recs = dir.write("records.jsonl", records(total));
  const auto results = dir.path() / "results.jsonl";
  const auto state = dir.path() / "state.db";
  const std::vector<std::string> args = {
      "send",           req.string(), "--records",    recs.string(),   "--results",
      results.string(), "--state",    state.string(), "--concurrency", std::to_string(concurrency),
      "--allow-private"};
  Child first = spawn(args, dir.path() / "out1.txt", dir.path() / "err1.txt");
  // Kill it in the middle of the run.
  for (int i = 0; i < 400 && count_lines(results) < total / 4; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_GE(count_lines(results), static_cast<std::size_t>(total / 4))
      << read_file(dir.path() / "err1.txt");
  ::kill(first.pid, SIGKILL);
  const std::int64_t killed_at = now_ms();
  EXPECT_EQ(wait_exit(first), 128 + SIGKILL);
  const std::size_t before_restart = count_lines(results);
  ASSERT_LT(before_restart, static_cast<std::size_t>(total)) << "the run ended before the kill";

  std::string err;
  EXPECT_EQ(run(args, dir, nullptr, &err), 0) << err;
  EXPECT_NE(err.find("resumed"), std::string::npos) << err;

  // Exactly once in the results.
  const auto lines = read_jsonl(results);
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(total));
  std::set<std::int64_t> seen;
  for (const auto& r : lines) {
    EXPECT_TRUE(seen.insert(r.at("record").as_int64()).second)
        << "record twice: " << json::serialize(r);
    EXPECT_EQ(r.at("status").as_string(), "delivered");
  }
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(total));
  // Sent twice: only what was in flight when the process died.
  std::map<std::string, std::vector<std::int64_t>> receipts;
  for (const auto& r : server.received()) receipts[r.header("webhook-id")].push_back(r.at_ms);
  EXPECT_EQ(receipts.size(), static_cast<std::size_t>(total));
  int twice = 0;
  for (const auto& [id, times] : receipts) {
    EXPECT_LE(times.size(), 2u) << id;
    if (times.size() == 2) {
      ++twice;
      // In flight at the kill: sent, and not yet committed. A commit follows every completion
      // within one group-commit window (10 ms), so a duplicate was first sent at most one
      // response time (20 ms) plus that window (and scheduling slack) before the kill.
      EXPECT_GE(times[0], killed_at - 150)
          << id << " was sent long before the kill, yet sent again";
    }
  }
  // At most N in flight, plus the completions not yet committed: one 10 ms group-commit window
  // is N / 20 ms * 10 ms = N / 2; twice that leaves room for scheduling on a busy machine.
  EXPECT_LE(twice, 2 * concurrency);
  std::cerr << "[ sigkill ] " << before_restart << " results before the kill, " << twice
            << " deliveries sent twice (concurrency " << concurrency << ")\n";
  expect_no_secret(read_file(results) + err + read_file(dir.path() / "err1.txt"));
}

// SIGTERM: in-flight requests finish and are recorded, nothing is sent twice, and the same
// command finishes the run.
TEST(Cli, SigtermStopsCleanlyAndResumes) {
  ScriptedServer server(128);
  TempDir dir;
  const int total = 1500;
  const auto req = dir.write("req.json", definition(server, "/latency"));
  const auto recs = dir.write("records.jsonl", records(total));
  const auto results = dir.path() / "results.jsonl";
  const std::vector<std::string> args = {"send",           req.string(),
                                         "--records",      recs.string(),
                                         "--results",      results.string(),
                                         "--state",        (dir.path() / "state.db").string(),
                                         "--concurrency",  "32",
                                         "--allow-private"};
  Child first = spawn(args, dir.path() / "out1.txt", dir.path() / "err1.txt");
  for (int i = 0; i < 400 && count_lines(results) < total / 4; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ::kill(first.pid, SIGTERM);
  EXPECT_EQ(wait_exit(first), 130) << read_file(dir.path() / "err1.txt");
  EXPECT_LT(count_lines(results), static_cast<std::size_t>(total));
  std::string err;
  EXPECT_EQ(run(args, dir, nullptr, &err), 0) << err;
  const auto lines = read_jsonl(results);
  std::set<std::int64_t> seen;
  for (const auto& r : lines) EXPECT_TRUE(seen.insert(r.at("record").as_int64()).second);
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(total));
  std::map<std::string, int> receipts;
  for (const auto& r : server.received()) ++receipts[r.header("webhook-id")];
  EXPECT_EQ(receipts.size(), static_cast<std::size_t>(total));
  for (const auto& [id, n] : receipts) EXPECT_EQ(n, 1) << id << " sent twice after a clean stop";
}

// The disk holding the state and results fills up: a clear error, nothing marked delivered
// that was not, and the same command finishes the run once there is room.
TEST(Cli, FullDiskThenResume) {
  ScriptedServer server;
  TempDir dir;
  const int total = 2000;
  const auto req = dir.write("req.json", definition(server, "/ok?n=1"));
  const auto recs = dir.write("records.jsonl", records(total));
  const auto results = dir.path() / "results.jsonl";
  const auto state = dir.path() / "state.db";
  const std::vector<std::string> args = {
      "send",    req.string(),   "--records",       recs.string(),   "--results", results.string(),
      "--state", state.string(), "--allow-private", "--concurrency", "32"};
  std::string err;
  EXPECT_EQ(run(args, dir, nullptr, &err, 256 * 1024), 1);
  EXPECT_NE(err.find("stopped"), std::string::npos) << err;
  const std::size_t before = count_lines(results);
  EXPECT_GT(before, 0u) << "the disk filled up in the middle of the run";
  EXPECT_LT(before, static_cast<std::size_t>(total));
  expect_no_secret(err);
  EXPECT_EQ(run(args, dir, nullptr, &err), 0) << err;
  const auto lines = read_jsonl(results);
  std::set<std::int64_t> seen;
  for (const auto& r : lines) EXPECT_TRUE(seen.insert(r.at("record").as_int64()).second);
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(total));
}

TEST(Cli, DryRunPrintsMaskedRequestsAndSendsNothing) {
  ScriptedServer server;
  TempDir dir;
  const auto req = dir.write("req.json", definition(server, "/ok?n=1&token=qwerty99"));
  const auto recs = dir.write("records.jsonl", records(2) + "{\"n\": \"oops\"}\n");
  std::string out, err;
  EXPECT_EQ(run({"send", req.string(), "--records", recs.string(), "--dry-run"}, dir, &out, &err),
            3);
  EXPECT_TRUE(server.received().empty());
  // The credentials left the URL for the Authorization header, which is masked.
  EXPECT_NE(out.find("POST http://127.0.0.1:"), std::string::npos) << out;
  EXPECT_NE(out.find("token=****"), std::string::npos) << out;
  EXPECT_NE(out.find("X-Api-Key: ****"), std::string::npos) << out;
  EXPECT_NE(out.find("Authorization: ****"), std::string::npos) << out;
  EXPECT_NE(out.find("Content-Type: application/json"), std::string::npos) << out;
  EXPECT_NE(out.find("webhook-signature: v1,"), std::string::npos) << out;
  EXPECT_NE(out.find(R"({"n": 2, "email": "c2@example.com"})"), std::string::npos) << out;
  // The invalid record names the template position that wrote the bad value.
  EXPECT_NE(out.find("invalid: req.json#body:1:"), std::string::npos) << out;
  EXPECT_NE(out.find("[rendered-json-invalid] (output 1:"), std::string::npos) << out;
  EXPECT_NE(err.find("2 valid, 1 invalid"), std::string::npos) << err;
  expect_no_secret(out + err);
  EXPECT_EQ(out.find("qwerty99"), std::string::npos);
}

TEST(Cli, PreviewResponse) {
  ScriptedServer server;
  TempDir dir;
  const auto req = dir.write("req.json", R"({"url": "https://api.example.com/leads", "response": {
      "lead_id": "{{ response.lead.id }}",
      "lifetime_value": "{{ customer.lifetime_value | plus: response.amount }}"}})");
  const auto rec = dir.write("record.json", R"({"customer": {"lifetime_value": 10.5}})");
  const auto body = dir.write("body.json", R"({"lead": {"id": "L-9"}, "amount": 2})");
  const auto bad = dir.write("bad.json", R"({"lead": )");
  std::string out, err;
  EXPECT_EQ(
      run({"preview-response", req.string(), "--record", rec.string(), "--response", body.string()},
          dir, &out, &err),
      0)
      << err;
  EXPECT_EQ(out, "lead_id = L-9\nlifetime_value = 12.5\n");
  EXPECT_EQ(
      run({"preview-response", req.string(), "--record", rec.string(), "--response", bad.string()},
          dir, &out, &err),
      3);
  EXPECT_NE(err.find("response-invalid-json"), std::string::npos) << err;
}

TEST(Cli, HelpAndUsageErrors) {
  TempDir dir;
  std::string out, err;
  EXPECT_EQ(run({"--help"}, dir, &out, &err), 0);
  EXPECT_NE(out.find("send"), std::string::npos);
  EXPECT_NE(out.find("preview-response"), std::string::npos);
  EXPECT_EQ(run({"send", "--help"}, dir, &out, &err), 0);
  for (const char* opt :
       {"--records", "--results", "--state", "--concurrency", "--dry-run", "--allow-private"})
    EXPECT_NE(out.find(opt), std::string::npos) << opt;
  EXPECT_NE(run({"send", "/nonexistent.json", "--records", "-"}, dir, &out, &err), 0);
  const auto req = dir.write("req.json", R"({"url": "https://h/", "bogus": 1})");
  EXPECT_EQ(run({"send", req.string(), "--records", "-"}, dir, &out, &err), 1);
  EXPECT_NE(err.find("bogus"), std::string::npos) << err;
  EXPECT_NE(err.find("definition-unknown-field"), std::string::npos) << err;
}

TEST(Cli, ErrorsPrintedDoNotLeakCredentials) {
  TempDir dir;
  const int port = closed_port();
  const auto req = dir.write("req.json", R"({"url": "http://user:pa%24%24w0rd-9f3k@127.0.0.1:)" +
                                             std::to_string(port) + R"(/x?api_key=key-zyxw9876",
      "retry": {"max_retries": 1, "base_delay_s": 0.01}, "body": "{}"})");
  const auto recs = dir.write("records.jsonl", "{}\n");
  const auto results = dir.path() / "results.jsonl";
  std::string out, err;
  EXPECT_EQ(run({"send", req.string(), "--records", recs.string(), "--results", results.string(),
                 "--allow-private", "--progress"},
                dir, &out, &err),
            3);
  const std::string printed = out + err + read_file(results);
  EXPECT_NE(printed.find("connect"), std::string::npos) << printed;
  expect_no_secret(printed);
}

}  // namespace
}  // namespace webhook
