// Rules are data: an id, a default severity, a one-line doc and a check function, registered in a
// Registry. The built-in rules (one file each under lint/rules/) register themselves through
// Registry::add, exactly as a user's own rule would:
//
//   lint::Registry registry = lint::Registry::builtin();
//   registry.add({.id = "no-bcc", .severity = lint::Severity::warning,
//                 .doc = "Bcc headers are not allowed",
//                 .check_template = [](lint::TemplateContext& ctx) { ... ctx.report(offset, "..."); }});
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/environment.hpp"
#include "lint/config.hpp"
#include "lint/finding.hpp"
#include "lint/model.hpp"

namespace lint {

// Optional parts of a report.
struct ReportExtra {
  // The finding's own severity (e.g. a validator warning under an error rule); a severity set in
  // the config for the rule still wins.
  std::optional<Severity> severity;
  std::string detail;
  // Edits in template offsets (TemplateContext) or file offsets (DefinitionContext); the
  // replacement is template text: it is escaped for the file when the template sits in JSON.
  std::optional<Fix> fix;
};

// What a template rule sees. Analyses are computed on first use and shared between rules.
class TemplateContext {
 public:
  virtual ~TemplateContext() = default;
  virtual const TemplateUnit& unit() const = 0;
  virtual const Config& config() const = 0;
  // The environment templates are parsed with (the dialect of the config).
  virtual const liquid::Environment& environment() const = 0;
  // Filter and tag names the dialect allows beyond the environment (config extra_filters...).
  virtual bool extra_filter(std::string_view name) const = 0;
  virtual const ParsedTemplate& parsed() = 0;
  // The walked tree; nullptr when the template parses in neither mode.
  virtual const Analysis* analysis() = 0;
  // Renders with each fixture record (empty without fixtures or without a tree).
  virtual std::span<const FixtureRender> renders() = 0;
  virtual std::span<const FixtureRender> hostile_renders() = 0;
  // A finding at a template offset (mapped to the file position by the linter).
  virtual void report(std::size_t template_offset, std::string message, ReportExtra extra = {}) = 0;
};

// What a definition rule sees: the definition file as a whole.
class DefinitionContext {
 public:
  virtual ~DefinitionContext() = default;
  virtual const Definition& definition() const = 0;
  virtual const Config& config() const = 0;
  virtual void report(std::size_t file_offset, std::string message, ReportExtra extra = {}) = 0;
};

using TemplateCheck = std::function<void(TemplateContext&)>;
using DefinitionCheck = std::function<void(DefinitionContext&)>;

struct Rule {
  std::string id = {};  // stable: configs, suppressions and tests use it
  Severity severity = Severity::error;
  std::string doc = {};  // one line, for --list-rules and SARIF
  TemplateCheck check_template = {};
  DefinitionCheck check_definition = {};
  bool needs_fixtures = false;  // runs only when fixture data is configured
};

class Registry {
 public:
  // Every built-in rule (lint/rules/*.cpp).
  static Registry builtin();
  // Throws std::invalid_argument for an empty or duplicate id, or a rule without a check.
  void add(Rule rule);
  const Rule* find(std::string_view id) const;
  const std::vector<Rule>& rules() const { return rules_; }  // sorted by id

 private:
  std::vector<Rule> rules_;
};

// Up to three names from `candidates` closest to `name` (case, `_`/`-` and camelCase
// differences first, then small edit distances), best first.
std::vector<std::string> did_you_mean(std::string_view name,
                                      const std::vector<std::string>& candidates);
// " (did you mean 'a' or 'b'?)", or "" when there is nothing to suggest.
std::string suggestion_text(const std::vector<std::string>& names);

}  // namespace lint

// Defines the registration function of a built-in rule: lint/rules/<id>.cpp holds
// `LINT_BUILTIN_RULE(<id with - as _>) { registry.add({...}); }`. The build calls every one.
#define LINT_BUILTIN_RULE(ident) void lint_builtin_rule_##ident(::lint::Registry& registry)
