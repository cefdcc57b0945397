#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_text;
using lint_test::Positions;

TEST(RenderedXmlInvalid, ReportedAtTheTemplatePosition) {
  auto config = lint_test::with_fixtures({R"({"n": "Tom & Jerry"})"});
  EXPECT_EQ(at(lint_text("<a>\n  <n>{{ n }}</n>\n</a>", "text/xml", config), "rendered-xml-invalid"),
            Positions{"2:6"});
  EXPECT_EQ(at(lint_text("<a><n>{{ n | escape }}</n></a>", "text/xml", config), "rendered-xml-invalid"),
            Positions{});
}

}  // namespace
