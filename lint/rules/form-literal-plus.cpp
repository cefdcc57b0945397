// form-literal-plus: a `+` in a form body decodes to a space. Written in the template, or printed
// by an output that does not URL-encode (with fixtures: the Twilio phone number through `escape`).
#include "internal.hpp"
#include "lint/rule.hpp"

namespace {

void check(lint::TemplateContext& ctx) {
  if (ctx.unit().body_type != liquid::validate::BodyType::form || !ctx.unit().is_body()) return;
  const auto* a = ctx.analysis();
  if (!a) return;
  for (const auto& t : a->texts()) {
    if (t.captured) continue;
    for (std::size_t i = 0; i < t.text.size(); ++i)
      if (t.text[i] == '+')
        ctx.report(t.begin + i, "a literal '+' in a form body decodes to a space; write %2B for a plus sign");
  }
  if (ctx.config().fixtures.empty()) return;
  for (const auto& ri : lint::detail::rendered_issues(ctx)) {
    if (ri.issue.id != liquid::validate::ids::form_literal_plus) continue;
    const auto* span = ri.render->origins.find(ri.issue.offset);
    if (!span || span->kind == liquid::OriginSpan::Kind::text) continue;  // reported above
    lint::ReportExtra extra;
    extra.detail = lint::detail::fixture_detail(*ri.render, &ri.issue);
    ctx.report(ri.template_offset,
               "this output prints a '+', which a form body decodes to a space; end it with | url_encode",
               std::move(extra));
  }
}

}  // namespace

LINT_BUILTIN_RULE(form_literal_plus) {
  registry.add({.id = "form-literal-plus",
                .severity = lint::Severity::warning,
                .doc = "A '+' in a form body (it decodes to a space), written or printed",
                .check_template = check});
}
