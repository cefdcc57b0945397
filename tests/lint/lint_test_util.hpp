// Helpers for the linter's unit tests: lint a template or a definition given as text, and look
// at the findings of one rule as "line:col" positions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "liquid/json.hpp"
#include "lint/lint.hpp"

namespace lint_test {

inline lint::Result lint_text(std::string source, std::string content_type = "",
                              lint::Config config = {}) {
  lint::Linter linter(lint::Registry::builtin(), std::move(config));
  return linter.lint_template("t.liquid", std::move(source), content_type);
}

inline lint::Result lint_json_body(std::string source, lint::Config config = {}) {
  return lint_text(std::move(source), "application/json", std::move(config));
}

inline lint::Result lint_form_body(std::string source, lint::Config config = {}) {
  return lint_text(std::move(source), "application/x-www-form-urlencoded", std::move(config));
}

// "line:col" of each finding of `rule`, in order.
inline std::vector<std::string> at(const lint::Result& r, std::string_view rule) {
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    if (f.rule == rule) out.push_back(std::to_string(f.line) + ":" + std::to_string(f.column));
  return out;
}

// The findings of `rule` (copies: the result may be a temporary).
inline std::vector<lint::Finding> of(const lint::Result& r, std::string_view rule) {
  std::vector<lint::Finding> out;
  for (const auto& f : r.findings)
    if (f.rule == rule) out.push_back(f);
  return out;
}

// A config with fixture records given as JSON texts.
inline lint::Config with_fixtures(std::initializer_list<std::string_view> records,
                                  lint::Config config = {}) {
  int n = 0;
  for (auto r : records)
    config.fixtures.push_back({"record" + std::to_string(++n), liquid::parse_json(r)});
  return config;
}

using Positions = std::vector<std::string>;

}  // namespace lint_test
