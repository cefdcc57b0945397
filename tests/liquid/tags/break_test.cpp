// Tests liquid/src/tags/break.cpp: {% break %} and {% continue %} (checked with Ruby Liquid 5.4).
#include <gtest/gtest.h>

#include "../test_util.hpp"

namespace liquid {
namespace {

using testing::RenderCase;

class BreakTag : public ::testing::TestWithParam<RenderCase> {};
TEST_P(BreakTag, RendersAsRuby) {
  testing::expect_renders(GetParam(), R"({"arr": [1, 2, 3, 4]})",
                          testing::with_partials({{"brk", "{% break %}x"}, {"cont", "{% continue %}x"}}));
}
INSTANTIATE_TEST_SUITE_P(
    Tags, BreakTag,
    ::testing::Values(
        RenderCase{"{% for i in arr %}{% if i == 3 %}{% break %}{% endif %}{{ i }}{% endfor %}", "12"},
        RenderCase{"{% for i in arr %}{% if i == 3 %}{% continue %}{% endif %}{{ i }}{% endfor %}", "124"},
        RenderCase{"{% for i in arr %}{{ i }}{% break %}{{ i }}{% endfor %}", "1"},
        RenderCase{"{% for i in arr %}{% for j in arr %}{% break %}{% endfor %}{{ i }}{% endfor %}", "1234"},
        RenderCase{"{% for i in arr %}{% case i %}{% when 2 %}{% continue %}{% endcase %}{{ i }}{% endfor %}", "134"},
        RenderCase{"{% for i in arr %}{% capture c %}{% break %}{% endcapture %}{{ i }}{% endfor %}", ""},
        // include shares the loop: break and continue reach it
        RenderCase{"{% for i in arr %}{% include 'brk' %}{{ i }}{% endfor %}", ""},
        RenderCase{"{% for i in arr %}{% include 'cont' %}{{ i }}{% endfor %}", ""},
        // render is isolated: they end the partial only
        RenderCase{"{% for i in arr %}{% render 'brk' %}{{ i }}{% endfor %}", "1234"},
        // outside a loop they end the template
        RenderCase{"a{% break %}b", "a"}, RenderCase{"a{% if true %}b{% continue %}c{% endif %}d", "ab"},
        RenderCase{"{% liquid\nfor i in arr\nif i > 2\nbreak\nendif\necho i\nendfor %}", "12"}));

}  // namespace
}  // namespace liquid
