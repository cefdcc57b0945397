#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

TEST(ResourceLimit, RunawayRenders) {
  auto config = lint_test::with_fixtures({R"({"n": 100000})"});
  config.limits.max_output_bytes = 1000;
  auto r = lint_text("{% for i in (1..n) %}xxxxxxxxxx{% endfor %}", "", config);
  ASSERT_EQ(at(r, "resource-limit").size(), 1u);
  EXPECT_EQ(lint_test::of(r, "resource-limit")[0].detail, "(fixture record1)");
  EXPECT_EQ(at(lint_text("{% for i in (1..3) %}x{% endfor %}", "", config), "resource-limit"),
            Positions{});
}

}  // namespace
