// render-error: rendered with a fixture record, the template fails with a Liquid error (a filter
// given the wrong kind of value, a division by zero, a missing partial...): the sender would
// not send that record's request.
#include <set>

#include "lint/rule.hpp"

namespace {

bool limit_error(std::string_view id) {
  return id == liquid::errc::output_limit || id == liquid::errc::step_limit ||
         id == liquid::errc::time_limit || id == liquid::errc::nesting_too_deep ||
         id == liquid::errc::include_depth;
}

void check(lint::TemplateContext& ctx) {
  std::set<std::pair<std::size_t, std::string>> reported;
  for (const auto& r : ctx.renders()) {
    if (!r.error || limit_error(r.error->id)) continue;  // resource-limit's business
    // An error inside a partial is reported at the top of the template, naming the partial.
    const bool here = r.error->has_position && r.error->where.name == ctx.parsed().tree()->name();
    const std::size_t at = here ? r.error->where.offset : 0;
    std::string in;
    if (r.error->has_position && !here)
      in = " (in " + r.error->where.name + ":" + std::to_string(r.error->where.line) + ":" +
           std::to_string(r.error->where.column) + ")";
    if (!reported.emplace(at, r.error->id).second) continue;
    lint::ReportExtra extra;
    extra.detail = "(fixture " + r.record_name + ")";
    ctx.report(at, "rendering fails: " + r.error->message + in + " (" + r.error->id + ")", std::move(extra));
  }
}

}  // namespace

LINT_BUILTIN_RULE(render_error) {
  registry.add({.id = "render-error",
                .severity = lint::Severity::error,
                .doc = "Rendered with the fixtures, the template fails with a Liquid error",
                .check_template = check,
                .needs_fixtures = true});
}
