// Tests of liquid/src/filters/base64.cpp. Expected values are Ruby's Base64 results (strict
// encoding and decoding), as Shopify Liquid 5.13 returns them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "filter_test_util.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"

namespace {

using liquid::FilterError;
using liquid::Value;

Value run(std::string_view filter, const Value& input) {
  return liquid::testing::apply(liquid::filters::base64_filters(), filter, input);
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

const char* const all_ascii =
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 !@#$%^&*()-=_+/?.:;[]{}\\|";

TEST(Base64Filters, TableHasEveryFilter) {
  auto family = liquid::filters::base64_filters();
  EXPECT_EQ(family.size(), 4u);
  for (const char* name :
       {"base64_encode", "base64_decode", "base64_url_safe_encode", "base64_url_safe_decode"}) {
    const auto& def = liquid::testing::find_filter(family, name);
    EXPECT_EQ(def.min_args, 0) << name;
    EXPECT_EQ(def.max_args, 0) << name;
  }
}

TEST(Base64Filters, Encode) {
  check_rows({
      {"base64_encode", "_#/.", "XyMvLg=="},
      {"base64_encode", all_ascii,
       "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXogQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVogMTIzNDU2Nzg5MCAhQC"
       "MkJV4mKigpLT1fKy8/Ljo7W117fVx8"},
      {"base64_encode", "", ""},
      {"base64_encode", "a", "YQ=="},
      {"base64_encode", "ab", "YWI="},
      {"base64_encode", "abc", "YWJj"},
      {"base64_encode", "é", "w6k="},
      {"base64_encode", std::string("\0\xFF\xFE", 3), "AP/+"},
      {"base64_encode", 5, "NQ=="},
      {"base64_encode", Value(), ""},
      {"base64_url_safe_encode", "_#/.", "XyMvLg=="},
      {"base64_url_safe_encode", all_ascii,
       "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXogQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVogMTIzNDU2Nzg5MCAhQC"
       "MkJV4mKigpLT1fKy8_Ljo7W117fVx8"},
      {"base64_url_safe_encode", std::string("\0\xFF\xFE", 3), "AP_-"},
      {"base64_url_safe_encode", "a", "YQ=="},  // padded, like Ruby's default
      {"base64_url_safe_encode", 5, "NQ=="},
      {"base64_url_safe_encode", Value(), ""},
  });
}

TEST(Base64Filters, Decode) {
  check_rows({
      {"base64_decode", "XyMvLg==", "_#/."},
      {"base64_decode",
       "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXogQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVogMTIzNDU2Nzg5MCAhQC"
       "MkJV4mKigpLT1fKy8/Ljo7W117fVx8",
       all_ascii},
      {"base64_decode", "", ""},
      {"base64_decode", "YQ==", "a"},
      {"base64_decode", "YWI=", "ab"},
      {"base64_decode", "AP/+", std::string("\0\xFF\xFE", 3)},  // any bytes come out
      {"base64_decode", Value(), ""},
      {"base64_url_safe_decode", "XyMvLg==", "_#/."},
      {"base64_url_safe_decode",
       "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXogQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVogMTIzNDU2Nzg5MCAhQC"
       "MkJV4mKigpLT1fKy8_Ljo7W117fVx8",
       all_ascii},
      {"base64_url_safe_decode", "AP_-", std::string("\0\xFF\xFE", 3)},
      {"base64_url_safe_decode", "AP/+", std::string("\0\xFF\xFE", 3)},  // '+' and '/' pass too
      {"base64_url_safe_decode", "YQ", "a"},                             // padding may be left out
      {"base64_url_safe_decode", "YWI", "ab"},
      {"base64_url_safe_decode", "aGVsbG8", "hello"},
      {"base64_url_safe_decode", Value(), ""},
  });
}

TEST(Base64Filters, DecodeIsStrict) {
  for (const char* bad : {"5", "YQ", "YQ=", "YWI", "Y===", "=", "====", "YQ==YQ==", "YR==", "YWJ=",
                          " YQ==", "YQ==\n", "YQ=\n", "YW Jj", "YW-j", "YW_j", "é"}) {
    EXPECT_EQ(error_of("base64_decode", bad), liquid::errc::invalid_value) << bad;
  }
  for (const char* bad :
       {"5", "Y", "YQ=", "YR==", "YR", "YWJ=", "YWJ", " YQ", "Y Q", "YQ==YQ==", "é"}) {
    EXPECT_EQ(error_of("base64_url_safe_decode", bad), liquid::errc::invalid_value) << bad;
  }
  EXPECT_EQ(error_of("base64_decode", 5), liquid::errc::invalid_value);
  EXPECT_EQ(error_of("base64_url_safe_decode", 5), liquid::errc::invalid_value);
}

TEST(Base64Filters, RoundTripsEveryByte) {
  std::string bytes;
  for (int b = 0; b < 256; ++b) bytes.push_back(static_cast<char>(b));
  for (std::size_t len = 0; len <= bytes.size(); len += 37) {
    Value raw(bytes.substr(0, len));
    EXPECT_EQ(run("base64_decode", run("base64_encode", raw)).as_string(), raw.as_string());
    EXPECT_EQ(run("base64_url_safe_decode", run("base64_url_safe_encode", raw)).as_string(),
              raw.as_string());
  }
}

}  // namespace
