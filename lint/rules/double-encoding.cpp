// double-encoding: a value encoded twice: `| url_encode | url_encode`, `| escape | escape`,
// `| json | json`, or a JSON-encoded value (quotes included) inside a JSON string.
#include "internal.hpp"
#include "liquid/filter.hpp"
#include "lint/rule.hpp"

namespace {

struct Encoding {
  std::uint8_t flag;
  const char* what;
};
constexpr Encoding kEncodings[] = {{liquid::filter_url_encodes, "URL-encoded"},
                                   {liquid::filter_html_escapes, "HTML-escaped"},
                                   {liquid::filter_json_encodes, "JSON-encoded"}};

void check(lint::TemplateContext& ctx) {
  const auto* a = ctx.analysis();
  if (!a) return;
  const std::string_view src = a->source();
  std::vector<const liquid::ast::FilteredExpr*> seen;
  for (const auto& use : a->filters()) {
    if (std::find(seen.begin(), seen.end(), use.owner) != seen.end()) continue;
    seen.push_back(use.owner);
    for (const auto& enc : kEncodings) {
      const liquid::ast::FilterCall* first = nullptr;
      for (const auto& f : use.owner->filters) {
        if (!f.def) continue;
        if (enc.flag == liquid::filter_url_encodes && (f.def->flags & liquid::filter_url_decodes))
          first = nullptr;  // decoded in between: encoding again is fine
        if (!(f.def->flags & enc.flag)) continue;
        if (first) {
          ctx.report(f.offset, "the value is " + std::string(enc.what) + " twice ('" + first->name +
                                   "' already did it): the receiver sees the encoding itself");
          break;
        }
        first = &f;
      }
    }
  }
  if (ctx.unit().body_type != liquid::validate::BodyType::json || !ctx.unit().is_body()) return;
  for (const auto& s : a->outputs()) {
    if (s.json != lint::JsonSlot::in_string || !(s.last_filter_flags() & liquid::filter_json_encodes))
      continue;
    ctx.report(s.last_filter()->offset,
               lint::detail::output_text(src, s) +
                   " prints a JSON value, quotes included, inside a JSON string: remove the quotes "
                   "around it");
  }
}

}  // namespace

LINT_BUILTIN_RULE(double_encoding) {
  registry.add({.id = "double-encoding",
                .severity = lint::Severity::warning,
                .doc = "A value encoded twice (url_encode twice, | json inside a JSON string...)",
                .check_template = check});
}
