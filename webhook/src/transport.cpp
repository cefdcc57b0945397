#include "webhook/transport.hpp"

#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace webhook {

void TransferQueues::push_ready(std::vector<std::unique_ptr<Transfer>>& batch) {
  if (batch.empty()) return;
  {
    std::lock_guard lock(mutex_);
    for (auto& t : batch) ready_.push_back(std::move(t));
  }
  batch.clear();
  // Each wakeup costs the curl loop an extra poll over all its sockets: wake it only when it
  // sleeps with a free slot. The loop sets io_sleeping_ before its last look at the queue
  // (under the same mutex), so a push it did not see always finds the flag set.
  if (multi_ && io_sleeping_.load() && io_has_room_.load())
    curl_multi_wakeup(static_cast<CURLM*>(multi_));
}

std::size_t TransferQueues::ready_size() const {
  std::lock_guard lock(mutex_);
  return ready_.size();
}

std::vector<std::unique_ptr<Transfer>> TransferQueues::wait_done(TimeMs timeout_ms) {
  std::unique_lock lock(mutex_);
  if (done_.empty() && !worker_poke_ && timeout_ms > 0) {
    worker_waiting_ = true;
    worker_cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                        [&] { return !done_.empty() || worker_poke_; });
    worker_waiting_ = false;
  }
  worker_poke_ = false;
  std::vector<std::unique_ptr<Transfer>> out;
  out.swap(done_);
  return out;
}

void TransferQueues::notify_worker() {
  {
    std::lock_guard lock(mutex_);
    worker_poke_ = true;
  }
  worker_cv_.notify_one();
}

namespace {

struct Slot {
  CURL* easy = nullptr;
  // The request headers as libcurl's list, linked in place over the transfer's own lines
  // (libcurl reads the list and never frees it): no copy of each line per attempt.
  std::vector<curl_slist> header_nodes;
  // The URL this handle last sent to, parsed once: libcurl copies a CURLU handle instead of
  // parsing the URL string again for every transfer.
  std::string url;
  CURLU* parsed_url = nullptr;
  std::unique_ptr<Transfer> t;
  const TransportOptions* options = nullptr;
  char error[CURL_ERROR_SIZE] = {};
};

char expect_none[] = "Expect:";  // no 100-continue round trip

bool iequals_prefix(const char* line, std::size_t len, std::string_view name) {
  if (len <= name.size() || line[name.size()] != ':') return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

size_t on_header(char* data, size_t size, size_t n, void* userdata) {
  auto* slot = static_cast<Slot*>(userdata);
  Transfer& t = *slot->t;
  const size_t len = size * n;
  if ((len == 2 && data[0] == '\r' && data[1] == '\n') || (len == 1 && data[0] == '\n')) {
    t.headers_ended = true;
    return len;
  }
  if (len >= 5 && std::memcmp(data, "HTTP/", 5) == 0) {  // a new response (after 1xx): start over
    t.headers_ended = false;
    t.headers.clear();
    t.content_type.clear();
    t.outcome.retry_after.reset();
    return len;
  }
  if (iequals_prefix(data, len, "retry-after"))
    t.outcome.retry_after = std::string(trim(std::string_view(data + 12, len - 12)));
  else if (iequals_prefix(data, len, "content-type"))
    t.content_type = std::string(trim(std::string_view(data + 13, len - 13)));
  if (slot->options->keep_response) {
    const std::string_view line(data, len);
    const auto colon = line.find(':');
    if (colon != std::string_view::npos && colon > 0) {
      std::string name(line.substr(0, colon));
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      t.headers.emplace_back(std::move(name), std::string(trim(line.substr(colon + 1))));
    }
  }
  return len;
}

size_t on_body(char* data, size_t size, size_t n, void* userdata) {
  auto* slot = static_cast<Slot*>(userdata);
  Transfer& t = *slot->t;
  const size_t len = size * n;
  // libcurl 7.88 does not cap chunked bodies itself (CURLOPT_MAXFILESIZE only knows
  // Content-Length), so the cap is enforced here: returning less than len aborts the transfer.
  if (t.response_bytes + len > slot->options->max_response_bytes) {
    t.outcome.error = TransportError::response_too_large;
    return 0;
  }
  t.response_bytes += len;
  if (slot->options->keep_response) t.response_body.append(data, len);
  return len;
}

curl_socket_t on_open_socket(void* clientp, curlsocktype purpose, curl_sockaddr* address) {
  auto* slot = static_cast<Slot*>(clientp);
  if (purpose == CURLSOCKTYPE_IPCXN && !slot->options->guard.allowed(&address->addr)) {
    slot->t->blocked = true;
    return CURL_SOCKET_BAD;
  }
  return ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

TransportError map_error(CURLcode code, const Transfer& t) {
  if (t.blocked) return TransportError::blocked;
  if (t.outcome.error == TransportError::response_too_large)
    return TransportError::response_too_large;
  switch (code) {
    case CURLE_OK:
      return TransportError::none;
    case CURLE_OPERATION_TIMEDOUT:
      return TransportError::timeout;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return TransportError::connect;
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_BAD_CONTENT_ENCODING:
      return TransportError::network;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
      return TransportError::tls;
    default:
      return TransportError::other;
  }
}

}  // namespace

struct CurlTransport::Impl {
  TransportOptions options;
  CURLM* multi = nullptr;
  std::vector<std::unique_ptr<Slot>> slots;  // all slots ever made
  std::vector<Slot*> idle;

  Slot* acquire() {
    if (!idle.empty()) {
      Slot* s = idle.back();
      idle.pop_back();
      return s;
    }
    auto slot = std::make_unique<Slot>();
    slot->options = &options;
    CURL* e = curl_easy_init();
    if (!e) throw std::runtime_error("curl_easy_init failed");
    slot->easy = e;
    slot->parsed_url = curl_url();
    if (!slot->parsed_url) throw std::runtime_error("curl_url failed");
    curl_easy_setopt(e, CURLOPT_PRIVATE, slot.get());
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, slot.get());
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, slot.get());
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, slot.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, slot->error);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    // An empty proxy string disables the proxy environment variables.
    curl_easy_setopt(e, CURLOPT_PROXY, options.proxy ? options.proxy->c_str() : "");
    // Without a proxy there is nothing to bypass: an explicit empty list spares libcurl two
    // getenv("no_proxy"/"NO_PROXY") per transfer. With --proxy, NO_PROXY still applies.
    if (!options.proxy) curl_easy_setopt(e, CURLOPT_NOPROXY, "");
    if (options.ca_file) curl_easy_setopt(e, CURLOPT_CAINFO, options.ca_file->c_str());
    slots.push_back(std::move(slot));
    return slots.back().get();
  }

  void start(std::unique_ptr<Transfer> t, TimeMs now) {
    Slot* slot = acquire();
    CURL* e = slot->easy;
    slot->error[0] = '\0';
    t->started_at = now;
    auto& nodes = slot->header_nodes;
    nodes.resize(t->header_lines.size() + 1);
    for (std::size_t i = 0; i < t->header_lines.size(); ++i)
      nodes[i] = curl_slist{t->header_lines[i].data(), &nodes[i + 1]};
    nodes.back() = curl_slist{expect_none, nullptr};
    if (slot->url != t->url) {
      // The flags libcurl itself parses a CURLOPT_URL with. A URL it cannot parse goes as
      // CURLOPT_URL, so that the transfer fails with libcurl's own error, as it always did.
      if (curl_url_set(slot->parsed_url, CURLUPART_URL, t->url.c_str(),
                       CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK) {
        curl_easy_setopt(e, CURLOPT_CURLU, slot->parsed_url);
      } else {
        curl_easy_setopt(e, CURLOPT_CURLU, nullptr);
        curl_easy_setopt(e, CURLOPT_URL, t->url.c_str());
      }
      slot->url = t->url;
    }
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, nodes.data());
    const bool send_body = t->method != "GET" && !(t->method == "DELETE" && t->body.empty());
    if (send_body) {
      curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(t->body.size()));
      curl_easy_setopt(e, CURLOPT_POSTFIELDS, t->body.data());
    } else {
      curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    }
    curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST,
                     t->method == "GET" || t->method == "POST" ? nullptr : t->method.c_str());
    slot->t = std::move(t);
    curl_multi_add_handle(multi, e);
  }

  std::unique_ptr<Transfer> finish(CURL* e, CURLcode code) {
    Slot* slot = nullptr;
    curl_easy_getinfo(e, CURLINFO_PRIVATE, reinterpret_cast<char**>(&slot));
    curl_multi_remove_handle(multi, e);
    std::unique_ptr<Transfer> t = std::move(slot->t);
    long status = 0;
    curl_off_t total_us = 0;
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(e, CURLINFO_TOTAL_TIME_T, &total_us);
    t->outcome.http_status = static_cast<int>(status);
    t->duration_ms = static_cast<double>(total_us) / 1000.0;
    t->outcome.error = map_error(code, *t);
    if (t->outcome.error == TransportError::none && !t->headers_ended) {
      // libcurl 7.88 reports success when the connection closes in the middle of the response
      // headers; such a response was never complete.
      t->outcome.error = TransportError::network;
      t->error_message = "the connection closed before the end of the response headers";
    } else if (t->outcome.error != TransportError::none) {
      if (t->outcome.error == TransportError::blocked)
        t->error_message =
            "the peer address is not allowed (SSRF guard; see --allow-private / --allow)";
      else if (t->outcome.error == TransportError::response_too_large)
        t->error_message =
            "the response body exceeds " + std::to_string(options.max_response_bytes) + " bytes";
      else
        t->error_message = slot->error[0] ? slot->error : curl_easy_strerror(code);
    }
    idle.push_back(slot);
    return t;
  }
};

CurlTransport::CurlTransport(TransportOptions options) : impl_(std::make_unique<Impl>()) {
  static const bool global_init = [] {
    return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  }();
  if (!global_init) throw std::runtime_error("curl_global_init failed");
  impl_->options = std::move(options);
  impl_->multi = curl_multi_init();
  if (!impl_->multi) throw std::runtime_error("curl_multi_init failed");
  const long n = std::max(1, impl_->options.concurrency);
  curl_multi_setopt(impl_->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, n);
  curl_multi_setopt(impl_->multi, CURLMOPT_MAXCONNECTS, n);
  curl_multi_setopt(impl_->multi, CURLMOPT_PIPELINING, static_cast<long>(CURLPIPE_MULTIPLEX));
  queues_.multi_ = impl_->multi;
}

CurlTransport::~CurlTransport() {
  for (auto& s : impl_->slots) {
    if (s->t) curl_multi_remove_handle(impl_->multi, s->easy);
    curl_easy_cleanup(s->easy);
    curl_url_cleanup(s->parsed_url);
  }
  curl_multi_cleanup(impl_->multi);
}

void CurlTransport::finish() {
  finishing_.store(true);
  wakeup();
}

void CurlTransport::abandon() {
  abandoned_.store(true);
  wakeup();
}

void CurlTransport::wakeup() {
  curl_multi_wakeup(impl_->multi);
}

void CurlTransport::run(const Clock& clock) {
  Impl& im = *impl_;
  std::vector<std::unique_ptr<Transfer>> starting, completed;
  const int limit = std::max(1, im.options.concurrency);
  while (!abandoned_.load()) {
    const int free_slots = limit - in_flight_.load(std::memory_order_relaxed);
    bool more_ready = false;
    if (free_slots > 0) {
      std::lock_guard lock(queues_.mutex_);
      const auto n =
          std::min<std::size_t>(static_cast<std::size_t>(free_slots), queues_.ready_.size());
      for (std::size_t i = 0; i < n; ++i) {
        starting.push_back(std::move(queues_.ready_.front()));
        queues_.ready_.pop_front();
      }
    }
    if (!starting.empty()) {
      const TimeMs now = clock.now_ms();
      for (auto& t : starting) im.start(std::move(t), now);
      in_flight_.fetch_add(static_cast<int>(starting.size()), std::memory_order_relaxed);
      starting.clear();
    }
    int running = 0;
    curl_multi_perform(im.multi, &running);
    int queued = 0;
    while (CURLMsg* m = curl_multi_info_read(im.multi, &queued)) {
      if (m->msg != CURLMSG_DONE) continue;
      completed.push_back(im.finish(m->easy_handle, m->data.result));
    }
    if (!completed.empty())
      in_flight_.fetch_sub(static_cast<int>(completed.size()), std::memory_order_relaxed);
    const bool room = in_flight_.load(std::memory_order_relaxed) < limit;
    queues_.io_has_room_.store(room);
    queues_.io_sleeping_.store(true);
    bool wake_worker = false;
    {
      std::lock_guard lock(queues_.mutex_);
      if (!completed.empty()) {
        for (auto& t : completed) queues_.done_.push_back(std::move(t));
        wake_worker = queues_.worker_waiting_;
      }
      more_ready = !queues_.ready_.empty();
    }
    // The worker is told only when it sleeps; when it is busy it picks the batch up next.
    if (wake_worker) queues_.worker_cv_.notify_one();
    completed.clear();
    if (in_flight_.load(std::memory_order_relaxed) == 0 && !more_ready && finishing_.load()) break;
    if (more_ready && room) {
      queues_.io_sleeping_.store(false);
      continue;
    }
    curl_multi_poll(im.multi, nullptr, 0, 1000, nullptr);
    queues_.io_sleeping_.store(false);
  }
}

}  // namespace webhook
