// request-definition: what the webhook sender's own definition parser rejects (unknown fields,
// wrong types, a bad method or header name, an unreadable body_file, invalid JSON), and a body
// on a GET request, which the sender does not send.
#include "lint/rule.hpp"

namespace {

void check(lint::DefinitionContext& ctx) {
  const auto& def = ctx.definition();
  if (def.problem) ctx.report(def.problem->offset, def.problem->message);
  if (def.method == "GET" && def.body_offset) {
    lint::ReportExtra extra;
    extra.severity = lint::Severity::warning;
    ctx.report(*def.body_offset, "a GET request sends no body: this body is ignored", std::move(extra));
  }
}

}  // namespace

LINT_BUILTIN_RULE(request_definition) {
  registry.add({.id = "request-definition",
                .severity = lint::Severity::error,
                .doc = "The request definition is rejected by the sender (fields, types, method, JSON)",
                .check_definition = check});
}
