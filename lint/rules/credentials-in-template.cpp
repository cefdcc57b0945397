// credentials-in-template: a literal password or token in a URL (`https://user:pass@host`,
// `?token=abc`) or in a secret header (Authorization, X-Api-Key...). Templates live in version
// control: read secrets from the data instead.
#include <cctype>

#include "lint/rule.hpp"
#include "webhook/security.hpp"

namespace {

bool has_liquid(std::string_view s) {
  return s.find("{{") != std::string_view::npos || s.find("{%") != std::string_view::npos;
}

// Placeholders are placeholder-text's business.
bool placeholder(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == '[' || s.front() == '<' || s.starts_with("YOUR") || s.find("XXX") != s.npos)
    return true;
  bool lower = false;
  for (char c : s) lower = lower || std::islower(static_cast<unsigned char>(c));
  return !lower && s.find_first_of("-_") != s.npos;  // API-KEY, MY_TOKEN
}

void check_url(lint::TemplateContext& ctx, std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    const std::size_t host = scheme + 3;
    const std::size_t end = url.find_first_of("/?#", host);
    const std::size_t at = url.rfind('@', end == std::string_view::npos ? url.size() : end);
    if (at != std::string_view::npos && at > host) {
      std::string_view userinfo = url.substr(host, at - host);
      const auto colon = userinfo.find(':');
      std::string_view user = userinfo.substr(0, colon);
      std::string_view pass = colon == std::string_view::npos ? std::string_view() : userinfo.substr(colon + 1);
      // An API key as the user name with an empty password (https://KEY:@host) is a secret too.
      std::string_view secret = !pass.empty() ? pass : user;
      std::size_t secret_at = !pass.empty() ? host + colon + 1 : host;
      if (!has_liquid(secret) && !placeholder(secret))
        ctx.report(secret_at, std::string("a literal ") + (!pass.empty() ? "password" : "credential") +
                                  " in the URL: read it from the data, e.g. https://{{ secrets.user }}:"
                                  "{{ secrets.password | url_encode }}@...");
    }
  }
  // ?token=abc, &api_key=abc
  std::size_t q = url.find('?');
  while (q != std::string_view::npos && q < url.size()) {
    const std::size_t begin = q + 1;
    std::size_t end = url.find_first_of("&#", begin);
    if (end == std::string_view::npos) end = url.size();
    std::string_view pair = url.substr(begin, end - begin);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos) {
      std::string_view name = pair.substr(0, eq), value = pair.substr(eq + 1);
      if (webhook::sensitive_name(name) && !has_liquid(value) && !placeholder(value))
        ctx.report(begin + eq + 1, "a literal secret in the URL's '" + std::string(name) +
                                       "' parameter: read it from the data, e.g. " + std::string(name) +
                                       "={{ secrets." + std::string(name) + " | url_encode }}");
    }
    if (end >= url.size() || url[end] == '#') break;
    q = end;
  }
}

void check(lint::TemplateContext& ctx) {
  const auto& unit = ctx.unit();
  if (unit.role == lint::Role::url) {
    check_url(ctx, unit.source);
    return;
  }
  if (unit.role != lint::Role::header || !webhook::sensitive_name(unit.header_name)) return;
  std::string_view value = unit.source;
  if (has_liquid(value)) return;
  // "Basic abc" / "Bearer abc": the credential is the last word.
  const auto space = value.find_last_of(' ');
  std::string_view credential = space == std::string_view::npos ? value : value.substr(space + 1);
  if (placeholder(credential)) return;
  ctx.report(space == std::string_view::npos ? 0 : space + 1,
             "a literal credential in the " + unit.header_name +
                 " header: read it from the data, e.g. {{ secrets." +
                 (unit.header_name == "Authorization" ? std::string("authorization") : std::string("api_key")) +
                 " }}");
}

}  // namespace

LINT_BUILTIN_RULE(credentials_in_template) {
  registry.add({.id = "credentials-in-template",
                .severity = lint::Severity::error,
                .doc = "A literal password or token in a URL or a secret header (use a variable)",
                .check_template = check});
}
