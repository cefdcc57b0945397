#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

TEST(DoubleEncoding, TwiceTheSameEncoding) {
  struct Case {
    const char* source;
    const char* type;
    Positions expected;
  } cases[] = {
      {"{{ a | url_encode | url_encode }}", "", {"1:21"}},
      {"{{ a | url_encode | url_decode | url_encode }}", "", {}},
      {"{{ a | escape | upcase | escape }}", "", {"1:26"}},
      {"{{ a | escape | json }}", "", {}},
      {"{\"a\": \"{{ x | json }}\"}", "application/json", {"1:15"}},
      {"{\"a\": {{ x | json }}}", "application/json", {}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(at(lint_text(c.source, c.type), "double-encoding"), c.expected) << c.source;
}

}  // namespace
