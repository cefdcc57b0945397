// The linter: finds templates and request definitions under the given paths, parses and analyses
// each template once, runs every enabled rule, and applies inline suppressions.
//
//   lint::Config config = lint::load_config(".liquid-lint.json");
//   config.fixtures = lint::load_fixtures(config.fixture_files, config.max_fixture_records);
//   lint::Linter linter(lint::Registry::builtin(), std::move(config));
//   lint::Result result = linter.lint_paths({"webhooks/"});
//   for (const auto& f : result.findings) std::cout << f.diagnostic().format() << "\n";
//
// Inline control, in a template:
//   {% comment %}liquid-lint-disable RULE[, RULE...]{% endcomment %} ... liquid-lint-enable RULE
//   {% # liquid-lint-disable-next-line RULE %}
// Without a rule name, every rule is disabled.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "lint/config.hpp"
#include "lint/finding.hpp"
#include "lint/rule.hpp"

namespace lint {

struct Result {
  std::vector<Finding> findings;  // sorted
  // Problems with the inputs themselves: unreadable files, a path that does not exist, a JSON
  // file given by name that is not a request definition (exit status 2).
  std::vector<std::string> input_errors;
  std::size_t files = 0;      // files read
  std::size_t templates = 0;  // templates linted
};

class Linter {
 public:
  // Throws ConfigError when the config names a rule the registry does not have.
  Linter(Registry registry, Config config);
  ~Linter();
  Linter(Linter&&) noexcept;

  // `.liquid` templates and `.json` request definitions; directories recursively. A template
  // that a definition uses as its body_file is linted once, as that body.
  Result lint_paths(const std::vector<std::string>& paths) const;
  // One template given as text (tests, editors, benchmarks).
  Result lint_template(const std::string& name, std::string source,
                       const std::string& content_type = "") const;
  // One request definition given as text; body_file is read relative to `name`'s directory.
  Result lint_definition(const std::string& name, std::string json_text) const;

  // Content-Type for templates with none from a definition or the config (--content-type).
  void set_default_content_type(std::string type);

  const Registry& registry() const;
  const Config& config() const;

  struct Impl;  // opaque

 private:
  std::unique_ptr<Impl> impl_;
};

// A fix applied to a file.
struct AppliedFix {
  std::string file;
  std::uint32_t line = 0, column = 0;
  std::string rule;
  std::string description;
};

// Apply the fixes of `findings` to their files (edits that overlap an earlier one in the same
// file are skipped). Returns what was changed; `errors` receives files that could not be written.
std::vector<AppliedFix> apply_fixes(const std::vector<Finding>& findings,
                                    std::vector<std::string>& errors);

}  // namespace lint
