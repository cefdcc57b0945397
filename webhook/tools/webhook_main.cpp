// The `webhook` command line: send, dry-run and preview-response.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "liquid/json.hpp"
#include "webhook/request.hpp"
#include "webhook/sender.hpp"

namespace {

std::atomic<bool> stop_requested{false};

void on_signal(int) {
  stop_requested.store(true);
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

constexpr const char* description =
    R"(webhook: render one HTTP request per record from a Liquid request definition and send it
with the delivery rules: at most N requests in flight, a 4 s timeout per attempt, retries on
408/409/429/5xx/timeouts/connection errors with exponential backoff (10 retries over ~7 hours,
Retry-After honoured), durable state for resuming after a crash, and attribute updates mapped
from the response.

Exit status: 0 every record delivered (or, for --dry-run, every request valid); 3 some records
failed or were invalid; 1 a usage, definition or fatal error; 130 interrupted (resume with the
same --state).)";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{description, "webhook"};
  app.require_subcommand(1);

  std::string request_path, records_path = "-", results_path, state_path, proxy, ca_file;
  int concurrency = 600;
  bool dry = false, allow_private = false, progress_flag = false, no_progress = false;
  std::vector<std::string> allow;
  double retry_base = 0, timeout = 0;

  auto* send_cmd =
      app.add_subcommand("send", "Send one request per record (or --dry-run: print them)");
  send_cmd->add_option("REQUEST", request_path, "request definition (JSON)")
      ->required()
      ->check(CLI::ExistingFile);
  send_cmd
      ->add_option("--records", records_path,
                   "records as JSONL, one Liquid context per line ('-': stdin)")
      ->required();
  send_cmd->add_option("--results", results_path, "results JSONL (default: stdout)");
  send_cmd->add_option(
      "--state", state_path,
      "outbox (SQLite); run again with the same file to resume after a crash or stop");
  send_cmd->add_option("--concurrency", concurrency, "requests in flight at most")
      ->check(CLI::Range(1, 100000))
      ->default_val(600);
  send_cmd->add_flag(
      "--dry-run", dry,
      "print each request as it would go out (secrets masked), validate it, send nothing");
  send_cmd->add_flag(
      "--allow-private", allow_private,
      "let requests reach loopback, private, link-local, CGNAT, multicast and metadata addresses");
  send_cmd->add_option("--allow", allow, "also allow this address or CIDR block (repeatable)");
  send_cmd->add_option("--proxy", proxy,
                       "send through this proxy (proxy environment variables are ignored)");
  send_cmd->add_option("--cacert", ca_file, "trust the CA certificates in this PEM file");
  send_cmd
      ->add_option("--retry-base", retry_base,
                   "base delay of the backoff in seconds (default 25, or the definition's)")
      ->check(CLI::PositiveNumber);
  send_cmd
      ->add_option("--timeout", timeout,
                   "per-attempt timeout in seconds (default 4, or the definition's)")
      ->check(CLI::PositiveNumber);
  send_cmd->add_flag("--progress", progress_flag,
                     "show the progress line even when stderr is not a terminal");
  send_cmd->add_flag("--no-progress", no_progress, "never show the progress line");

  std::string preview_request, preview_record, preview_body,
      preview_content_type = "application/json";
  int preview_status = 200;
  auto* preview_cmd = app.add_subcommand(
      "preview-response", "Show the attribute updates a response would produce (offline)");
  preview_cmd->add_option("REQUEST", preview_request, "request definition (JSON)")
      ->required()
      ->check(CLI::ExistingFile);
  preview_cmd->add_option("--record", preview_record, "the record (a JSON file)")
      ->required()
      ->check(CLI::ExistingFile);
  preview_cmd->add_option("--response", preview_body, "the response body (a file)")
      ->required()
      ->check(CLI::ExistingFile);
  preview_cmd->add_option("--status", preview_status, "the response status")->default_val(200);
  preview_cmd->add_option("--content-type", preview_content_type, "the response Content-Type")
      ->default_val("application/json");

  CLI11_PARSE(app, argc, argv);

  try {
    if (*preview_cmd) {
      const auto def = webhook::load_definition(preview_request);
      const liquid::Value record = liquid::parse_json(read_all(preview_record));
      webhook::Response r;
      r.status = preview_status;
      r.body = read_all(preview_body);
      r.content_type = preview_content_type;
      r.headers.emplace_back("content-type", preview_content_type);
      const auto mapped = webhook::map_response(def, record, r);
      if (mapped.problem) {
        std::cerr << "webhook: no attribute update: [" << mapped.problem->id << "] "
                  << webhook::mask_text(def, mapped.problem->message);
        if (!mapped.problem->where.empty()) std::cerr << " at " << mapped.problem->where;
        std::cerr << "\n";
        return 3;
      }
      if (mapped.updates.empty()) std::cout << "(the definition has no response mapping)\n";
      for (const auto& [k, v] : mapped.updates)
        std::cout << k << " = " << webhook::mask_text(def, v) << "\n";
      return 0;
    }

    const auto def = webhook::load_definition(request_path);
    if (dry) {
      const auto s = webhook::dry_run(def, records_path, std::cout);
      std::cerr << "webhook: dry run: " << s.records << " records, " << s.valid << " valid, "
                << s.invalid << " invalid; nothing was sent\n";
      return s.invalid ? 3 : 0;
    }
    webhook::SendOptions opt;
    opt.records = records_path;
    if (!results_path.empty()) opt.results = results_path;
    if (!state_path.empty()) opt.state = state_path;
    opt.concurrency = concurrency;
    opt.allow_private = allow_private;
    opt.allow = allow;
    if (!proxy.empty()) opt.proxy = proxy;
    if (!ca_file.empty()) opt.ca_file = ca_file;
    if (retry_base > 0)
      opt.retry_base = webhook::Millis(static_cast<std::int64_t>(retry_base * 1000));
    if (timeout > 0) opt.timeout = webhook::Millis(static_cast<std::int64_t>(timeout * 1000));
    opt.progress = !no_progress && (progress_flag || ::isatty(STDERR_FILENO));
    opt.stop = &stop_requested;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    std::signal(SIGPIPE, SIG_IGN);

    const auto s = webhook::send(def, opt, std::cerr);
    std::fprintf(
        stderr,
        "webhook: %lld records: %lld delivered, %lld failed, %lld invalid; %lld attempts in %.2f s "
        "(%.0f req/s)%s%s\n",
        static_cast<long long>(s.records), static_cast<long long>(s.delivered),
        static_cast<long long>(s.failed), static_cast<long long>(s.invalid),
        static_cast<long long>(s.attempts), s.seconds, s.seconds > 0 ? s.attempts / s.seconds : 0.0,
        s.resumed ? "; resumed" : "",
        s.skipped ? ("; " + std::to_string(s.skipped) + " already finished").c_str() : "");
    if (!s.fatal.empty()) {
      std::cerr << "webhook: stopped: " << s.fatal
                << "\nwebhook: nothing after the last commit is marked done; run again with the "
                   "same --state\n";
      return 1;
    }
    if (s.pending > 0 || s.interrupted) {
      std::cerr << "webhook: interrupted";
      if (s.pending > 0) std::cerr << " with " << s.pending << " deliveries pending";
      std::cerr << "; run again with the same --state (and --results) to finish\n";
      return 130;
    }
    return (s.failed || s.invalid) ? 3 : 0;
  } catch (const webhook::DefinitionError& e) {
    std::cerr << "webhook: " << request_path << preview_request << ": " << e.what() << " ["
              << e.id() << "]\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "webhook: " << e.what() << "\n";
    return 1;
  }
}
