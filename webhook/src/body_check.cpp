#include "body_check.hpp"

#include "liquid/origin.hpp"
#include "liquid/validate.hpp"

namespace webhook::detail {

namespace {

std::string position(const liquid::SourcePosition& at) {
  return at.name + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

Problem to_problem(const RequestDefinition& def, const liquid::validate::Issue& issue,
                   const liquid::OriginMap* origins, std::string_view body,
                   const std::string& name) {
  // An "unexpected end" sits one past the last byte, which no node wrote: the last byte's
  // template position is the useful one. Line and column stay those of the output.
  liquid::validate::Issue located = issue;
  if (origins && located.offset > 0 && !origins->find(located.offset) &&
      origins->find(located.offset - 1))
    --located.offset;
  // Without an origin map the body is a constant field: its output is its source.
  const liquid::Diagnostic d =
      liquid::validate::to_diagnostic(located, origins, body, origins ? name + " output" : name);
  std::string detail = d.detail;
  if (detail.empty())
    detail = "(output " + std::to_string(issue.line) + ":" + std::to_string(issue.column) + ")";
  return Problem{issue.id, mask_text(def, d.message), position(d.where), std::move(detail),
                 issue.severity};
}

}  // namespace

void render_field(const TemplateField& field, const liquid::Value& record,
                  const liquid::RenderOptions& options, std::string& out) {
  if (field.constant)
    out += *field.constant;
  else
    field.tmpl->render_to(out, record, options);
}

std::string locate_output(const TemplateField& field, const liquid::Value& record,
                          const liquid::RenderOptions& options, std::size_t offset) {
  if (field.constant)
    return position(liquid::SourcePosition::locate(field.name, *field.constant, offset));
  liquid::OriginMap origins;
  liquid::RenderOptions located = options;
  located.origins = &origins;
  std::string out;
  try {
    field.tmpl->render_to(out, record, located);
  } catch (const liquid::Error&) {
    return field.name;  // it rendered a moment ago: only a time limit can fail it now
  }
  const auto at = origins.locate(offset);
  return at ? position(*at) : field.name;
}

std::optional<Problem> render_checked_body(const RequestDefinition& def, const TemplateField& field,
                                           const liquid::Value& record,
                                           const liquid::RenderOptions& options,
                                           std::string_view content_type, std::string& body,
                                           std::vector<Problem>* warnings) {
  namespace validate = liquid::validate;
  const validate::BodyType type = validate::classify(content_type);
  body.clear();
  render_field(field, record, options, body);
  validate::Report report = validate::validate(body, type);
  if (report.issues.empty() || (report.ok() && !warnings)) return std::nullopt;

  // The rare path: render again, recording which template node wrote each byte. `options.now`
  // is fixed by the caller, so the second render writes the same bytes as the first.
  liquid::OriginMap origins;
  const liquid::OriginMap* located = nullptr;
  if (!field.constant) {
    liquid::RenderOptions with_origins = options;
    with_origins.origins = &origins;
    body.clear();
    field.tmpl->render_to(body, record, with_origins);
    report = validate::validate(body, type);
    validate::drop_intended(report, origins, options.escape == liquid::EscapeMode::form);
    located = &origins;
  }
  std::optional<Problem> first_error;
  for (const auto& issue : report.issues) {
    if (issue.severity == liquid::Severity::error) {
      if (!first_error) first_error = to_problem(def, issue, located, body, field.name);
    } else if (warnings) {
      warnings->push_back(to_problem(def, issue, located, body, field.name));
    }
  }
  return first_error;
}

}  // namespace webhook::detail
