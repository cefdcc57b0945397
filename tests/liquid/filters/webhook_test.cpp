// Tests of liquid/src/filters/webhook.cpp: the liquidhook extension filters. Digest vectors are
// Shopify's documented examples, RFC 4231 (HMAC-SHA256), RFC 2202 (HMAC-SHA1) and the NIST
// digests of "" and "abc".
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "filter_test_util.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"

namespace {

using liquid::Array;
using liquid::Hash;
using liquid::Value;

Value run(std::string_view filter, const Value& input, std::vector<Value> args = {}) {
  return liquid::testing::apply(liquid::filters::webhook_filters(), filter, input, std::move(args));
}

std::string text(std::string_view filter, const Value& input, std::vector<Value> args = {}) {
  return std::string(run(filter, input, std::move(args)).as_string());
}

class NameDrop : public liquid::Drop {
 public:
  std::optional<Value> get(std::string_view) const override { return std::nullopt; }
  std::string to_s() const override { return "Polyjuice"; }
};

TEST(WebhookFilters, TableHasEveryFilterWithItsArityAndFlags) {
  auto family = liquid::filters::webhook_filters();
  ASSERT_EQ(family.size(), 7u);
  for (const char* name : {"json", "sha256", "sha1", "md5", "raw"}) {
    const auto& def = liquid::testing::find_filter(family, name);
    EXPECT_EQ(def.min_args, 0) << name;
    EXPECT_EQ(def.max_args, 0) << name;
  }
  for (const char* name : {"hmac_sha256", "hmac_sha1"}) {
    const auto& def = liquid::testing::find_filter(family, name);
    EXPECT_EQ(def.min_args, 1) << name;
    EXPECT_EQ(def.max_args, 1) << name;
  }
  EXPECT_EQ(liquid::testing::find_filter(family, "json").flags, liquid::filter_json_encodes);
  EXPECT_EQ(liquid::testing::find_filter(family, "raw").flags, liquid::filter_raw);
  EXPECT_EQ(liquid::testing::find_filter(family, "sha256").flags, liquid::filter_none);
}

TEST(WebhookFilters, HmacSha256) {
  EXPECT_EQ(text("hmac_sha256", "Polyjuice", {"Polina"}),
            "8e0d5d65cff1242a4af66c8f4a32854fd5fb80edcc8aabe9b302b29c7c71dc20");
  EXPECT_EQ(text("hmac_sha256", "Hi There", {std::string(20, '\x0b')}),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(text("hmac_sha256", "what do ya want for nothing?", {"Jefe"}),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(text("hmac_sha256", "Test Using Larger Than Block-Size Key - Hash Key First",
                 {std::string(131, '\xaa')}),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(WebhookFilters, HmacSha1) {
  EXPECT_EQ(text("hmac_sha1", "Polyjuice", {"Polina"}), "63304203b005ea4bc80546f1c6fdfe252d2062b2");
  EXPECT_EQ(text("hmac_sha1", "Hi There", {std::string(20, '\x0b')}),
            "b617318655057264e28bc0b6fb378c8ef146be00");
  EXPECT_EQ(text("hmac_sha1", "what do ya want for nothing?", {"Jefe"}),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
}

TEST(WebhookFilters, HmacWithAnEmptyOrNilKeyUsesTheEmptyKey) {
  EXPECT_EQ(text("hmac_sha256", "", {""}),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
  EXPECT_EQ(text("hmac_sha256", "msg", {Value()}),
            "5f576a8d68fe4fb7eb823227246353c0870c3b0e878997341db1226b4bd88d61");
  EXPECT_EQ(text("hmac_sha1", Value(), {Value()}), "fbdb1d1b18aa6c08324b7d64b71fb76370690e1d");
}

TEST(WebhookFilters, HmacReadsNumbersAndDropsAsText) {
  EXPECT_EQ(text("hmac_sha256", 5, {"key"}),
            "ab20d8bbe394c193b6182ca459324966b8112064e0eb3dc53c1ac80321ffc712");
  EXPECT_EQ(text("hmac_sha256", Value(std::make_shared<const NameDrop>()), {"Polina"}),
            "8e0d5d65cff1242a4af66c8f4a32854fd5fb80edcc8aabe9b302b29c7c71dc20");
}

TEST(WebhookFilters, Digests) {
  EXPECT_EQ(text("sha256", ""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(text("sha256", "abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(text("sha1", ""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(text("sha1", "abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(text("md5", ""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(text("md5", "abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(text("md5", Value()), "d41d8cd98f00b204e9800998ecf8427e");
  // Arrays in Ruby's inspect form, as every string filter reads them.
  EXPECT_EQ(text("sha256", Value(Array{1, 2})),
            "3a316d6d3226f84c1e46e4447fa8d5fd800bff4a1bc6498152523cd4a602b69b");
}

TEST(WebhookFilters, JsonEncodesAnyValue) {
  EXPECT_EQ(text("json", Value()), "null");
  EXPECT_EQ(text("json", "a \"quoted\"\nline"), "\"a \\\"quoted\\\"\\nline\"");
  EXPECT_EQ(text("json", 5.0), "5.0");
  EXPECT_EQ(text("json", Value(Array{1, true, Value()})), "[1,true,null]");
  EXPECT_EQ(text("json", Value(Hash{{"b", 1}, {"a", Value(Array{})}})), "{\"b\":1,\"a\":[]}");
  EXPECT_EQ(text("json", Value(liquid::Range{1, 3})), "\"1..3\"");
}

TEST(WebhookFilters, RawReturnsTheInputItself) {
  Value s("<b>&</b> and more than a small string");
  EXPECT_EQ(run("raw", s).shared_address(), s.shared_address());
  EXPECT_EQ(run("raw", 5).inspect(), "5");
}

}  // namespace
