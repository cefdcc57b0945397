#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

TEST(UnusedAssign, AssignedOrCapturedNeverRead) {
  struct Case {
    const char* source;
    Positions expected;
  } cases[] = {
      {"{% assign x = 1 %}{{ x }}", {}},
      {"{% assign x = 1 %}", {"1:1"}},
      {"a\n  {% capture c %}x{% endcapture %}", {"2:3"}},
      {"{% assign x = 1 %}{% if x > 0 %}{% endif %}", {}},
      {"{% assign n = 1 %}{% assign m = n | plus: 1 %}{{ m }}", {}},
      // A partial may read it.
      {"{% assign x = 1 %}{% render 'card' %}", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(at(lint_text(c.source), "unused-assign"), c.expected) << c.source;
}

}  // namespace
