#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_form_body;
using lint_test::Positions;

TEST(FormUnencodedInterpolation, ValuesAndNames) {
  struct Case {
    const char* source;
    Positions expected;
  } cases[] = {
      {"a={{ x | url_encode }}&b={{ n | plus: 1 }}&c={{ x | md5 }}", {}},
      {"a={{ x }}", {"1:3"}},
      {"{{ name }}=1", {"1:1"}},
      {"a={{ x | upcase }}&b=2", {"1:3"}},
      // The Twilio body: escape is HTML escaping, reported at the filter.
      {"Body=x\n&To=whatsapp%3A{{customer.phone|escape}}", {"2:33"}},
      {"{% capture v %}{{ x }}{% endcapture %}a={{ v | url_encode }}", {}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(at(lint_form_body(c.source), "form-unencoded-interpolation"), c.expected) << c.source;
}

TEST(FormUnencodedInterpolation, EscapeIsAnErrorWithAFix) {
  const std::string src = "To=whatsapp%3A{{customer.phone|escape}}";
  auto f = lint_test::of(lint_form_body(src), "form-unencoded-interpolation");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, lint::Severity::error);
  ASSERT_TRUE(f[0].fix);
  const auto& e = f[0].fix->edits.at(0);
  EXPECT_EQ(src.substr(e.begin, e.end - e.begin), "escape");
  EXPECT_EQ(e.replacement, "url_encode");
  auto plain = lint_test::of(lint_form_body("a={{ x }}"), "form-unencoded-interpolation");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].severity, lint::Severity::warning);
  EXPECT_FALSE(plain[0].fix);
}

TEST(FormUnencodedInterpolation, OnlyForFormBodies) {
  EXPECT_EQ(at(lint_test::lint_json_body("{\"a\": {{ x | json }}}"), "form-unencoded-interpolation"),
            Positions{});
}

}  // namespace
