// Scripted HTTP endpoints on 127.0.0.1 (cpp-httplib), raw-socket fault servers, and small file
// helpers for the webhook tests.
#pragma once

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace webhook::testing {

namespace fs = std::filesystem;

inline std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct Received {
  std::string method, path, body;
  std::multimap<std::string, std::string> headers;  // lower-cased names
  std::int64_t at_ms = 0;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// An HTTP server with the scripted endpoints of the sender's spec. Every request is recorded.
class ScriptedServer {
 public:
  explicit ScriptedServer(int threads = 96) {
    server_.new_task_queue = [threads] {
      return new httplib::ThreadPool(static_cast<size_t>(threads));
    };
    server_.set_keep_alive_max_count(100000);
    auto json = [](httplib::Response& res, int status, const std::string& body) {
      res.status = status;
      res.set_content(body, "application/json");
    };
    route("/ok", [json](const httplib::Request& req, httplib::Response& res) {
      json(res, 200, R"({"lead":{"id":"L-)" + req.get_param_value("n") + R"("},"amount":20})");
    });
    route("/created", [json](const httplib::Request&, httplib::Response& res) {
      json(res, 201, R"({"id":7})");
    });
    route("/nocontent", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
    route("/moved", [](const httplib::Request&, httplib::Response& res) {
      res.status = 301;
      res.set_header("Location", "/ok");
    });
    for (int code : {400, 404, 408, 409, 410, 500, 502, 503, 504})
      route("/s" + std::to_string(code),
            [code, json](const httplib::Request&, httplib::Response& res) {
              json(res, code, R"({"error":true})");
            });
    route("/s429", [json](const httplib::Request&, httplib::Response& res) {
      res.set_header("Retry-After", "1");
      json(res, 429, R"({"error":"slow down"})");
    });
    route("/slow", [json](const httplib::Request&, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
      json(res, 200, "{}");
    });
    route("/big", [](const httplib::Request&, httplib::Response& res) {
      res.status = 200;
      res.set_content(std::string(5000, 'x'), "text/plain");
    });
    route("/badjson", [json](const httplib::Request&, httplib::Response& res) {
      json(res, 200, R"({"lead": )");
    });
    route("/flaky", [this, json](const httplib::Request& req, httplib::Response& res) {
      int seen;
      {
        std::lock_guard lock(mutex_);
        seen = ++flaky_[req.get_header_value("webhook-id")];
      }
      if (seen <= 2)
        json(res, 503, R"({"error":"try later"})");
      else
        json(res, 200, R"({"lead":{"id":"F-1"}})");
    });
    route("/latency", [this, json](const httplib::Request&, httplib::Response& res) {
      const int now_in = ++concurrent_;
      int seen = max_concurrent_.load();
      while (now_in > seen && !max_concurrent_.compare_exchange_weak(seen, now_in)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      --concurrent_;
      json(res, 200, R"({"ok":true})");
    });
    // cpp-httplib listens with a backlog of 5; connections beyond it wait for a SYN
    // retransmission (1 s). Widen it on the same socket once it is listening.
    server_.set_socket_options([this](socket_t sock) {
      listen_fd_ = sock;
      httplib::default_socket_options(sock);
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    ::listen(listen_fd_, 1024);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~ScriptedServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  int max_concurrent() const { return max_concurrent_.load(); }
  std::string url(const std::string& path = "") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  std::vector<Received> received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }
  std::vector<Received> received_on(const std::string& path) const {
    std::vector<Received> out;
    for (auto& r : received())
      if (r.path == path) out.push_back(r);
    return out;
  }

 private:
  void route(const std::string& path,
             std::function<void(const httplib::Request&, httplib::Response&)> handler) {
    auto recorded = [this, handler](const httplib::Request& req, httplib::Response& res) {
      Received r;
      r.method = req.method;
      r.path = req.path;
      r.body = req.body;
      r.at_ms = now_ms();
      for (const auto& [k, v] : req.headers) {
        std::string name = k;
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        r.headers.emplace(name, v);
      }
      {
        std::lock_guard lock(mutex_);
        received_.push_back(std::move(r));
      }
      handler(req, res);
    };
    for (auto method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
      if (std::string(method) == "GET") server_.Get(path, recorded);
      if (std::string(method) == "POST") server_.Post(path, recorded);
      if (std::string(method) == "PUT") server_.Put(path, recorded);
      if (std::string(method) == "PATCH") server_.Patch(path, recorded);
      if (std::string(method) == "DELETE") server_.Delete(path, recorded);
    }
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  int listen_fd_ = -1;
  mutable std::mutex mutex_;
  std::vector<Received> received_;
  std::map<std::string, int> flaky_;
  std::atomic<int> concurrent_{0}, max_concurrent_{0};
};

// A TCP server that misbehaves below HTTP: each connection reads the request head and then
// does `behaviour` with the socket.
class FaultServer {
 public:
  enum class Mode { reset_mid_body, close_mid_headers, endless_chunked, one_byte_per_second };
  explicit FaultServer(Mode mode) : mode_(mode) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 64);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { loop(); });
  }
  ~FaultServer() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
    for (auto& t : workers_) t.join();
  }
  int port() const { return port_; }
  int connections() const { return connections_.load(); }

 private:
  void loop() {
    while (!stop_) {
      const int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (c < 0) return;
      ++connections_;
      workers_.emplace_back([this, c] { serve(c); });
    }
  }
  void send_all(int c, std::string_view s) {
    while (!s.empty()) {
      const ssize_t n = ::send(c, s.data(), s.size(), MSG_NOSIGNAL);
      if (n <= 0) return;
      s.remove_prefix(static_cast<size_t>(n));
    }
  }
  void serve(int c) {
    std::string head;
    char buf[4096];
    while (head.find("\r\n\r\n") == std::string::npos) {
      const ssize_t n = ::recv(c, buf, sizeof buf, 0);
      if (n <= 0) break;
      head.append(buf, static_cast<size_t>(n));
    }
    switch (mode_) {
      case Mode::reset_mid_body: {
        send_all(c,
                 "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                 "100\r\n\r\n{\"partial\":");
        linger lg{1, 0};  // close with RST
        ::setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
        break;
      }
      case Mode::close_mid_headers:
        send_all(c, "HTTP/1.1 200 OK\r\nContent-Ty");
        break;
      case Mode::endless_chunked: {
        send_all(
            c, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
        const std::string chunk = "1000\r\n" + std::string(4096, 'z') + "\r\n";
        for (int i = 0; i < 100000 && !stop_; ++i) {
          const ssize_t n = ::send(c, chunk.data(), chunk.size(), MSG_NOSIGNAL);
          if (n <= 0) break;
        }
        break;
      }
      case Mode::one_byte_per_second: {
        const std::string resp = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
        for (char ch : resp) {
          if (stop_ || ::send(c, &ch, 1, MSG_NOSIGNAL) <= 0) break;
          for (int i = 0; i < 10 && !stop_; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        break;
      }
    }
    ::close(c);
  }

  Mode mode_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> connections_{0};
  std::thread thread_;
  std::vector<std::thread> workers_;
};

// A port with nothing listening on it.
inline int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "webhook-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  fs::path write(const std::string& name, const std::string& content) const {
    std::ofstream(path_ / name, std::ios::binary) << content;
    return path_ / name;
  }

 private:
  fs::path path_;
};

inline std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::vector<boost::json::object> read_jsonl(const fs::path& p) {
  std::vector<boost::json::object> out;
  std::istringstream in(read_file(p));
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(boost::json::parse(line).as_object());
  return out;
}

}  // namespace webhook::testing
