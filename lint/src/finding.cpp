#include "lint/finding.hpp"

#include <tuple>

namespace lint {

liquid::Diagnostic Finding::diagnostic() const {
  liquid::Diagnostic d;
  d.id = rule;
  d.severity = severity;
  d.message = message;
  d.where.name = file;
  d.where.offset = offset;
  d.where.line = line;
  d.where.column = column;
  d.where.source_line = source_line;
  d.has_position = line > 0;
  d.detail = detail;
  return d;
}

bool operator<(const Finding& a, const Finding& b) {
  return std::tie(a.file, a.line, a.column, a.rule, a.message) <
         std::tie(b.file, b.line, b.column, b.rule, b.message);
}

int severity_rank(Severity s) {
  switch (s) {
    case Severity::error: return 2;
    case Severity::warning: return 1;
    case Severity::note: return 0;
  }
  return 2;
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "error") return Severity::error;
  if (name == "warning") return Severity::warning;
  if (name == "note") return Severity::note;
  return std::nullopt;
}

}  // namespace lint
