// application/x-www-form-urlencoded bodies (rules and their reasons: liquid/src/validate/form.cpp).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "liquid/validate.hpp"

namespace {

using liquid::Severity;
using liquid::validate::validate;
namespace ids = liquid::validate::ids;

// "E id@offset line:col" (E error, W warning) of every issue.
std::vector<std::string> issue_list(const liquid::validate::Report& report) {
  std::vector<std::string> out;
  for (const auto& issue : report.issues) {
    out.push_back(std::string(issue.severity == Severity::error ? "E " : "W ") + issue.id + "@" +
                  std::to_string(issue.offset) + " " + std::to_string(issue.line) + ":" +
                  std::to_string(issue.column));
  }
  return out;
}

std::string error(std::size_t offset, int line = 1, int column = 0) {
  return "E " + std::string(ids::form_invalid) + "@" + std::to_string(offset) + " " +
         std::to_string(line) + ":" + std::to_string(column == 0 ? offset + 1 : column);
}
std::string warning(std::string_view id, std::size_t offset, int line = 1, int column = 0) {
  return "W " + std::string(id) + "@" + std::to_string(offset) + " " + std::to_string(line) + ":" +
         std::to_string(column == 0 ? offset + 1 : column);
}

struct Case {
  std::string_view body;
  std::vector<std::string> issues;
};

void check(std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << "body: " << testing::PrintToString(std::string(c.body)));
    auto report = validate(c.body, "application/x-www-form-urlencoded");
    EXPECT_TRUE(report.validated);
    EXPECT_EQ(issue_list(report), c.issues);
    for (const auto& issue : report.issues) EXPECT_FALSE(issue.message.empty());
  }
}

TEST(Form, ValidBodies) {
  check({
      {"", {}},                                                   // a form without fields
      {"id=1&email=win@customer.io&custom_attribute=value", {}},  // the seed's example
      {"a=%20%2b%2B&b=c%3Dd&c=%E2%82%AC", {}},
      {"a[]=1&a[]=2&user[name]=Ada", {}},  // PHP and Rack array names
      {"k=", {}},
      {"k=~!$'()*,/:;?@-._", {}},
      {"x=1;2", {}},
  });
}

TEST(Form, BytesThatMustBeEncoded) {
  check({
      {"a b=1", {error(1)}},
      {"a=hello world", {error(7)}},
      {"a=1\n", {error(3)}},
      {"a=1\r\n&b=2", {error(3), error(4)}},
      {"a=\t", {error(2)}},
      {std::string_view("a=\0", 3), {error(2)}},
      {"a=\x7F", {error(2)}},
      {"a=caf\xC3\xA9", {error(5)}},  // one issue for the whole non-ASCII run
      {"a=\xC3\xA9 \xC3\xA8", {error(2), error(4), error(5)}},
      {"a=x#y", {error(3)}},
      {"a=\"q\"", {error(2), error(4)}},
      {"a=<b>", {error(2), error(4)}},
      {"a={|}\\^`", {error(2), error(3), error(4), error(5), error(6), error(7)}},
  });
}

TEST(Form, EqualsSigns) {
  check({
      {"a=b=c", {error(3)}},
      {"token=abc==", {error(9), error(10)}},  // base64 padding, unencoded
      {"url=https://x.io/?q=1", {error(19)}},
      {"=x", {error(0)}},  // empty name
      {"=", {error(0)}},
      {"a=1&=2", {error(4)}},
      {"x=1;y=2", {error(5)}},  // ';' separates pairs only in old query-string parsers
  });
}

TEST(Form, PercentEscapes) {
  check({
      {"%", {error(0), warning(ids::form_missing_equals, 0)}},
      {"a=%2", {error(2)}},
      {"a=%zz", {error(2)}},
      {"a=%2G", {error(2)}},
      {"a=100%", {error(5)}},
      {"a=100%&b=1", {error(5)}},
      {"a=%%41", {error(2)}},  // the second '%' starts a good escape
      {"%41=%61", {}},
  });
}

TEST(Form, LiteralPlusIsAWarningOncePerPair) {
  check({
      {"phone=+15551234567", {warning(ids::form_literal_plus, 6)}},
      {"email=ada+tag@example.com", {warning(ids::form_literal_plus, 9)}},
      {"q=a+b+c", {warning(ids::form_literal_plus, 3)}},
      {"a+b=1+2&c=3+4", {warning(ids::form_literal_plus, 1), warning(ids::form_literal_plus, 11)}},
  });
  EXPECT_TRUE(validate("q=a+b", "application/x-www-form-urlencoded").ok());
}

TEST(Form, EmptyAndIncompletePairs) {
  check({
      {"a=1&", {warning(ids::form_trailing_ampersand, 3)}},
      {"&", {warning(ids::form_trailing_ampersand, 0)}},
      {"&a=1", {warning(ids::form_empty_pair, 0)}},
      {"a=1&&b=2", {warning(ids::form_empty_pair, 4)}},
      {"a=1&&", {warning(ids::form_trailing_ampersand, 4)}},
      {"&&", {warning(ids::form_empty_pair, 0), warning(ids::form_trailing_ampersand, 1)}},
      {"flag", {warning(ids::form_missing_equals, 0)}},
      {"a=1&flag&b=2", {warning(ids::form_missing_equals, 4)}},
  });
}

// The seed's Twilio WhatsApp body, rendered with a phone number: the line breaks of the template
// become part of the values, and the '+' of the number becomes a space.
TEST(Form, SeedTwilioBody) {
  std::string_view body =
      "Body=[YOUR_URL_ENCODED_MESSAGE_HERE]\n"
      "&To=whatsapp%3A+15551234567\n"
      "&From=whatsapp%3A[YOUR_WHATSAPP_NUMBER_HERE]";
  check({{body, {error(36, 1, 37), warning(ids::form_literal_plus, 52, 2, 16), error(64, 2, 28)}}});
  check({{"Body=Your%20order%20shipped&To=whatsapp%3A%2B15551234567&From=whatsapp%3A%2B15557654321",
          {}}});
}

TEST(Form, IssuesAreCapped) {
  std::string spaces = "a=" + std::string(1000, ' ');
  auto report = validate(spaces, "application/x-www-form-urlencoded");
  ASSERT_EQ(report.issues.size(), 101u);
  EXPECT_EQ(report.issues.back().id, ids::issues_omitted);
  EXPECT_EQ(report.issues.back().severity, Severity::error);
  EXPECT_FALSE(report.ok());

  std::string pluses;
  for (int k = 0; k < 300; ++k) pluses += "a=1+1&";
  pluses.pop_back();
  report = validate(pluses, "application/x-www-form-urlencoded");
  ASSERT_EQ(report.issues.size(), 101u);
  EXPECT_EQ(report.issues.back().id, ids::issues_omitted);
  EXPECT_EQ(report.issues.back().severity, Severity::warning);
  EXPECT_TRUE(report.ok());
}

TEST(Form, HugeBodies) {
  std::string body;
  for (int k = 0; k < 200000; ++k) {
    body += "field" + std::to_string(k) + "=value%20" + std::to_string(k) + "%26more&";
  }
  body += "last=1";
  ASSERT_GT(body.size(), 5'000'000u);
  EXPECT_TRUE(validate(body, "application/x-www-form-urlencoded").issues.empty());
  body += " ";
  auto report = validate(body, "application/x-www-form-urlencoded");
  EXPECT_EQ(issue_list(report), std::vector<std::string>{error(body.size() - 1)});
}

}  // namespace
