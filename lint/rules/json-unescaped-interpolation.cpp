// json-unescaped-interpolation: an output inside a JSON string whose text is not JSON-escaped:
// a quote, backslash or line break in the data breaks the body (or adds keys to it). When the
// string is one output and nothing else, the safe fix is `"{{ x }}"` -> `{{ x | json }}`.
#include "internal.hpp"
#include "lint/rule.hpp"

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// `"{{ x }}"` as a whole JSON string value (not a key): the range to replace, quotes included.
bool whole_string_value(std::string_view src, const lint::OutputSite& s) {
  if (!s.expr || s.begin == 0 || s.json_string_begin != s.begin - 1) return false;
  if (src.compare(s.begin, 2, "{{") != 0 || s.end >= src.size() || src[s.end] != '"') return false;
  std::size_t k = s.end + 1;
  while (k < src.size() && space(src[k])) ++k;
  return k >= src.size() || src[k] != ':';
}

std::string with_json(std::string_view src, const lint::OutputSite& s) {
  const std::string_view markup = trim(src.substr(s.expr->offset, s.expr->length));
  const bool trim_left = src.compare(s.begin, 3, "{{-") == 0;
  const bool trim_right = s.end >= 3 && src.compare(s.end - 3, 3, "-}}") == 0;
  return std::string(trim_left ? "{{- " : "{{ ") + std::string(markup) + " | json" +
         (trim_right ? " -}}" : " }}");
}

void check(lint::TemplateContext& ctx) {
  if (ctx.unit().body_type != liquid::validate::BodyType::json || !ctx.unit().is_body()) return;
  const auto* a = ctx.analysis();
  if (!a) return;
  const std::string_view src = a->source();
  const bool has_json = ctx.environment().find_filter("json") != nullptr;
  for (const auto& s : a->outputs()) {
    if (s.json != lint::JsonSlot::in_string || s.kind != lint::OutputSite::Kind::output) continue;
    if (lint::detail::prints_json_string_safe(s)) continue;
    if (s.last_filter_flags() & liquid::filter_json_encodes) continue;  // double-encoding's business
    const std::string shown = lint::detail::output_text(src, s);
    std::string message = shown + " is inside a JSON string with no JSON escaping: a quote, " +
                          "backslash or line break in the data breaks the body";
    lint::ReportExtra extra;
    // A fix rewrites the markup: only for templates that parse strictly.
    if (has_json && ctx.parsed().strict && whole_string_value(src, s)) {
      const std::string fixed = with_json(src, s);
      message += "; print the whole value with " + fixed;
      extra.fix = lint::Fix{"\"" + shown + "\" -> " + fixed, {{s.begin - 1, s.end + 1, fixed}}};
    } else {
      message += has_json ? "; capture the string and print it with | json, or render with "
                            "contextual escaping (--escape json)"
                          : "; render with contextual escaping (--escape json)";
    }
    ctx.report(s.begin, message, std::move(extra));
  }
}

}  // namespace

LINT_BUILTIN_RULE(json_unescaped_interpolation) {
  registry.add({.id = "json-unescaped-interpolation",
                .severity = lint::Severity::warning,
                .doc = "An output inside a JSON string that is not JSON-escaped (suggests | json)",
                .check_template = check});
}
