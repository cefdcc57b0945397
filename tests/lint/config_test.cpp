#include "lint/config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace {

TEST(GlobMatch, Table) {
  struct Case {
    const char* glob;
    const char* path;
    bool match;
  } cases[] = {
      {"*.liquid", "a.liquid", true},          {"*.liquid", "dir/a.liquid", false},
      {"**/*.liquid", "dir/a.liquid", true},   {"**/*.liquid", "a.liquid", true},
      {"templates/**", "templates/a/b.json", true}, {"templates/**", "other/a", false},
      {"a?c", "abc", true},                    {"a?c", "a/c", false},
      {"legacy/*_old.liquid", "legacy/x_old.liquid", true},
      {"**", "anything/at/all", true},          {"x/**/y", "x/y", true},
      {"x/**/y", "x/a/b/y", true},             {"x/**/y", "x/a/b/z", false},
  };
  for (const auto& c : cases) EXPECT_EQ(lint::glob_match(c.glob, c.path), c.match) << c.glob << " " << c.path;
}

TEST(ParseConfig, EverySetting) {
  auto c = lint::parse_config(R"({
    "rules": {"placeholder-text": "warning", "unused-assign": "off", "injection": true},
    "overrides": [{"files": ["legacy/**"], "rules": {"liquid-syntax": "note"}}],
    "dialect": {"filters": "standard", "extra_filters": ["money"],
                "extra_tags": ["schema", {"name": "form", "block": true}]},
    "schema": ["customer.*", "event.name"],
    "content_types": {"forms/*.liquid": "application/x-www-form-urlencoded"},
    "fixtures": ["data/records.jsonl"],
    "max_fixture_records": 5,
    "limits": {"max_output_bytes": 100, "max_steps": 1000, "max_time_ms": 50}
  })", "/repo/.liquid-lint.json");
  EXPECT_EQ(c.setting("placeholder-text", "a.liquid").severity, lint::Severity::warning);
  EXPECT_FALSE(c.setting("unused-assign", "a.liquid").enabled);
  EXPECT_TRUE(c.setting("injection", "a.liquid").enabled);
  EXPECT_EQ(c.setting("liquid-syntax", "legacy/x/a.liquid").severity, lint::Severity::note);
  EXPECT_FALSE(c.setting("liquid-syntax", "new/a.liquid").severity.has_value());
  EXPECT_FALSE(c.webhook_filters);
  EXPECT_EQ(c.extra_filters, std::vector<std::string>{"money"});
  ASSERT_EQ(c.extra_tags.size(), 2u);
  EXPECT_TRUE(c.extra_tags[1].block);
  EXPECT_EQ(c.schema->size(), 2u);
  EXPECT_EQ(c.content_type_for("forms/t.liquid"), "application/x-www-form-urlencoded");
  EXPECT_EQ(c.content_type_for("t.liquid"), "");
  EXPECT_EQ(c.fixture_files.at(0), std::filesystem::path("/repo/data/records.jsonl"));
  EXPECT_EQ(c.max_fixture_records, 5u);
  EXPECT_EQ(c.limits.max_output_bytes, 100u);
  EXPECT_EQ(c.limits.max_time.count(), 50);
}

TEST(ParseConfig, ErrorsNameTheSetting) {
  struct Case {
    const char* json;
    const char* fragment;
  } cases[] = {
      {"{", "not valid JSON"},
      {"[]", "(top level): expected an object"},
      {R"({"rulez": {}})", "rulez: unknown setting"},
      {R"({"rules": {"x": "loud"}})", "rules.x: expected"},
      {R"({"dialect": {"filters": "shopify"}})", "dialect.filters"},
      {R"({"schema": ["customer..x"]})", "schema"},
      {R"({"overrides": [{"rules": {}}]})", "overrides[0].files"},
      {R"({"max_fixture_records": -1})", "max_fixture_records"},
      {R"({"limits": {"max_steps": "many"}})", "limits.max_steps"},
  };
  for (const auto& c : cases) {
    try {
      lint::parse_config(c.json, "cfg.json");
      ADD_FAILURE() << "no error for " << c.json;
    } catch (const lint::ConfigError& e) {
      EXPECT_NE(std::string(e.what()).find(c.fragment), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()).rfind("cfg.json", 0), 0u) << e.what();
    }
  }
}

TEST(FindConfig, NearestParent) {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("lint_cfg_" + std::to_string(::getpid()));
  fs::create_directories(root / "a" / "b");
  std::ofstream(root / ".liquid-lint.json") << "{}";
  EXPECT_EQ(lint::find_config(root / "a" / "b"), root / ".liquid-lint.json");
  std::ofstream(root / "a" / ".liquid-lint.json") << "{}";
  EXPECT_EQ(lint::find_config(root / "a" / "b"), root / "a" / ".liquid-lint.json");
  fs::remove_all(root);
}

TEST(LoadFixtures, JsonAndJsonLines) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("lint_fx_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "one.json") << R"({"a": 1})";
  std::ofstream(dir / "many.jsonl") << "{\"a\": 2}\n\n{\"a\": 3}\n";
  auto records = lint::load_fixtures({dir / "one.json", dir / "many.jsonl"}, 10);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].name, "one.json");
  EXPECT_EQ(records[2].name, "many.jsonl:3");
  EXPECT_EQ(lint::load_fixtures({dir / "many.jsonl"}, 1).size(), 1u);

  std::ofstream(dir / "bad.jsonl") << "{\"a\": 2}\n{oops\n";
  std::ofstream(dir / "array.json") << "[1]";
  for (const char* name : {"bad.jsonl", "array.json", "missing.json"}) {
    try {
      lint::load_fixtures({dir / name}, 10);
      ADD_FAILURE() << name;
    } catch (const lint::ConfigError& e) {
      EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
    }
  }
  try {
    lint::load_fixtures({dir / "bad.jsonl"}, 10);
  } catch (const lint::ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.jsonl:2"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

}  // namespace
