// rendered-text-invalid: rendered with each fixture record, the body is not valid text/plain (UTF-8, no NUL); the problem is
// reported at the template position that produced the offending byte (through the origin map).
#include "internal.hpp"
#include "lint/rule.hpp"

namespace {

void check(lint::TemplateContext& ctx) {
  lint::detail::report_rendered_issues(ctx, liquid::validate::BodyType::text, "rendered-text-invalid");
}

}  // namespace

LINT_BUILTIN_RULE(rendered_text_invalid) {
  registry.add({.id = "rendered-text-invalid",
                .severity = lint::Severity::error,
                .doc = "Rendered with the fixtures, the body is not valid text/plain (UTF-8, no NUL)",
                .check_template = check,
                .needs_fixtures = true});
}
