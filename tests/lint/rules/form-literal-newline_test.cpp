#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_form_body;
using lint_test::Positions;

TEST(FormLiteralNewline, LineBreaksInTheBody) {
  // The seed's Twilio body: one pair per line.
  EXPECT_EQ(at(lint_form_body("Body=x\n&To=y\r\n&From=z"), "form-literal-newline"),
            (Positions{"1:7", "2:6"}));
  EXPECT_EQ(at(lint_form_body("a=1&b=2"), "form-literal-newline"), Positions{});
  EXPECT_EQ(at(lint_form_body("{%- comment %}x\ny{% endcomment -%}\na=1"), "form-literal-newline"),
            Positions{});
}

TEST(FormLiteralNewline, FinalNewlineSaysSo) {
  auto f = lint_test::of(lint_form_body("a={{ x | url_encode }}\n"), "form-literal-newline");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("ends with a line break"), std::string::npos);
  EXPECT_TRUE(lint_test::of(lint_form_body("a={{ x | url_encode -}}\n"), "form-literal-newline").empty());
}

}  // namespace
