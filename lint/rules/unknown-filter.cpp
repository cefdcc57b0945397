// unknown-filter: a filter the dialect does not define. Lax hosts pass the value through
// unchanged, so the mistake only shows in the data the receiver gets.
#include "lint/rule.hpp"

namespace {

void check(lint::TemplateContext& ctx) {
  const auto* a = ctx.analysis();
  if (!a) return;
  std::vector<std::string> known;
  for (const auto* f : ctx.environment().filters()) known.push_back(f->name);
  for (const auto& name : ctx.config().extra_filters) known.push_back(name);
  static const auto webhook_env = liquid::Environment::webhook();
  for (const auto& use : a->filters()) {
    const auto& call = *use.call;
    if (call.def || ctx.extra_filter(call.name)) continue;
    std::string message = "unknown filter '" + call.name + "'";
    if (webhook_env->find_filter(call.name))
      message += " in the standard dialect (it is one of liquidhook's webhook filters: set "
                 "\"dialect\": {\"filters\": \"webhook\"})";
    else
      message += lint::suggestion_text(lint::did_you_mean(call.name, known));
    ctx.report(call.offset, message);
  }
}

}  // namespace

LINT_BUILTIN_RULE(unknown_filter) {
  registry.add({.id = "unknown-filter",
                .severity = lint::Severity::error,
                .doc = "A filter the dialect does not define (with a did-you-mean)",
                .check_template = check});
}
