// undefined-variable: a variable path the config's schema does not allow (`customer.firstName`
// where the schema has `customer.first_name`), with the closest allowed names. Names the template
// defines itself (assign, capture, loop variables) are always allowed.
#include <set>

#include "lint/rule.hpp"

namespace {

namespace ast = liquid::ast;

std::vector<std::string> split(const std::string& pattern) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (true) {
    std::size_t dot = pattern.find('.', pos);
    out.push_back(pattern.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos));
    if (dot == std::string::npos) return out;
    pos = dot + 1;
  }
}

// How many leading segments of `path` the pattern matches, and whether it matches it all.
std::pair<std::size_t, bool> match(const std::vector<std::string>& pattern,
                                   const std::vector<std::string>& path) {
  for (std::size_t i = 0;; ++i) {
    if (i == pattern.size()) return {i, true};  // what is under an allowed path is allowed
    if (pattern[i] == "**") return {path.size(), true};
    if (i == path.size()) return {i, true};  // a prefix of an allowed path: an object
    if (pattern[i] == "*") {
      if (i + 1 == pattern.size()) return {path.size(), true};
      continue;
    }
    if (pattern[i] != path[i]) return {i, false};
  }
}

void check(lint::TemplateContext& ctx) {
  const auto& schema = ctx.config().schema;
  const auto* a = ctx.analysis();
  if (!schema || !a) return;
  std::vector<std::vector<std::string>> patterns;
  for (const auto& p : *schema) patterns.push_back(split(p));
  std::set<std::string, std::less<>> builtin{"forloop", "tablerowloop"};
  if (ctx.unit().role == lint::Role::response)
    builtin.insert({"response", "response_status", "response_headers"});

  std::set<std::size_t> reported;
  for (const auto& use : a->variables()) {
    const ast::Variable& v = *use.variable;
    if (v.dynamic_name || a->defined_names().contains(v.name) || builtin.contains(v.name)) continue;
    std::vector<std::string> path{v.name};
    std::vector<std::size_t> offsets{use.offset};
    for (const auto& l : v.lookups) {
      if (l.index) break;  // computed: the rest is unknown
      if (l.dotted && (l.key == "size" || l.key == "first" || l.key == "last")) break;
      path.push_back(l.key);
      offsets.push_back(l.offset);
    }
    std::size_t best = 0;
    bool allowed = false;
    for (const auto& p : patterns) {
      auto [depth, full] = match(p, path);
      if (full) {
        allowed = true;
        break;
      }
      best = std::max(best, depth);
    }
    if (allowed || !reported.insert(offsets[best]).second) continue;
    // Names allowed at the failing depth, under the same prefix.
    std::vector<std::string> candidates;
    for (const auto& p : patterns) {
      if (p.size() <= best || p[best] == "*" || p[best] == "**") continue;
      bool prefix = true;
      for (std::size_t i = 0; i < best && prefix; ++i) prefix = p[i] == "*" || p[i] == path[i];
      if (prefix) candidates.push_back(p[best]);
    }
    if (best == 0)
      for (const auto& n : a->defined_names()) candidates.push_back(n);
    std::vector<std::string> suggestions;
    for (const auto& s : lint::did_you_mean(path[best], candidates)) {
      std::string full;
      for (std::size_t i = 0; i < best; ++i) full += path[i] + ".";
      suggestions.push_back(full + s);
    }
    std::string shown;
    for (std::size_t i = 0; i <= best; ++i) shown += (i ? "." : "") + path[i];
    ctx.report(offsets[best], "'" + shown + "' is not in the variable schema" +
                                  lint::suggestion_text(suggestions));
  }
}

}  // namespace

LINT_BUILTIN_RULE(undefined_variable) {
  registry.add({.id = "undefined-variable",
                .severity = lint::Severity::warning,
                .doc = "A variable the config's schema does not allow (with a did-you-mean)",
                .check_template = check});
}
