// Validation issues as diagnostics at template positions.
#include "liquid/validate.hpp"

#include <algorithm>

#include "liquid/filter.hpp"

namespace liquid::validate {

void drop_intended(Report& report, const OriginMap& origins, bool form_escaping) {
  std::erase_if(report.issues, [&](const Issue& issue) {
    if (issue.id != ids::form_literal_plus) return false;
    const OriginSpan* span = origins.find(issue.offset);
    if (!span || span->kind != OriginSpan::Kind::output) return false;
    if (form_escaping) return true;
    const auto* e = span->expression;
    return e && !e->filters.empty() && e->filters.back().def &&
           (e->filters.back().def->flags & filter_url_encodes);
  });
}

Diagnostic to_diagnostic(const Issue& issue, const OriginMap* origins, std::string_view body,
                         std::string_view output_name) {
  Diagnostic d;
  d.id = issue.id;
  d.severity = issue.severity;
  d.message = issue.message;
  std::optional<SourcePosition> at = origins ? origins->locate(issue.offset) : std::nullopt;
  if (at) {
    d.where = *at;
    d.detail = "(output " + std::to_string(issue.line) + ":" + std::to_string(issue.column) + ")";
  } else {
    d.where = SourcePosition::locate(output_name, body, issue.offset);
  }
  return d;
}

}  // namespace liquid::validate
