// filter-arity: a known filter called with too few or too many arguments, or with keyword
// arguments it does not take.
#include "liquid/filter.hpp"
#include "lint/rule.hpp"

namespace {

std::string arguments(int n) { return std::to_string(n) + (n == 1 ? " argument" : " arguments"); }

std::string expected(const liquid::FilterDef& def) {
  if (def.max_args == 0) return "takes no arguments";
  if (def.max_args == liquid::FilterDef::unbounded) return "needs at least " + arguments(def.min_args);
  if (def.min_args == def.max_args) return "takes " + arguments(def.min_args);
  return "takes " + std::to_string(def.min_args) + " to " + arguments(def.max_args);
}

void check(lint::TemplateContext& ctx) {
  const auto* a = ctx.analysis();
  if (!a) return;
  for (const auto& use : a->filters()) {
    const auto& call = *use.call;
    if (!call.def) continue;
    const auto& def = *call.def;
    const int n = static_cast<int>(call.args.size());
    const bool too_many = def.max_args != liquid::FilterDef::unbounded && n > def.max_args;
    if (n < def.min_args || too_many) {
      ctx.report(call.offset, "'" + call.name + "' " + expected(def) + ", not " + std::to_string(n));
    } else if (!call.kwargs.empty() && !def.keywords) {
      ctx.report(call.offset, "'" + call.name + "' takes no keyword arguments ('" +
                                  call.kwargs.front().name + ":' given)");
    }
  }
}

}  // namespace

LINT_BUILTIN_RULE(filter_arity) {
  registry.add({.id = "filter-arity",
                .severity = lint::Severity::error,
                .doc = "A filter called with the wrong number of arguments",
                .check_template = check});
}
