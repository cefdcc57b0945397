// text/plain: valid UTF-8, no NUL byte.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "liquid/validate.hpp"

namespace {

using liquid::Severity;
using liquid::validate::validate;
namespace ids = liquid::validate::ids;
using namespace std::string_view_literals;

std::vector<std::string> issue_list(const liquid::validate::Report& report) {
  std::vector<std::string> out;
  for (const auto& issue : report.issues) {
    out.push_back(issue.id + "@" + std::to_string(issue.offset) + " " + std::to_string(issue.line) +
                  ":" + std::to_string(issue.column));
  }
  return out;
}

std::string at(std::string_view id, std::size_t offset, int line = 1, int column = 0) {
  return std::string(id) + "@" + std::to_string(offset) + " " + std::to_string(line) + ":" +
         std::to_string(column == 0 ? offset + 1 : column);
}

TEST(Text, ValidBodies) {
  const std::string_view bodies[] = {
      "",
      "hello",
      "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",  // 2, 3 and 4 byte sequences
      "\t\r\n\x7F\x01",                             // controls other than NUL are text
      "\xEF\xBB\xBF"
      "with a BOM",
      "\xF4\x8F\xBF\xBF \xEE\x80\x80 \xEF\xBF\xBE",  // U+10FFFF, private use, noncharacter
      "\xED\x9F\xBF \xEE\x80\x80",                   // around the surrogate range
  };
  for (std::string_view body : bodies) {
    SCOPED_TRACE(testing::Message() << "body: " << testing::PrintToString(std::string(body)));
    auto report = validate(body, "text/plain");
    EXPECT_TRUE(report.validated);
    EXPECT_EQ(issue_list(report), std::vector<std::string>{});
  }
}

TEST(Text, InvalidBodies) {
  struct Case {
    std::string_view body;
    std::vector<std::string> issues;
  };
  const Case cases[] = {
      {"a\0b"sv, {at(ids::text_nul, 1)}},
      {"\0\0\0"sv, {at(ids::text_nul, 0)}},  // one run, one issue
      {"a\0b\0"sv, {at(ids::text_nul, 1), at(ids::text_nul, 3)}},
      {"caf\xE9", {at(ids::text_invalid_utf8, 3)}},  // Latin-1
      {"caf\xE9 cr\xE8me", {at(ids::text_invalid_utf8, 3), at(ids::text_invalid_utf8, 7)}},
      {"\xC0\x80", {at(ids::text_invalid_utf8, 0)}},          // overlong: one issue
      {"\xE0\x80\xAF", {at(ids::text_invalid_utf8, 0)}},      // overlong '/'
      {"\xED\xA0\x80", {at(ids::text_invalid_utf8, 0)}},      // encoded surrogate
      {"\xF4\x90\x80\x80", {at(ids::text_invalid_utf8, 0)}},  // above U+10FFFF
      {"\xF8\x88\x80\x80\x80", {at(ids::text_invalid_utf8, 0)}},
      {"\x80", {at(ids::text_invalid_utf8, 0)}},  // lone continuation
      {"\xE2\x82"
       "A",
       {at(ids::text_invalid_utf8, 0)}},                    // cut sequence, then ASCII
      {"ok\xF0\x9F\x98", {at(ids::text_invalid_utf8, 2)}},  // cut at the end
      {"\xC3\xA9\xFF\xC3\xA9", {at(ids::text_invalid_utf8, 2)}},
      {"\xFF\0"sv, {at(ids::text_invalid_utf8, 0), at(ids::text_nul, 1)}},
      {"line1\r\nline2 \xFF", {at(ids::text_invalid_utf8, 13, 2, 7)}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << "body: " << testing::PrintToString(std::string(c.body)));
    auto report = validate(c.body, "text/plain");
    EXPECT_FALSE(report.ok());
    EXPECT_EQ(issue_list(report), c.issues);
    for (const auto& issue : report.issues) {
      EXPECT_EQ(issue.severity, Severity::error);
      EXPECT_FALSE(issue.message.empty());
    }
  }
}

// The scan skips 8 ASCII bytes at a time: a bad byte is found at every alignment.
TEST(Text, EveryAlignment) {
  for (std::size_t k = 0; k < 64; ++k) {
    std::string body(64, 'a');
    body[k] = '\xFF';
    EXPECT_EQ(issue_list(validate(body, "text/plain")),
              std::vector<std::string>{at(ids::text_invalid_utf8, k)});
    body[k] = '\0';
    EXPECT_EQ(issue_list(validate(body, "text/plain")),
              std::vector<std::string>{at(ids::text_nul, k)});
  }
}

TEST(Text, IssuesAreCapped) {
  std::string body;
  for (int k = 0; k < 1000; ++k) body += "\xFF ";
  auto report = validate(body, "text/plain");
  ASSERT_EQ(report.issues.size(), 101u);
  EXPECT_EQ(report.issues.back().id, ids::issues_omitted);
  EXPECT_EQ(report.issues.back().severity, Severity::error);
}

TEST(Text, HugeBodies) {
  std::string body;
  while (body.size() < 16'000'000) body += "Hello, caf\xC3\xA9 \xF0\x9F\x98\x80 world.\n";
  EXPECT_TRUE(validate(body, "text/plain").issues.empty());
  body += '\0';
  auto report = validate(body, "text/plain");
  ASSERT_EQ(report.issues.size(), 1u);
  EXPECT_EQ(report.issues[0].id, ids::text_nul);
  EXPECT_EQ(report.issues[0].offset, body.size() - 1);
  EXPECT_EQ(report.issues[0].column, 1u);
}

}  // namespace
