#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_json_body;
using lint_test::Positions;

TEST(NilInOutput, OutputsThatPrintNothing) {
  auto config = lint_test::with_fixtures({R"({"c": {"a": null, "b": "x", "e": ""}})"});
  const std::string src =
      "{\"a\": \"{{ c.a }}\", \"b\": \"{{ c.b }}\", \"m\": \"{{ c.missing }}\", \"e\": \"{{ c.e }}\","
      " \"d\": \"{{ c.a | default: 'none' }}\", \"j\": {{ c.a | json }}}";
  auto r = lint_json_body(src, config);
  // c.a and c.missing print nothing; "" is a value the data chose.
  EXPECT_EQ(at(r, "nil-in-output"), (Positions{"1:8", "1:44"}));
  auto f = lint_test::of(r, "nil-in-output");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].detail, "(fixture record1)");
}

TEST(NilInOutput, TemplateVariablesAreNotData) {
  auto config = lint_test::with_fixtures({R"({"x": 1})"});
  EXPECT_EQ(at(lint_json_body("{% assign v = nil %}{\"v\": \"{{ v }}\"}", config), "nil-in-output"),
            Positions{});
}

}  // namespace
