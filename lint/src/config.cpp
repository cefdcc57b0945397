#include "lint/config.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "liquid/json.hpp"

namespace lint {

namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& file, const std::string& field, const std::string& what) {
  std::string where = file.empty() ? "config" : file.string();
  if (!field.empty()) where += ": " + field;
  throw ConfigError(where + ": " + what);
}

const json::array& as_array(const json::value& v, const fs::path& file, const std::string& field) {
  if (!v.is_array()) fail(file, field, "expected an array");
  return v.get_array();
}

const json::object& as_object(const json::value& v, const fs::path& file,
                              const std::string& field) {
  if (!v.is_object()) fail(file, field, "expected an object");
  return v.get_object();
}

std::string as_string(const json::value& v, const fs::path& file, const std::string& field) {
  if (!v.is_string()) fail(file, field, "expected a string");
  return std::string(v.get_string());
}

std::uint64_t as_count(const json::value& v, const fs::path& file, const std::string& field) {
  if (v.is_int64() && v.get_int64() >= 0) return static_cast<std::uint64_t>(v.get_int64());
  if (v.is_uint64()) return v.get_uint64();
  fail(file, field, "expected a non-negative integer");
}

std::vector<std::string> string_list(const json::value& v, const fs::path& file,
                                     const std::string& field) {
  std::vector<std::string> out;
  for (std::size_t i = 0; const auto& item : as_array(v, file, field))
    out.push_back(as_string(item, file, field + "[" + std::to_string(i++) + "]"));
  return out;
}

RuleSetting parse_setting(const json::value& v, const fs::path& file, const std::string& field) {
  if (v.is_bool()) return RuleSetting{v.get_bool(), std::nullopt};
  const std::string s = as_string(v, file, field);
  if (s == "off") return RuleSetting{false, std::nullopt};
  if (s == "on") return RuleSetting{true, std::nullopt};
  if (auto sev = parse_severity(s)) return RuleSetting{true, sev};
  fail(file, field, "expected \"off\", \"on\", \"error\", \"warning\" or \"note\", not \"" + s + "\"");
}

std::map<std::string, RuleSetting, std::less<>> parse_rules(const json::value& v,
                                                            const fs::path& file,
                                                            const std::string& field) {
  std::map<std::string, RuleSetting, std::less<>> out;
  for (const auto& kv : as_object(v, file, field)) {
    const std::string id(kv.key());
    out[id] = parse_setting(kv.value(), file, field + "." + id);
  }
  return out;
}

void check_keys(const json::object& obj, std::initializer_list<std::string_view> known,
                const fs::path& file, const std::string& field) {
  for (const auto& kv : obj) {
    bool ok = false;
    for (auto k : known) ok = ok || kv.key() == k;
    if (!ok) {
      std::string list;
      for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      fail(file, field.empty() ? std::string(kv.key()) : field + "." + std::string(kv.key()),
           "unknown setting (known: " + list + ")");
    }
  }
}

// A path relative to `base`, with `/` separators, for glob matching.
std::string relative_key(const fs::path& path, const fs::path& base) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(path, ec), ec);
  fs::path root = base.empty() ? fs::current_path(ec) : fs::weakly_canonical(fs::absolute(base, ec), ec);
  fs::path rel = abs.lexically_relative(root);
  if (rel.empty()) rel = abs;
  return rel.generic_string();
}

}  // namespace

liquid::Limits Config::default_limits() {
  liquid::Limits l;
  l.max_output_bytes = std::size_t{1} << 20;  // a webhook body larger than 1 MiB is a mistake
  l.max_steps = 1'000'000;
  l.max_depth = 100;
  l.max_time = std::chrono::milliseconds(2000);
  return l;
}

std::string Config::path_key(const fs::path& path) const { return relative_key(path, base_dir); }

RuleSetting Config::setting(std::string_view rule, std::string_view key) const {
  RuleSetting s;
  if (auto it = rules.find(rule); it != rules.end()) s = it->second;
  for (const auto& o : overrides) {
    auto it = o.rules.find(rule);
    if (it == o.rules.end()) continue;
    for (const auto& g : o.globs)
      if (glob_match(g, key)) {
        s = it->second;
        break;
      }
  }
  return s;
}

std::string Config::content_type_for(std::string_view key) const {
  for (const auto& [glob, type] : content_types)
    if (glob_match(glob, key)) return type;
  return "";
}

Config parse_config(std::string_view text, const fs::path& file) {
  Config c;
  c.file = file;
  c.base_dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  boost::system::error_code ec;
  json::value root = json::parse(text, ec);
  if (ec) fail(file, "", "not valid JSON: " + ec.message());
  const json::object& obj = as_object(root, file, "(top level)");
  check_keys(obj,
             {"rules", "overrides", "dialect", "schema", "content_types", "fixtures",
              "max_fixture_records", "limits"},
             file, "");
  if (auto* v = obj.if_contains("rules")) c.rules = parse_rules(*v, file, "rules");
  if (auto* v = obj.if_contains("overrides")) {
    for (std::size_t i = 0; const auto& item : as_array(*v, file, "overrides")) {
      const std::string field = "overrides[" + std::to_string(i++) + "]";
      const json::object& o = as_object(item, file, field);
      check_keys(o, {"files", "rules"}, file, field);
      PathOverride po;
      if (auto* f = o.if_contains("files")) po.globs = string_list(*f, file, field + ".files");
      if (po.globs.empty()) fail(file, field + ".files", "needs at least one glob");
      if (auto* r = o.if_contains("rules")) po.rules = parse_rules(*r, file, field + ".rules");
      c.overrides.push_back(std::move(po));
    }
  }
  if (auto* v = obj.if_contains("dialect")) {
    const json::object& d = as_object(*v, file, "dialect");
    check_keys(d, {"filters", "extra_filters", "extra_tags"}, file, "dialect");
    if (auto* f = d.if_contains("filters")) {
      const std::string s = as_string(*f, file, "dialect.filters");
      if (s != "webhook" && s != "standard")
        fail(file, "dialect.filters", "expected \"webhook\" or \"standard\", not \"" + s + "\"");
      c.webhook_filters = s == "webhook";
    }
    if (auto* f = d.if_contains("extra_filters"))
      c.extra_filters = string_list(*f, file, "dialect.extra_filters");
    if (auto* t = d.if_contains("extra_tags")) {
      for (std::size_t i = 0; const auto& item : as_array(*t, file, "dialect.extra_tags")) {
        const std::string field = "dialect.extra_tags[" + std::to_string(i++) + "]";
        ExtraTag tag;
        if (item.is_string()) {
          tag.name = std::string(item.get_string());
        } else {
          const json::object& o = as_object(item, file, field);
          check_keys(o, {"name", "block"}, file, field);
          if (auto* n = o.if_contains("name")) tag.name = as_string(*n, file, field + ".name");
          if (auto* b = o.if_contains("block")) {
            if (!b->is_bool()) fail(file, field + ".block", "expected true or false");
            tag.block = b->get_bool();
          }
        }
        if (tag.name.empty()) fail(file, field, "a tag needs a name");
        c.extra_tags.push_back(std::move(tag));
      }
    }
  }
  if (auto* v = obj.if_contains("schema")) {
    c.schema = string_list(*v, file, "schema");
    for (const auto& p : *c.schema)
      if (p.empty() || p.front() == '.' || p.back() == '.' || p.find("..") != std::string::npos)
        fail(file, "schema", "'" + p + "' is not a variable path (like customer.email or event.*)");
  }
  if (auto* v = obj.if_contains("content_types"))
    for (const auto& kv : as_object(*v, file, "content_types"))
      c.content_types.emplace_back(
          std::string(kv.key()),
          as_string(kv.value(), file, "content_types." + std::string(kv.key())));
  if (auto* v = obj.if_contains("fixtures"))
    for (const auto& p : string_list(*v, file, "fixtures")) {
      fs::path fp(p);
      c.fixture_files.push_back(fp.is_relative() ? (c.base_dir / fp).lexically_normal() : fp);
    }
  if (auto* v = obj.if_contains("max_fixture_records"))
    c.max_fixture_records = static_cast<std::size_t>(as_count(*v, file, "max_fixture_records"));
  if (auto* v = obj.if_contains("limits")) {
    const json::object& l = as_object(*v, file, "limits");
    check_keys(l, {"max_output_bytes", "max_steps", "max_time_ms"}, file, "limits");
    if (auto* x = l.if_contains("max_output_bytes"))
      c.limits.max_output_bytes = static_cast<std::size_t>(as_count(*x, file, "limits.max_output_bytes"));
    if (auto* x = l.if_contains("max_steps")) c.limits.max_steps = as_count(*x, file, "limits.max_steps");
    if (auto* x = l.if_contains("max_time_ms"))
      c.limits.max_time = std::chrono::milliseconds(as_count(*x, file, "limits.max_time_ms"));
  }
  return c;
}

Config load_config(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file.string() + ": cannot read the config file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw ConfigError(file.string() + ": cannot read the config file");
  return parse_config(ss.str(), file);
}

std::optional<fs::path> find_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  while (true) {
    fs::path candidate = dir / ".liquid-lint.json";
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

std::vector<FixtureRecord> load_fixtures(const std::vector<fs::path>& files,
                                         std::size_t max_records) {
  std::vector<FixtureRecord> out;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ConfigError(file.string() + ": cannot read the fixture file");
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const std::string name = file.filename().string();
    auto add = [&](std::string_view record_text, std::size_t line, bool lines) {
      liquid::Value v;
      try {
        v = liquid::parse_json(record_text);
      } catch (const std::exception& e) {
        throw ConfigError(file.string() + (lines ? ":" + std::to_string(line) : std::string()) +
                          ": fixture is not valid JSON: " + e.what());
      }
      if (!v.is_hash())
        throw ConfigError(file.string() + (lines ? ":" + std::to_string(line) : std::string()) +
                          ": a fixture record must be a JSON object (the template's variables)");
      if (out.size() < max_records)
        out.push_back({lines ? name + ":" + std::to_string(line) : name, std::move(v)});
    };
    const bool lines = file.extension() == ".jsonl" || file.extension() == ".ndjson";
    if (!lines) {
      add(text, 1, false);
      continue;
    }
    std::size_t line = 0, pos = 0;
    while (pos <= text.size()) {
      std::size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      ++line;
      std::string_view l(text.data() + pos, nl - pos);
      if (l.find_first_not_of(" \t\r") != std::string_view::npos) add(l, line, true);
      pos = nl + 1;
    }
  }
  return out;
}

namespace {

bool match_segment(std::string_view g, std::string_view s) {
  // `*` and `?` within one segment; iterative with one backtrack point.
  std::size_t gi = 0, si = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (gi < g.size() && (g[gi] == '?' || g[gi] == s[si])) {
      ++gi, ++si;
    } else if (gi < g.size() && g[gi] == '*') {
      star = gi++;
      mark = si;
    } else if (star != std::string_view::npos) {
      gi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (gi < g.size() && g[gi] == '*') ++gi;
  return gi == g.size();
}

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (true) {
    std::size_t slash = s.find('/', pos);
    std::string_view seg = s.substr(pos, slash == std::string_view::npos ? s.npos : slash - pos);
    if (!seg.empty() && seg != ".") out.push_back(seg);
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  return out;
}

}  // namespace

bool glob_match(std::string_view glob, std::string_view path) {
  const auto g = split(glob), p = split(path);
  // Dynamic programming over segments: reach[j] = the first j path segments are matched.
  std::vector<char> reach(p.size() + 1, 0), next(p.size() + 1, 0);
  reach[0] = 1;
  for (const auto& seg : g) {
    std::fill(next.begin(), next.end(), 0);
    if (seg == "**") {
      bool any = false;
      for (std::size_t j = 0; j <= p.size(); ++j) {
        any = any || reach[j];
        next[j] = any;
      }
    } else {
      for (std::size_t j = 0; j < p.size(); ++j)
        if (reach[j] && match_segment(seg, p[j])) next[j + 1] = 1;
    }
    std::swap(reach, next);
  }
  return reach[p.size()];
}

}  // namespace lint
