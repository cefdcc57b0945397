#include "webhook/sender.hpp"

#include <fcntl.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <ostream>
#include <random>
#include <system_error>
#include <thread>

#include "active_records.hpp"
#include "liquid/json.hpp"
#include "record_reader.hpp"
#include "text_format.hpp"
#include "webhook/outbox.hpp"
#include "webhook/transport.hpp"

namespace webhook {

namespace {

using namespace std::string_view_literals;  // appending a literal needs no strlen

constexpr std::string_view user_agent = "User-Agent: liquidhook-webhook/0.1";

using detail::Active;
using detail::ActiveRecords;
using detail::RecordReader;

bool blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t') return false;
  return true;
}

// Results JSONL. Lines are buffered and written just before the outbox commit that records
// the new committed size; a restart truncates the file back to that size, so every record ends
// in it exactly once.
class ResultsFile {
 public:
  ResultsFile(const std::optional<std::filesystem::path>& path, const RunState& st) {
    if (!path) {
      fd_ = STDOUT_FILENO;
      return;
    }
    fd_ = ::open(path->c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
    if (fd_ < 0)
      throw std::system_error(errno, std::generic_category(),
                              "cannot open results " + path->string());
    own_ = true;
    offset_ = st.resumed ? st.results_offset : 0;
    struct stat sb {};
    if (::fstat(fd_, &sb) != 0)
      throw std::system_error(errno, std::generic_category(),
                              "cannot stat results " + path->string());
    if (sb.st_size < offset_)
      throw std::runtime_error("the results file " + path->string() +
                               " is shorter than the state records (" + std::to_string(sb.st_size) +
                               " < " + std::to_string(offset_) +
                               " bytes): resume with the results file of the interrupted run");
    if (::ftruncate(fd_, offset_) != 0 || ::lseek(fd_, offset_, SEEK_SET) < 0)
      throw std::system_error(errno, std::generic_category(),
                              "cannot truncate results " + path->string());
  }
  ~ResultsFile() {
    if (own_) ::close(fd_);
  }
  ResultsFile(const ResultsFile&) = delete;
  ResultsFile& operator=(const ResultsFile&) = delete;

  std::string& buffer() { return buffer_; }
  bool dirty() const { return !buffer_.empty(); }
  // Write the buffered lines; returns the size the outbox may commit.
  std::int64_t flush() {
    std::size_t done = 0;
    while (done < buffer_.size()) {
      const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw std::system_error(errno, std::generic_category(), "writing results");
      }
      done += static_cast<std::size_t>(n);
    }
    offset_ += static_cast<std::int64_t>(buffer_.size());
    buffer_.clear();
    return offset_;
  }

 private:
  int fd_ = -1;
  bool own_ = false;
  std::int64_t offset_ = 0;
  std::string buffer_;
};

std::string random_run_id() {
  std::random_device rd;
  const std::uint64_t v = (std::uint64_t{rd()} << 32) ^ rd();
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::vector<std::string> header_lines(const PreparedRequest& req) {
  std::vector<std::string> lines;
  lines.reserve(req.headers.size() + 4);
  bool has_ua = false;
  for (const auto& [name, value] : req.headers) {
    if (name.size() == 10 && strncasecmp(name.c_str(), "user-agent", 10) == 0) has_ua = true;
    // "Name;" is how libcurl sends a header with an empty value.
    std::string& line = lines.emplace_back();
    line.reserve(name.size() + 2 + value.size());
    line += name;
    if (value.empty()) {
      line += ';';
    } else {
      line += ": "sv;
      line += value;
    }
  }
  if (!has_ua) lines.emplace_back(user_agent);
  return lines;
}

class Worker {
 public:
  Worker(const RequestDefinition& def, const SendOptions& opt, std::ostream& log, Outbox& outbox,
         RunState st, ResultsFile& results, CurlTransport& transport, const Clock& clock)
      : def_(def),
        opt_(opt),
        log_(log),
        outbox_(outbox),
        st_(std::move(st)),
        results_(results),
        transport_(transport),
        clock_(clock),
        policy_(def.retry),
        rng_(opt.seed ? *opt.seed : std::random_device{}()),
        delivery_headers_(def.signing ? 3 : 1) {
    if (opt.retry_base) policy_.base_delay = *opt.retry_base;
    if (opt.timeout) policy_.timeout = *opt.timeout;
    ready_cap_ = static_cast<std::size_t>(std::max(16, opt.concurrency));
    const std::string id_prefix = "msg_" + st_.run_id + "_";
    id_header_prefix_ = "webhook-id: " + id_prefix;
    liquid::append_json_string(json_id_prefix_, id_prefix);
    json_id_prefix_.pop_back();  // the closing quote comes after the record number
  }

  void run(RecordReader& reader, SendSummary& summary) {
    summary_ = &summary;
    const TimeMs started = clock_.now_ms();
    due_hint_ = outbox_.next_due();
    TimeMs wait_ms = 0;
    TimeMs last_commit = started;
    TimeMs last_progress = 0;
    while (true) {
      auto done = transport_.queues().wait_done(wait_ms);
      for (auto& t : done) complete(std::move(t));
      const bool stopping = opt_.stop && opt_.stop->load();
      TimeMs now = clock_.now_ms();
      std::vector<std::unique_ptr<Transfer>> batch;
      std::size_t room = room_in_ready();
      if (!stopping && due_hint_ && *due_hint_ <= now && room > 0) {
        take_due(now, room, batch);
        room -= std::min(room, batch.size());
      }
      while (!stopping && !input_done_ && room > 0) {
        std::string_view line;
        if (!reader.next(line)) {
          input_done_ = true;
          break;
        }
        if (fresh_record(reader.line_no(), line, batch)) --room;
      }
      next_record_ =
          input_done_ || stopping ? std::numeric_limits<std::int64_t>::max() : reader.line_no() + 1;
      last_line_ = reader.line_no();
      transport_.queues().push_ready(batch);
      now = clock_.now_ms();
      if (opt_.progress && now - last_progress >= 250) {
        progress(now - started);
        last_progress = now;
      }
      if ((input_done_ || stopping) && active_.empty()) {
        commit();
        if (stopping || outbox_.pending_count() == 0) break;
        due_hint_ = outbox_.next_due();
      }
      // Sleep only when there is nothing to render: until a completion, a due retry or the next
      // progress line. Before sleeping, commit: at low load every completion is durable within
      // a millisecond; under load, commits come in groups every commit_interval.
      const bool will_wait = input_done_ || stopping || room_in_ready() == 0;
      const bool dirty = !updates_.empty() || results_.dirty();
      if (dirty && (will_wait || now - last_commit >= opt_.commit_interval.count())) {
        commit();
        last_commit = now;
      }
      if (!will_wait) {
        wait_ms = 0;
      } else {
        wait_ms = 250;
        if (due_hint_) wait_ms = std::clamp<TimeMs>(*due_hint_ - now, 0, wait_ms);
      }
    }
    if (opt_.progress) log_ << "\n";
    summary.pending = outbox_.pending_count();
    summary.interrupted = !input_done_;
  }

 private:
  std::size_t room_in_ready() const {
    const std::size_t queued = transport_.queues().ready_size();
    // Keep about one window of requests rendered ahead of the curl loop, no more: memory stays
    // bounded by the concurrency, not by the number of records.
    const std::size_t in_flight = static_cast<std::size_t>(transport_.in_flight());
    const std::size_t held = queued + in_flight;
    const std::size_t limit = ready_cap_ + static_cast<std::size_t>(opt_.concurrency);
    return held >= limit ? 0 : std::min(limit - held, ready_cap_);
  }

  // The delivery id is "msg_<run id>_<record>": the webhook-id header, and the delivery_id of
  // the results. Everything but the record number is the same for the whole run.
  void add_delivery_headers(Transfer& t) {
    std::string& id_line = t.header_lines.emplace_back();
    id_line.reserve(id_header_prefix_.size() + 20);
    id_line = id_header_prefix_;
    detail::append_int(id_line, t.record);
    if (def_.signing) {
      const std::int64_t ts = clock_.now_ms() / 1000;
      constexpr std::size_t name_size = std::string_view("webhook-id: ").size();
      std::string signature =
          def_.signing->sign(std::string_view(id_line).substr(name_size), ts, t.body);
      std::string& ts_line = t.header_lines.emplace_back("webhook-timestamp: ");
      detail::append_int(ts_line, ts);
      t.header_lines.push_back("webhook-signature: " + signature);
    }
  }

  // Returns true when a transfer was queued.
  bool fresh_record(std::int64_t record, std::string_view line,
                    std::vector<std::unique_ptr<Transfer>>& batch) {
    if (blank(line)) return false;
    if (record < st_.watermark || (st_.resumed && outbox_.status(record))) {
      ++summary_->skipped;
      return false;
    }
    liquid::Value value;
    try {
      value = liquid::parse_json(line);
    } catch (const std::exception& e) {
      finish_invalid(
          record, Problem{std::string(errc::record_invalid), std::string("not JSON: ") + e.what(),
                          "records line " + std::to_string(record)});
      return false;
    }
    if (!value.is_hash()) {
      finish_invalid(record,
                     Problem{std::string(errc::record_invalid), "a record must be a JSON object",
                             "records line " + std::to_string(record)});
      return false;
    }
    PrepareResult prepared = prepare(def_, value, {}, false, &url_cache_);
    if (prepared.problem) {
      finish_invalid(record, *prepared.problem);
      return false;
    }
    auto t = std::make_unique<Transfer>();
    t->record = record;
    t->attempt = 1;
    t->method = std::move(prepared.request->method);
    t->url = std::move(prepared.request->url);
    t->header_lines = header_lines(*prepared.request);
    t->body = std::move(prepared.request->body);
    add_delivery_headers(*t);
    t->tag = active_.add(record);
    Active& a = *active_.find(t->tag, record);
    a.line.assign(line);
    if (!def_.response.empty()) a.value = std::move(value);
    batch.push_back(std::move(t));
    return true;
  }

  void take_due(TimeMs now, std::size_t room, std::vector<std::unique_ptr<Transfer>>& batch) {
    // The lease only guards against taking a delivery twice in this process; a restart
    // releases it.
    const TimeMs lease_until = now + std::max<TimeMs>(3'600'000, 4 * policy_.timeout.count());
    for (auto& d : outbox_.take_due(now, lease_until, room)) {
      namespace json = boost::json;
      const json::object p = json::parse(d.payload).as_object();
      auto t = std::make_unique<Transfer>();
      t->record = d.record;
      t->attempt = d.attempts + 1;
      t->method = std::string(p.at("method").as_string());
      t->url = std::string(p.at("url").as_string());
      for (const auto& h : p.at("headers").as_array()) t->header_lines.emplace_back(h.as_string());
      t->body = std::string(p.at("body").as_string());
      add_delivery_headers(*t);
      t->tag = active_.add(d.record);
      Active& a = *active_.find(t->tag, d.record);
      a.line = p.at("record").as_string();
      a.attempts = p.at("attempts").as_string();
      a.attempt_count = d.attempts;
      if (!def_.response.empty()) a.value = liquid::parse_json(a.line);
      batch.push_back(std::move(t));
    }
    due_hint_ = outbox_.next_due();
  }

  void begin_result(std::string& out, std::int64_t record, DeliveryStatus status) {
    out += "{\"record\":"sv;
    detail::append_int(out, record);
    out += ",\"delivery_id\":"sv;
    out += json_id_prefix_;  // digits need no escaping
    detail::append_int(out, record);
    out += "\",\"status\":\""sv;
    out += status_name(status);
    out += '"';
  }

  void append_problem(std::string& out, const Problem& p) {
    out += "{\"id\":"sv;
    liquid::append_json_string(out, p.id);
    out += ",\"message\":"sv;
    liquid::append_json_string(out, mask_text(def_, p.message));
    if (!p.where.empty()) {
      out += ",\"where\":"sv;
      liquid::append_json_string(out, p.where);
    }
    if (!p.detail.empty()) {
      out += ",\"detail\":"sv;
      liquid::append_json_string(out, p.detail);
    }
    // The same as one line, as a compiler would print it.
    out += ",\"diagnostic\":"sv;
    liquid::append_json_string(out, mask_text(def_, p.format()));
    out += '}';
  }

  void finish_invalid(std::int64_t record, const Problem& p) {
    std::string& out = results_.buffer();
    begin_result(out, record, DeliveryStatus::invalid);
    out += ",\"attempts\":[],\"error\":"sv;
    append_problem(out, p);
    out += "}\n"sv;
    updates_.push_back({record, DeliveryStatus::invalid, 0, 0, {}});
    ++summary_->invalid;
    ++summary_->records;
  }

  void complete(std::unique_ptr<Transfer> t) {
    Active* found = active_.find(t->tag, t->record);
    if (!found) return;  // cannot happen: every transfer comes from active_
    Active& a = *found;
    ++a.attempt_count;
    ++summary_->attempts;
    const TimeMs now = clock_.now_ms();
    const NextStep step = next_step(policy_, a.attempt_count, t->outcome, now, unit_(rng_));
    // The attempt, as the results show it.
    std::string& at = a.attempts;
    if (!at.empty()) at += ',';
    at += "{\"n\":"sv;
    detail::append_int(at, a.attempt_count);
    at += ",\"at\":\""sv;
    detail::append_iso_time(at, t->started_at);
    at += "\",\"ms\":"sv;
    detail::append_fixed3(at, t->duration_ms);
    if (t->outcome.http_status > 0) {
      at += ",\"status\":"sv;
      detail::append_int(at, t->outcome.http_status);
    }
    if (t->outcome.error != TransportError::none) {
      at += ",\"error\":\""sv;
      at += transport_error_name(t->outcome.error);
      at += "\",\"message\":"sv;
      liquid::append_json_string(at, mask_text(def_, t->error_message));
    }
    if (step.kind == NextStep::Kind::retry) {
      at += ",\"retry_in_ms\":"sv;
      detail::append_int(at, step.delay.count());
      if (step.from_retry_after) at += ",\"retry_after\":true"sv;
    }
    at += '}';

    if (step.kind == NextStep::Kind::retry) {
      namespace json = boost::json;
      json::array headers;
      for (std::size_t i = 0; i + delivery_headers_ < t->header_lines.size(); ++i)
        headers.emplace_back(t->header_lines[i]);
      json::object p;
      p["method"] = t->method;
      p["url"] = t->url;
      p["headers"] = std::move(headers);
      p["body"] = t->body;
      p["record"] = a.line;
      p["attempts"] = a.attempts;
      updates_.push_back({t->record, DeliveryStatus::pending, a.attempt_count,
                          now + step.delay.count(), json::serialize(p)});
      if (!due_hint_ || now + step.delay.count() < *due_hint_) due_hint_ = now + step.delay.count();
      active_.remove(a);
      return;
    }

    const DeliveryStatus status =
        step.kind == NextStep::Kind::delivered ? DeliveryStatus::delivered : DeliveryStatus::failed;
    std::string& out = results_.buffer();
    begin_result(out, t->record, status);
    out += ",\"attempts\":["sv;
    out += a.attempts;
    out += ']';
    if (status == DeliveryStatus::delivered && !def_.response.empty()) {
      std::optional<Problem> problem;
      MappingResult mapped;
      if (t->outcome.error == TransportError::response_too_large) {
        problem = Problem{std::string(errc::response_too_large),
                          "the response body is over the cap: no attribute update", ""};
      } else {
        Response r{t->outcome.http_status, std::move(t->headers), std::move(t->response_body),
                   t->content_type};
        mapped = map_response(def_, a.value, r);
        problem = mapped.problem;
      }
      if (problem) {
        out += ",\"updates\":{},\"error\":"sv;
        append_problem(out, *problem);
      } else {
        out += ",\"updates\":{"sv;
        bool first = true;
        for (const auto& [k, v] : mapped.updates) {
          if (!first) out += ',';
          first = false;
          liquid::append_json_string(out, k);
          out += ':';
          liquid::append_json_string(out, mask_text(def_, v));
        }
        out += '}';
      }
    }
    out += "}\n"sv;
    updates_.push_back({t->record, status, a.attempt_count, 0, {}});
    ++summary_->records;
    ++(status == DeliveryStatus::delivered ? summary_->delivered : summary_->failed);
    active_.remove(a);
  }

  void commit() {
    if (updates_.empty() && !results_.dirty() && committed_once_) return;
    // Results first: a crash after this write and before the commit leaves bytes past the
    // committed size, which the restart truncates.
    const std::int64_t offset = results_.flush();
    std::int64_t floor = std::min(next_record_, last_line_ + 1);
    if (const auto lowest = active_.lowest()) floor = std::min(floor, *lowest);
    st_.watermark = outbox_.commit(updates_, offset, floor);
    updates_.clear();
    committed_once_ = true;
  }

  void progress(TimeMs elapsed) {
    const double secs = std::max<double>(elapsed, 1) / 1000.0;
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "\r\x1b[2Kdone %lld | in flight %d | retrying %lld | delivered %lld | failed "
                  "%lld | invalid %lld | "
                  "%.0f req/s",
                  static_cast<long long>(summary_->records), transport_.in_flight(),
                  static_cast<long long>(retrying()), static_cast<long long>(summary_->delivered),
                  static_cast<long long>(summary_->failed),
                  static_cast<long long>(summary_->invalid),
                  static_cast<double>(summary_->attempts) / secs);
    log_ << buf << std::flush;
  }

  std::int64_t retrying() {
    // Cheap enough at 4 Hz: an indexed count.
    return outbox_.pending_count();
  }

  const RequestDefinition& def_;
  const SendOptions& opt_;
  std::ostream& log_;
  Outbox& outbox_;
  RunState st_;
  ResultsFile& results_;
  CurlTransport& transport_;
  const Clock& clock_;
  RetryPolicy policy_;
  std::mt19937_64 rng_;
  std::uniform_real_distribution<double> unit_{0.0, 1.0};
  std::size_t delivery_headers_;
  std::string id_header_prefix_;  // "webhook-id: msg_<run id>_"
  std::string json_id_prefix_;    // "\"msg_<run id>_", escaped as a JSON string's start
  UrlCheckCache url_cache_;
  std::size_t ready_cap_ = 600;
  SendSummary* summary_ = nullptr;
  ActiveRecords active_;
  std::vector<OutboxUpdate> updates_;
  std::optional<TimeMs> due_hint_;
  bool input_done_ = false;
  bool committed_once_ = false;
  std::int64_t next_record_ = 1;
  std::int64_t last_line_ = 0;
};

// A temporary outbox for runs without --state, removed afterwards.
struct TempState {
  std::filesystem::path path;
  TempState() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "webhook-state-XXXXXX").string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
      throw std::system_error(errno, std::generic_category(),
                              "cannot create a temporary state file");
    ::close(fd);
    path = tmpl;
  }
  ~TempState() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      std::filesystem::remove(path.string() + suffix, ec);
  }
};

}  // namespace

SendSummary send(const RequestDefinition& def, const SendOptions& opt, std::ostream& log) {
  SendSummary summary;
  SystemClock system_clock;
  const Clock& clock = opt.clock ? *opt.clock : system_clock;
  const TimeMs started = clock.now_ms();
  std::optional<TempState> temp;
  if (!opt.state) temp.emplace();
  auto outbox = open_sqlite_outbox(opt.state ? *opt.state : temp->path);
  const RunState st = outbox->open(def.fingerprint, random_run_id());
  summary.resumed = st.resumed;
  ResultsFile results(opt.results, st);
  RecordReader reader(opt.records);

  TransportOptions topt;
  topt.concurrency = std::max(1, opt.concurrency);
  topt.timeout = opt.timeout ? *opt.timeout : def.retry.timeout;
  topt.max_response_bytes = def.retry.max_response_bytes;
  topt.keep_response = !def.response.empty();
  topt.guard.allow_private(opt.allow_private);
  for (const auto& cidr : opt.allow) topt.guard.allow(cidr);
  topt.proxy = opt.proxy;
  topt.ca_file = opt.ca_file;
  CurlTransport transport(std::move(topt));
  std::thread io([&] { transport.run(clock); });

  Worker worker(def, opt, log, *outbox, st, results, transport, clock);
  try {
    worker.run(reader, summary);
    transport.finish();
  } catch (const std::exception& e) {
    // Nothing after the last commit counts as done: a restart sends it again.
    summary.fatal = mask_text(def, e.what());
    transport.abandon();
  }
  io.join();
  summary.seconds = static_cast<double>(clock.now_ms() - started) / 1000.0;
  return summary;
}

DryRunSummary dry_run(const RequestDefinition& def, const std::filesystem::path& records,
                      std::ostream& out, const Clock* clock) {
  SystemClock system_clock;
  const Clock& c = clock ? *clock : system_clock;
  DryRunSummary summary;
  RecordReader reader(records);
  std::string_view line;
  while (reader.next(line)) {
    if (blank(line)) continue;
    const std::int64_t record = reader.line_no();
    ++summary.records;
    out << "### record " << record << "\n";
    std::optional<Problem> problem;
    PrepareResult prepared;
    try {
      const liquid::Value value = liquid::parse_json(line);
      if (!value.is_hash())
        problem = Problem{std::string(errc::record_invalid), "a record must be a JSON object", ""};
      else
        prepared = prepare(def, value, {});
    } catch (const std::exception& e) {
      problem =
          Problem{std::string(errc::record_invalid), std::string("not JSON: ") + e.what(), ""};
    }
    if (!problem && prepared.problem) problem = prepared.problem;
    if (problem) {
      ++summary.invalid;
      out << "invalid: " << mask_text(def, problem->format()) << "\n";
      for (const auto& w : prepared.warnings) out << mask_text(def, w.format()) << "\n";
      out << "\n";
      continue;
    }
    ++summary.valid;
    PreparedRequest& req = *prepared.request;
    const std::string id = "msg_dryrun_" + std::to_string(record);
    bool has_ua = false;
    for (const auto& h : req.headers)
      if (strcasecmp(h.first.c_str(), "user-agent") == 0) has_ua = true;
    if (!has_ua) req.headers.emplace_back("User-Agent", std::string(user_agent.substr(12)));
    req.headers.emplace_back("webhook-id", id);
    if (def.signing) {
      const std::int64_t ts = c.now_ms() / 1000;
      req.headers.emplace_back("webhook-timestamp", std::to_string(ts));
      req.headers.emplace_back("webhook-signature", def.signing->sign(id, ts, req.body));
    }
    out << format_masked(def, req);
    for (const auto& w : prepared.warnings) out << mask_text(def, w.format()) << "\n";
    out << "\n";
  }
  return summary;
}

}  // namespace webhook
