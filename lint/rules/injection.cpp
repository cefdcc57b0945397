// injection: rendered with a hostile copy of each fixture record (every string ends in a quote
// and a new JSON key, `&name=1&`, `</x><name/>`, CR LF, a backslash...), the body changes shape:
// an injected JSON key, form field or XML element appears, or the body stops being valid.
// Reported at the output that let it through.
#include <set>

#include "internal.hpp"
#include "lint/rule.hpp"

namespace {

using liquid::validate::BodyType;

// Offsets in `body` where the hostile text got out of its value.
std::vector<std::size_t> injected_at(std::string_view body, BodyType type) {
  std::vector<std::size_t> out;
  const std::string name(lint::kInjectedName);
  if (type == BodyType::json) {
    // `"liquid_lint_injected":` with an unescaped opening quote is a key of its own.
    const std::string key = "\"" + name + "\"";
    for (std::size_t at = body.find(key); at != std::string_view::npos; at = body.find(key, at + 1))
      if (at == 0 || body[at - 1] != '\\') out.push_back(at);
  } else if (type == BodyType::form) {
    const std::string field = "&" + name + "=";
    for (std::size_t at = body.find(field); at != std::string_view::npos; at = body.find(field, at + 1))
      out.push_back(at + 1);
  } else if (type == BodyType::xml) {
    const std::string element = "<" + name + "/>";
    for (std::size_t at = body.find(element); at != std::string_view::npos; at = body.find(element, at + 1))
      out.push_back(at);
  }
  return out;
}

void check(lint::TemplateContext& ctx) {
  const auto& unit = ctx.unit();
  const BodyType type = unit.body_type;
  if (!unit.is_body() || (type != BodyType::json && type != BodyType::form && type != BodyType::xml))
    return;
  const auto benign = ctx.renders();
  std::set<std::size_t> reported;
  for (const auto& r : ctx.hostile_renders()) {
    if (r.error) continue;
    bool found = false;
    for (std::size_t at : injected_at(r.output, type)) {
      const std::size_t where = lint::detail::template_offset(r, at, ctx.analysis());
      found = true;
      if (!reported.insert(where).second) continue;
      lint::ReportExtra extra;
      extra.detail = lint::detail::fixture_detail(r, nullptr);
      ctx.report(where,
                 std::string("hostile data changes the body's shape here: a value ending in ") +
                     (type == BodyType::json   ? "'\", \"key\": true' adds a JSON key"
                      : type == BodyType::form ? "'&name=1' adds a form field"
                                               : "'</x><name/>' adds an XML element") +
                     (type == BodyType::json   ? "; print it with | json"
                      : type == BodyType::form ? "; end it with | url_encode"
                                               : "; end it with | escape"),
                 std::move(extra));
    }
    if (found) continue;
    // No injected name, but a body that only breaks with hostile data still lets it through.
    const bool benign_ok = r.record < benign.size() && !benign[r.record].error &&
                           liquid::validate::validate(benign[r.record].output, type).ok();
    if (!benign_ok) continue;
    const auto report = liquid::validate::validate(r.output, type);
    for (const auto& issue : report.issues) {
      if (issue.severity != liquid::Severity::error) continue;
      const std::size_t where = lint::detail::template_offset(r, issue.offset, ctx.analysis());
      if (!reported.insert(where).second) break;
      lint::ReportExtra extra;
      extra.detail = lint::detail::fixture_detail(r, &issue);
      ctx.report(where, "hostile data breaks the body here: " + issue.message, std::move(extra));
      break;
    }
  }
}

}  // namespace

LINT_BUILTIN_RULE(injection) {
  registry.add({.id = "injection",
                .severity = lint::Severity::error,
                .doc = "Rendered with hostile fixture data, the body changes shape (an injected key, field or element)",
                .check_template = check,
                .needs_fixtures = true});
}
