// form-unencoded-interpolation: an output in a form body (application/x-www-form-urlencoded) whose
// last filter does not URL-encode: `&`, `=`, `+`, `%` or a space in the data breaks the form.
// `escape` is HTML escaping, not URL encoding (the seed's Twilio body): the safe fix is
// `| escape` -> `| url_encode`.
#include "internal.hpp"
#include "liquid/filter.hpp"
#include "lint/rule.hpp"

namespace {

void check(lint::TemplateContext& ctx) {
  if (ctx.unit().body_type != liquid::validate::BodyType::form || !ctx.unit().is_body()) return;
  const auto* a = ctx.analysis();
  if (!a) return;
  const std::string_view src = a->source();
  for (const auto& s : a->outputs()) {
    if (s.form != lint::FormSlot::name && s.form != lint::FormSlot::value) continue;
    if (s.kind != lint::OutputSite::Kind::output || lint::detail::prints_form_safe(s)) continue;
    const std::string shown = lint::detail::output_text(src, s);
    const std::string part = s.form == lint::FormSlot::value ? "form value" : "form field name";
    const auto* last = s.last_filter();
    lint::ReportExtra extra;
    if (last && (s.last_filter_flags() & liquid::filter_html_escapes)) {
      extra.severity = lint::Severity::error;
      if (ctx.environment().find_filter("url_encode"))
        extra.fix = lint::Fix{"| " + last->name + " -> | url_encode",
                              {{last->offset, last->offset + last->name.size(), "url_encode"}}};
      ctx.report(last->offset,
                 "'" + last->name + "' is HTML escaping, not URL encoding: '+', '&', '=' and spaces in " +
                     shown + " pass through into the " + part + "; use | url_encode",
                 std::move(extra));
      continue;
    }
    ctx.report(s.begin, shown + " is not URL-encoded in a " + part +
                            ": '&', '=', '+' or a space in the data breaks the form; end it with | url_encode",
               std::move(extra));
  }
}

}  // namespace

LINT_BUILTIN_RULE(form_unencoded_interpolation) {
  registry.add({.id = "form-unencoded-interpolation",
                .severity = lint::Severity::warning,
                .doc = "A form value whose output does not end in url_encode (escape is HTML escaping)",
                .check_template = check});
}
