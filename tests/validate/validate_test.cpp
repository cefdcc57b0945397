// Content-Type classification, reports, positions and issue limits
// (liquid/src/validate/validate.cpp).
#include "liquid/validate.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace {

using liquid::Severity;
using liquid::validate::BodyType;
using liquid::validate::classify;
using liquid::validate::Options;
using liquid::validate::validate;
namespace ids = liquid::validate::ids;
using namespace std::string_view_literals;

TEST(Classify, ContentTypes) {
  struct Case {
    std::string_view content_type;
    BodyType type;
  };
  const Case cases[] = {
      {"application/json", BodyType::json},
      {"Application/JSON; charset=utf-8", BodyType::json},
      {"  application/json  ", BodyType::json},
      {"\tapplication/json;charset=\"utf-8\"", BodyType::json},
      {"application/vnd.api+json", BodyType::json},
      {"application/ld+json", BodyType::json},
      {"application/merge-patch+JSON; charset=utf-8", BodyType::json},
      {"application/x-www-form-urlencoded", BodyType::form},
      {"x-www-form-urlencoded", BodyType::form},  // as the seed writes it
      {"X-WWW-Form-Urlencoded;charset=UTF-8", BodyType::form},
      {"application/x-www-form-urlencoded ; charset=utf-8", BodyType::form},
      {"text/xml", BodyType::xml},
      {"application/xml", BodyType::xml},
      {"application/soap+xml", BodyType::xml},
      {"image/svg+xml", BodyType::xml},
      {"application/atom+xml; charset=utf-8", BodyType::xml},
      {"text/plain", BodyType::text},
      {"TEXT/PLAIN; charset=us-ascii", BodyType::text},
      {"", BodyType::unknown},
      {"   ", BodyType::unknown},
      {"; charset=utf-8", BodyType::unknown},
      {"text/html", BodyType::unknown},
      {"text/csv", BodyType::unknown},
      {"multipart/form-data; boundary=x", BodyType::unknown},
      {"application/octet-stream", BodyType::unknown},
      {"application/jsonl", BodyType::unknown},
      {"application/json-seq", BodyType::unknown},
      {"application/xml-dtd", BodyType::unknown},
      {"application / json", BodyType::unknown},
      {"application/+json", BodyType::unknown},
      {"+json", BodyType::unknown},
      {"json", BodyType::unknown},
      {"xml", BodyType::unknown},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(classify(c.content_type), c.type) << "'" << c.content_type << "'";
  }
}

TEST(Classify, Names) {
  EXPECT_EQ(liquid::validate::body_type_name(BodyType::json), "json");
  EXPECT_EQ(liquid::validate::body_type_name(BodyType::form), "form");
  EXPECT_EQ(liquid::validate::body_type_name(BodyType::xml), "xml");
  EXPECT_EQ(liquid::validate::body_type_name(BodyType::text), "text");
  EXPECT_EQ(liquid::validate::body_type_name(BodyType::unknown), "unknown");
}

TEST(Validate, UnknownTypesAreNotValidated) {
  for (std::string_view type : {""sv, "text/html"sv, "application/octet-stream"sv}) {
    auto report = validate("\0\xFF{not anything"sv, type);
    EXPECT_FALSE(report.validated) << type;
    EXPECT_EQ(report.type, BodyType::unknown);
    EXPECT_TRUE(report.issues.empty());
    EXPECT_TRUE(report.ok());
  }
}

TEST(Validate, ReportsItsType) {
  auto report = validate("{}", "application/json");
  EXPECT_TRUE(report.validated);
  EXPECT_EQ(report.type, BodyType::json);
  EXPECT_EQ(validate("a=1", BodyType::form).type, BodyType::form);
  EXPECT_TRUE(validate("a=1", BodyType::form).validated);
  EXPECT_FALSE(validate("a=1", BodyType::unknown).validated);
  // The same bytes, judged by the type given.
  EXPECT_FALSE(validate("a=1", BodyType::json).ok());
  EXPECT_TRUE(validate("a=1", BodyType::text).ok());
  EXPECT_FALSE(validate("a=1", BodyType::xml).ok());
}

TEST(Validate, OkMeansNoErrors) {
  EXPECT_TRUE(validate("a=1+1", "x-www-form-urlencoded").ok());  // a warning only
  EXPECT_FALSE(validate("a=1+1", "x-www-form-urlencoded").issues.empty());
  EXPECT_FALSE(validate("a=1 1", "x-www-form-urlencoded").ok());
}

// Lines end at LF; CR LF is one break (the CR ends its line); a lone CR is not a break.
// Columns count bytes.
TEST(Validate, LinesAndColumns) {
  auto issue_at = [](std::string_view body) {
    auto report = validate(body, "text/plain");
    EXPECT_EQ(report.issues.size(), 1u);
    return report.issues.empty() ? liquid::validate::Issue{} : report.issues[0];
  };
  auto lf = issue_at("one\ntwo\nthree \xFF");
  EXPECT_EQ(lf.offset, 14u);
  EXPECT_EQ(lf.line, 3u);
  EXPECT_EQ(lf.column, 7u);
  auto crlf = issue_at("one\r\ntwo\r\nthree \xFF");
  EXPECT_EQ(crlf.offset, 16u);
  EXPECT_EQ(crlf.line, 3u);
  EXPECT_EQ(crlf.column, 7u);
  auto lone_cr = issue_at("one\rtwo \xFF");
  EXPECT_EQ(lone_cr.line, 1u);
  EXPECT_EQ(lone_cr.column, 9u);
  auto multibyte = issue_at("\xC3\xA9\xC3\xA9\xFF");  // two characters, four bytes
  EXPECT_EQ(multibyte.column, 5u);
  auto at_lf = issue_at("ab\xFF\nc");
  EXPECT_EQ(at_lf.line, 1u);
  EXPECT_EQ(at_lf.column, 3u);
  auto first_byte = issue_at("\xFF");
  EXPECT_EQ(first_byte.line, 1u);
  EXPECT_EQ(first_byte.column, 1u);
  // The end of input after a final line break is on the next line.
  auto eof = validate("{\"a\":1,\n", "application/json");
  ASSERT_EQ(eof.issues.size(), 1u);
  EXPECT_EQ(eof.issues[0].offset, 8u);
  EXPECT_EQ(eof.issues[0].line, 2u);
  EXPECT_EQ(eof.issues[0].column, 1u);
}

// The same convention as the engine's diagnostics, so both kinds of position can be shown together.
TEST(Validate, PositionsMatchSourcePositionLocate) {
  const std::string_view body = "\xFF\r\n ab\xFF\rc\xFF\n\n\xFF\r\n\r\n  \xC3\xA9\xFF"sv;
  auto report = validate(body, "text/plain");
  ASSERT_EQ(report.issues.size(), 5u);
  for (const auto& issue : report.issues) {
    auto expected = liquid::SourcePosition::locate("", body, issue.offset);
    EXPECT_EQ(issue.line, expected.line) << "offset " << issue.offset;
    EXPECT_EQ(issue.column, expected.column) << "offset " << issue.offset;
  }
}

TEST(Validate, IssuesAreSortedByOffset) {
  auto report = validate("&a b=1+2&=x&", "application/x-www-form-urlencoded");
  ASSERT_GE(report.issues.size(), 4u);
  for (std::size_t k = 1; k < report.issues.size(); ++k) {
    EXPECT_LE(report.issues[k - 1].offset, report.issues[k].offset);
  }
  // JSON reports its error first internally, its duplicate keys after: sorted all the same.
  auto json = validate(R"({"a":1,"a":2,})", "application/json");
  ASSERT_EQ(json.issues.size(), 2u);
  EXPECT_EQ(json.issues[0].id, ids::json_duplicate_key);
  EXPECT_EQ(json.issues[1].id, ids::json_invalid);
}

TEST(Validate, MaxIssues) {
  Options options;
  options.max_issues = 2;
  auto report = validate("a=1 2 3 4", "x-www-form-urlencoded", options);
  ASSERT_EQ(report.issues.size(), 3u);
  EXPECT_EQ(report.issues[0].offset, 3u);
  EXPECT_EQ(report.issues[1].offset, 5u);
  EXPECT_EQ(report.issues[2].id, ids::issues_omitted);
  EXPECT_EQ(report.issues[2].severity, Severity::error);

  options.max_issues = 0;
  report = validate("a=1+2", "x-www-form-urlencoded", options);
  ASSERT_EQ(report.issues.size(), 1u);
  EXPECT_EQ(report.issues[0].id, ids::issues_omitted);
  EXPECT_EQ(report.issues[0].severity, Severity::warning);
  EXPECT_TRUE(report.ok());
  report = validate("[1,]", "application/json", options);
  ASSERT_EQ(report.issues.size(), 1u);
  EXPECT_EQ(report.issues[0].severity, Severity::error);
  EXPECT_FALSE(report.ok());
}

}  // namespace
