// ruby-hash-dump: `{{ customer | replace: "=>", ":" }}` turns Ruby's inspect output into
// something that looks like JSON, but nil prints as `nil`, symbols and "=>" inside values break it.
#include "liquid/filter.hpp"
#include "lint/rule.hpp"

namespace {

void check(lint::TemplateContext& ctx) {
  const auto* a = ctx.analysis();
  if (!a) return;
  const bool has_json = ctx.environment().find_filter("json") != nullptr;
  for (const auto& use : a->filters()) {
    const auto& call = *use.call;
    if (call.name != "replace" || call.args.empty()) continue;
    const auto* lit = std::get_if<liquid::ast::Literal>(&call.args[0].node);
    if (!lit || !lit->value.is_string() || lit->value.as_string().find("=>") == std::string_view::npos)
      continue;
    ctx.report(call.offset,
               std::string("replacing \"=>\" does not make a hash JSON: nil prints as nil, and "
                           "symbols or \"=>\" inside values break it; ") +
                   (has_json ? "use | json" : "use the webhook dialect's | json filter"));
  }
}

}  // namespace

LINT_BUILTIN_RULE(ruby_hash_dump) {
  registry.add({.id = "ruby-hash-dump",
                .severity = lint::Severity::error,
                .doc = "replace: \"=>\", \":\" used to dump a hash as JSON (use | json)",
                .check_template = check});
}
