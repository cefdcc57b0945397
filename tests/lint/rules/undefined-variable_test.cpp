#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

lint::Config schema(std::vector<std::string> paths) {
  lint::Config c;
  c.schema = std::move(paths);
  return c;
}

TEST(UndefinedVariable, AgainstTheSchema) {
  const auto config = schema({"customer.first_name", "customer.email", "event.*", "account"});
  struct Case {
    const char* source;
    Positions expected;
  } cases[] = {
      {"{{ customer.first_name }} {{ event.data.deep }} {{ account.key }}", {}},
      {"{{ customer.firstName }}", {"1:13"}},
      {"{{ custmer.email }}", {"1:4"}},
      {"{{ customer }}{{ customer.email.size }}{{ customer[\"email\"] }}", {}},
      {"{{ customer[key] }}", {"1:13"}},  // the index is a variable too
      {"{% assign x = customer.email %}{{ x }}{% for i in event.items %}{{ i }}{% endfor %}", {}},
      {"{% if customer.phone %}{% endif %}", {"1:16"}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(at(lint_text(c.source, "", config), "undefined-variable"), c.expected) << c.source;
}

TEST(UndefinedVariable, Suggestions) {
  const auto config = schema({"customer.first_name", "customer.last_name", "event.*"});
  auto f = lint_test::of(lint_text("{{ customer.firstName }}{{ evnt.name }}", "", config),
                         "undefined-variable");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].message,
            "'customer.firstName' is not in the variable schema (did you mean 'customer.first_name'?)");
  EXPECT_EQ(f[1].message, "'evnt' is not in the variable schema (did you mean 'event'?)");
}

TEST(UndefinedVariable, NoSchemaNoCheck) {
  EXPECT_EQ(at(lint_text("{{ anything.at.all }}"), "undefined-variable"), Positions{});
}

}  // namespace
