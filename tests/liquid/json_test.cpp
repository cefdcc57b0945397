// Tests liquid/src/json.cpp: JSON in (kinds, key order, errors with byte positions, depth) and out.
#include "liquid/json.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>

namespace liquid {
namespace {

TEST(Json, KeepsIntegersFloatsAndKeyOrder) {
  Value v = parse_json(R"({"z": 1, "a": 1.0, "m": [5, 5.0, -0.0, 1e2], "n": null, "t": true})");
  ASSERT_TRUE(v.is_hash());
  const Hash& h = v.as_hash();
  ASSERT_EQ(h.size(), 5u);
  EXPECT_EQ(h.at(0).first, "z");
  EXPECT_EQ(h.at(1).first, "a");
  EXPECT_TRUE(h.find("z")->is_int());
  EXPECT_TRUE(h.find("a")->is_float());
  EXPECT_EQ(h.find("m")->to_s(), "55.0-0.0100.0");
  EXPECT_TRUE(h.find("n")->is_nil());
  EXPECT_TRUE(h.find("t")->as_bool());
}

TEST(Json, DuplicateKeysKeepTheLastValueAtTheFirstPlace) {
  EXPECT_EQ(parse_json(R"({"a":1,"b":2,"a":3})").inspect(), "{\"a\"=>3, \"b\"=>2}");
  // The same in an object large enough to be indexed, and nested.
  std::string big = "{";
  for (int i = 0; i < 40; ++i) big += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  big += R"("k7":"again","inner":{"x":1,"x":{"y":2}}})";
  const Value v = parse_json(big);
  const Hash& h = v.as_hash();
  ASSERT_EQ(h.size(), 41u);
  EXPECT_EQ(h.at(7).first, "k7");
  EXPECT_EQ(h.find("k7")->as_string(), "again");
  EXPECT_EQ(h.find("k39")->as_int(), 39);
  EXPECT_EQ(h.find("inner")->inspect(), "{\"x\"=>{\"y\"=>2}}");
}

TEST(Json, LargeIntegers) {
  EXPECT_EQ(parse_json("9223372036854775807").as_int(), INT64_MAX);
  EXPECT_EQ(parse_json("-9223372036854775808").as_int(), INT64_MIN);
  // Beyond int64: a float, as the nearest Ruby can print.
  EXPECT_TRUE(parse_json("9223372036854775808").is_float());
  EXPECT_EQ(parse_json("18446744073709551615").to_s(), "1.8446744073709552e+19");
}

TEST(Json, StringsAreDecoded) {
  EXPECT_EQ(parse_json(R"("\u00e9\ud83d\ude00\n\"\\")").as_string(), "\xc3\xa9\xf0\x9f\x98\x80\n\"\\");
  EXPECT_EQ(parse_json(R"("a\u0000b")").as_string(), std::string("a\0b", 3));
}

struct BadJson {
  const char* text;
  const char* message;  // std::invalid_argument::what()
};

class MalformedJson : public ::testing::TestWithParam<BadJson> {};
TEST_P(MalformedJson, FailsWithThePosition) {
  try {
    parse_json(GetParam().text);
    FAIL() << "accepted: " << GetParam().text;
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), GetParam().message);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Json, MalformedJson,
    ::testing::Values(BadJson{"{\"a\": }", "invalid JSON at byte 6: syntax error"},
                      BadJson{"", "invalid JSON at byte 0: incomplete JSON"},
                      BadJson{"[1] x", "invalid JSON at byte 4: extra data"},
                      BadJson{"[1,\n 2,\n x]", "invalid JSON at byte 9: syntax error"},
                      BadJson{"[1", "invalid JSON at byte 2: incomplete JSON"},
                      BadJson{"\"\xff\"", "invalid JSON at byte 1: syntax error"},
                      BadJson{"{'a': 1}", "invalid JSON at byte 1: syntax error"},
                      BadJson{"[1,]", "invalid JSON at byte 3: syntax error"},
                      BadJson{"NaN", "invalid JSON at byte 0: syntax error"}));

TEST(Json, DeepNestingIsAnErrorNotACrash) {
  std::string ok(1000, '[');
  ok += std::string(1000, ']');
  EXPECT_EQ(parse_json(ok).inspect().size(), 2000u);

  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  try {
    parse_json(deep);
    FAIL() << "a 10,000-level value was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "invalid JSON at byte 1000: too deep");
  }

  // from_json guards values parsed elsewhere too.
  boost::json::parse_options opts;
  opts.max_depth = 5000;
  auto j = boost::json::parse(std::string(2000, '[') + std::string(2000, ']'), {}, opts);
  EXPECT_THROW(from_json(j), std::invalid_argument);
}

TEST(Json, KeysWithEverySpecialCharacter) {
  std::string json = "{";
  for (int c = 1; c < 128; ++c) {
    if (c > 1) json += ',';
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04x", c);
    json += std::string("\"k") + buf + "\":" + std::to_string(c);
  }
  json += R"(,"":0,"\u0000":-1,"a b":1,"a.b":2,"a[0]":3,"\u00e9":4})";
  Value v = parse_json(json);
  const Hash& h = v.as_hash();
  EXPECT_EQ(h.size(), 127u + 6u);
  EXPECT_EQ(h.find(std::string("k") + '"')->as_int(), '"');
  EXPECT_EQ(h.find("k}")->as_int(), '}');
  EXPECT_EQ(h.find("")->as_int(), 0);
  EXPECT_EQ(h.find(std::string(1, '\0'))->as_int(), -1);
  EXPECT_EQ(h.find("a.b")->as_int(), 2);
  // And back: the same keys, escaped.
  Value again = parse_json(to_json(v));
  EXPECT_TRUE(again == v);
  EXPECT_EQ(to_json(again), to_json(v));
}

struct ToJsonCase {
  const char* input;  // JSON in
  const char* output;
};

class ToJson : public ::testing::TestWithParam<ToJsonCase> {};
TEST_P(ToJson, Serialises) { EXPECT_EQ(to_json(parse_json(GetParam().input)), GetParam().output); }

INSTANTIATE_TEST_SUITE_P(Json, ToJson,
                         ::testing::Values(ToJsonCase{"null", "null"}, ToJsonCase{"[true,false]", "[true,false]"},
                                           ToJsonCase{"5.0", "5.0"}, ToJsonCase{"1e20", "1.0e+20"},
                                           ToJsonCase{"-7", "-7"}, ToJsonCase{"{\"b\":1,\"a\":[]}", "{\"b\":1,\"a\":[]}"},
                                           ToJsonCase{R"("a\"\\\n\t\u0001\u007f")", R"("a\"\\\n\t\u0001)"
                                                                                    "\x7f\""},
                                           ToJsonCase{R"("\u2028\u2029")", R"("\u2028\u2029")"},
                                           ToJsonCase{R"("</script>")", R"("</script>")"}));

TEST(Json, SpecialValuesOut) {
  EXPECT_EQ(to_json(Value(Range{1, 3})), "\"1..3\"");
  EXPECT_EQ(to_json(Value(std::numeric_limits<double>::quiet_NaN())), "null");
  EXPECT_EQ(to_json(Value(-std::numeric_limits<double>::infinity())), "null");
  EXPECT_EQ(to_json(Value(std::string("a\xff" "b"))), "\"a\\ufffdb\"");
  EXPECT_EQ(to_json(Value(std::string("\xe2\x82"))), "\"\\ufffd\\ufffd\"");
  std::string out;
  append_json_string(out, "x\"y");
  EXPECT_EQ(out, R"("x\"y")");
}

class Answer final : public Drop {
 public:
  std::optional<Value> get(std::string_view) const override { return std::nullopt; }
  std::string to_s() const override { return "forty-two"; }
  std::optional<Value> to_value() const override { return Value(42); }
};

class Named final : public Drop {
 public:
  std::optional<Value> get(std::string_view) const override { return std::nullopt; }
  std::string to_s() const override { return "named"; }
};

TEST(Json, DropsSerialiseAsTheirValueOrText) {
  EXPECT_EQ(to_json(Value(std::shared_ptr<const Drop>(std::make_shared<Answer>()))), "42");
  EXPECT_EQ(to_json(Value(std::shared_ptr<const Drop>(std::make_shared<Named>()))), "\"named\"");
}

}  // namespace
}  // namespace liquid
