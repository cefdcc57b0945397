// Output formats: text (the one diagnostic format, optionally coloured), JSON, SARIF 2.1.0 (as
// GitHub code scanning accepts it) and GitHub workflow annotations.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/finding.hpp"
#include "lint/linter.hpp"
#include "lint/rule.hpp"

namespace lint {

enum class Format : std::uint8_t { text, json, sarif, github };
std::optional<Format> parse_format(std::string_view name);

struct ReportOptions {
  bool color = false;
  std::string tool_version;  // SARIF driver version
};

// Everything printed on stdout for `findings` (and the fixes applied, if any).
std::string format_report(Format format, const std::vector<Finding>& findings,
                          const std::vector<AppliedFix>& fixed, const Registry& registry,
                          const ReportOptions& options);

std::string format_text(const std::vector<Finding>& findings, const std::vector<AppliedFix>& fixed,
                        bool color);
std::string format_json(const std::vector<Finding>& findings, const std::vector<AppliedFix>& fixed);
std::string format_sarif(const std::vector<Finding>& findings, const Registry& registry,
                         std::string_view tool_version);
std::string format_github(const std::vector<Finding>& findings,
                          const std::vector<AppliedFix>& fixed);

// `--list-rules`: every rule, its default severity and doc.
std::string format_rule_list(const Registry& registry);

}  // namespace lint
