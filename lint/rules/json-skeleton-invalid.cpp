// json-skeleton-invalid: the literal text of a JSON body must be JSON once each output stands for
// a value (a placeholder string inside a string, a whole value elsewhere), whichever branches of
// its conditionals run: the Help Scout `"id": MAILBOX-ID` is reported at its line and column.
#include <set>

#include "lint/rule.hpp"

namespace {

void check(lint::TemplateContext& ctx) {
  if (ctx.unit().body_type != liquid::validate::BodyType::json || !ctx.unit().is_body()) return;
  const auto* a = ctx.analysis();
  if (!a) return;
  std::set<std::size_t> reported;
  for (const auto& sk : a->skeletons()) {
    const auto report = liquid::validate::validate(sk.text, liquid::validate::BodyType::json);
    for (const auto& issue : report.issues) {
      if (issue.severity != liquid::Severity::error) continue;
      const std::size_t at = sk.source_offset(issue.offset);
      if (!reported.insert(at).second) continue;
      lint::ReportExtra extra;
      if (&sk != &a->skeletons().front()) extra.detail = "(when the " + sk.variant + " are taken)";
      ctx.report(at, issue.message, std::move(extra));
    }
  }
}

}  // namespace

LINT_BUILTIN_RULE(json_skeleton_invalid) {
  registry.add({.id = "json-skeleton-invalid",
                .severity = lint::Severity::error,
                .doc = "The literal text of a JSON body is not JSON once each output stands for a value",
                .check_template = check});
}
