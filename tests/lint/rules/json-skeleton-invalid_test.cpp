#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_json_body;
using lint_test::Positions;

TEST(JsonSkeletonInvalid, LiteralTextMustBeJson) {
  struct Case {
    const char* source;
    Positions expected;
  } cases[] = {
      // Help Scout: a bare placeholder where a value belongs.
      {"{\n    \"mailbox\": {\n        \"id\": MAILBOX-ID\n    }\n}", {"3:15"}},
      {"{\"id\":\"{{customer.id}}\",\"email\":\"{{customer.email}}\"}", {}},
      {"{\"customer\": {{ customer | json }}}", {}},
      {"{\"a\": 1,}", {"1:8"}},  // at the trailing comma
      // Both branches give JSON.
      {"{\"url\": {% if u %}{{ u | json }}{% else %}\"x.com\"{% endif %}}", {}},
      // The else branch does not.
      {"{\"url\": {% if u %}{{ u | json }}{% else %}x.com{% endif %}}", {"1:43"}},
      // Separators that depend on the loop position.
      {"[{% for i in xs %}{{ i | json }}{% unless forloop.last %},{% endunless %}{% endfor %}]", {}},
      {"[{% for i in xs %}{{ i | json }},{% endfor %}]", {"1:33"}},
      // An optional member: fine with and without it.
      {"{\"a\": 1{% if b %}, \"b\": {{ b | json }}{% endif %}}", {}},
      // Two values with nothing between them.
      {"{\"a\": {{ x }} \"b\": 1}", {"1:15"}},
      // `| json` inside quotes prints a quoted string inside a string.
      {"{\"a\": \"{{ x | json }}\"}", {"1:8"}},
      // Captured text is not part of the body until printed.
      {"{% capture s %}not json{% endcapture %}{\"s\": {{ s | json }}}", {}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(at(lint_json_body(c.source), "json-skeleton-invalid"), c.expected) << c.source;
}

TEST(JsonSkeletonInvalid, OnlyForJsonBodies) {
  EXPECT_EQ(at(lint_test::lint_text("{\"id\": MAILBOX-ID}"), "json-skeleton-invalid"), Positions{});
  EXPECT_EQ(at(lint_test::lint_form_body("a=1"), "json-skeleton-invalid"), Positions{});
}

}  // namespace
