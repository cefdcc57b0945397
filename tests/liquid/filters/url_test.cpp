// Tests of liquid/src/filters/url.cpp. Expected values are Ruby's CGI.escape / CGI.unescape
// results, as Shopify Liquid 5.13 returns them.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "filter_test_util.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"

namespace {

using liquid::Array;
using liquid::FilterError;
using liquid::Value;

Value run(std::string_view filter, const Value& input) {
  return liquid::testing::apply(liquid::filters::url_filters(), filter, input);
}

std::string error_of(std::string_view filter, const Value& input) {
  try {
    run(filter, input);
  } catch (const FilterError& e) {
    return std::string(e.id());
  }
  return "none";
}

struct Row {
  std::string_view filter;
  Value input;
  Value expected;
};

void check_rows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    SCOPED_TRACE(std::string(row.filter) + " of " + row.input.inspect());
    EXPECT_EQ(run(row.filter, row.input).inspect(), row.expected.inspect());
  }
}

TEST(UrlFilters, TableHasBothFiltersWithTheirFlags) {
  auto family = liquid::filters::url_filters();
  ASSERT_EQ(family.size(), 2u);
  const auto& encode = liquid::testing::find_filter(family, "url_encode");
  const auto& decode = liquid::testing::find_filter(family, "url_decode");
  EXPECT_EQ(encode.flags, liquid::filter_url_encodes);
  EXPECT_EQ(decode.flags, liquid::filter_url_decodes);
  for (const auto* def : {&encode, &decode}) {
    EXPECT_EQ(def->min_args, 0);
    EXPECT_EQ(def->max_args, 0);
  }
}

TEST(UrlFilters, UrlEncodeKeepsOnlyUnreservedBytes) {
  // Every byte: letters, digits and "-._~" are kept, a space is '+', the rest is %XX.
  for (int byte = 0; byte < 256; ++byte) {
    const char c = static_cast<char>(byte);
    const bool kept = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                      (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    std::string expected;
    if (kept) {
      expected = std::string(1, c);
    } else if (c == ' ') {
      expected = "+";
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", byte);
      expected = buf;
    }
    SCOPED_TRACE(byte);
    EXPECT_EQ(run("url_encode", std::string(1, c)).as_string(), expected);
  }
}

TEST(UrlFilters, UrlEncode) {
  check_rows({
      {"url_encode", "email address is bob@example.com!", "email+address+is+bob%40example.com%21"},
      {"url_encode", "foo+1@example.com", "foo%2B1%40example.com"},
      {"url_encode", "~*'()", "~%2A%27%28%29"},
      {"url_encode", "é日", "%C3%A9%E6%97%A5"},
      {"url_encode", "a/b?c=d&e#f", "a%2Fb%3Fc%3Dd%26e%23f"},
      {"url_encode", "", ""},
      {"url_encode", 5, "5"},
      {"url_encode", -1.5, "-1.5"},
      {"url_encode", Value(Array{1, 2}), "%5B1%2C+2%5D"},
      {"url_encode", Value(), Value()},  // nil stays nil
  });
  Value plain("already-safe_text.~and-long-enough");
  EXPECT_EQ(run("url_encode", plain).shared_address(), plain.shared_address());
}

TEST(UrlFilters, UrlDecode) {
  check_rows({
      {"url_decode", "email+address+is+bob%40example.com%21", "email address is bob@example.com!"},
      {"url_decode", "%C3%A9%e6%97%a5", "é日"},
      {"url_decode", "%41%4g+%%zz%", "A%4g %%zz%"},  // incomplete escapes stay as they are
      {"url_decode", "%2", "%2"},
      {"url_decode", "100%", "100%"},
      {"url_decode", "%2B+", "+ "},
      {"url_decode", "é", "é"},
      {"url_decode", "", ""},
      {"url_decode", 5, "5"},
      {"url_decode", Value(), Value()},
  });
  Value plain("nothing to decode in this long text");
  EXPECT_EQ(run("url_decode", plain).shared_address(), plain.shared_address());
}

TEST(UrlFilters, UrlDecodeRejectsInvalidUtf8) {
  EXPECT_EQ(error_of("url_decode", "%FF"), liquid::errc::invalid_value);
  EXPECT_EQ(error_of("url_decode", "%C3"), liquid::errc::invalid_value);
  EXPECT_EQ(error_of("url_decode", "%ED%A0%80"), liquid::errc::invalid_value);  // a surrogate
  EXPECT_EQ(error_of("url_decode", "plain\xFF"), liquid::errc::invalid_value);
  EXPECT_EQ(error_of("url_decode", "%C3%A9"), "none");
}

}  // namespace
