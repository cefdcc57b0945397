// form-literal-newline: a line break written in a form body becomes part of the value before it
// (the seed's Twilio body puts each pair on its own line); a final newline ends the last value.
#include "lint/rule.hpp"

namespace {

void check(lint::TemplateContext& ctx) {
  if (ctx.unit().body_type != liquid::validate::BodyType::form || !ctx.unit().is_body()) return;
  const auto* a = ctx.analysis();
  if (!a) return;
  const std::size_t end = a->source().size();
  for (const auto& t : a->texts()) {
    if (t.captured) continue;
    for (std::size_t i = 0; i < t.text.size(); ++i) {
      if (t.text[i] != '\n' && t.text[i] != '\r') continue;
      std::size_t k = i;
      while (k < t.text.size() && (t.text[k] == '\n' || t.text[k] == '\r' || t.text[k] == ' ' ||
                                   t.text[k] == '\t'))
        ++k;
      const bool at_end = k == t.text.size() && t.begin + k == end;
      ctx.report(t.begin + i,
                 at_end ? "the form body ends with a line break, which is sent as part of the last "
                          "value: remove it, or end the last tag or output with -%} or -}}"
                        : "a line break in a form body becomes part of the value before it: write "
                          "the pairs on one line (or percent-encode it as %0A)");
      i = k;
    }
  }
}

}  // namespace

LINT_BUILTIN_RULE(form_literal_newline) {
  registry.add({.id = "form-literal-newline",
                .severity = lint::Severity::error,
                .doc = "A line break written in a form body (it becomes part of a value)",
                .check_template = check});
}
