#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_form_body;
using lint_test::Positions;

TEST(RenderedFormInvalid, ReportedAtTheTemplatePosition) {
  auto config = lint_test::with_fixtures({R"({"m": "50% off & more"})"});
  auto r = lint_form_body("Body={{ m }}&To=x", config);
  // A bad `%` escape and a space printed by the output.
  EXPECT_EQ(at(r, "rendered-form-invalid"), Positions{"1:6"});
  EXPECT_EQ(at(lint_form_body("Body={{ m | url_encode }}&To=x", config), "rendered-form-invalid"),
            Positions{});
}

TEST(RenderedFormInvalid, LiteralLineBreaks) {
  auto config = lint_test::with_fixtures({R"({"p": "1"})"});
  EXPECT_EQ(at(lint_form_body("a={{ p }}\n&b=2", config), "rendered-form-invalid"), Positions{"1:10"});
}

}  // namespace
