#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

TEST(PlaceholderText, InBodies) {
  struct Case {
    const char* source;
    const char* type;
    Positions expected;
  } cases[] = {
      {"Body=[YOUR_URL_ENCODED_MESSAGE_HERE]\n&To=x", "application/x-www-form-urlencoded", {"1:6"}},
      {"{\"id\": MAILBOX-ID}", "application/json", {"1:8"}},
      {"{\"ORDER_ID\": \"ORDER_ID\"}", "application/json", {}},  // constants in strings
      {"{\"card\": \"XXXX-XXXX\"}", "application/json", {"1:11"}},
      {"key=YOUR-API-KEY&token=YOUR-TOKEN", "", {"1:5", "1:24"}},
      {"{\"state\": \"OR\", \"country\": \"US\"}", "application/json", {}},
      {"{% comment %}YOUR-API-KEY{% endcomment %}", "", {}},
      {"{{ customer.YOUR_KEY }}", "", {}},
      {"<html>Hi</html> [see docs]", "", {}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(at(lint_text(c.source, c.type), "placeholder-text"), c.expected) << c.source;
}

}  // namespace
