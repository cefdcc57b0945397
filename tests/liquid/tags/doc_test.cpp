// Tests liquid/src/tags/doc.cpp: {% doc %} (Liquid 5.7+; Ruby 5.4 has none, so the expectations
// are golden-liquid's and Shopify's documentation's).
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::kSyntaxError;
using testing::RenderCase;

class DocTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(DocTag, Renders) { testing::expect_renders(GetParam(), ""); }
INSTANTIATE_TEST_SUITE_P(
    Tags, DocTag,
    ::testing::Values(RenderCase{"a{% doc %}@param x{% enddoc %}b", "ab"},
                      RenderCase{"{% doc %}{% if %}{{ {% endfor %}{% enddoc %}x", "x"},
                      RenderCase{"{% doc %}{% raw %}{% enddoc %}x", "x"},
                      RenderCase{"a {%- doc -%} text {%- enddoc -%} b", "ab"},
                      RenderCase{"{% doc %}{% comment %}{% enddoc %}x", "x"},
                      RenderCase{"{% liquid\ndoc\nanything\nenddoc\necho 'y' %}", "y"},
                      RenderCase{"{% doc %}x{% enddoc %}{% doc %}y{% enddoc %}z", "z"},
                      RenderCase{"{% doc %}x", kSyntaxError}, RenderCase{"{% doc x %}{% enddoc %}", kSyntaxError},
                      RenderCase{"{% doc %}{% doc %}{% enddoc %}", kSyntaxError},
                      RenderCase{"{% enddoc %}", kSyntaxError}));

TEST(DocTag, ErrorIds) {
  EXPECT_EQ(testing::error_id_of("{% doc %}x"), errc::unclosed_block);
  EXPECT_EQ(testing::error_id_of("{% doc x %}{% enddoc %}"), errc::syntax);
  auto nested = testing::error_of("{% doc %}\n  {% doc %}{% enddoc %}");
  EXPECT_EQ(nested.id, errc::syntax);
  EXPECT_EQ(nested.line, 2u);
  EXPECT_EQ(nested.column, 3u);
}

}  // namespace
}  // namespace liquid
