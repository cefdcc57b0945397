#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_form_body;
using lint_test::Positions;

TEST(FormLiteralPlus, WrittenInTheTemplate) {
  EXPECT_EQ(at(lint_form_body("a=1+2&b=%2B"), "form-literal-plus"), Positions{"1:4"});
  EXPECT_EQ(at(lint_form_body("a={{ x | url_encode }}"), "form-literal-plus"), Positions{});
}

TEST(FormLiteralPlus, PrintedByAnOutputWithFixtures) {
  // The Twilio phone number through `escape`: its '+' reaches the body.
  auto config = lint_test::with_fixtures({R"({"customer": {"phone": "+14155550101"}})"});
  auto r = lint_form_body("To=whatsapp%3A{{customer.phone|escape}}&B={{ customer.phone | url_encode }}",
                          config);
  auto f = lint_test::of(r, "form-literal-plus");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].column, 15u);
  EXPECT_EQ(f[0].detail, "(fixture record1, output 1:15)");
}

}  // namespace
