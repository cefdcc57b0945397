// lax-only-construct: markup that lax mode reads but strict mode rejects: the template works only
// on hosts that parse in lax mode (the webhook sender does; Shopify's strict hosts do not).
#include <set>

#include "internal.hpp"
#include "lint/rule.hpp"

namespace {

void check(lint::TemplateContext& ctx) {
  const auto& p = ctx.parsed();
  if (!p.lax) return;
  std::set<std::size_t> lax_offsets;
  for (const auto& d : p.lax_errors) lax_offsets.insert(d.where.offset);
  for (const auto& d : p.strict_errors) {
    if (d.id == liquid::errc::unknown_tag || lax_offsets.contains(d.where.offset)) continue;
    if (!lint::detail::lax_reads_offset(*p.lax, d.where.offset)) continue;  // liquid-syntax
    ctx.report(d.where.offset, "only lax mode accepts this: " + d.message);
  }
}

}  // namespace

LINT_BUILTIN_RULE(lax_only_construct) {
  registry.add({.id = "lax-only-construct",
                .severity = lint::Severity::warning,
                .doc = "Markup that parses in lax mode but not in strict mode: it works only on lax hosts",
                .check_template = check});
}
