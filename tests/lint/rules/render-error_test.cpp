#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

TEST(RenderError, ErrorsWithTheFixtures) {
  auto config = lint_test::with_fixtures({R"({"n": 0})"});
  auto r = lint_text("a\n{{ 10 | divided_by: n }}", "", config);
  EXPECT_EQ(at(r, "render-error"), Positions{"2:9"});
  EXPECT_EQ(at(lint_text("{{ 10 | divided_by: 2 }}", "", config), "render-error"), Positions{});
}

TEST(RenderError, NeedsFixtures) {
  EXPECT_EQ(at(lint_text("{{ 10 | divided_by: 0 }}"), "render-error"), Positions{});
}

}  // namespace
