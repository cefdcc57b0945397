#include "body_check.hpp"

#include "liquid/validate.hpp"

namespace webhook::detail {

namespace {

Problem to_problem(const RequestDefinition& def, const liquid::validate::Issue& issue) {
  // The position is in the rendered body (line:col); the template name says which template
  // produced it.
  const std::string name = def.body ? def.body->name : def.path.filename().string() + "#body";
  return Problem{issue.id, issue.message,
                 name + " (rendered body " + std::to_string(issue.line) + ":" +
                     std::to_string(issue.column) + ")"};
}

}  // namespace

std::optional<Problem> check_body(const RequestDefinition& def, std::string_view body,
                                  std::string_view content_type, std::vector<Problem>& warnings) {
  const auto report = liquid::validate::validate(body, content_type);
  std::optional<Problem> first_error;
  for (const auto& issue : report.issues) {
    if (issue.severity == liquid::Severity::error) {
      if (!first_error) first_error = to_problem(def, issue);
    } else {
      warnings.push_back(to_problem(def, issue));
    }
  }
  return first_error;
}

}  // namespace webhook::detail
