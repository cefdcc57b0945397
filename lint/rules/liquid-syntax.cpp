// liquid-syntax: every tag and output must parse in strict mode. Errors lax mode also reports
// break the template everywhere; strict errors at text that lax mode skips (the Zendesk
// `{{customer.firstName"}}`, whose stray quote a lax host silently drops) are mistakes too.
#include <set>

#include "internal.hpp"
#include "lint/rule.hpp"

namespace {

void check(lint::TemplateContext& ctx) {
  const auto& p = ctx.parsed();
  std::set<std::size_t> lax_offsets;
  for (const auto& d : p.lax_errors) {
    if (d.id == liquid::errc::unknown_tag) continue;  // unknown-tag's business
    lax_offsets.insert(d.where.offset);
    ctx.report(d.where.offset, d.message);
  }
  for (const auto& d : p.strict_errors) {
    if (d.id == liquid::errc::unknown_tag || lax_offsets.contains(d.where.offset)) continue;
    if (!p.lax) {
      ctx.report(d.where.offset, d.message);
      continue;
    }
    if (lint::detail::lax_reads_offset(*p.lax, d.where.offset)) continue;  // lax-only-construct
    ctx.report(d.where.offset, d.message + " (lax mode silently ignores this text)");
  }
}

}  // namespace

LINT_BUILTIN_RULE(liquid_syntax) {
  registry.add({.id = "liquid-syntax",
                .severity = lint::Severity::error,
                .doc = "Every tag and output parses in strict mode (lax hosts silently drop what does not)",
                .check_template = check});
}
