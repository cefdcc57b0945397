// unknown-tag: a tag the dialect does not define, with the closest known names.
#include <set>

#include "lint/rule.hpp"

namespace {

std::string quoted_name(std::string_view message) {
  const auto open = message.find('\'');
  if (open == std::string_view::npos) return "";
  const auto close = message.find('\'', open + 1);
  if (close == std::string_view::npos) return "";
  return std::string(message.substr(open + 1, close - open - 1));
}

void check(lint::TemplateContext& ctx) {
  const auto& p = ctx.parsed();
  std::set<std::size_t> seen;
  std::vector<std::string> known;
  for (const auto* t : ctx.environment().tags()) known.push_back(t->name);
  for (const auto* list : {&p.strict_errors, &p.lax_errors}) {
    for (const auto& d : *list) {
      if (d.id != liquid::errc::unknown_tag || !seen.insert(d.where.offset).second) continue;
      const std::string name = quoted_name(d.message);
      if (name.empty()) {
        ctx.report(d.where.offset, d.message);
        continue;
      }
      ctx.report(d.where.offset,
                 "unknown tag '" + name + "'" + lint::suggestion_text(lint::did_you_mean(name, known)));
    }
  }
}

}  // namespace

LINT_BUILTIN_RULE(unknown_tag) {
  registry.add({.id = "unknown-tag",
                .severity = lint::Severity::error,
                .doc = "A tag the dialect does not define (with a did-you-mean)",
                .check_template = check});
}
