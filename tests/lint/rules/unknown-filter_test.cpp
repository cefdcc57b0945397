#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

TEST(UnknownFilter, PositionAndSuggestion) {
  auto r = lint_text("{{ a | upcsae }}\n{{ b | upcase | url_encod }}");
  EXPECT_EQ(at(r, "unknown-filter"), (Positions{"1:8", "2:17"}));
  auto f = lint_test::of(r, "unknown-filter");
  EXPECT_EQ(f[0].message, "unknown filter 'upcsae' (did you mean 'upcase'?)");
  EXPECT_EQ(f[1].message, "unknown filter 'url_encod' (did you mean 'url_encode'?)");
}

TEST(UnknownFilter, DialectDecides) {
  // `json` is a liquidhook webhook filter: known by default, unknown in the standard dialect.
  EXPECT_EQ(at(lint_text("{{ a | json }}"), "unknown-filter"), Positions{});
  lint::Config standard;
  standard.webhook_filters = false;
  auto f = lint_test::of(lint_text("{{ a | json }}", "", standard), "unknown-filter");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("webhook filters"), std::string::npos);
  lint::Config extra;
  extra.extra_filters = {"money"};
  EXPECT_EQ(at(lint_text("{{ a | money }}", "", extra), "unknown-filter"), Positions{});
}

}  // namespace
