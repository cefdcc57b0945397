#include <gtest/gtest.h>

#include "internal.hpp"
#include "lint_test_util.hpp"

namespace {

using lint::detail::find_site;
using lint::detail::scan_json;

TEST(ScanJson, DecodedStringsKeepFileOffsets) {
  const std::string text = R"({"a": "x\"y\\n\u00e9\ud83d\ude00z", "h": {"K-1": "v"}, "n": [1, "s"]})";
  auto sites = scan_json(text);
  const auto* a = find_site(sites, "a");
  ASSERT_TRUE(a && a->is_string);
  EXPECT_EQ(a->text, "x\"y\\n\xC3\xA9\xF0\x9F\x98\x80z");
  ASSERT_EQ(a->map.size(), a->text.size() + 1);
  EXPECT_EQ(text[a->map[0]], 'x');
  EXPECT_EQ(text.substr(a->map[1], 2), "\\\"");
  EXPECT_EQ(text.substr(a->map[5], 6), "\\u00e9");  // both UTF-8 bytes map to the escape
  EXPECT_EQ(a->map[5], a->map[6]);
  EXPECT_EQ(text[a->map.back()], '"');
  const auto* k = find_site(sites, "h.K-1");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->text, "v");
  const auto* key = find_site(sites, "h.K-1", true);
  ASSERT_TRUE(key);
  EXPECT_EQ(text.substr(key->begin, 5), "\"K-1\"");
  const auto* n1 = find_site(sites, "n.1");
  ASSERT_TRUE(n1);
  EXPECT_EQ(n1->text, "s");
  EXPECT_EQ(find_site(sites, "missing"), nullptr);
}

TEST(LoadDefinition, FindingsInsideJsonStringsPointIntoTheFile) {
  lint::Linter linter(lint::Registry::builtin(), {});
  // The body template is `{"id": MAILBOX-ID}`, written in the file with escaped quotes.
  auto r = linter.lint_definition(
      "helpscout.json", "{\n  \"url\": \"https://api.helpscout.net/v1/conversations.json\",\n"
                        "  \"body\": \"{\\n  \\\"id\\\": MAILBOX-ID\\n}\"\n}\n");
  auto f = lint_test::of(r, "json-skeleton-invalid");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].file, "helpscout.json");
  EXPECT_EQ(f[0].line, 3u);
  EXPECT_EQ(f[0].column, 25u);
  EXPECT_EQ(f[0].source_line, "  \"body\": \"{\\n  \\\"id\\\": MAILBOX-ID\\n}\"");
}

TEST(LoadDefinition, ContentTypeFromTheHeaders) {
  auto loaded = lint::detail::load_definition(
      "d.json", R"({"url": "https://x", "headers": {"content-type": "application/x-www-form-urlencoded"}, "body": "a=1"})");
  ASSERT_TRUE(loaded);
  EXPECT_TRUE(loaded->definition.content_type_given);
  const lint::TemplateUnit* body = nullptr;
  for (const auto& u : loaded->units)
    if (u.role == lint::Role::body) body = &u;
  ASSERT_TRUE(body);
  EXPECT_EQ(body->body_type, liquid::validate::BodyType::form);
  EXPECT_EQ(loaded->units.size(), 3u);  // url, header, body

  auto templated = lint::detail::load_definition(
      "d.json", R"({"url": "https://x", "headers": {"Content-Type": "{{ type }}"}, "body": "a=1"})");
  ASSERT_TRUE(templated);
  EXPECT_TRUE(templated->definition.content_type_templated);
  for (const auto& u : templated->units) {
    if (u.role == lint::Role::body) {
      EXPECT_EQ(u.body_type, liquid::validate::BodyType::unknown);
    }
  }

  EXPECT_FALSE(lint::detail::load_definition("data.json", R"({"customer": 1})"));
  auto broken = lint::detail::load_definition("d.json", "{\"url\": ");
  ASSERT_TRUE(broken);
  ASSERT_TRUE(broken->definition.problem);
  EXPECT_EQ(broken->definition.problem->id, "definition-json");
}

}  // namespace
