// rendered-json-invalid: rendered with each fixture record, the body is not JSON; the problem is
// reported at the template position that produced the offending byte (through the origin map).
#include "internal.hpp"
#include "lint/rule.hpp"

namespace {

void check(lint::TemplateContext& ctx) {
  if (ctx.unit().body_type != liquid::validate::BodyType::json) return;
  for (const auto& ri : lint::detail::rendered_issues(ctx)) {
    if (ri.issue.id == liquid::validate::ids::form_literal_plus) continue;  // form-literal-plus
    lint::ReportExtra extra;
    extra.severity = ri.issue.severity;
    extra.detail = lint::detail::fixture_detail(*ri.render, &ri.issue);
    std::string message = ri.issue.message;
    if (ri.issue.id != "rendered-json-invalid") message += " (" + ri.issue.id + ")";
    ctx.report(ri.template_offset, std::move(message), std::move(extra));
  }
}

}  // namespace

LINT_BUILTIN_RULE(rendered_json_invalid) {
  registry.add({.id = "rendered-json-invalid",
                .severity = lint::Severity::error,
                .doc = "Rendered with the fixtures, the body is not JSON",
                .check_template = check,
                .needs_fixtures = true});
}
