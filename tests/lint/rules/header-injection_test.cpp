#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::Positions;

lint::Result lint_def(const std::string& json) {
  lint::Linter linter(lint::Registry::builtin(), {});
  return linter.lint_definition("d.json", json);
}

TEST(HeaderInjection, HeaderOutputsThatCanBreakLines) {
  auto r = lint_def(R"({"url": "https://x.example/{{ id | url_encode }}",
 "headers": {"X-Request-Id": "{{ event.id }}", "X-Sig": "{{ body | hmac_sha256: key }}",
             "X-Name": "{{ name | strip_newlines }}"}})");
  EXPECT_EQ(at(r, "header-injection"), Positions{"2:31"});
  auto f = lint_test::of(r, "header-injection");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("X-Request-Id"), std::string::npos);
}

TEST(HeaderInjection, UrlOutputs) {
  EXPECT_EQ(at(lint_def(R"({"url": "https://x.example/c/{{ customer.id }}"})"), "header-injection"),
            Positions{"1:30"});
}

TEST(HeaderInjection, BodiesAreNotHeaders) {
  EXPECT_EQ(at(lint_test::lint_text("{{ x }}"), "header-injection"), Positions{});
}

}  // namespace
