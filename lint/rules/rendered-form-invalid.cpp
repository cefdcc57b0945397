// rendered-form-invalid: rendered with each fixture record, the body is not form-encoded (application/x-www-form-urlencoded); the problem is
// reported at the template position that produced the offending byte (through the origin map).
#include "internal.hpp"
#include "lint/rule.hpp"

namespace {

void check(lint::TemplateContext& ctx) {
  lint::detail::report_rendered_issues(ctx, liquid::validate::BodyType::form, "rendered-form-invalid");
}

}  // namespace

LINT_BUILTIN_RULE(rendered_form_invalid) {
  registry.add({.id = "rendered-form-invalid",
                .severity = lint::Severity::error,
                .doc = "Rendered with the fixtures, the body is not form-encoded (application/x-www-form-urlencoded)",
                .check_template = check,
                .needs_fixtures = true});
}
