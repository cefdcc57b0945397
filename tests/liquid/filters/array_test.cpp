// Tests of liquid/src/filters/array.cpp. Expected values are what Shopify Liquid 5.13 on Ruby
// gives for the same input and arguments (results compared in Ruby's inspect form).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
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
using liquid::Range;
using liquid::Value;

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

Value run(std::string_view filter, const Value& input, std::vector<Value> args = {}) {
  return liquid::testing::apply(liquid::filters::array_filters(), filter, input, std::move(args));
}

std::string error_of(std::string_view filter, const Value& input, std::vector<Value> args = {}) {
  try {
    run(filter, input, std::move(args));
  } catch (const FilterError& e) {
    return std::string(e.id());
  }
  return "none";
}

std::string message_of(std::string_view filter, const Value& input, std::vector<Value> args = {}) {
  try {
    run(filter, input, std::move(args));
  } catch (const FilterError& e) {
    return e.what();
  }
  return "none";
}

// A host object with properties, optionally standing for a plain value.
class TestDrop : public liquid::Drop {
 public:
  TestDrop(std::map<std::string, Value, std::less<>> props, std::string text,
           std::optional<Value> value = std::nullopt)
      : props_(std::move(props)), text_(std::move(text)), value_(std::move(value)) {}
  std::optional<Value> get(std::string_view key) const override {
    auto it = props_.find(key);
    if (it == props_.end()) return std::nullopt;
    return it->second;
  }
  std::string to_s() const override { return text_; }
  std::optional<Value> to_value() const override { return value_; }

 private:
  std::map<std::string, Value, std::less<>> props_;
  std::string text_;
  std::optional<Value> value_;
};

Value drop(std::map<std::string, Value, std::less<>> props, std::string text = "drop",
           std::optional<Value> value = std::nullopt) {
  return Value(
      std::make_shared<const TestDrop>(std::move(props), std::move(text), std::move(value)));
}

Value h(std::initializer_list<Hash::Entry> entries) {
  return Value(Hash(entries));
}
Value a(std::initializer_list<Value> items) {
  return Value(Array(items));
}

struct Row {
  std::string_view filter;
  Value input;
  std::vector<Value> args;
  std::string expected;  // Ruby's inspect of the result
};

void check_rows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    std::string trace = std::string(row.filter) + " of " + row.input.inspect();
    for (const auto& arg : row.args) trace += ", " + arg.inspect();
    SCOPED_TRACE(trace);
    EXPECT_EQ(run(row.filter, row.input, row.args).inspect(), row.expected);
  }
}

TEST(ArrayFilters, TableHasEveryFilterWithRubysArity) {
  struct Arity {
    const char* name;
    int min, max;
  };
  const std::vector<Arity> expected = {
      {"compact", 0, 1}, {"concat", 1, 1}, {"find", 1, 2}, {"find_index", 1, 2},   {"first", 0, 0},
      {"has", 1, 2},     {"join", 0, 1},   {"last", 0, 0}, {"map", 1, 1},          {"reject", 1, 2},
      {"reverse", 0, 0}, {"size", 0, 0},   {"sort", 0, 1}, {"sort_natural", 0, 1}, {"sum", 0, 1},
      {"uniq", 0, 1},    {"where", 1, 2},
  };
  auto family = liquid::filters::array_filters();
  ASSERT_EQ(family.size(), expected.size());
  for (const auto& e : expected) {
    const auto& def = liquid::testing::find_filter(family, e.name);
    EXPECT_EQ(def.min_args, e.min) << e.name;
    EXPECT_EQ(def.max_args, e.max) << e.name;
  }
}

TEST(ArrayFilters, SizeFirstLast) {
  check_rows({
      {"size", a({"a", "b", "c"}), {}, "3"},
      {"size", a({}), {}, "0"},
      {"size", a({1, a({2, 3})}), {}, "2"},
      {"size", h({{"a", 1}, {"b", 2}}), {}, "2"},
      {"size", "abc", {}, "3"},
      {"size", "héllo", {}, "5"},
      {"size", Value(Range{1, 5}), {}, "5"},
      {"size", Value(Range{3, 1}), {}, "0"},
      {"size", 5, {}, "8"},  // Integer#size: bytes in a machine word
      {"size", 5.5, {}, "0"},
      {"size", true, {}, "0"},
      {"size", Value(), {}, "0"},
      {"first", a({"a", "b"}), {}, "\"a\""},
      {"first", a({a({1, 2}), 3}), {}, "[1, 2]"},
      {"first", a({}), {}, "nil"},
      {"first", h({{"b", 1}, {"c", 2}}), {}, "[\"b\", 1]"},
      {"first", h({}), {}, "nil"},
      {"first", "hello", {}, "nil"},
      {"first", 12, {}, "nil"},
      {"first", Value(Range{1, 3}), {}, "1"},
      {"first", Value(Range{3, 1}), {}, "3"},
      {"last", a({"a", "b", 1, a({}), h({})}), {}, "{}"},
      {"last", a({1, a({2, 3})}), {}, "[2, 3]"},
      {"last", a({}), {}, "nil"},
      {"last", h({{"b", 1}}), {}, "nil"},
      {"last", "hello", {}, "nil"},
      {"last", Value(Range{1, 3}), {}, "3"},
      {"last", Value(Range{3, 1}), {}, "1"},
  });
}

TEST(ArrayFilters, InputIteratorFlattensArraysAndWrapsTheRest) {
  check_rows({
      {"reverse", a({"b", "a", "B", "A"}), {}, "[\"A\", \"B\", \"a\", \"b\"]"},
      {"reverse", a({1, a({2, a({3})})}), {}, "[3, 2, 1]"},
      {"reverse", 123, {}, "[123]"},
      {"reverse", "abc", {}, "[\"abc\"]"},
      {"reverse", h({{"a", 1}}), {}, "[{\"a\"=>1}]"},
      {"reverse", Value(), {}, "[]"},
      {"reverse", Value(Range{1, 3}), {}, "[3, 2, 1]"},
  });
}

TEST(ArrayFilters, DeeplyNestedArraysFlatten) {
  Value v = a({1});
  for (int i = 0; i < 5000; ++i) v = Value(Array{v, i});
  Value joined = run("join", v, {""});
  EXPECT_EQ(joined.as_string().substr(0, 5), "10123");
  EXPECT_EQ(run("size", run("reverse", v)).as_int(), 5001);
}

TEST(ArrayFilters, HugeRangesAreRefused) {
  EXPECT_EQ(error_of("reverse", Value(Range{1, int64_max})), liquid::errc::invalid_value);
  // first, last, size and sum do not visit the items.
  EXPECT_EQ(run("size", Value(Range{1, int64_max})).inspect(), "9223372036854775807");
  EXPECT_EQ(run("size", Value(Range{-int64_max, int64_max})).inspect(), "1.8446744073709552e+19");
  EXPECT_EQ(run("last", Value(Range{1, int64_max})).inspect(), "9223372036854775807");
  EXPECT_EQ(run("sum", Value(Range{1, 1000000000})).inspect(), "500000000500000000");
  EXPECT_EQ(run("sum", Value(Range{-int64_max, int64_max})).inspect(), "0");
  EXPECT_EQ(run("sum", Value(Range{1, int64_max})).inspect(), "4.253529586511731e+37");
}

TEST(ArrayFilters, Join) {
  check_rows({
      {"join", a({"a", "b"}), {"#"}, "\"a#b\""},
      {"join", a({"a", "b"}), {}, "\"a b\""},
      {"join", a({"a", "b"}), {5}, "\"a5b\""},
      {"join", a({"a", "b"}), {Value()}, "\"ab\""},
      {"join", a({1, 2}), {"#"}, "\"1#2\""},
      {"join",
       a({1, h({{"a", Value()}}), Value(), 2.0}),
       {a({1})},
       "\"1[1]{\\\"a\\\"=>nil}[1][1]2.0\""},
      {"join", a({"a", a({"b", a({"c"})})}), {","}, "\"a,b,c\""},
      {"join", "a,b", {"#"}, "\"a,b\""},
      {"join", 123, {"#"}, "\"123\""},
      {"join", Value(Range{1, 3}), {"#"}, "\"1#2#3\""},
      {"join", Value(), {"#"}, "\"\""},
  });
}

TEST(ArrayFilters, JoinOfAStringReturnsTheSameString) {
  Value s("shared text, longer than a small string");
  EXPECT_EQ(run("join", s, {"#"}).shared_address(), s.shared_address());
}

TEST(ArrayFilters, Concat) {
  check_rows({
      {"concat", a({"a", "b", 5}), {a({"c", "d"})}, "[\"a\", \"b\", 5, \"c\", \"d\"]"},
      {"concat", "ab", {a({"c", "d"})}, "[\"ab\", \"c\", \"d\"]"},
      {"concat",
       a({a({"a", "x"}), a({"b"})}),
       {a({"c", a({"d"})})},
       "[\"a\", \"x\", \"b\", \"c\", [\"d\"]]"},
      {"concat", Value(Range{1, 3}), {a({5})}, "[1, 2, 3, 5]"},
      {"concat", Value(), {a({"c"})}, "[\"c\"]"},
  });
  for (Value bad : {Value(5), Value(), Value("ab"), h({{"a", 1}}), Value(Range{1, 2})}) {
    EXPECT_EQ(error_of("concat", a({1}), {bad}), liquid::errc::filter_arguments);
    EXPECT_EQ(message_of("concat", a({1}), {bad}), "concat filter requires an array argument");
  }
}

TEST(ArrayFilters, Compact) {
  check_rows({
      {"compact", a({"b", "a", Value(), "A"}), {}, "[\"b\", \"a\", \"A\"]"},
      {"compact", a({Value(), a({Value(), 1})}), {}, "[1]"},
      {"compact", a({}), {}, "[]"},
      {"compact", 123, {}, "[123]"},
      {"compact", Value(), {}, "[]"},
      {"compact",
       a({h({{"title", "foo"}}), h({{"title", Value()}}), h({{"title", "bar"}})}),
       {"title"},
       "[{\"title\"=>\"foo\"}, {\"title\"=>\"bar\"}]"},
      {"compact", a({"x", "y"}), {"x"}, "[\"x\"]"},
      {"compact", a({h({{"x", 1}}), Value()}), {"x"}, "nil"},
      {"compact", a({}), {"x"}, "[]"},
  });
  EXPECT_EQ(error_of("compact", a({1, 2}), {"x"}), liquid::errc::filter_arguments);
  EXPECT_EQ(message_of("compact", a({1, 2}), {"x"}), "cannot select the property 'x'");
}

TEST(ArrayFilters, CompactKeepingEverythingReturnsTheInput) {
  Value v = a({1, 2, 3});
  EXPECT_EQ(&run("compact", v).as_array(), &v.as_array());
}

TEST(ArrayFilters, Uniq) {
  check_rows({
      {"uniq", a({"a", "b", "b", "a"}), {}, "[\"a\", \"b\"]"},
      {"uniq", a({1, 1.0, "1", a({1}), Value(), Value()}), {}, "[1, 1.0, \"1\", nil]"},
      {"uniq", a({"a", "b", a({}), h({}), h({})}), {}, "[\"a\", \"b\", {}]"},
      {"uniq", a({h({{"a", 1}, {"b", 2}}), h({{"b", 2}, {"a", 1}})}), {}, "[{\"a\"=>1, \"b\"=>2}]"},
      {"uniq", a({0.0, -0.0}), {}, "[0.0]"},
      {"uniq", 123, {}, "[123]"},
      {"uniq", Value(), {}, "[]"},
      {"uniq",
       a({h({{"title", "foo"}, {"name", "a"}}), h({{"title", "foo"}, {"name", "b"}}),
          h({{"title", "bar"}, {"name", "c"}}), h({{"heading", "x"}}), h({{"heading", "y"}})}),
       {"title"},
       "[{\"title\"=>\"foo\", \"name\"=>\"a\"}, {\"title\"=>\"bar\", \"name\"=>\"c\"}, "
       "{\"heading\"=>\"x\"}]"},
      {"uniq",
       a({h({{"x", 1}}), h({{"x", 1.0}}), h({{"x", Value()}}), h({{"y", 2}})}),
       {"x"},
       "[{\"x\"=>1}, {\"x\"=>1.0}, {\"x\"=>nil}]"},
      {"uniq", a({h({{"x", 1}}), Value()}), {"x"}, "nil"},
      {"uniq", a({}), {"x"}, "[]"},
      {"uniq", 5, {"z"}, "[5]"},  // one item: Ruby never reads the property
  });
  EXPECT_EQ(error_of("uniq", a({1, 2}), {"x"}), liquid::errc::filter_arguments);
}

TEST(ArrayFilters, Map) {
  check_rows({
      {"map", a({h({{"title", "foo"}}), h({{"title", "bar"}})}), {"title"}, "[\"foo\", \"bar\"]"},
      {"map", h({{"title", "foo"}, {"some", "thing"}}), {"title"}, "[\"foo\"]"},
      {"map", a({h({{"title", "foo"}}), h({{"heading", "baz"}})}), {"title"}, "[\"foo\", nil]"},
      {"map",
       a({h({{"title", "foo"}}), a({h({{"title", "bar"}})})}),
       {"title"},
       "[\"foo\", \"bar\"]"},
      {"map", a({Value(), h({{"x", 1}})}), {"x"}, "[nil, 1]"},
      {"map", a({"axb", 1.5, true}), {"x"}, "[\"x\", nil, nil]"},
      {"map", a({"axb", 5}), {1}, "[\"x\", 0]"},
      {"map", a({h({{"title", "foo"}})}), {Value()}, "[nil]"},
      {"map", a({1, "a"}), {"to_liquid"}, "[1, \"a\"]"},
  });
  EXPECT_EQ(error_of("map", a({h({{"title", "foo"}}), 5, a({})}), {"title"}),
            liquid::errc::filter_arguments);
  EXPECT_EQ(error_of("map", 123, {"title"}), liquid::errc::filter_arguments);
}

TEST(ArrayFilters, PropertiesOfDrops) {
  Value alice = drop({{"name", "Alice"}, {"age", 31}, {"7", "seven"}}, "alice");
  Value bob = drop({{"name", "bob"}, {"age", Value()}}, "bob");
  check_rows({
      {"map", a({alice, bob}), {"name"}, "[\"Alice\", \"bob\"]"},
      {"map", a({alice}), {7}, "[\"seven\"]"},
      {"where", a({alice, bob}), {"age"}, "[alice]"},
      {"where", a({alice, bob}), {"name", "bob"}, "[bob]"},
      {"find", a({alice, bob}), {"name", "bob"}, "bob"},
      {"find_index", a({alice, bob}), {"name", "bob"}, "1"},
      {"has", a({alice, bob}), {"name", "carol"}, "false"},
      {"sort", a({alice, bob}), {"name"}, "[alice, bob]"},
      {"sort_natural", a({bob, alice}), {"name"}, "[alice, bob]"},
      {"compact", a({alice, bob}), {"age"}, "[alice]"},
      {"sum", a({alice, bob}), {"age"}, "31"},
      {"join", a({alice, bob}), {", "}, "\"alice, bob\""},
  });
}

TEST(ArrayFilters, DropsStandForTheirValues) {
  Value list = drop({}, "list", a({3, 1, 2}));
  check_rows({
      {"sort", list, {}, "[1, 2, 3]"},
      {"size", list, {}, "3"},
      {"first", list, {}, "3"},
      {"sum", list, {}, "6"},
      {"uniq", a({drop({}, "one", Value(1)), 1}), {}, "[one]"},
  });
}

TEST(ArrayFilters, Sort) {
  check_rows({
      {"sort", a({1, 1000, 3, 30}), {}, "[1, 3, 30, 1000]"},
      {"sort", a({"b", "a", "C", "B", "A"}), {}, "[\"A\", \"B\", \"C\", \"a\", \"b\"]"},
      {"sort", a({Value(), 3, Value(), 1}), {}, "[1, 3, nil, nil]"},
      {"sort", a({2.5, 1, 3}), {}, "[1, 2.5, 3]"},
      {"sort", a({h({{"x", 1}}), h({{"x", 1}})}), {}, "[{\"x\"=>1}, {\"x\"=>1}]"},
      {"sort", a({true, true}), {}, "[true, true]"},
      {"sort", a({}), {}, "[]"},
      {"sort", 123, {}, "[123]"},
      {"sort", "BzAa4", {}, "[\"BzAa4\"]"},
      {"sort", Value(), {}, "[]"},
      {"sort", a({"b", "a"}), {Value()}, "[\"a\", \"b\"]"},
      {"sort",
       a({h({{"title", "foo"}}), h({{"title", "Baz"}}), h({{"title", "bar"}})}),
       {"title"},
       "[{\"title\"=>\"Baz\"}, {\"title\"=>\"bar\"}, {\"title\"=>\"foo\"}]"},
      {"sort",
       a({h({{"title", "foo"}}), h({{"heading", "Baz"}}), h({{"title", "bar"}})}),
       {"title"},
       "[{\"title\"=>\"bar\"}, {\"title\"=>\"foo\"}, {\"heading\"=>\"Baz\"}]"},
      {"sort",
       a({h({{"x", a({2, 1})}}), h({{"x", a({1, 5})}}), h({{"x", a({1})}})}),
       {"x"},
       "[{\"x\"=>[1]}, {\"x\"=>[1, 5]}, {\"x\"=>[2, 1]}]"},
      {"sort", a({"b", "a"}), {"x"}, "[\"b\", \"a\"]"},
      {"sort", a({"bc", "ab"}), {1}, "[\"ab\", \"bc\"]"},
      {"sort", a({h({{"x", 1}}), Value()}), {"x"}, "nil"},
      {"sort", a({5}), {"x"}, "[5]"},
  });
}

TEST(ArrayFilters, SortIsStable) {
  Value input = a({h({{"k", 1}, {"i", 0}}), h({{"k", 0}, {"i", 1}}), h({{"k", 1}, {"i", 2}}),
                   h({{"k", 0}, {"i", 3}})});
  EXPECT_EQ(
      run("sort", input, {"k"}).inspect(),
      "[{\"k\"=>0, \"i\"=>1}, {\"k\"=>0, \"i\"=>3}, {\"k\"=>1, \"i\"=>0}, {\"k\"=>1, \"i\"=>2}]");
}

TEST(ArrayFilters, SortOfIncomparableValuesIsAnError) {
  for (Value bad : {a({a({}), h({}), 1, "4"}), a({true, false}), a({1, "a"}),
                    a({h({{"x", 1}}), h({{"x", 2}})}), a({std::nan(""), 1.0})}) {
    EXPECT_EQ(error_of("sort", bad), liquid::errc::comparison) << bad.inspect();
    EXPECT_EQ(message_of("sort", bad), "cannot sort values of incompatible types");
  }
  EXPECT_EQ(error_of("sort", a({h({{"x", 1}}), h({{"x", "a"}})}), {"x"}), liquid::errc::comparison);
  EXPECT_EQ(error_of("sort", a({1, 2}), {"x"}), liquid::errc::filter_arguments);
  EXPECT_EQ(error_of("sort", a({h({{"x", 1}}), 2}), {"x"}), liquid::errc::filter_arguments);
}

TEST(ArrayFilters, SortComparesIntegersAndFloatsExactly) {
  // 2^53 + 1 is above the float 2^53, though converting it to a float would make them equal.
  Value sorted = run("sort", a({9007199254740993, 9007199254740992.0}));
  ASSERT_EQ(sorted.as_array().size(), 2u);
  EXPECT_TRUE(sorted.as_array()[0].is_float());
  EXPECT_TRUE(sorted.as_array()[1].is_int());
}

TEST(ArrayFilters, SortNatural) {
  check_rows({
      {"sort_natural", a({"b", "a", "C", "B", "A"}), {}, "[\"a\", \"A\", \"b\", \"B\", \"C\"]"},
      {"sort_natural", a({"b", "a", Value(), "C", Value()}), {}, "[\"a\", \"b\", \"C\", nil, nil]"},
      {"sort_natural",
       a({"é", "E", "e", "Z", "[", "_"}),
       {},
       "[\"[\", \"_\", \"E\", \"e\", \"Z\", \"é\"]"},
      {"sort_natural", a({h({}), 1, "4"}), {}, "[1, \"4\", {}]"},
      {"sort_natural", 123, {}, "[123]"},
      {"sort_natural", a({}), {}, "[]"},
      {"sort_natural",
       a({h({{"title", 9}}), h({{"title", 1111}}), h({{"title", 87}})}),
       {"title"},
       "[{\"title\"=>1111}, {\"title\"=>87}, {\"title\"=>9}]"},
      {"sort_natural",
       a({h({{"title", "foo"}}), h({{"title", "bar"}}), h({{"heading", "Baz"}})}),
       {"title"},
       "[{\"title\"=>\"bar\"}, {\"title\"=>\"foo\"}, {\"heading\"=>\"Baz\"}]"},
      {"sort_natural", a({"ab", "b"}), {"x"}, "[\"ab\", \"b\"]"},
      {"sort_natural", a({Value(), 2}), {"x"}, "nil"},
  });
  EXPECT_EQ(error_of("sort_natural", a({1, 2}), {"x"}), liquid::errc::filter_arguments);
}

TEST(ArrayFilters, WhereAndReject) {
  Value items = a({h({{"title", "foo"}}), h({{"title", false}}), h({{"title", Value()}}),
                   h({{"heading", "baz"}})});
  check_rows({
      {"where", items, {"title"}, "[{\"title\"=>\"foo\"}]"},
      {"where", items, {"title", false}, "[{\"title\"=>false}]"},
      {"where", items, {"title", "foo"}, "[{\"title\"=>\"foo\"}]"},
      {"where", items, {Value()}, "[]"},
      {"reject",
       items,
       {"title"},
       "[{\"title\"=>false}, {\"title\"=>nil}, {\"heading\"=>\"baz\"}]"},
      {"reject",
       items,
       {"title", false},
       "[{\"title\"=>\"foo\"}, {\"title\"=>nil}, {\"heading\"=>\"baz\"}]"},
      {"where", a({h({{"x", 1.0}}), h({{"x", "1"}})}), {"x", 1}, "[{\"x\"=>1.0}]"},
      {"where", a({1, 2, 3}), {0, 1}, "[1, 3]"},  // Integer#[] reads a bit
      {"where", a({"x", "y", "cat"}), {"c"}, "[\"cat\"]"},
      {"reject", a({"x", "y", "cat"}), {"c"}, "[\"x\", \"y\"]"},
      {"where", "foobar", {"oo"}, "[\"foobar\"]"},
      {"reject", h({{"foo", 1}, {"bar", Value()}}), {"bar"}, "[{\"foo\"=>1, \"bar\"=>nil}]"},
      {"where", a({1.5, 2.5}), {"x"}, "nil"},  // Float has no []
      {"reject", a({"x", "y", "cat", Value()}), {"c"}, "nil"},
      {"where", Value(), {"title"}, "[]"},
      {"where", a({}), {"title"}, "[]"},
      {"where", a({a({h({{"t", 1}})}), a({a({h({{"t", 2}})})})}), {"t", 2}, "[{\"t\"=>2}]"},
  });
  EXPECT_EQ(error_of("where", 123, {"title"}), liquid::errc::filter_arguments);
  EXPECT_EQ(error_of("reject", a({"x", "y", "cat", 1}), {"c"}), liquid::errc::filter_arguments);
  EXPECT_EQ(message_of("where", a({"a"}), {Value()}), "cannot select the property ''");
}

TEST(ArrayFilters, WhereKeepingEverythingReturnsTheInput) {
  Value v = a({h({{"x", 1}}), h({{"x", 2}})});
  EXPECT_EQ(&run("where", v, {"x"}).as_array(), &v.as_array());
}

TEST(ArrayFilters, HasFindAndFindIndex) {
  Value hashes = a({h({{"x", 99}}), h({{"z", 42}, {"foo", "bar"}})});
  check_rows({
      {"has", hashes, {"z", 42}, "true"},
      {"has", hashes, {"z", 7}, "false"},
      {"has", hashes, {false}, "false"},
      {"has", hashes, {42}, "false"},
      {"has", hashes, {Value()}, "false"},
      {"has", a({1, 2, 3}), {2}, "true"},
      {"has", a({"x", "y", "zoo"}), {"z"}, "true"},
      {"has", a({"x", "y", "z"}), {":("}, "false"},
      {"has", h({{"z", 42}}), {"z"}, "true"},
      {"has", h({{"z", Value()}}), {"z", Value()}, "false"},
      {"has", h({{"z", false}}), {"z", false}, "true"},
      {"has", h({{"z", 42}}), {"z", "42"}, "false"},
      {"has", "zoo", {"z"}, "true"},
      {"has", a({}), {"z"}, "false"},
      {"has", a({h({{"x", 99}}), Value(), h({{"z", 42}})}), {"z", 42}, "nil"},
      {"has", a({h({{"z", 42}}), Value()}), {"z", 42}, "true"},  // stops at the first match
      {"has", a({"x", Value(), "z", false, true}), {"z"}, "nil"},
      {"find", hashes, {"z", 42}, "{\"z\"=>42, \"foo\"=>\"bar\"}"},
      {"find", a({"x", "y", "z"}), {"z"}, "\"z\""},
      {"find", a({"x", "y", "zoo"}), {"oo"}, "\"zoo\""},
      {"find", a({"x", "y", "zoo"}), {"foo"}, "nil"},
      {"find", h({{"z", 42}}), {"z"}, "{\"z\"=>42}"},
      {"find", "zoo", {"z", "y"}, "nil"},
      {"find", a({}), {"z"}, "nil"},
      {"find_index", hashes, {"z", 42}, "1"},
      {"find_index", a({"x", "y", "z"}), {"z"}, "2"},
      {"find_index", a({"foo", "bar", h({{"z", Value()}})}), {"z", Value()}, "nil"},
      {"find_index", h({{"z", 42}}), {"z"}, "0"},
      {"find_index", "zoo", {"z", "z"}, "0"},
      {"find_index", a({a({"a"}), a({"b", "c"})}), {"c"}, "2"},  // index in the flattened items
  });
  EXPECT_EQ(error_of("has", a({1, 2, 3}), {"2"}), liquid::errc::filter_arguments);
}

TEST(ArrayFilters, StringAndIntegerBrackets) {
  check_rows({
      {"map", a({"héllo"}), {1}, "[\"é\"]"},
      {"map", a({"abc"}), {-1}, "[\"c\"]"},
      {"map", a({"abc"}), {-4}, "[nil]"},
      {"map", a({"abc"}), {1.5}, "[\"b\"]"},
      {"map", a({"abc"}), {Value(Range{0, 1})}, "[\"ab\"]"},
      {"map", a({"abc"}), {Value(Range{3, 5})}, "[\"\"]"},
      {"map", a({"abc"}), {Value(Range{4, 5})}, "[nil]"},
      {"map", a({"abc"}), {Value(Range{-2, -1})}, "[\"bc\"]"},
      {"map", a({5, -6, 0}), {Value(Range{0, 1})}, "[1, 2, 0]"},
      {"map", a({5, -6}), {Value(Range{-2, 1})}, "[4, 8]"},
      {"map", a({5, -6}), {Value(Range{-1, -2})}, "[10, -12]"},
      {"map", a({5, -6}), {Value(Range{3, 2})}, "[0, -1]"},
      {"map", a({5, -6}), {Value(Range{64, 70})}, "[0, 127]"},
      {"map", a({5, -6}), {Value(Range{200, 210})}, "[0, 2047]"},
      {"map", a({-6}), {Value(Range{0, 70})}, "[2.3611832414348226e+21]"},  // Ruby: a bignum
      {"map", a({5, -5}), {64}, "[0, 1]"},
      {"map", a({5}), {-1}, "[0]"},
      {"map", a({5}), {1e30}, "[0]"},
  });
  EXPECT_EQ(error_of("map", a({"abc"}), {Value()}), liquid::errc::filter_arguments);
  EXPECT_EQ(error_of("map", a({"abc"}), {true}), liquid::errc::filter_arguments);
  EXPECT_EQ(error_of("map", a({1}), {"a"}), liquid::errc::filter_arguments);
  // A bignum of more than 126 bits is refused rather than approximated.
  EXPECT_EQ(error_of("map", a({-6}), {Value(Range{0, 200})}), liquid::errc::invalid_value);
}

TEST(ArrayFilters, Sum) {
  check_rows({
      {"sum", a({}), {}, "0"},
      {"sum", a({1, 2, 3}), {}, "6"},
      {"sum", a({-1, -2, -3}), {}, "-6"},
      {"sum", a({"-1", "-2", "-3"}), {}, "-6"},
      {"sum", a({1, a({2, a({3})})}), {}, "6"},
      {"sum", a({0.1, 0.2}), {}, "0.3"},
      {"sum", a({1, 2.5, "3.5", "x", Value(), true}), {}, "7.0"},
      {"sum", a({h({{"k", 1}}), h({{"k", 2}})}), {}, "0"},
      {"sum", a({h({{"k", "1"}}), h({{"k", "2"}}), h({{"k", "3"}})}), {"k"}, "6"},
      {"sum", a({h({{"k", 1}}), h({{"k", 2}}), h({{"x", 3}})}), {"k"}, "3"},
      {"sum", a({h({{"k", 0.1}}), h({{"k", "0.2"}}), Value()}), {"k"}, "0.3"},
      {"sum", a({h({{"k", a({1, a({2})})}}), 1.5}), {"k"}, "3"},
      {"sum", a({-0.0}), {}, "0.0"},
      {"sum", a({int64_max, 1, -1}), {}, "9223372036854775807"},
      {"sum", a({int64_max, int64_max}), {}, "1.8446744073709552e+19"},  // Ruby: a bignum
      {"sum", a({"99999999999999999999", 1}), {}, "1.0e+20"},
      {"sum", a({"99999999999999999999", "-99999999999999999998"}), {}, "1"},
      {"sum", a({std::numeric_limits<double>::infinity(), 1}), {}, "Infinity"},
      {"sum", h({{"x", 1}}), {}, "0"},
      {"sum", "5", {}, "5"},
      {"sum", Value(), {}, "0"},
      {"sum", Value(Range{1, 4}), {}, "10"},
      {"sum", Value(Range{4, 1}), {}, "0"},
  });
  EXPECT_EQ(error_of("sum", a({1, 2, 3}), {"k"}), liquid::errc::filter_arguments);
}

}  // namespace
