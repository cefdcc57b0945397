#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::Positions;

lint::Result lint_def(const std::string& json) {
  lint::Linter linter(lint::Registry::builtin(), {});
  return linter.lint_definition("d.json", json);
}

TEST(RequestDefinition, WhatTheSenderRejects) {
  struct Case {
    const char* json;
    Positions expected;
  } cases[] = {
      {R"({"url": "https://x.example", "method": "POST", "body": "{}"})", {}},
      {R"({"url": "https://x.example", "metod": "POST"})", {"1:30"}},
      {"{\"url\": \"https://x.example\",\n \"method\": \"FETCH\"}", {"2:12"}},
      {R"({"url": "https://x.example", "retry": {"timeout_s": "4"}})", {"1:53"}},
      {"{\"url\": \"https://x.example\",\n \"body\": \"x\",}", {"2:13"}},
      {R"({"url": "https://x.example", "body_file": "does-not-exist.liquid"})", {"1:43"}},
  };
  for (const auto& c : cases) EXPECT_EQ(at(lint_def(c.json), "request-definition"), c.expected) << c.json;
}

TEST(RequestDefinition, GetWithABody) {
  auto f = lint_test::of(lint_def(R"({"url": "https://x.example", "method": "get", "body": "x"})"),
                         "request-definition");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, lint::Severity::warning);
}

TEST(RequestDefinition, NotADefinition) {
  lint::Linter linter(lint::Registry::builtin(), {});
  auto r = linter.lint_definition("data.json", R"({"customer": {}})");
  EXPECT_TRUE(r.findings.empty());
  ASSERT_EQ(r.input_errors.size(), 1u);
}

}  // namespace
