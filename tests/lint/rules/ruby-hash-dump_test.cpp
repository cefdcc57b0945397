#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

TEST(RubyHashDump, ReplaceArrowWithColon) {
  // The seed's whole-customer dump.
  EXPECT_EQ(at(lint_text("{\n    \"customer\": \n    {{ customer | replace: \"=>\", \":\"}}\n}"),
               "ruby-hash-dump"),
            Positions{"3:19"});
  EXPECT_EQ(at(lint_text("{{ a | replace: '=>', ': ' }}"), "ruby-hash-dump"), Positions{"1:8"});
  EXPECT_EQ(at(lint_text("{{ a | replace: '-', '_' }}"), "ruby-hash-dump"), Positions{});
  EXPECT_EQ(at(lint_text("{{ a | json }}"), "ruby-hash-dump"), Positions{});
}

}  // namespace
