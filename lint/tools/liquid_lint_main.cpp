// `liquid-lint`: lint Liquid webhook templates and request definitions (see lint/README.md).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "lint/lint.hpp"

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;  // bad arguments, unreadable inputs, bad config or fixtures

struct Args {
  std::vector<std::string> paths;
  std::string config;
  bool no_config = false;
  std::string format = "text";
  std::string fail_level = "error";
  std::string content_type;
  std::vector<std::string> fixtures;
  std::vector<std::string> rule_settings;
  bool fix = false;
  bool list_rules = false;
  std::string color = "auto";
  std::string output;
};

bool use_color(const std::string& mode, bool to_file) {
  if (mode == "always") return true;
  if (mode == "never" || to_file) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(fileno(stdout)) != 0;
}

// `--rule ID=LEVEL`: off, on, error, warning or note.
bool apply_rule_setting(lint::Config& config, const std::string& spec, std::string& error) {
  const auto eq = spec.find('=');
  if (eq == std::string::npos || eq == 0) {
    error = "--rule expects RULE=off|on|error|warning|note, not '" + spec + "'";
    return false;
  }
  const std::string id = spec.substr(0, eq), level = spec.substr(eq + 1);
  lint::RuleSetting s;
  if (level == "off") s.enabled = false;
  else if (level == "on") s.enabled = true;
  else if (auto sev = lint::parse_severity(level)) s.severity = sev;
  else {
    error = "--rule " + id + ": expected off, on, error, warning or note, not '" + level + "'";
    return false;
  }
  config.rules[id] = s;
  // The command line wins over path overrides too.
  for (auto& o : config.overrides) o.rules.erase(id);
  return true;
}

int run(const Args& a) {
  lint::Registry registry = lint::Registry::builtin();
  if (a.list_rules) {
    std::cout << lint::format_rule_list(registry);
    return kExitClean;
  }
  lint::Config config;
  try {
    std::optional<std::filesystem::path> config_path;
    if (!a.config.empty()) config_path = a.config;
    else if (!a.no_config) config_path = lint::find_config(std::filesystem::current_path());
    if (config_path) config = lint::load_config(*config_path);
    for (const auto& f : a.fixtures) config.fixture_files.emplace_back(f);
    config.fixtures = lint::load_fixtures(config.fixture_files, config.max_fixture_records);
    for (const auto& spec : a.rule_settings) {
      std::string error;
      if (!apply_rule_setting(config, spec, error)) {
        std::cerr << "liquid-lint: " << error << "\n";
        return kExitUsage;
      }
    }
  } catch (const lint::ConfigError& e) {
    std::cerr << "liquid-lint: " << e.what() << "\n";
    return kExitUsage;
  }
  std::optional<lint::Linter> linter;
  try {
    linter.emplace(std::move(registry), std::move(config));
  } catch (const lint::ConfigError& e) {
    std::cerr << "liquid-lint: " << e.what() << "\n";
    return kExitUsage;
  }
  linter->set_default_content_type(a.content_type);

  const std::vector<std::string> paths = a.paths.empty() ? std::vector<std::string>{"."} : a.paths;
  lint::Result result = linter->lint_paths(paths);
  std::vector<lint::AppliedFix> fixed;
  if (a.fix) {
    std::vector<std::string> errors;
    fixed = lint::apply_fixes(result.findings, errors);
    for (const auto& e : errors) result.input_errors.push_back(e);
    if (!fixed.empty()) {
      auto again = linter->lint_paths(paths);
      result.findings = std::move(again.findings);
    }
  }

  const auto format = lint::parse_format(a.format);
  lint::ReportOptions options;
  options.color = use_color(a.color, !a.output.empty());
  options.tool_version = LIQUID_LINT_VERSION;
  const std::string report =
      lint::format_report(*format, result.findings, fixed, linter->registry(), options);
  if (!a.output.empty()) {
    std::ofstream out(a.output, std::ios::binary | std::ios::trunc);
    out << report;
    out.close();
    if (!out) {
      std::cerr << "liquid-lint: cannot write " << a.output << "\n";
      return kExitUsage;
    }
  } else {
    std::cout << report << std::flush;
  }
  for (const auto& e : result.input_errors) std::cerr << "liquid-lint: " << e << "\n";
  if (!result.input_errors.empty()) return kExitUsage;

  const int threshold = lint::severity_rank(*lint::parse_severity(a.fail_level));
  for (const auto& f : result.findings)
    if (lint::severity_rank(f.severity) >= threshold) return kExitFindings;
  return kExitClean;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "liquid-lint: find the mistakes in Liquid webhook templates and request definitions before "
      "a receiver sees them"};
  Args a;
  app.add_option("paths", a.paths,
                 "Templates (.liquid), request definitions (.json) and directories (searched "
                 "recursively; hidden entries skipped). Default: .");
  app.add_option("-c,--config", a.config,
                 "Config file (default: .liquid-lint.json in the current directory or the nearest "
                 "parent that has one)");
  app.add_flag("--no-config", a.no_config, "Do not look for a config file");
  app.add_option("-f,--format", a.format, "Output format: text (file:line:col: severity: message "
                                          "[rule], source line, caret), json, sarif (SARIF 2.1.0 "
                                          "for GitHub code scanning), github (workflow annotations)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}));
  app.add_option("--fail-level", a.fail_level,
                 "Exit 1 when a finding is at least this severe (default: error)")
      ->check(CLI::IsMember({"error", "warning", "note"}));
  app.add_option("--content-type", a.content_type,
                 "Content-Type of templates that no request definition or config mapping types "
                 "(application/json, application/x-www-form-urlencoded, application/xml, text/plain)");
  // One value per occurrence: `--rule X=off file.liquid` must not take the file as a setting.
  app.add_option("--fixtures", a.fixtures,
                 "Fixture data (JSON object, or JSON Lines of objects) to render templates with; "
                 "adds to the config's fixtures (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--rule", a.rule_settings,
                 "RULE=off|on|error|warning|note: turn a rule off or set its severity (repeatable; "
                 "wins over the config)")
      ->allow_extra_args(false);
  app.add_flag("--fix", a.fix,
               "Apply the safe fixes (| escape -> | url_encode in form values; \"{{ x }}\" -> "
               "{{ x | json }} where a JSON string is one output), report them, then lint again");
  app.add_flag("--list-rules", a.list_rules, "Print every rule with its default severity and doc");
  app.add_option("--color", a.color, "Colour in text output: auto (on a terminal, unless NO_COLOR is "
                                     "set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("-o,--output", a.output, "Write the report to this file instead of stdout");
  app.set_version_flag("--version", std::string("liquid-lint ") + LIQUID_LINT_VERSION);
  app.footer(
      "Inline control (in a template):\n"
      "  {% comment %}liquid-lint-disable RULE[, RULE]{% endcomment %} ... "
      "{% comment %}liquid-lint-enable RULE{% endcomment %}\n"
      "  {% # liquid-lint-disable-next-line RULE %}   (no RULE: every rule)\n"
      "\n"
      "Exit status: 0 clean, 1 findings at or above --fail-level, 2 usage error, unreadable "
      "input, bad config or bad fixtures.\n"
      "Rules: liquid-lint --list-rules. Config and rules in detail: lint/README.md.\n"
      "Example: liquid-lint --config examples/.liquid-lint.json examples/requests");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitClean : kExitUsage;
  }
  try {
    return run(a);
  } catch (const std::exception& e) {
    std::cerr << "liquid-lint: internal error: " << e.what() << "\n";
    return kExitUsage;
  }
}
