#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

struct Case {
  const char* source;
  Positions expected;
};

TEST(LiquidSyntax, StrictErrorsAtTheirColumn) {
  const Case cases[] = {
      {"{{ customer.email }}", {}},
      // The Zendesk stray quote: lax hosts print customer.firstName and drop the quote.
      {"\"name\":\"{{customer.firstName\"}} {{customer.lastName\"}}\"", {"1:29", "1:52"}},
      // Trello: prose in an output; lax reads `the` and drops the rest.
      {"x {{the id of the list you're adding to}}", {"1:9"}},
      {"a\n{% if x %}b", {"2:1"}},            // never closed: broken in lax mode too
      {"{% endif %}", {"1:1"}},               // stray end tag
      {"{{ a | append: 'x' 'y' }}", {"1:20"}},  // a second argument without a comma
  };
  for (const auto& c : cases) EXPECT_EQ(at(lint_text(c.source), "liquid-syntax"), c.expected) << c.source;
}

TEST(LiquidSyntax, SaysWhenLaxModeIgnoresTheText) {
  auto r = lint_text("{{customer.firstName\"}}");
  auto f = lint_test::of(r, "liquid-syntax");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("lax mode silently ignores"), std::string::npos);
  EXPECT_EQ(f[0].severity, lint::Severity::error);
}

TEST(LiquidSyntax, UnknownTagsAreLeftToUnknownTag) {
  auto r = lint_text("{% iff x %}");
  EXPECT_EQ(at(r, "liquid-syntax"), Positions{});
  EXPECT_EQ(at(r, "unknown-tag"), Positions{"1:1"});
}

}  // namespace
