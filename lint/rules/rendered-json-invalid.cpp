// rendered-json-invalid: rendered with each fixture record, the body is not JSON; the problem is
// reported at the template position that produced the offending byte (through the origin map).
#include "internal.hpp"
#include "lint/rule.hpp"

namespace {

void check(lint::TemplateContext& ctx) {
  lint::detail::report_rendered_issues(ctx, liquid::validate::BodyType::json, "rendered-json-invalid");
}

}  // namespace

LINT_BUILTIN_RULE(rendered_json_invalid) {
  registry.add({.id = "rendered-json-invalid",
                .severity = lint::Severity::error,
                .doc = "Rendered with the fixtures, the body is not JSON",
                .check_template = check,
                .needs_fixtures = true});
}
