// content-type-mismatch: the body's literal text says one format and the Content-Type another
// (a JSON header on a form body, a form header on a JSON body, XML...). Without a Content-Type
// header the sender sends application/json.
#include "lint/rule.hpp"

namespace {

using liquid::validate::BodyType;

// What the first literal character of a body says it is.
BodyType looks_like(char c, std::string_view rest) {
  if (c == '{' || c == '[') return BodyType::json;
  if (c == '<') return BodyType::xml;
  const auto eq = rest.find('=');
  const auto nl = rest.find('\n');
  if (eq != std::string_view::npos && (nl == std::string_view::npos || eq < nl)) return BodyType::form;
  return BodyType::unknown;
}

std::string_view describe(BodyType t) {
  switch (t) {
    case BodyType::json: return "JSON";
    case BodyType::form: return "form data (name=value&...)";
    case BodyType::xml: return "XML";
    default: return "";
  }
}

void check(lint::TemplateContext& ctx) {
  const auto& unit = ctx.unit();
  if (!unit.is_body() || unit.body_type == BodyType::unknown || unit.body_type == BodyType::text)
    return;
  const auto* a = ctx.analysis();
  if (!a) return;
  // The first visible character, if literal text comes before any output.
  const lint::TextSite* first = nullptr;
  std::size_t at = 0;
  for (const auto& t : a->texts()) {
    if (t.captured) continue;
    const auto k = t.text.find_first_not_of(" \t\r\n");
    if (k == std::string_view::npos) continue;
    first = &t;
    at = k;
    break;
  }
  if (!first) return;
  for (const auto& s : a->outputs())
    if (!s.captured && s.begin < first->begin) return;  // the body starts with an output
  const BodyType seen = looks_like(first->text[at], first->text.substr(at));
  if (seen == BodyType::unknown || seen == unit.body_type) return;
  std::string header = "the Content-Type is " + unit.content_type;
  if (unit.definition && !unit.definition->content_type_given)
    header = "without a Content-Type header the sender sends application/json";
  std::string message = header + ", but the body looks like " + std::string(describe(seen));
  if (seen == BodyType::form) message += ": set Content-Type: application/x-www-form-urlencoded";
  else if (seen == BodyType::json) message += ": set Content-Type: application/json";
  else if (seen == BodyType::xml) message += ": set Content-Type: application/xml";
  ctx.report(first->begin + at, message);
}

}  // namespace

LINT_BUILTIN_RULE(content_type_mismatch) {
  registry.add({.id = "content-type-mismatch",
                .severity = lint::Severity::error,
                .doc = "The body's format and its Content-Type disagree (JSON header, form body...)",
                .check_template = check});
}
