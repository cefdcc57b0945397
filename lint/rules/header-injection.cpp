// header-injection: a header (or URL) template whose output can contain CR or LF: a line break in
// the data would start a new header. The sender refuses such a request, so it is never delivered.
#include "internal.hpp"
#include "lint/rule.hpp"

namespace {

void check(lint::TemplateContext& ctx) {
  const auto& unit = ctx.unit();
  if (unit.role != lint::Role::header && unit.role != lint::Role::url) return;
  const auto* a = ctx.analysis();
  if (!a) return;
  for (const auto& s : a->outputs()) {
    if (s.captured) continue;
    if (lint::detail::prints_without_line_breaks(s)) continue;
    const std::string shown = lint::detail::output_text(a->source(), s);
    if (unit.role == lint::Role::header)
      ctx.report(s.begin, "the " + unit.header_name + " header prints " + shown +
                              " as is: a CR or LF in the data would start a new header (the sender "
                              "then refuses the request); add | strip_newlines or | url_encode");
    else
      ctx.report(s.begin, "the URL prints " + shown +
                              " as is: a CR, LF or other control character in the data makes the "
                              "sender refuse the request; add | url_encode");
  }
}

}  // namespace

LINT_BUILTIN_RULE(header_injection) {
  registry.add({.id = "header-injection",
                .severity = lint::Severity::warning,
                .doc = "A header or URL template whose output can contain CR/LF",
                .check_template = check});
}
