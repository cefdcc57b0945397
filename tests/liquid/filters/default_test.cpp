// Tests of liquid/src/filters/default.cpp. Expected values are what Shopify Liquid 5.13 on Ruby
// gives.
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
using liquid::FilterError;
using liquid::Hash;
using liquid::KeywordArg;
using liquid::Value;

Value run(const Value& input, std::vector<Value> args = {}, std::vector<KeywordArg> kwargs = {}) {
  return liquid::testing::apply(liquid::filters::default_filters(), "default", input,
                                std::move(args), std::move(kwargs));
}

std::string shown(const Value& input, std::vector<Value> args = {},
                  std::vector<KeywordArg> kwargs = {}) {
  return run(input, std::move(args), std::move(kwargs)).inspect();
}

class ValueDrop : public liquid::Drop {
 public:
  explicit ValueDrop(Value v) : value_(std::move(v)) {}
  std::optional<Value> get(std::string_view) const override { return std::nullopt; }
  std::string to_s() const override { return "drop"; }
  std::optional<Value> to_value() const override { return value_; }

 private:
  Value value_;
};

TEST(DefaultFilter, TableEntry) {
  const auto& def = liquid::testing::find_filter(liquid::filters::default_filters(), "default");
  EXPECT_EQ(def.min_args, 0);
  EXPECT_EQ(def.max_args, 2);
  EXPECT_TRUE(def.keywords);
}

TEST(DefaultFilter, UnsetValuesTakeTheDefault) {
  EXPECT_EQ(shown(Value(), {"foo"}), "\"foo\"");
  EXPECT_EQ(shown(false, {"foo"}), "\"foo\"");
  EXPECT_EQ(shown("", {"foo"}), "\"foo\"");
  EXPECT_EQ(shown(Value(Array{}), {"foo"}), "\"foo\"");
  EXPECT_EQ(shown(Value(Hash{}), {"foo"}), "\"foo\"");
  EXPECT_EQ(shown(false), "\"\"");
  EXPECT_EQ(shown(Value(), {Value()}), "nil");
}

TEST(DefaultFilter, SetValuesStay) {
  EXPECT_EQ(shown(0, {"bar"}), "0");
  EXPECT_EQ(shown(0.0, {"bar"}), "0.0");
  EXPECT_EQ(shown("hello", {"foo"}), "\"hello\"");
  EXPECT_EQ(shown(true, {"foo"}), "true");
  EXPECT_EQ(shown(" ", {"foo"}), "\" \"");
  EXPECT_EQ(shown(Value(Array{Value()}), {"foo"}), "[nil]");
  EXPECT_EQ(shown(Value(Hash{{"a", Value()}}), {"foo"}), "{\"a\"=>nil}");
  EXPECT_EQ(shown(Value(liquid::Range{3, 1}), {"foo"}), "3..1");
}

TEST(DefaultFilter, AllowFalse) {
  EXPECT_EQ(shown(false, {"bar"}, {{"allow_false", true}}), "false");
  EXPECT_EQ(shown(false, {"bar"}, {{"allow_false", false}}), "\"bar\"");
  EXPECT_EQ(shown(false, {"bar"}, {{"allow_false", "yes"}}), "false");
  EXPECT_EQ(shown(Value(), {"bar"}, {{"allow_false", true}}), "\"bar\"");
  EXPECT_EQ(shown("", {"x"}, {{"allow_false", true}}), "\"x\"");
  EXPECT_EQ(shown(0, {"bar"}, {{"allow_false", true}}), "0");
  EXPECT_EQ(shown(false, {"x"}, {{"allow_false", true}, {"foo", 1}}), "false");
  EXPECT_EQ(shown(false, {"x"}, {{"foo", 1}}), "\"x\"");
}

// Ruby gets keyword arguments as one trailing hash argument, with these consequences.
TEST(DefaultFilter, KeywordHashIsRubysTrailingArgument) {
  EXPECT_EQ(shown(false, {}, {{"allow_false", true}}), "{\"allow_false\"=>true}");
  EXPECT_EQ(shown(Value(), {}, {{"allow_false", true}}), "{\"allow_false\"=>true}");
  EXPECT_EQ(shown(false, {"x", Value(Hash{{"allow_false", true}})}), "false");
  EXPECT_EQ(shown(false, {"x", "y"}), "\"x\"");
  try {
    run(false, {"x", "y"}, {{"allow_false", true}});
    FAIL() << "expected an arity error";
  } catch (const FilterError& e) {
    EXPECT_EQ(e.id(), liquid::errc::filter_arguments);
    EXPECT_STREQ(e.what(), "wrong number of arguments (given 4, expected 1..3)");
  }
}

TEST(DefaultFilter, DropsAreJudgedByTheirValue) {
  Value falsy(std::make_shared<const ValueDrop>(Value(false)));
  Value empty(std::make_shared<const ValueDrop>(Value("")));
  Value set(std::make_shared<const ValueDrop>(Value("x")));
  EXPECT_EQ(shown(falsy, {"d"}), "\"d\"");
  EXPECT_EQ(shown(empty, {"d"}), "\"d\"");
  EXPECT_EQ(run(set, {"d"}).kind(), Value::Kind::drop);  // the drop itself, not its value
  EXPECT_EQ(run(falsy, {"d"}, {{"allow_false", true}}).kind(), Value::Kind::drop);
}

}  // namespace
