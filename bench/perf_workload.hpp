// The shared perf kit's workloads (../shared/perf), loaded once per process for the Google
// Benchmark targets, so that they measure the same templates and records as the kit's drivers.
//
//   LIQUIDHOOK_PERF_DIR   the kit (default /work/shared/perf): templates in kit/templates/w1, w2
//   LIQUIDHOOK_PERF_DATA  generated data (default $LIQUIDHOOK_PERF_DIR/data): w1_customers.json,
//                         w2_page.json, as `node kit/gen_data.js DIR 10000` writes them
//
// A missing file ends the process with a message naming the path and the variable to set: a
// benchmark of nothing would print misleading figures.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "liquid/liquid.hpp"

namespace perf {

namespace fs = std::filesystem;

[[noreturn]] inline void fail(const std::string& message) {
  std::fprintf(stderr, "liquidhook_bench: %s\n", message.c_str());
  std::exit(1);
}

inline fs::path kit_dir() {
  const char* dir = std::getenv("LIQUIDHOOK_PERF_DIR");
  return dir && *dir ? fs::path(dir) : fs::path("/work/shared/perf");
}

inline fs::path data_dir() {
  const char* dir = std::getenv("LIQUIDHOOK_PERF_DATA");
  return dir && *dir ? fs::path(dir) : kit_dir() / "data";
}

inline std::string read_file(const fs::path& path, const char* variable) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    fail("cannot read " + path.string() + " (set " + variable +
         "; data/ is made by `node kit/gen_data.js DIR 10000` in a writable copy of the kit)");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The `.liquid` sources of kit/templates/<workload>, by name without the extension.
inline std::map<std::string, std::string> load_sources(const std::string& workload) {
  fs::path dir = kit_dir() / "kit" / "templates" / workload;
  std::map<std::string, std::string> sources;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".liquid")
      sources.emplace(entry.path().stem().string(), read_file(entry.path(), "LIQUIDHOOK_PERF_DIR"));
  if (ec || sources.empty())
    fail("no .liquid templates in " + dir.string() + " (set LIQUIDHOOK_PERF_DIR to the kit)");
  return sources;
}

struct W1 {
  std::map<std::string, std::string> sources;
  // {"customer": record, "account": account} per record, built as the kit's drivers build them.
  std::vector<liquid::Value> contexts;
  const std::string& source(const std::string& name) const {
    auto it = sources.find(name);
    if (it == sources.end()) fail("W1 has no template " + name);
    return it->second;
  }
};

inline const W1& w1() {
  static const W1 loaded = [] {
    W1 w;
    w.sources = load_sources("w1");
    liquid::Value doc =
        liquid::parse_json(read_file(data_dir() / "w1_customers.json", "LIQUIDHOOK_PERF_DATA"));
    const liquid::Value* account = doc.is_hash() ? doc.as_hash().find("account") : nullptr;
    const liquid::Value* customers = doc.is_hash() ? doc.as_hash().find("customers") : nullptr;
    if (!account || !customers || !customers->is_array() || customers->as_array().size() == 0)
      fail("w1_customers.json has no \"account\" and non-empty \"customers\" array");
    for (const liquid::Value& customer : customers->as_array())
      w.contexts.emplace_back(liquid::Hash{{"customer", customer}, {"account", *account}});
    return w;
  }();
  return loaded;
}

struct W2 {
  std::map<std::string, std::string> sources;  // page and its 5 partials
  liquid::Value assigns;
  const std::string& page() const { return sources.at("page"); }
};

inline const W2& w2() {
  static const W2 loaded = [] {
    W2 w;
    w.sources = load_sources("w2");
    if (!w.sources.count("page")) fail("W2 has no page.liquid");
    w.assigns = liquid::parse_json(read_file(data_dir() / "w2_page.json", "LIQUIDHOOK_PERF_DATA"));
    return w;
  }();
  return loaded;
}

}  // namespace perf
