#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::lint_text;

TEST(FilterArity, Messages) {
  struct Case {
    const char* source;
    const char* message;  // "" for none
  } cases[] = {
      {"{{ a | plus: 1 }}", ""},
      {"{{ a | plus }}", "'plus' takes 1 argument, not 0"},
      {"{{ a | upcase: 1 }}", "'upcase' takes no arguments, not 1"},
      {"{{ a | truncate: 1, 'x', 3 }}", "'truncate' takes 0 to 2 arguments, not 3"},
      {"{{ a | upcase: x: 1 }}", "'upcase' takes no keyword arguments ('x:' given)"},
  };
  for (const auto& c : cases) {
    auto f = lint_test::of(lint_text(c.source), "filter-arity");
    if (!*c.message) {
      EXPECT_TRUE(f.empty()) << c.source;
      continue;
    }
    ASSERT_EQ(f.size(), 1u) << c.source;
    EXPECT_EQ(f[0].message, c.message);
    EXPECT_EQ(f[0].column, 8u) << c.source;
  }
}

}  // namespace
