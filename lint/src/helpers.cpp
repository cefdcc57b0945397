// Helpers the rules share: what an output can print, and fixture renders validated and mapped
// back to the template.
#include <set>

#include "internal.hpp"
#include "liquid/filter.hpp"

namespace lint::detail {

namespace {

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (auto n : names)
    if (n == name) return true;
  return false;
}

// Filters whose output is a number or a hex digest: no quotes, backslashes, controls, spaces,
// `&`, `=` or `+` (a negative number's `-` is harmless everywhere).
bool prints_number_or_hex(std::string_view filter) {
  return one_of(filter, {"plus", "minus", "times", "divided_by", "modulo", "abs", "ceil", "floor",
                         "round", "at_least", "at_most", "size", "md5", "sha1", "sha256",
                         "hmac_sha1", "hmac_sha256"});
}

// A literal printed as is, or `forloop.index` and friends.
bool inherently_safe(const OutputSite& site, bool (*char_ok)(char)) {
  if (!site.expr || !site.expr->filters.empty()) return false;
  const auto& base = site.expr->base.node;
  if (const auto* lit = std::get_if<liquid::ast::Literal>(&base)) {
    if (lit->value.is_number() || lit->value.is_bool() || lit->value.is_nil()) return true;
    if (!lit->value.is_string()) return false;
    for (char c : lit->value.as_string())
      if (!char_ok(c)) return false;
    return true;
  }
  if (const auto* var = std::get_if<liquid::ast::Variable>(&base))
    return (var->name == "forloop" || var->name == "tablerowloop") && var->lookups.size() == 1;
  return false;
}

}  // namespace

bool prints_json_string_safe(const OutputSite& site) {
  if (site.kind == OutputSite::Kind::counter) return true;
  if (site.kind != OutputSite::Kind::output) return false;
  if (inherently_safe(site, [](char c) { return c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20; }))
    return true;
  const auto* f = site.last_filter();
  if (!f) return false;
  if (site.last_filter_flags() & (liquid::filter_url_encodes | liquid::filter_raw)) return true;
  return prints_number_or_hex(f->name) || one_of(f->name, {"base64_encode", "base64_url_safe_encode"});
}

bool prints_form_safe(const OutputSite& site) {
  if (site.kind == OutputSite::Kind::counter) return true;
  if (site.kind != OutputSite::Kind::output) return false;
  if (inherently_safe(site, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.' || c == '~' || c == '%' || c == '*';
      }))
    return true;
  const auto* f = site.last_filter();
  if (!f) return false;
  if (site.last_filter_flags() & (liquid::filter_url_encodes | liquid::filter_raw)) return true;
  return prints_number_or_hex(f->name);
}

bool prints_without_line_breaks(const OutputSite& site) {
  if (site.kind == OutputSite::Kind::counter) return true;
  if (site.kind != OutputSite::Kind::output) return false;
  if (inherently_safe(site, [](char c) { return c != '\n' && c != '\r'; })) return true;
  const auto* f = site.last_filter();
  if (!f) return false;
  if (site.last_filter_flags() & (liquid::filter_url_encodes | liquid::filter_json_encodes)) return true;
  return prints_number_or_hex(f->name) ||
         one_of(f->name, {"strip_newlines", "base64_encode", "base64_url_safe_encode"});
}

std::string output_text(std::string_view source, const OutputSite& site) {
  std::string_view text = source.substr(site.begin, site.end > site.begin ? site.end - site.begin : 0);
  if (site.kind == OutputSite::Kind::output && site.expr && !text.starts_with("{{")) {
    // echo: show the expression the way an output would print it.
    return "{{ " + std::string(source.substr(site.expr->offset, site.expr->length)) + " }}";
  }
  std::string out;
  bool space = false;
  for (char c : text) {  // one line, single spaces
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  constexpr std::size_t kMax = 60;
  if (out.size() > kMax) out = out.substr(0, kMax) + "...";
  return out;
}

std::size_t template_offset(const FixtureRender& render, std::size_t out_offset,
                            const Analysis* analysis) {
  auto at = render.origins.locate(out_offset);
  if (!at) return 0;
  if (analysis)
    for (const auto& site : analysis->outputs())
      if (at->offset >= site.begin && at->offset < site.end) return site.begin;
  return at->offset;
}

std::string fixture_detail(const FixtureRender& render, const liquid::validate::Issue* issue) {
  std::string s = "(fixture " + render.record_name;
  if (render.hostile) s += ", hostile";
  if (issue) s += ", output " + std::to_string(issue->line) + ":" + std::to_string(issue->column);
  return s + ")";
}

std::vector<RenderedIssue> rendered_issues(TemplateContext& ctx) {
  std::vector<RenderedIssue> out;
  const auto type = ctx.unit().body_type;
  if (type == liquid::validate::BodyType::unknown || !ctx.unit().is_body()) return out;
  // One finding per template position and rule: a bad output usually breaks several bytes.
  std::set<std::pair<bool, std::size_t>> seen;
  for (const auto& r : ctx.renders()) {
    if (r.error) continue;
    auto report = liquid::validate::validate(r.output, type);
    liquid::validate::drop_intended(report, r.origins, false);
    for (auto& issue : report.issues) {
      const std::size_t at = template_offset(r, issue.offset, ctx.analysis());
      if (!seen.emplace(issue.id == liquid::validate::ids::form_literal_plus, at).second) continue;
      out.push_back({std::move(issue), at, &r});
    }
  }
  return out;
}

void report_rendered_issues(TemplateContext& ctx, liquid::validate::BodyType type,
                            std::string_view rule_id) {
  if (ctx.unit().body_type != type) return;
  for (const auto& ri : rendered_issues(ctx)) {
    if (ri.issue.id == liquid::validate::ids::form_literal_plus) continue;  // form-literal-plus
    ReportExtra extra;
    extra.severity = ri.issue.severity;
    extra.detail = fixture_detail(*ri.render, &ri.issue);
    std::string message = ri.issue.message;
    if (ri.issue.id != rule_id) message += " (" + ri.issue.id + ")";
    ctx.report(ri.template_offset, std::move(message), std::move(extra));
  }
}

}  // namespace lint::detail
