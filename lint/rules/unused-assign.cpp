// unused-assign: a variable assigned or captured and never read. Templates that include partials
// are skipped: a partial may read it.
#include <set>

#include "lint/rule.hpp"

namespace {

void check(lint::TemplateContext& ctx) {
  const auto* a = ctx.analysis();
  if (!a || a->uses_partials()) return;
  std::set<std::string, std::less<>> read;
  for (const auto& use : a->variables()) read.insert(use.variable->name);
  for (const auto& as : a->assignments()) {
    if (read.contains(as.name)) continue;
    ctx.report(as.offset, "'" + as.name + "' is " + (as.tag == "capture" ? "captured" : "assigned") +
                              " but never used");
  }
}

}  // namespace

LINT_BUILTIN_RULE(unused_assign) {
  registry.add({.id = "unused-assign",
                .severity = lint::Severity::warning,
                .doc = "A variable assigned or captured and never read",
                .check_template = check});
}
