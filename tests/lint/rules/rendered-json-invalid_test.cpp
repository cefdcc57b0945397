#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_json_body;
using lint_test::Positions;

TEST(RenderedJsonInvalid, ReportedAtTheTemplatePosition) {
  auto config = lint_test::with_fixtures(
      {R"({"c": {"id": 7, "name": "Ada \"A\" L", "bio": null}})", R"({"c": {"id": 8, "name": "Bo", "bio": "x"}})"});
  const std::string src = "{\n  \"id\": {{ c.id }},\n  \"name\": \"{{ c.name }}\",\n  \"bio\": {{ c.bio }}\n}";
  auto r = lint_json_body(src, config);
  // Record 1: the quote in the name ends the string early, in the output at 3:12. Record 2: a
  // string printed where a value belongs, at 4:10.
  EXPECT_EQ(at(r, "rendered-json-invalid"), (Positions{"3:12", "4:10"}));
  auto f = lint_test::of(r, "rendered-json-invalid");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].detail.substr(0, 16), "(fixture record1");
}

TEST(RenderedJsonInvalid, NilWhereAValueBelongs) {
  auto config = lint_test::with_fixtures({R"({"c": {"bio": null}})"});
  EXPECT_EQ(at(lint_json_body("{\"bio\": {{ c.bio }}}", config), "rendered-json-invalid"),
            Positions{"1:20"});
}

TEST(RenderedJsonInvalid, CleanWithJsonFilter) {
  auto config = lint_test::with_fixtures({R"({"c": {"name": "a\"b\\c\nd", "bio": null}})"});
  EXPECT_EQ(at(lint_json_body("{\"n\": {{ c.name | json }}, \"b\": {{ c.bio | json }}}", config),
               "rendered-json-invalid"),
            Positions{});
}

TEST(RenderedJsonInvalid, NeedsFixtures) {
  EXPECT_EQ(at(lint_json_body("{\"bio\": {{ c.bio }}}"), "rendered-json-invalid"), Positions{});
}

}  // namespace
