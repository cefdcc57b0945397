#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

TEST(Injection, HostileDataChangesTheShape) {
  auto config = lint_test::with_fixtures({R"({"c": {"email": "a@example.com", "id": 3}})"});
  struct Case {
    const char* source;
    const char* type;
    Positions expected;
  } cases[] = {
      {"{\"email\": \"{{ c.email }}\", \"id\": {{ c.id }}}", "application/json", {"1:12"}},
      {"{\"email\": {{ c.email | json }}, \"id\": {{ c.id }}}", "application/json", {}},
      {"email={{ c.email }}&id={{ c.id }}", "application/x-www-form-urlencoded", {"1:7"}},
      {"email={{ c.email | url_encode }}", "application/x-www-form-urlencoded", {}},
      {"<a><e>{{ c.email }}</e></a>", "application/xml", {"1:7"}},
      {"<a><e>{{ c.email | escape }}</e></a>", "application/xml", {}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(at(lint_text(c.source, c.type, config), "injection"), c.expected) << c.source;
}

TEST(Injection, HostileDataBreaksTheBody) {
  // Inside a JSON key the hostile quote ends the key early: not a new key, but broken JSON.
  auto config = lint_test::with_fixtures({R"({"k": "name"})"});
  EXPECT_EQ(at(lint_text("{\"{{ k }}_x\": 1}", "application/json", config), "injection"),
            Positions{"1:3"});
}

}  // namespace
