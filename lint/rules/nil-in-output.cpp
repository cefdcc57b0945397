// nil-in-output: with a fixture record, an output prints nothing because its variable is nil or
// missing in the data: an empty JSON string, a hole where a value belongs (`"id": ,`), an empty
// form value. Give it a `default`, print it with `| json` (null), or make sure the data has it.
// Outputs inside conditionals and loops are left alone: whether they run depends on the data.
#include <set>

#include "lint/rule.hpp"

namespace {

namespace ast = liquid::ast;

// The value at a variable's static path in `data` (nil when missing); nullopt when the path goes
// through something the data does not say (a computed index, size/first/last).
std::optional<liquid::Value> lookup(const liquid::Value& data, const ast::Variable& v) {
  if (v.dynamic_name || !data.is_hash()) return std::nullopt;
  const liquid::Value* cur = data.as_hash().find(v.name);
  if (!cur) return liquid::Value();
  for (const auto& l : v.lookups) {
    if (l.index) return std::nullopt;
    if (cur->is_nil()) return liquid::Value();
    if (!cur->is_hash()) return std::nullopt;
    cur = cur->as_hash().find(l.key);
    if (!cur) return liquid::Value();
  }
  return *cur;
}

// Filters that turn nil into "" (as nil.to_s would print).
bool keeps_nil_empty(const ast::FilterCall& f) {
  for (std::string_view n : {"upcase", "downcase", "capitalize", "strip", "lstrip", "rstrip", "escape",
                             "escape_once", "h", "url_encode", "strip_html", "strip_newlines",
                             "newline_to_br", "truncate", "truncatewords", "replace", "replace_first",
                             "remove", "remove_first", "raw"})
    if (f.name == n) return true;
  return false;
}

void check(lint::TemplateContext& ctx) {
  const auto* a = ctx.analysis();
  if (!a || !ctx.unit().is_body()) return;
  std::set<std::size_t> reported;
  for (const auto& r : ctx.renders()) {
    if (r.error) continue;
    const liquid::Value& data = ctx.config().fixtures[r.record].value;
    for (const auto& site : a->outputs()) {
      if (site.kind != lint::OutputSite::Kind::output || !site.expr || site.conditional) continue;
      if (reported.contains(site.begin)) continue;
      const auto* var = std::get_if<ast::Variable>(&site.expr->base.node);
      if (!var || a->defined_names().contains(var->name)) continue;
      bool empty_for_nil = true;
      for (const auto& f : site.expr->filters) empty_for_nil = empty_for_nil && keeps_nil_empty(f);
      if (!empty_for_nil) continue;
      auto value = lookup(data, *var);
      if (!value || !value->is_nil()) continue;
      reported.insert(site.begin);
      std::string path = var->name;
      for (const auto& l : var->lookups) path += "." + l.key;
      lint::ReportExtra extra;
      extra.detail = "(fixture " + r.record_name + ")";
      ctx.report(site.begin, "prints nothing: '" + path +
                                 "' is nil or missing in the data; give it a default "
                                 "(| default: ...) or print it with | json (null)",
                 std::move(extra));
    }
  }
}

}  // namespace

LINT_BUILTIN_RULE(nil_in_output) {
  registry.add({.id = "nil-in-output",
                .severity = lint::Severity::warning,
                .doc = "With the fixtures, an output prints nothing because its variable is nil",
                .check_template = check,
                .needs_fixtures = true});
}
