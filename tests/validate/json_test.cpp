// application/json: valid bodies, duplicate keys, nesting depth, huge bodies.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>

#include "liquid/validate.hpp"

namespace {

using liquid::Severity;
using liquid::validate::Options;
using liquid::validate::validate;
namespace ids = liquid::validate::ids;

std::vector<std::string> issue_list(const liquid::validate::Report& report) {
  std::vector<std::string> out;
  for (const auto& issue : report.issues) {
    out.push_back(issue.id + "@" + std::to_string(issue.offset) + " " + std::to_string(issue.line) +
                  ":" + std::to_string(issue.column));
  }
  return out;
}

std::string issue(std::string_view id, std::size_t offset, int line, int column) {
  return std::string(id) + "@" + std::to_string(offset) + " " + std::to_string(line) + ":" +
         std::to_string(column);
}

TEST(Json, ValidBodies) {
  const std::string_view bodies[] = {
      R"({"id":"1","email":"win@customer.io"})",  // the seed's first example
      "{\n    \"id\":\"1\",\n    \"email\":\"win@customer.io\"\n}\n",
      "\r\n\t {\"crlf\": true}\r\n",
      R"("just a string")",
      "42",
      "-0",
      "null",
      "true",
      " [ ] ",
      "{}",
      R"([0, -0, 1.5, -1.5e10, 1E+2, 2e-3, 0.0, 123456789012345678901234567890])",
      R"([1e400, -1e-400])",  // beyond double range, still RFC 8259 grammar
      R"(["\"\\\/\b\f\n\r\t", "\u00e9\u20AC\ud83d\ude00", "\u0000"])",
      "[\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xEF\xBF\xBF\xF4\x8F\xBF\xBF\"]",  // 2-4 byte UTF-8
      R"({"a":{"b":{"c":[{"d":[[]]}]}}})",
      R"({"":"empty key is fine", " ":"so is a space"})",
      R"({"customer": {"id": 1, "tags": ["a", "b"], "nested": {"x": null}}})",
  };
  for (std::string_view body : bodies) {
    SCOPED_TRACE(testing::Message() << "body: " << testing::PrintToString(std::string(body)));
    auto report = validate(body, "application/json");
    EXPECT_TRUE(report.validated);
    EXPECT_TRUE(report.ok());
    EXPECT_EQ(issue_list(report), std::vector<std::string>{});
  }
}

// Validates the view only, never the bytes after it.
TEST(Json, ValidatesOnlyTheGivenBytes) {
  std::string_view text = "[1]garbage";
  EXPECT_TRUE(validate(text.substr(0, 3), "application/json").issues.empty());
  EXPECT_EQ(validate(text.substr(0, 4), "application/json").issues.size(), 1u);
}

TEST(Json, DuplicateKeysAreWarningsAtTheSecondKey) {
  struct Case {
    std::string_view body;
    std::vector<std::string> issues;
  };
  const Case cases[] = {
      {R"({"a":1,"a":2})", {issue(ids::json_duplicate_key, 7, 1, 8)}},
      {R"({"a":1,"a":2,"a":3})",
       {issue(ids::json_duplicate_key, 7, 1, 8), issue(ids::json_duplicate_key, 13, 1, 14)}},
      {R"({"a" : 1, "a" : 2})", {issue(ids::json_duplicate_key, 10, 1, 11)}},
      {R"({"a":1,"\u0061":2})", {issue(ids::json_duplicate_key, 7, 1, 8)}},  // same decoded key
      {R"({"a\"b":1,"a\"b":2})", {issue(ids::json_duplicate_key, 10, 1, 11)}},
      {R"({"a":{"x":1,"x":2},"a":3})",
       {issue(ids::json_duplicate_key, 12, 1, 13), issue(ids::json_duplicate_key, 19, 1, 20)}},
      {"{\n  \"id\": 1,\n  \"id\": 2\n}", {issue(ids::json_duplicate_key, 15, 3, 3)}},
      // Strings that are values, even ones ending in ':', are not keys.
      {R"({"x":"a","a":1,"y":["a:", "a"],"a":2})", {issue(ids::json_duplicate_key, 31, 1, 32)}},
      // Same key in different objects, or in an array of objects: fine.
      {R"({"a":1,"b":{"a":2}})", {}},
      {R"([{"a":1},{"a":1}])", {}},
      {R"({"a":1,"A":2,"a ":3})", {}},
      // A duplicate before an error is still reported, and the error too.
      {R"({"a":1,"a":2,})",
       {issue(ids::json_duplicate_key, 7, 1, 8), issue(ids::json_invalid, 12, 1, 13)}},
      // ...also in an object the error left open.
      {R"({"a":1,"a":2)",
       {issue(ids::json_duplicate_key, 7, 1, 8), issue(ids::json_invalid, 12, 1, 13)}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << "body: " << c.body);
    auto report = validate(c.body, "application/json");
    EXPECT_EQ(issue_list(report), c.issues);
    for (const auto& i : report.issues) {
      if (i.id == ids::json_duplicate_key) {
        EXPECT_EQ(i.severity, Severity::warning);
      }
    }
  }
  EXPECT_TRUE(validate(R"({"a":1,"a":2})", "application/json").ok());
}

// Objects with many keys take the sorting path instead of comparing pairs.
TEST(Json, DuplicateKeysInALargeObject) {
  std::string body = "{";
  for (int k = 0; k < 500; ++k)
    body += "\"key" + std::to_string(k) + "\":" + std::to_string(k) + ",";
  std::size_t first_repeat = body.size();
  body += "\"key7\":1,\"key300\":2,\"key7\":3}";
  auto report = validate(body, "application/json");
  ASSERT_EQ(report.issues.size(), 3u);
  EXPECT_EQ(report.issues[0].offset, first_repeat);
  EXPECT_EQ(report.issues[1].offset, first_repeat + 9);
  EXPECT_EQ(report.issues[2].offset, first_repeat + 20);
  for (const auto& i : report.issues) EXPECT_EQ(i.id, ids::json_duplicate_key);
  EXPECT_TRUE(report.ok());
}

TEST(Json, ManyDuplicatesAreCapped) {
  std::string body = "{";
  for (int k = 0; k < 300; ++k) body += "\"same\":1,";
  body += "\"last\":1}";
  auto report = validate(body, "application/json");
  ASSERT_EQ(report.issues.size(), 101u);  // 100 kept + one count of the rest
  EXPECT_EQ(report.issues.back().id, ids::issues_omitted);
  EXPECT_EQ(report.issues.back().severity, Severity::warning);
  EXPECT_TRUE(report.ok());
  // A syntax error after many duplicates is kept: it is reported before them.
  body.back() = ',';
  report = validate(body, "application/json");
  EXPECT_FALSE(report.ok());
  std::size_t errors = 0;
  for (const auto& i : report.issues) errors += i.id == ids::json_invalid;
  EXPECT_EQ(errors, 1u);
}

std::string nested(std::size_t depth, bool objects) {
  std::string body;
  body.reserve(depth * 6 + 1);
  for (std::size_t k = 0; k < depth; ++k) body += objects ? "{\"a\":" : "[";
  body += "1";
  for (std::size_t k = 0; k < depth; ++k) body += objects ? "}" : "]";
  return body;
}

TEST(Json, DeepNestingIsAnIssueNotACrash) {
  auto arrays = validate(nested(100000, false), "application/json");
  EXPECT_EQ(issue_list(arrays), std::vector<std::string>{issue(ids::json_too_deep, 1000, 1, 1001)});
  auto objects = validate(nested(100000, true), "application/json");
  EXPECT_EQ(issue_list(objects),
            std::vector<std::string>{issue(ids::json_too_deep, 5000, 1, 5001)});
  // Only unclosed brackets, as a broken loop would render them.
  auto open_only = validate(std::string(100000, '['), "application/json");
  EXPECT_EQ(issue_list(open_only),
            std::vector<std::string>{issue(ids::json_too_deep, 1000, 1, 1001)});
}

TEST(Json, DepthLimitIsExact) {
  EXPECT_TRUE(validate(nested(1000, false), "application/json").issues.empty());
  EXPECT_TRUE(validate(nested(1000, true), "application/json").issues.empty());
  EXPECT_EQ(validate(nested(1001, false), "application/json").issues.at(0).id, ids::json_too_deep);
  Options shallow;
  shallow.max_json_depth = 3;
  EXPECT_TRUE(validate("[[[1]]]", "application/json", shallow).issues.empty());
  EXPECT_EQ(issue_list(validate("[[[[1]]]]", "application/json", shallow)),
            std::vector<std::string>{issue(ids::json_too_deep, 3, 1, 4)});
}

// A ~10 MB body of webhook-like records, one per line.
std::string huge_body() {
  std::string body = "[\n";
  for (int k = 0; k < 50000; ++k) {
    body += R"(  {"id": )" + std::to_string(k) + R"(, "email": "user)" + std::to_string(k) +
            R"(@example.com", "name": "Ad\u00e9 \u2603 \"quoted\"", "score": -12.5e-3, )"
            R"("tags": ["a", "b", "c"], "active": true, "note": null, "padding": ")" +
            std::string(100, '.') + "\"}";
    body += k + 1 < 50000 ? ",\n" : "\n";
  }
  body += "]\n";
  return body;
}

TEST(Json, HugeBodies) {
  std::string body = huge_body();
  ASSERT_GT(body.size(), 10'000'000u);
  EXPECT_TRUE(validate(body, "application/json").issues.empty());

  // An error in the very last record: exact offset, and the line counted over 50,000 lines.
  std::size_t last_colon = body.rfind("\"note\": null");
  body.replace(last_colon + 8, 4, "nul");
  auto report = validate(body, "application/json");
  ASSERT_EQ(report.issues.size(), 1u);
  EXPECT_EQ(report.issues[0].id, ids::json_invalid);
  EXPECT_EQ(report.issues[0].offset, last_colon + 8);
  EXPECT_EQ(report.issues[0].line, 50001u);
  EXPECT_EQ(report.issues[0].column, last_colon + 8 - body.rfind('\n', last_colon));
}

}  // namespace
