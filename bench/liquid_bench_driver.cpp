// liquidhook's driver for the shared Liquid benchmark kit (../shared/perf, README "Adding an
// engine"): the same options, phases, JSON Lines and `--dump` files as the kit's Ruby Liquid and
// LiquidJS drivers, so that
//
//   kit/run.sh --engine liquidhook=/path/to/build/bench/liquid_bench_driver
//
// times this engine beside Ruby Liquid, liquid-c, LiquidJS and the hand-written C++ ceiling, and
// checks its output against Ruby's byte for byte.
//
// Phases, as the kit defines them:
//   W1 parse         one op = parse one template source; time-based, batches of 20
//   W1 render        one op = render the parsed template for one record; one rep = all records
//   W1 parse+render  one op = parse the source, then render one record; first --pr-records records
//   W2 parse         one op = parse the 6 W2 sources; time-based, batches of 5
//   W2 render        the parsed page; partials from a PartialCache an untimed render fills first
//   W2 parse+render  parse the page and render it with a fresh cache (partials parsed on first use)
// Render contexts are built from the data files before timing. Renders append into one reused
// std::string (Template::render_to), as a sender rendering body after body would.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liquid/liquid.hpp"

#ifndef LIQUIDHOOK_VERSION
#define LIQUIDHOOK_VERSION "unknown"
#endif
#ifndef LIQUIDHOOK_BUILD_FLAGS
#define LIQUIDHOOK_BUILD_FLAGS "unknown"
#endif

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kEngine = "liquidhook";

struct Options {
  std::string kit = "kit";
  std::string data = "data";
  std::vector<std::string> workloads{"w1", "w2"};
  std::vector<std::string> phases{"parse", "render", "parse+render"};
  int reps = 5;
  int warmup = 1;
  double min_time = 0.5;
  std::optional<std::size_t> records;
  std::size_t pr_records = 2000;
  std::optional<std::vector<std::string>> templates;
  std::optional<std::string> dump;
};

class UsageError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    std::size_t comma = s.find(',');
    std::string_view item = s.substr(0, comma);
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

long long parse_count(const std::string& option, const std::string& text, long long min) {
  std::size_t used = 0;
  long long v = 0;
  try {
    v = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || v < min)
    throw UsageError(option + " needs an integer >= " + std::to_string(min) + ", not '" + text +
                     "'");
  return v;
}

double parse_seconds(const std::string& option, const std::string& text) {
  std::size_t used = 0;
  double v = -1;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || !(v >= 0))
    throw UsageError(option + " needs a number of seconds >= 0, not '" + text + "'");
  return v;
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw UsageError(a + " needs a value");
      return argv[++i];
    };
    if (a == "--kit")
      o.kit = value();
    else if (a == "--data")
      o.data = value();
    else if (a == "--workload")
      o.workloads = split_list(value());
    else if (a == "--phases")
      o.phases = split_list(value());
    else if (a == "--reps")
      o.reps = static_cast<int>(parse_count(a, value(), 1));
    else if (a == "--warmup")
      o.warmup = static_cast<int>(parse_count(a, value(), 0));
    else if (a == "--min-time")
      o.min_time = parse_seconds(a, value());
    else if (a == "--records")
      o.records = static_cast<std::size_t>(parse_count(a, value(), 0));
    else if (a == "--pr-records")
      o.pr_records = static_cast<std::size_t>(parse_count(a, value(), 1));
    else if (a == "--templates")
      o.templates = split_list(value());
    else if (a == "--dump")
      o.dump = value();
    else
      throw UsageError("unknown option " + a);
  }
  for (const auto& w : o.workloads)
    if (w != "w1" && w != "w2") throw UsageError("unknown workload '" + w + "' (w1, w2)");
  for (const auto& p : o.phases)
    if (p != "parse" && p != "render" && p != "parse+render" && p != "none")
      throw UsageError("unknown phase '" + p + "' (parse, render, parse+render, none)");
  return o;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// ---- JSON Lines -----------------------------------------------------------------------------

// One output object, built field by field in the order the other drivers print them.
class JsonLine {
 public:
  JsonLine& str(std::string_view key, std::string_view v) {
    begin(key);
    liquid::append_json_string(text_, v);
    return *this;
  }
  JsonLine& num(std::string_view key, double v, int decimals) {
    begin(key);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    text_ += buf;
    return *this;
  }
  JsonLine& integer(std::string_view key, long long v) {
    begin(key);
    text_ += std::to_string(v);
    return *this;
  }
  JsonLine& null(std::string_view key) {
    begin(key);
    text_ += "null";
    return *this;
  }
  void emit() {
    text_ += "}\n";
    std::fwrite(text_.data(), 1, text_.size(), stdout);
    std::fflush(stdout);
  }

 private:
  void begin(std::string_view key) {
    text_ += text_.size() == 1 ? "" : ",";
    liquid::append_json_string(text_, key);
    text_ += ':';
  }
  std::string text_ = "{";
};

// What one measurement is about: written at the start of its sample and summary lines.
struct Measurement {
  std::string workload;
  std::string template_name;
  std::string phase;
  std::optional<std::size_t> in_bytes;
  std::optional<std::size_t> files;

  JsonLine line(std::string_view type) const {
    JsonLine l;
    l.str("engine", kEngine).str("workload", workload).str("template", template_name);
    l.str("phase", phase);
    if (in_bytes) l.integer("in_bytes", static_cast<long long>(*in_bytes));
    if (files) l.integer("files", static_cast<long long>(*files));
    l.str("type", type);
    return l;
  }
};

struct Work {
  std::size_t iterations = 0;
  std::size_t out_bytes = 0;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

double round_to(double v, int decimals) {
  double scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  return static_cast<double>(static_cast<long long>(v * scale + 0.5)) / scale;
}

// `warmup` untimed and `reps` timed repetitions of `run`; a sample line per timed repetition,
// then a summary line.
void measure(const Options& o, const Measurement& m, const std::function<Work()>& run) {
  for (int i = 0; i < o.warmup; ++i) run();
  std::vector<double> ops, mbs, secs;
  Work first;
  for (int k = 0; k < o.reps; ++k) {
    auto t0 = Clock::now();
    Work w = run();
    double dt = std::chrono::duration<double>(Clock::now() - t0).count();
    if (k == 0) first = w;
    double op_rate = round_to(static_cast<double>(w.iterations) / dt, 2);
    double mb_rate = round_to(static_cast<double>(w.out_bytes) / dt / 1e6, 3);
    m.line("sample")
        .integer("rep", k + 1)
        .integer("iterations", static_cast<long long>(w.iterations))
        .num("seconds", dt, 6)
        .num("ops_per_s", op_rate, 2)
        .integer("out_bytes", static_cast<long long>(w.out_bytes))
        .num("mb_per_s", mb_rate, 3)
        .emit();
    ops.push_back(op_rate);
    mbs.push_back(mb_rate);
    secs.push_back(dt);
  }
  m.line("summary")
      .integer("reps", o.reps)
      .integer("iterations", static_cast<long long>(first.iterations))
      .integer("out_bytes", static_cast<long long>(first.out_bytes))
      .num("seconds_median", median(secs), 6)
      .num("ops_per_s_median", median(ops), 2)
      .num("ops_per_s_min", *std::min_element(ops.begin(), ops.end()), 2)
      .num("ops_per_s_max", *std::max_element(ops.begin(), ops.end()), 2)
      .num("mb_per_s_median", median(mbs), 3)
      .emit();
}

// Runs `op` (which returns the bytes it wrote) in batches until `min_time` has elapsed.
Work timed_loop(double min_time, std::size_t batch, const std::function<std::size_t()>& op) {
  Work w;
  auto t0 = Clock::now();
  for (;;) {
    for (std::size_t i = 0; i < batch; ++i) w.out_bytes += op();
    w.iterations += batch;
    if (std::chrono::duration<double>(Clock::now() - t0).count() >= min_time) break;
  }
  return w;
}

// ---- workloads ------------------------------------------------------------------------------

// The `.liquid` files of a folder, by name (without the extension), sorted.
std::map<std::string, std::string> load_sources(const fs::path& dir) {
  std::map<std::string, std::string> sources;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".liquid")
      sources.emplace(entry.path().stem().string(), read_file(entry.path()));
  if (ec) throw std::runtime_error("cannot list " + dir.string() + ": " + ec.message());
  if (sources.empty()) throw std::runtime_error("no .liquid templates in " + dir.string());
  return sources;
}

void run_w1(const Options& o) {
  liquid::Value doc = liquid::parse_json(read_file(fs::path(o.data) / "w1_customers.json"));
  const liquid::Value* account = doc.is_hash() ? doc.as_hash().find("account") : nullptr;
  const liquid::Value* customers = doc.is_hash() ? doc.as_hash().find("customers") : nullptr;
  if (!account || !customers || !customers->is_array())
    throw std::runtime_error("w1_customers.json has no \"account\" and \"customers\" array");
  std::size_t n = customers->as_array().size();
  if (o.records) n = std::min(n, *o.records);
  // Render contexts are built before timing: only the engine is measured.
  std::vector<liquid::Value> contexts;
  contexts.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    contexts.emplace_back(
        liquid::Hash{{"customer", customers->as_array()[i]}, {"account", *account}});

  auto sources = load_sources(fs::path(o.kit) / "templates" / "w1");
  const liquid::RenderOptions render_options;
  std::string out;
  for (const auto& [name, src] : sources) {
    if (o.templates && !contains(*o.templates, name)) continue;
    auto render_all = [&](const liquid::Template& t, std::size_t count) {
      Work w;
      for (std::size_t i = 0; i < count; ++i) {
        out.clear();
        t.render_to(out, contexts[i], render_options);
        w.out_bytes += out.size();
      }
      w.iterations = count;
      return w;
    };
    if (o.dump) {
      liquid::Template t = liquid::Template::parse(src);
      std::string all;
      for (const auto& ctx : contexts) t.render_to(all, ctx, render_options);
      write_file(fs::path(*o.dump) / ("w1_" + name + ".out"), all);
      std::cerr << kEngine << ": dumped w1/" << name << "\n";
    }
    if (contains(o.phases, "parse")) {
      measure(o, {"w1", name, "parse", src.size(), std::nullopt}, [&] {
        return timed_loop(o.min_time, 20, [&] {
          liquid::Template::parse(src);
          return std::size_t{0};
        });
      });
    }
    if (contains(o.phases, "render")) {
      liquid::Template t = liquid::Template::parse(src);
      measure(o, {"w1", name, "render", std::nullopt, std::nullopt},
              [&] { return render_all(t, contexts.size()); });
    }
    if (contains(o.phases, "parse+render")) {
      std::size_t count = std::min(o.pr_records, contexts.size());
      measure(o, {"w1", name, "parse+render", std::nullopt, std::nullopt}, [&] {
        Work w;
        for (std::size_t i = 0; i < count; ++i) {
          out.clear();
          liquid::Template::parse(src).render_to(out, contexts[i], render_options);
          w.out_bytes += out.size();
        }
        w.iterations = count;
        return w;
      });
    }
  }
}

void run_w2(const Options& o) {
  liquid::Value assigns = liquid::parse_json(read_file(fs::path(o.data) / "w2_page.json"));
  auto sources = load_sources(fs::path(o.kit) / "templates" / "w2");
  auto page = sources.find("page");
  if (page == sources.end()) throw std::runtime_error("W2 has no page.liquid");
  const std::string& page_src = page->second;
  liquid::MemoryLoader loader({sources.begin(), sources.end()});
  liquid::RenderOptions fresh_cache;  // no shared cache: partials are parsed on first use
  fresh_cache.partials = &loader;

  std::string out;
  if (o.dump) {
    out.clear();
    liquid::Template::parse(page_src).render_to(out, assigns, fresh_cache);
    write_file(fs::path(*o.dump) / "w2_page.out", out);
    std::cerr << kEngine << ": dumped w2/page\n";
  }
  if (contains(o.phases, "parse")) {
    std::size_t in_bytes = 0;
    for (const auto& [name, src] : sources) in_bytes += src.size();
    measure(o, {"w2", "page", "parse", in_bytes, sources.size()}, [&] {
      return timed_loop(o.min_time, 5, [&] {
        for (const auto& [name, src] : sources) liquid::Template::parse(src);
        return std::size_t{0};
      });
    });
  }
  if (contains(o.phases, "render")) {
    liquid::PartialCache cache;
    liquid::RenderOptions cached = fresh_cache;
    cached.cache = &cache;
    liquid::Template t = liquid::Template::parse(page_src);
    out.clear();
    t.render_to(out, assigns, cached);  // fills the partial cache
    measure(o, {"w2", "page", "render", std::nullopt, std::nullopt}, [&] {
      return timed_loop(o.min_time, 1, [&] {
        out.clear();
        t.render_to(out, assigns, cached);
        return out.size();
      });
    });
  }
  if (contains(o.phases, "parse+render")) {
    measure(o, {"w2", "page", "parse+render", std::nullopt, std::nullopt}, [&] {
      return timed_loop(o.min_time, 1, [&] {
        out.clear();
        liquid::Template::parse(page_src).render_to(out, assigns, fresh_cache);
        return out.size();
      });
    });
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  try {
    o = parse_options(argc, argv);
  } catch (const UsageError& e) {
    std::cerr << "liquid_bench_driver: " << e.what() << "\n";
    return 2;
  }
  const char* tz = std::getenv("TZ");
  JsonLine meta;
  meta.str("type", "meta").str("engine", kEngine).str("liquidhook", LIQUIDHOOK_VERSION);
  meta.str("compiler", __VERSION__).str("build", LIQUIDHOOK_BUILD_FLAGS);
  if (tz)
    meta.str("tz", tz);
  else
    meta.null("tz");
  meta.integer("pid", static_cast<long long>(getpid())).emit();
  try {
    if (o.dump) fs::create_directories(*o.dump);
    if (contains(o.workloads, "w1")) run_w1(o);
    if (contains(o.workloads, "w2")) run_w2(o);
  } catch (const liquid::Error& e) {
    std::cerr << "liquid_bench_driver: " << e.diagnostic().format() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "liquid_bench_driver: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
