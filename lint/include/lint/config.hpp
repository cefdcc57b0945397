// `.liquid-lint.json`: which rules run and how severe they are (per rule and per path glob), the
// Liquid dialect, the variable schema, content types of bare templates, and fixture data.
//
//   {
//     "rules": {"placeholder-text": "error", "unused-assign": "off"},
//     "overrides": [{"files": ["legacy/**"], "rules": {"liquid-syntax": "warning"}}],
//     "dialect": {"filters": "webhook", "extra_filters": ["money"],
//                 "extra_tags": ["schema", {"name": "form", "block": true}]},
//     "schema": ["customer.*", "event.*", "account.api_key"],
//     "content_types": {"templates/*.liquid": "application/json"},
//     "fixtures": ["records/customers.jsonl"],
//     "max_fixture_records": 20,
//     "limits": {"max_output_bytes": 1048576, "max_steps": 1000000, "max_time_ms": 2000}
//   }
//
// Paths and globs are relative to the directory of the config file. Globs: `*` and `?` within a
// path segment, `**` across segments.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/template.hpp"
#include "liquid/value.hpp"
#include "lint/finding.hpp"

namespace lint {

// A bad config or fixture file (exit status 2).
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a config says about one rule: off, or on with a severity (nullopt: the rule's default).
struct RuleSetting {
  bool enabled = true;
  std::optional<Severity> severity;
};

struct PathOverride {
  std::vector<std::string> globs;
  std::map<std::string, RuleSetting, std::less<>> rules;
};

struct ExtraTag {
  std::string name;
  bool block = false;  // has a body and an `end<name>` tag
};

// One record of fixture data: the variables a template is rendered with.
struct FixtureRecord {
  std::string name;  // "records.jsonl:3", for messages
  liquid::Value value;
};

struct Config {
  std::filesystem::path file;      // where it was read from; empty for the defaults
  std::filesystem::path base_dir;  // globs and relative paths start here
  std::map<std::string, RuleSetting, std::less<>> rules;
  std::vector<PathOverride> overrides;
  bool webhook_filters = true;  // dialect: the webhook filter set (json, hmac_sha256, ...)
  std::vector<std::string> extra_filters;
  std::vector<ExtraTag> extra_tags;
  std::optional<std::vector<std::string>> schema;  // allowed variable paths; none: not checked
  std::vector<std::pair<std::string, std::string>> content_types;  // glob -> Content-Type
  std::vector<std::filesystem::path> fixture_files;
  std::vector<FixtureRecord> fixtures;  // loaded by load_fixtures
  std::size_t max_fixture_records = 20;
  liquid::Limits limits = default_limits();

  static liquid::Limits default_limits();

  // `path` relative to base_dir with `/` separators: what globs are matched against.
  std::string path_key(const std::filesystem::path& path) const;
  // The setting for `rule` on the file whose path_key is `key`: `rules`, then each matching
  // override in order.
  RuleSetting setting(std::string_view rule, std::string_view key) const;
  // The Content-Type mapped to the file whose path_key is `key`, or "".
  std::string content_type_for(std::string_view key) const;
};

// Parse a config (throws ConfigError with the file name and what is wrong).
Config parse_config(std::string_view json_text, const std::filesystem::path& file);
Config load_config(const std::filesystem::path& file);
// `.liquid-lint.json` in `start` or the nearest parent directory that has one.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

// Read JSON (one object) or JSON Lines (one object per line) fixture files into records, at
// most `max_records` in all. Throws ConfigError naming the file and line of a bad record.
std::vector<FixtureRecord> load_fixtures(const std::vector<std::filesystem::path>& files,
                                         std::size_t max_records);

// `*`, `?` (not crossing `/`) and `**` (any number of segments) against a `/`-separated path.
bool glob_match(std::string_view glob, std::string_view path);

}  // namespace lint
