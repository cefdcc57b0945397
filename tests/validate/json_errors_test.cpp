// Invalid JSON bodies: each gives exactly one rendered-json-invalid error, at the byte that breaks
// RFC 8259 (liquid/src/validate/json_errors.cpp explains what Boost.JSON rejected).
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <random>
#include <string>
#include <string_view>

#include "liquid/validate.hpp"

namespace {

using liquid::Severity;
using liquid::validate::validate;
namespace ids = liquid::validate::ids;
using namespace std::string_view_literals;

struct ErrorCase {
  std::string_view body;
  std::size_t offset;
  std::uint32_t line, column;
};

// "id@offset line:col" of every issue, for readable failures.
std::vector<std::string> issue_list(const liquid::validate::Report& report) {
  std::vector<std::string> out;
  for (const auto& issue : report.issues) {
    out.push_back(issue.id + "@" + std::to_string(issue.offset) + " " + std::to_string(issue.line) +
                  ":" + std::to_string(issue.column));
  }
  return out;
}

std::string expected_error(const ErrorCase& c) {
  return std::string(ids::json_invalid) + "@" + std::to_string(c.offset) + " " +
         std::to_string(c.line) + ":" + std::to_string(c.column);
}

void check_errors(std::initializer_list<ErrorCase> cases) {
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(testing::Message() << "body: " << testing::PrintToString(std::string(c.body)));
    auto report = validate(c.body, "application/json");
    EXPECT_TRUE(report.validated);
    EXPECT_FALSE(report.ok());
    EXPECT_EQ(issue_list(report), std::vector<std::string>{expected_error(c)});
    if (!report.issues.empty()) {
      EXPECT_EQ(report.issues[0].severity, Severity::error);
      EXPECT_FALSE(report.issues[0].message.empty());
      // The fallback wording means the explanation lost track of Boost.JSON's verdict.
      EXPECT_EQ(report.issues[0].message.find("invalid JSON ("), std::string::npos)
          << report.issues[0].message;
    }
  }
}

TEST(JsonErrors, Structure) {
  check_errors({
      {R"({"a":1,})", 6, 1, 7},       // trailing comma: at the comma
      {R"([1,])", 2, 1, 3},           // trailing comma in an array
      {R"([1 2])", 3, 1, 4},          // missing comma
      {R"({"a":1 "b":2})", 7, 1, 8},  // missing comma between members
      {R"({"a" 1})", 5, 1, 6},        // missing colon
      {R"({"a":})", 5, 1, 6},         // missing value
      {R"({a:1})", 1, 1, 2},          // unquoted key
      {R"({'a':1})", 1, 1, 2},        // single-quoted key
      {R"({,})", 1, 1, 2},            // no key
      {R"({"a":[1,2})", 9, 1, 10},    // array closed by '}'
      {R"([{"a":1]])", 7, 1, 8},      // object closed by ']'
      {R"({"a":1}})", 7, 1, 8},       // one '}' too many
      {R"({} {})", 3, 1, 4},          // two top-level values
      {R"(1 2)", 2, 1, 3},            // two top-level scalars
      {R"({"a":1)", 6, 1, 7},         // ends inside an object
      {R"([)", 1, 1, 2},              // ends after '['
      {R"({"a":)", 5, 1, 6},          // ends after ':'
      {"", 0, 1, 1},                  // empty body
      {"  ", 2, 1, 3},                // whitespace only
      {"\n\n", 2, 3, 1},              // whitespace only, position on the last line
  });
}

TEST(JsonErrors, Values) {
  check_errors({
      {R"({"id": MAILBOX-ID})", 7, 1, 8},  // a placeholder left in the template
      {R"(NaN)", 0, 1, 1},
      {R"([Infinity])", 1, 1, 2},
      {R"([-Infinity])", 1, 1, 2},
      {R"([undefined])", 1, 1, 2},
      {R"([True])", 1, 1, 2},
      {R"([NULL])", 1, 1, 2},
      {R"(tru)", 0, 1, 1},  // cut-off literal
      {R"([trux])", 1, 1, 2},
      {R"('a')", 0, 1, 1},
      {R"(/*x*/1)", 0, 1, 1},            // comment before the value
      {"{\"a\":1 // note\n}", 7, 1, 8},  // comment after a member
      {"\xEF\xBB\xBF{}", 0, 1, 1},       // byte order mark
      {"[\xC3\xA9]", 1, 1, 2},           // non-ASCII outside a string
      {"[1,\x01]", 3, 1, 4},             // control character outside a string
  });
}

TEST(JsonErrors, Numbers) {
  check_errors({
      {R"([01])", 1, 1, 2},  // leading zero: at the number
      {R"([-01])", 1, 1, 2},
      {R"(-)", 1, 1, 2},
      {R"([-])", 2, 1, 3},
      {R"([-a])", 2, 1, 3},
      {R"([1.])", 3, 1, 4},
      {R"([1.e5])", 3, 1, 4},
      {R"([1e])", 3, 1, 4},
      {R"([1e+])", 4, 1, 5},
      {R"([.5])", 1, 1, 2},
      {R"([+1])", 1, 1, 2},
      {R"([0x10])", 2, 1, 3},           // "0" then 'x'
      {R"([1e99999999999])", 1, 1, 2},  // exponent beyond Boost.JSON's int range
      {R"({"n": 12abc})", 8, 1, 9},
  });
}

TEST(JsonErrors, Strings) {
  check_errors({
      {R"("abc)", 4, 1, 5},  // unterminated: at the end of input
      {R"(["a", "b)", 8, 1, 9},
      {"\"a\x01\"", 2, 1, 3},                   // raw control character
      {"{\"a\":\"line1\nline2\"}", 11, 1, 12},  // raw newline inside a string
      {"[\"tab\there\"]", 5, 1, 6},             // raw tab inside a string
      {R"("\x")", 1, 1, 2},                     // unknown escape: at the backslash
      {R"("\')", 1, 1, 2},
      {R"("ab\u12g4")", 3, 1, 4},       // \u without 4 hex digits
      {R"("\u12)", 5, 1, 6},            // ends inside \u
      {R"("\ud800")", 1, 1, 2},         // lone high surrogate
      {R"("\udc00")", 1, 1, 2},         // lone low surrogate
      {R"("\ud800\u0041")", 1, 1, 2},   // high surrogate + non-surrogate
      {R"("x\ud800\uzzzz")", 8, 1, 9},  // high surrogate + bad escape
      {R"("\)", 2, 1, 3},               // ends after a backslash
  });
}

TEST(JsonErrors, InvalidUtf8InStrings) {
  check_errors({
      {"\"\xC0\x80\"", 1, 1, 2},          // overlong NUL
      {"\"ok \xED\xA0\x80\"", 4, 1, 5},   // UTF-8 encoded surrogate
      {"\"\xF4\x90\x80\x80\"", 1, 1, 2},  // above U+10FFFF
      {"\"\xF5\x80\x80\x80\"", 1, 1, 2},  // never a lead byte
      {"\"\x80\"", 1, 1, 2},              // lone continuation byte
      {"\"\xC3\xA9\xE2\x82\"", 3, 1, 4},  // valid e-acute, then a cut sequence
      {"\"caf\xE9\"", 4, 1, 5},           // Latin-1 text
      {"\"\xE2\x82", 1, 1, 2},            // input ends inside a sequence
      {"{\"k\xFF\":1}", 3, 1, 4},         // in a key
      {"{\"a\":[\"ok\",\"\xFE\"]}", 12, 1, 13},
  });
}

TEST(JsonErrors, LineAndColumnCountCrLfAsOneBreak) {
  check_errors({
      {"{\r\n  \"a\": 1,\r\n}", 11, 2, 9},
      {"{\n  \"a\": 1,\n}", 10, 2, 9},
      {"[\r\n1,\r\n2\r\n3]", 10, 4, 1},
  });
}

// The seed's Help Scout example, rendered, with its MAILBOX-ID placeholder still in place.
constexpr std::string_view kHelpScoutBody = R"({
    "type": "email",
    "customer": {
        "email": "ada@example.com",
        "firstName":"Ada",
        "lastName":"Lovelace"
    },
    "subject": "Low NPS rating from customer Ada Lovelace",
    "mailbox": {
        "id": MAILBOX-ID
    },
    "tags": [
        "Customer.io"
    ],
    "status": "active",
    "createdAt": "2024-05-01",
    "threads": [
        {
            "type": "customer",
            "createdBy": {
                "email": "ada@example.com",
                "type": "customer",
                "firstName":"Ada",
                "lastName":"Lovelace"
            },
            "body": "Too slow \n \n Rating: 3",
            "status": "active",
            "createdAt": "2024-05-01"
        }
    ]
}
)";

TEST(JsonErrors, HelpScoutMailboxPlaceholder) {
  auto report = validate(kHelpScoutBody, "application/json");
  ASSERT_EQ(report.issues.size(), 1u);
  const auto& issue = report.issues[0];
  EXPECT_EQ(issue.id, ids::json_invalid);
  EXPECT_EQ(issue.severity, Severity::error);
  EXPECT_EQ(issue.offset, kHelpScoutBody.find("MAILBOX-ID"));
  EXPECT_EQ(issue.line, 10u);
  EXPECT_EQ(issue.column, 15u);

  std::string fixed(kHelpScoutBody);
  fixed.replace(fixed.find("MAILBOX-ID"), 10, "12345");
  EXPECT_TRUE(validate(fixed, "application/json").issues.empty());
}

// Random single-byte edits of valid bodies: whatever Boost.JSON rejects is explained in words
// (never the fallback), at or before the byte where Boost.JSON stopped.
TEST(JsonErrors, MutatedBodiesAreAlwaysExplained) {
  const std::string_view corpus[] = {
      kHelpScoutBody,
      R"({"a":[1,-2.5e+3,true,false,null,"x\u00e9\n"],"b":{"c":{}},"d":[]})",
      "[\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\", 0, -0.0, 1E-2, \"\\ud83d\\ude00\"]",
  };
  const std::string_view inserts = "{}[]:,\"\\ \n0-.eEtfnu+/\x01\x80\xC3\xFF'aN";
  std::mt19937 random(20240501);
  int explained = 0;
  for (std::string_view original : corpus) {
    for (int round = 0; round < 3000; ++round) {
      std::string body(original);
      std::size_t at = random() % body.size();
      char byte = inserts[random() % inserts.size()];
      switch (random() % 3) {
        case 0:
          body.erase(at, 1);
          break;
        case 1:
          body.insert(body.begin() + static_cast<std::ptrdiff_t>(at), byte);
          break;
        default:
          body[at] = byte;
          break;
      }
      auto report = validate(body, "application/json");
      boost::json::error_code ec;
      boost::json::parse_options options;
      options.max_depth = 1000;
      boost::json::parse(body, ec, {}, options);
      SCOPED_TRACE(testing::Message() << "body: " << testing::PrintToString(body));
      ASSERT_EQ(report.ok(), !ec) << ec.message();
      for (const auto& issue : report.issues) {
        if (issue.id != ids::json_invalid) continue;
        ++explained;
        EXPECT_EQ(issue.message.find("invalid JSON ("), std::string::npos) << issue.message;
      }
    }
  }
  EXPECT_GT(explained, 3000);
}

}  // namespace
