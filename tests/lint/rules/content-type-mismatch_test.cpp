#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

TEST(ContentTypeMismatch, BodyAndHeaderDisagree) {
  struct Case {
    const char* source;
    const char* type;
    Positions expected;
  } cases[] = {
      {"id={{ x }}&email=y", "application/json", {"1:1"}},
      {"\n  {\"a\": 1}", "application/x-www-form-urlencoded", {"2:3"}},
      {"<a>1</a>", "application/json", {"1:1"}},
      {"{\"a\": 1}", "application/xml", {"1:1"}},
      {"{\"a\": 1}", "application/json", {}},
      {"a=1", "application/x-www-form-urlencoded", {}},
      {"{{ body }}", "application/json", {}},  // starts with an output: cannot tell
      {"{% comment %}x=1{% endcomment %}{\"a\": 1}", "application/json", {}},
      {"id=1", "", {}},  // no type known
  };
  for (const auto& c : cases)
    EXPECT_EQ(at(lint_text(c.source, c.type), "content-type-mismatch"), c.expected) << c.source;
}

TEST(ContentTypeMismatch, DefaultContentTypeOfTheSender) {
  lint::Linter linter(lint::Registry::builtin(), {});
  auto r = linter.lint_definition("d.json", R"({"url": "https://x.example", "body": "a={{ x | url_encode }}"})");
  auto f = lint_test::of(r, "content-type-mismatch");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("without a Content-Type header the sender sends application/json"),
            std::string::npos);
  EXPECT_EQ(f[0].line, 1u);
  EXPECT_EQ(f[0].column, 39u);  // inside the JSON string of the file
}

}  // namespace
