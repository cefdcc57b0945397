#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::Positions;

lint::Result lint_def(const std::string& json) {
  lint::Linter linter(lint::Registry::builtin(), {});
  return linter.lint_definition("d.json", json);
}

TEST(CredentialsInTemplate, Urls) {
  struct Case {
    const char* json;
    Positions expected;
  } cases[] = {
      {R"({"url": "https://user:s3cret@api.example.com/x"})", {"1:23"}},
      {R"({"url": "https://sk_live_abc123:@api.lob.com/v1"})", {"1:18"}},
      {R"({"url": "https://api.example.com/x?key=abc123&token={{ t | url_encode }}"})", {"1:40"}},
      {R"({"url": "https://{{ u }}:{{ p | url_encode }}@api.example.com/x"})", {}},
      // Placeholders are placeholder-text's business.
      {R"({"url": "https://[API-KEY]:@api.lob.com/v1"})", {}},
      {R"({"url": "https://api.trello.com/1/cards?key=YOUR-API-KEY"})", {}},
      {R"({"url": "https://api.example.com/x?page=2&q=user@example.com"})", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(at(lint_def(c.json), "credentials-in-template"), c.expected) << c.json;
}

TEST(CredentialsInTemplate, SecretHeaders) {
  auto r = lint_def(R"({"url": "https://x.example",
 "headers": {"Authorization": "Bearer abc123def", "X-Api-Key": "{{ secrets.key }}",
             "Accept": "application/json", "X-Token": "[YOUR_TOKEN]"}})");
  EXPECT_EQ(at(r, "credentials-in-template"), Positions{"2:39"});
}

}  // namespace
