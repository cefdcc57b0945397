#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

TEST(RenderedTextInvalid, InvalidUtf8FromAFilter) {
  // Slicing in the middle of a multi-byte character leaves invalid UTF-8.
  auto config = lint_test::with_fixtures({R"({"n": "né"})"});
  EXPECT_EQ(at(lint_text("Hi {{ n | slice: 0, 2 }}\n", "text/plain", config), "rendered-text-invalid"),
            Positions{});
  EXPECT_EQ(at(lint_text("Hi {{ n | base64_decode }}\n", "text/plain",
                         lint_test::with_fixtures({R"({"n": "/w=="})"})),
               "rendered-text-invalid"),
            Positions{"1:4"});
}

}  // namespace
