#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

TEST(LaxOnlyConstruct, ReadByLaxRejectedByStrict) {
  // Lax mode reads "1.5.2" as the number 1.5; strict mode stops inside it.
  auto r = lint_text("{{ 1.5.2 }}");
  EXPECT_EQ(at(r, "lax-only-construct"), Positions{"1:7"});
  EXPECT_EQ(at(r, "liquid-syntax"), Positions{});
}

TEST(LaxOnlyConstruct, TextLaxModeDropsIsASyntaxError) {
  auto r = lint_text("{{customer.firstName\"}}");
  EXPECT_EQ(at(r, "lax-only-construct"), Positions{});
  EXPECT_EQ(at(r, "liquid-syntax"), Positions{"1:21"});
}

TEST(LaxOnlyConstruct, CleanTemplates) {
  EXPECT_TRUE(lint_text("{% if a == 1 %}{{ a | plus: 1 }}{% endif %}").findings.empty());
}

}  // namespace
