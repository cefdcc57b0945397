#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::lint_text;

TEST(UnknownTag, SuggestsTheClosestTag) {
  struct Case {
    const char* source;
    const char* message;
  } cases[] = {
      {"{% iff x %}", "unknown tag 'iff' (did you mean 'if'?)"},
      {"a {% captur x %}", "unknown tag 'captur' (did you mean 'capture'?)"},
      {"{% frobnicate %}", "unknown tag 'frobnicate'"},
  };
  for (const auto& c : cases) {
    auto f = lint_test::of(lint_text(c.source), "unknown-tag");
    ASSERT_EQ(f.size(), 1u) << c.source;
    EXPECT_EQ(f[0].message, c.message);
  }
}

TEST(UnknownTag, ConfigExtraTagsAreKnown) {
  lint::Config config;
  config.extra_tags.push_back({"schema", false});
  config.extra_tags.push_back({"form", true});
  auto r = lint_text("{% schema %}{% form %}{{ a }}{% endform %}", "", config);
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().message;
}

}  // namespace
