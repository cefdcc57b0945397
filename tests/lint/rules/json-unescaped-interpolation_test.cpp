#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

using lint_test::at;
using lint_test::lint_json_body;
using lint_test::Positions;

TEST(JsonUnescapedInterpolation, OutputsInsideStrings) {
  struct Case {
    const char* source;
    Positions expected;
  } cases[] = {
      {"{\"email\": \"{{ customer.email }}\"}", {"1:12"}},
      {"{\"s\": \"Hi {{ name }}, {{ last }}!\"}", {"1:11", "1:23"}},
      {"{\"n\": \"{{ items | size }}\", \"h\": \"{{ x | sha256 }}\", \"u\": \"{{ x | url_encode }}\"}", {}},
      {"{\"i\": \"{{ forloop.index }}\", \"l\": \"{{ 'abc' }}\"}", {}},
      {"{\"a\": {{ a | json }}}", {}},
      {"{% capture s %}{{ a }}{% endcapture %}{\"s\": {{ s | json }}}", {}},
      {"{\"a\": \"{{ a | raw }}\"}", {}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(at(lint_json_body(c.source), "json-unescaped-interpolation"), c.expected) << c.source;
}

TEST(JsonUnescapedInterpolation, FixWhenTheStringIsOneOutput) {
  const std::string src = "{\"email\":\"{{customer.email}}\", \"k\": \"{{- x -}}\"}";
  auto f = lint_test::of(lint_json_body(src), "json-unescaped-interpolation");
  ASSERT_EQ(f.size(), 2u);
  ASSERT_TRUE(f[0].fix);
  ASSERT_EQ(f[0].fix->edits.size(), 1u);
  const auto& e = f[0].fix->edits[0];
  EXPECT_EQ(src.substr(e.begin, e.end - e.begin), "\"{{customer.email}}\"");
  EXPECT_EQ(e.replacement, "{{ customer.email | json }}");
  ASSERT_TRUE(f[1].fix);
  EXPECT_EQ(f[1].fix->edits[0].replacement, "{{- x | json -}}");
}

TEST(JsonUnescapedInterpolation, NoFixForKeysOrMixedStrings) {
  auto f = lint_test::of(lint_json_body("{\"{{ k }}\": 1, \"s\": \"a {{ b }}\"}"),
                         "json-unescaped-interpolation");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_FALSE(f[0].fix);
  EXPECT_FALSE(f[1].fix);
}

}  // namespace
