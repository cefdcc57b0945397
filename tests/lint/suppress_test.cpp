#include <gtest/gtest.h>

#include "internal.hpp"
#include "lint_test_util.hpp"

namespace {

using lint::detail::Suppressions;
using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

TEST(Suppressions, RangesAndLines) {
  const std::string s =
      "a\n"                                                            // line 1
      "{% comment %}liquid-lint-disable unused-assign, x-y{% endcomment %}\n"  // 2
      "b\n"                                                            // 3
      "{% comment %}liquid-lint-enable unused-assign{% endcomment %}\n"  // 4
      "c\n"                                                            // 5
      "{% # liquid-lint-disable-next-line %}\n"                        // 6
      "d\n"                                                            // 7
      "e\n";                                                           // 8
  Suppressions sup(s);
  auto off = [&](std::string_view needle) { return s.find(needle); };
  EXPECT_FALSE(sup.suppressed("unused-assign", off("a\n")));
  EXPECT_TRUE(sup.suppressed("unused-assign", off("b\n")));
  EXPECT_TRUE(sup.suppressed("x-y", off("b\n")));
  EXPECT_FALSE(sup.suppressed("other", off("b\n")));
  EXPECT_FALSE(sup.suppressed("unused-assign", off("c\n")));
  EXPECT_TRUE(sup.suppressed("x-y", off("c\n")));  // never enabled again
  EXPECT_TRUE(sup.suppressed("anything", off("d\n")));
  EXPECT_FALSE(sup.suppressed("anything", off("e\n")));
}

TEST(Suppressions, InTemplates) {
  EXPECT_EQ(at(lint_text("{% assign x = 1 %}"), "unused-assign"), Positions{"1:1"});
  EXPECT_EQ(at(lint_text("{% # liquid-lint-disable-next-line unused-assign %}\n{% assign x = 1 %}"),
               "unused-assign"),
            Positions{});
  EXPECT_EQ(at(lint_text("{%- comment -%} liquid-lint-disable {%- endcomment -%}{% assign x = 1 %}"),
               "unused-assign"),
            Positions{});
  EXPECT_EQ(at(lint_text("{% # liquid-lint-disable-next-line other-rule %}\n{% assign x = 1 %}"),
               "unused-assign"),
            Positions{"2:1"});
  EXPECT_TRUE(Suppressions("no directives here").empty());
}

}  // namespace
