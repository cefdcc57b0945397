// What the linter reports: findings at file positions, with optional safe fixes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "liquid/error.hpp"

namespace lint {

using liquid::Severity;

// Replace bytes [begin, end) of a file with `replacement`.
struct Edit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string replacement;
};

// A safe, mechanical fix: what it does, and the edits (non-overlapping) that do it.
struct Fix {
  std::string description;
  std::vector<Edit> edits;
};

struct Finding {
  std::string rule;  // a rule id ("json-skeleton-invalid")
  Severity severity = Severity::error;
  std::string message;
  std::string file;          // as displayed (the path given, normalised)
  std::size_t offset = 0;    // byte offset in the file
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in bytes
  std::string source_line;   // the file's line, for the caret display
  std::string detail;        // printed after the rule id, e.g. "(fixture record 2, output 3:9)"
  std::optional<Fix> fix;    // edits in file offsets, ready to apply

  // The one diagnostic format: `file:line:col: severity: message [rule] detail`, source, caret.
  liquid::Diagnostic diagnostic() const;
};

// Order of reports: file, line, column, rule.
bool operator<(const Finding& a, const Finding& b);

// Severity order for --fail-level: error > warning > note.
int severity_rank(Severity s);
std::optional<Severity> parse_severity(std::string_view name);

}  // namespace lint
