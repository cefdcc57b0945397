// Runs every case of the golden-liquid conformance suite, as its README specifies:
//   - the error mode comes from the tags (strict, strict2, otherwise lax);
//   - a valid case renders with Ruby's `render` (errors inline) and must produce `result` or one
//     of `results`;
//   - an `invalid` case must raise at parse or render time (`render!`);
//   - `templates` are partials looked up by name exactly as written.
// Failures are compared with an expected-failures file (one `name -- reason` per line): an
// unlisted failure fails the test, and so does a listed case that now passes, so the list can
// only shrink. Exit 77 (a skip, loudly) when the suite file is absent.
#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "liquid/liquid.hpp"

namespace {

struct Options {
  std::string suite;
  std::string expected_failures;
  std::string filter;
  bool verbose = false;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

struct Outcome {
  bool pass = false;
  std::string detail;
};

Outcome run_case(const boost::json::object& t) {
  std::string tmpl_source(t.at("template").as_string());
  liquid::ErrorMode mode = liquid::ErrorMode::lax;
  if (auto* tags = t.if_contains("tags")) {
    for (const auto& tag : tags->as_array()) {
      if (tag.as_string() == "strict") mode = liquid::ErrorMode::strict;
      if (tag.as_string() == "strict2") mode = liquid::ErrorMode::strict2;
    }
  }
  liquid::Value data;
  if (auto* d = t.if_contains("data"); d && !d->is_null()) data = liquid::from_json(*d);
  liquid::MemoryLoader loader;
  if (auto* tps = t.if_contains("templates"); tps && tps->is_object())
    for (const auto& kv : tps->as_object()) loader.add(std::string(kv.key()), std::string(kv.value().as_string()));
  liquid::RenderOptions ro;
  ro.partials = &loader;
  bool invalid = t.if_contains("invalid") && t.at("invalid").as_bool();
  ro.inline_errors = !invalid;
  liquid::ParseOptions po;
  po.mode = mode;
  try {
    auto tmpl = liquid::Template::parse(tmpl_source, po);
    auto r = tmpl.render_collect(data, ro);
    if (invalid) return {false, "missing error; rendered: " + escape(r.output)};
    std::vector<std::string> expected;
    if (auto* res = t.if_contains("result")) expected.emplace_back(res->as_string());
    if (auto* res = t.if_contains("results"))
      for (const auto& e : res->as_array()) expected.emplace_back(e.as_string());
    for (const auto& e : expected)
      if (e == r.output) return {true, {}};
    std::string detail = "got \"" + escape(r.output) + "\", want \"" + (expected.empty() ? "" : escape(expected[0])) + "\"";
    for (const auto& d : r.errors) detail += " [" + d.id + ": " + d.message + "]";
    return {false, detail};
  } catch (const liquid::Error& e) {
    if (invalid) return {true, {}};
    return {false, "unexpected error: " + std::string(e.diagnostic().id) + ": " + e.diagnostic().message};
  } catch (const std::exception& e) {
    return {false, std::string("exception: ") + e.what()};
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--suite") opt.suite = value();
    else if (a == "--expected-failures") opt.expected_failures = value();
    else if (a == "--filter") opt.filter = value();
    else if (a == "--verbose" || a == "-v") opt.verbose = true;
    else {
      std::cerr << "usage: golden_tests --suite golden_liquid.json [--expected-failures FILE] [--filter PREFIX] [-v]\n";
      return 2;
    }
  }
  std::ifstream probe(opt.suite);
  if (opt.suite.empty() || !probe) {
    std::cerr << "\n*** SKIPPED: golden-liquid suite not found at '" << opt.suite
              << "'.\n*** Set -DLIQUIDHOOK_GOLDEN_JSON=/path/to/golden_liquid.json to run the conformance test.\n\n";
    return 77;
  }
  boost::json::value suite = boost::json::parse(read_file(opt.suite));
  std::map<std::string, std::string> expected_failures;
  if (!opt.expected_failures.empty()) {
    std::istringstream lines(read_file(opt.expected_failures));
    std::string line;
    while (std::getline(lines, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto sep = line.find(" -- ");
      std::string name = sep == std::string::npos ? line : line.substr(0, sep);
      expected_failures[name] = sep == std::string::npos ? "" : line.substr(sep + 4);
    }
  }
  int total = 0, passed = 0, unexpected = 0, fixed = 0, known = 0;
  std::set<std::string> seen;
  for (const auto& tv : suite.at("tests").as_array()) {
    const auto& t = tv.as_object();
    std::string name(t.at("name").as_string());
    if (!opt.filter.empty() && name.rfind(opt.filter, 0) != 0) continue;
    seen.insert(name);
    ++total;
    Outcome o = run_case(t);
    bool listed = expected_failures.count(name) > 0;
    if (o.pass) {
      ++passed;
      if (listed) {
        ++fixed;
        std::cout << "FIXED (remove from expected failures): " << name << "\n";
      }
    } else if (listed) {
      ++known;
      if (opt.verbose) std::cout << "known failure: " << name << ": " << o.detail << "\n";
    } else {
      ++unexpected;
      std::cout << "FAIL: " << name << "\n      template: \"" << escape(std::string(t.at("template").as_string()))
                << "\"\n      " << o.detail << "\n";
    }
  }
  for (const auto& [name, reason] : expected_failures)
    if (!seen.count(name) && opt.filter.empty()) std::cout << "listed case not in the suite: " << name << "\n";
  std::cout << "golden-liquid: " << passed << "/" << total << " passed, " << known << " known failures, "
            << unexpected << " unexpected failures, " << fixed << " fixed\n";
  return (unexpected == 0 && fixed == 0) ? 0 : 1;
}
