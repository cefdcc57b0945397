// Tests liquid/src/value.cpp: Ruby's printing (to_s and inspect), truthiness, equality, hashes.
#include "liquid/value.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "liquid/json.hpp"

namespace liquid {
namespace {

struct FloatCase {
  double value;
  const char* ruby;
};

class FloatToS : public ::testing::TestWithParam<FloatCase> {};
TEST_P(FloatToS, PrintsAsRuby) { EXPECT_EQ(format_float(GetParam().value), GetParam().ruby); }

// Every expected string was printed by Ruby 3.1 (`p value`).
INSTANTIATE_TEST_SUITE_P(
    Value, FloatToS,
    ::testing::Values(FloatCase{5.0, "5.0"}, FloatCase{1e20, "1.0e+20"}, FloatCase{1e-5, "1.0e-05"},
                      FloatCase{0.1 + 0.2, "0.30000000000000004"}, FloatCase{100.0, "100.0"},
                      FloatCase{-0.0, "-0.0"}, FloatCase{0.0, "0.0"}, FloatCase{0.1, "0.1"},
                      FloatCase{2.5, "2.5"}, FloatCase{-2.5, "-2.5"}, FloatCase{1.0 / 3, "0.3333333333333333"},
                      FloatCase{1e14, "100000000000000.0"}, FloatCase{999999999999999.9, "999999999999999.9"},
                      FloatCase{1e15, "1.0e+15"}, FloatCase{-1e15, "-1.0e+15"}, FloatCase{1e16, "1.0e+16"},
                      FloatCase{9007199254740993.0, "9.007199254740992e+15"},
                      FloatCase{123456789012345680.0, "1.2345678901234568e+17"},
                      FloatCase{0.0001, "0.0001"}, FloatCase{0.001, "0.001"}, FloatCase{0.0001234, "0.0001234"},
                      FloatCase{0.00001234, "1.234e-05"}, FloatCase{-1e-7, "-1.0e-07"},
                      FloatCase{12.5e-10, "1.25e-09"}, FloatCase{1.5e300, "1.5e+300"},
                      FloatCase{5e-324, "5.0e-324"}, FloatCase{1.7976931348623157e308, "1.7976931348623157e+308"},
                      FloatCase{std::numeric_limits<double>::infinity(), "Infinity"},
                      FloatCase{-std::numeric_limits<double>::infinity(), "-Infinity"},
                      FloatCase{std::numeric_limits<double>::quiet_NaN(), "NaN"}));

struct PrintCase {
  const char* json;
  const char* to_s;
  const char* inspect;
};

class Printing : public ::testing::TestWithParam<PrintCase> {};
TEST_P(Printing, ToSAndInspect) {
  Value v = parse_json(GetParam().json);
  EXPECT_EQ(v.to_s(), GetParam().to_s) << GetParam().json;
  EXPECT_EQ(v.inspect(), GetParam().inspect) << GetParam().json;
}

INSTANTIATE_TEST_SUITE_P(
    Value, Printing,
    ::testing::Values(
        PrintCase{"null", "", "nil"}, PrintCase{"true", "true", "true"}, PrintCase{"false", "false", "false"},
        PrintCase{"42", "42", "42"}, PrintCase{"-7", "-7", "-7"},
        PrintCase{"9223372036854775807", "9223372036854775807", "9223372036854775807"},
        PrintCase{"5.0", "5.0", "5.0"}, PrintCase{"1e20", "1.0e+20", "1.0e+20"},
        PrintCase{"\"hi\"", "hi", "\"hi\""}, PrintCase{"\"\"", "", "\"\""},
        PrintCase{"[]", "", "[]"}, PrintCase{"[1,2,3]", "123", "[1, 2, 3]"},
        PrintCase{"[1,[2,[3,null]],\"a\"]", "123a", "[1, [2, [3, nil]], \"a\"]"},
        PrintCase{"[1.5,true,null]", "1.5true", "[1.5, true, nil]"},
        PrintCase{"{}", "{}", "{}"},
        PrintCase{"{\"id\":\"1\",\"x\":null}", "{\"id\"=>\"1\", \"x\"=>nil}", "{\"id\"=>\"1\", \"x\"=>nil}"},
        PrintCase{"{\"a\":[1,[2,3]],\"f\":1e-5,\"t\":true,\"h\":{}}",
                  "{\"a\"=>[1, [2, 3]], \"f\"=>1.0e-05, \"t\"=>true, \"h\"=>{}}",
                  "{\"a\"=>[1, [2, 3]], \"f\"=>1.0e-05, \"t\"=>true, \"h\"=>{}}"},
        // An array containing a hash prints the hash in inspect form.
        PrintCase{"[{\"a\":1}]", "{\"a\"=>1}", "[{\"a\"=>1}]"},
        PrintCase{"{\"k\":{\"n\":[{\"x\":\"y\"}]}}", "{\"k\"=>{\"n\"=>[{\"x\"=>\"y\"}]}}",
                  "{\"k\"=>{\"n\"=>[{\"x\"=>\"y\"}]}}"}));

struct InspectCase {
  std::string text;
  const char* ruby;
};

class StringInspect : public ::testing::TestWithParam<InspectCase> {};
TEST_P(StringInspect, EscapesAsRuby) { EXPECT_EQ(Value(GetParam().text).inspect(), GetParam().ruby); }

INSTANTIATE_TEST_SUITE_P(
    Value, StringInspect,
    ::testing::Values(InspectCase{"q\"\\", R"("q\"\\")"}, InspectCase{"\n\t\r\f\v\b\a\x1b", R"("\n\t\r\f\v\b\a\e")"},
                      InspectCase{"#{x} #$y #@z #x", R"("\#{x} \#$y \#@z #x")"},
                      InspectCase{std::string("\x01\x7f\0", 3), R"("\u0001\u007F\u0000")"},
                      InspectCase{"\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "\"\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\""},
                      InspectCase{"\xff\xfe", R"("\xFF\xFE")"}, InspectCase{"a\xc3", R"("a\xC3")"},
                      InspectCase{"\xc2\x80\xc2\x9f", R"("\u0080\u009F")"},
                      InspectCase{"\xc2\x85\xc2\xa0", "\"\xc2\x85\xc2\xa0\""},
                      InspectCase{"\xe2\x80\xa8\xe2\x80\xa9", R"("\u2028\u2029")"},
                      InspectCase{"\xef\xbf\xbf\xf4\x8f\xbf\xbf", R"("\uFFFF\u{10FFFF}")"},
                      InspectCase{"\xef\xb7\x90", R"("\uFDD0")"}));

TEST(Value, RangesPrintWithTwoDots) {
  EXPECT_EQ(Value(Range{1, 3}).to_s(), "1..3");
  EXPECT_EQ(Value(Range{-2, -5}).to_s(), "-2..-5");
  EXPECT_EQ(Value(Hash{{"r", Value(Range{1, 3})}}).inspect(), "{\"r\"=>1..3}");
  EXPECT_EQ(Range({1, 3}).size(), 3);
  EXPECT_EQ(Range({3, 1}).size(), 0);
  EXPECT_EQ(Range({5, 5}).size(), 1);
}

TEST(Value, OnlyNilAndFalseAreFalsy) {
  EXPECT_FALSE(Value().truthy());
  EXPECT_FALSE(Value(false).truthy());
  for (const Value& v : {Value(true), Value(0), Value(0.0), Value(""), Value(Array{}), Value(Hash{}),
                         Value(Range{1, 0})})
    EXPECT_TRUE(v.truthy()) << v.inspect();
}

struct EqualityCase {
  const char* a;
  const char* b;
  bool equal;
};

class Equality : public ::testing::TestWithParam<EqualityCase> {};
TEST_P(Equality, AsRuby) {
  Value a = parse_json(GetParam().a), b = parse_json(GetParam().b);
  EXPECT_EQ(a == b, GetParam().equal) << GetParam().a << " == " << GetParam().b;
  EXPECT_EQ(b == a, GetParam().equal) << GetParam().b << " == " << GetParam().a;
}

INSTANTIATE_TEST_SUITE_P(
    Value, Equality,
    ::testing::Values(EqualityCase{"1", "1", true}, EqualityCase{"1", "1.0", true}, EqualityCase{"1", "2", false},
                      EqualityCase{"\"1\"", "1", false}, EqualityCase{"null", "null", true},
                      EqualityCase{"null", "false", false}, EqualityCase{"true", "true", true},
                      EqualityCase{"\"\"", "null", false}, EqualityCase{"[1,[2]]", "[1,[2.0]]", true},
                      EqualityCase{"[1,2]", "[2,1]", false}, EqualityCase{"[]", "{}", false},
                      EqualityCase{"{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}", true},
                      EqualityCase{"{\"a\":1}", "{\"a\":1,\"b\":2}", false},
                      EqualityCase{"{\"a\":null}", "{\"b\":null}", false}));

TEST(Value, RangeEquality) {
  EXPECT_TRUE(Value(Range{1, 3}) == Value(Range{1, 3}));
  EXPECT_FALSE(Value(Range{1, 3}) == Value(Range{1, 4}));
  EXPECT_FALSE(Value(Range{1, 3}) == Value("1..3"));
}

class Wrapped final : public Drop {
 public:
  explicit Wrapped(Value v) : v_(std::move(v)) {}
  std::optional<Value> get(std::string_view) const override { return std::nullopt; }
  std::string to_s() const override { return "wrapped"; }
  std::optional<Value> to_value() const override { return v_; }

 private:
  Value v_;
};

class Opaque final : public Drop {
 public:
  std::optional<Value> get(std::string_view) const override { return std::nullopt; }
};

TEST(Value, DropsPrintAndCompareThroughTheirValue) {
  Value d(std::shared_ptr<const Drop>(std::make_shared<Wrapped>(Value(5))));
  EXPECT_EQ(d.to_s(), "wrapped");
  EXPECT_TRUE(d == Value(5));
  EXPECT_TRUE(Value(5.0) == d);
  EXPECT_FALSE(d == Value("5"));
  Value o(std::shared_ptr<const Drop>(std::make_shared<Opaque>()));
  EXPECT_EQ(o.to_s(), "");
  EXPECT_TRUE(o == o);
  EXPECT_FALSE(o == Value());
}

TEST(Hash, KeepsInsertionOrderAndReplacesInPlace) {
  Hash h{{"b", 1}, {"a", 2}};
  h.set("c", 3);
  h.set("b", 9);
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h.at(0).first, "b");
  EXPECT_EQ(h.at(0).second.as_int(), 9);
  EXPECT_EQ(h.at(2).first, "c");
  EXPECT_TRUE(h.contains("a"));
  EXPECT_FALSE(h.contains("A"));
  EXPECT_EQ(h.find("zz"), nullptr);
  EXPECT_EQ(Hash({{"k", 1}, {"k", 2}}).size(), 1u);
}

TEST(Hash, KeysMayHoldAnyBytes) {
  std::string nul("a\0b", 3);
  Hash h{{nul, 1}, {"a", 2}, {"", 3}, {"\xff", 4}};
  EXPECT_EQ(h.find(nul)->as_int(), 1);
  EXPECT_EQ(h.find("a")->as_int(), 2);
  EXPECT_EQ(h.find("")->as_int(), 3);
  EXPECT_EQ(Value(h).inspect(), "{\"a\\u0000b\"=>1, \"a\"=>2, \"\"=>3, \"\\xFF\"=>4}");
}

TEST(Hash, AdoptedEntriesFoldRepeatedKeysAsSetDoes) {
  std::vector<Hash::Entry> few{{"a", 1}, {"b", 2}, {"a", 3}};
  Hash small(std::move(few));
  ASSERT_EQ(small.size(), 2u);
  EXPECT_EQ(small.at(0).first, "a");
  EXPECT_EQ(small.find("a")->as_int(), 3);
  std::vector<Hash::Entry> many;
  for (int i = 0; i < 30; ++i) many.emplace_back("key" + std::to_string(i), i);
  many.emplace_back("key5", 99);
  Hash large(std::move(many));
  ASSERT_EQ(large.size(), 30u);
  EXPECT_EQ(large.at(5).first, "key5");
  EXPECT_EQ(large.find("key5")->as_int(), 99);
  for (int i = 0; i < 30; ++i) {
    if (i == 5) continue;
    EXPECT_EQ(large.find("key" + std::to_string(i))->as_int(), i) << i;
  }
  EXPECT_EQ(large.find("key30"), nullptr);
}

// A hash a value holds shares one block (its entries inline); copying the Hash out of it
// gives an independent hash that can grow.
TEST(Hash, CopiedOutOfAValueItIsIndependent) {
  Hash built;
  for (int i = 0; i < 40; ++i) built.set("k" + std::to_string(i), i);
  const Value shared(std::move(built));
  const Value also = shared;
  EXPECT_EQ(shared.shared_address(), also.shared_address());
  EXPECT_EQ(shared.as_hash().find("k39")->as_int(), 39);  // the index came along
  Hash copy = shared.as_hash();
  copy.set("k0", "changed");
  copy.set("extra", true);
  for (int i = 0; i < 100; ++i) copy.set("more" + std::to_string(i), i);
  EXPECT_EQ(shared.as_hash().size(), 40u);
  EXPECT_EQ(shared.as_hash().find("k0")->as_int(), 0);
  EXPECT_EQ(copy.size(), 141u);
  EXPECT_EQ(copy.find("k0")->as_string(), "changed");
  EXPECT_EQ(copy.find("more99")->as_int(), 99);
  Hash moved = std::move(copy);
  EXPECT_EQ(moved.find("extra")->as_bool(), true);
  Hash assigned;
  assigned = shared.as_hash();
  assigned = std::move(moved);
  EXPECT_EQ(assigned.size(), 141u);
  const Value empty(Hash{});
  EXPECT_EQ(empty.as_hash().size(), 0u);
  EXPECT_EQ(empty.as_hash().begin(), empty.as_hash().end());
}

// Parsers build a shared hash in place: repeats fold as set() folds them, more members than
// announced still fit, and an abandoned builder frees what it holds.
TEST(Hash, BuiltInPlaceByAParser) {
  detail::HashBuilder few(3);
  few.append("a", 1);
  few.append("b", 2);
  few.append("a", 3);
  const Value small = few.finish();
  EXPECT_EQ(small.inspect(), "{\"a\"=>3, \"b\"=>2}");
  detail::HashBuilder announced_two(2);
  for (int i = 0; i < 50; ++i) announced_two.append("k" + std::to_string(i), i);
  announced_two.append("k7", "seven");
  const Value large = announced_two.finish();
  ASSERT_EQ(large.as_hash().size(), 50u);
  EXPECT_EQ(large.as_hash().find("k7")->as_string(), "seven");
  EXPECT_EQ(large.as_hash().find("k49")->as_int(), 49);
  EXPECT_EQ(large.as_hash().at(7).first, "k7");
  detail::HashBuilder abandoned(4);
  abandoned.append("x", Value(std::string(100, 'x')));
}

TEST(Value, CopiesShareTheirContents) {
  Value a(std::string(1000, 'x'));
  Value b = a;
  EXPECT_NE(a.shared_address(), nullptr);
  EXPECT_EQ(a.shared_address(), b.shared_address());
  EXPECT_EQ(*a.string_ptr(), *b.string_ptr());
}

// Strings up to kSmallString bytes live inside the value; longer ones are shared. Either way
// they read, copy, move and compare the same.
TEST(Value, ShortStringsAreHeldInline) {
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, Value::kSmallString, Value::kSmallString + 1, std::size_t{100}}) {
    const std::string text(n, 'k');
    Value a(text);
    Value from_view(std::string_view{text});
    EXPECT_EQ(a.as_string(), text) << n;
    EXPECT_EQ(from_view.as_string(), text) << n;
    EXPECT_EQ(a, from_view) << n;
    Value copy = a;
    EXPECT_EQ(copy.as_string(), text) << n;
    Value moved = std::move(copy);
    EXPECT_EQ(moved.as_string(), text) << n;
    EXPECT_EQ(*a.string_ptr(), text) << n;
    EXPECT_EQ(a.shared_address() != nullptr, n > Value::kSmallString) << n;
    EXPECT_EQ(a.shared_address(), moved.shared_address()) << n;
  }
}

TEST(Value, AssignmentAcrossInlineAndSharedStrings) {
  const std::string long_text(40, 'L');
  Value v("short");
  v = Value(long_text);
  EXPECT_EQ(v.as_string(), long_text);
  v = Value("tiny");
  EXPECT_EQ(v.as_string(), "tiny");
  Value h(Hash{{"k", Value(long_text)}});
  h = h.as_hash().at(0).second;  // assigning a part of itself: the part is copied first
  EXPECT_EQ(h.as_string(), long_text);
  Value s("abc");
  s = s;  // NOLINT(clang-diagnostic-self-assign-overloaded)
  EXPECT_EQ(s.as_string(), "abc");
  s = Value(Array{Value("x"), Value(long_text)});
  EXPECT_EQ(s.as_array()[1].as_string(), long_text);
  s = Value(7);
  EXPECT_EQ(s.as_int(), 7);
}

TEST(Value, KindNames) {
  EXPECT_EQ(Value::kind_name(Value::Kind::nil), "nil");
  EXPECT_EQ(Value::kind_name(Value::Kind::floating), "float");
  EXPECT_EQ(Value::kind_name(Value::Kind::hash), "hash");
  EXPECT_EQ(Value(1.5).kind(), Value::Kind::floating);
  EXPECT_EQ(Value("s").kind(), Value::Kind::string);
  EXPECT_DOUBLE_EQ(Value(3).to_double(), 3.0);
  EXPECT_DOUBLE_EQ(Value("3").to_double(), 0.0);
}

TEST(Value, DeepArraysPrintWithoutRecursionLimits) {
  Value v(Array{});
  for (int i = 0; i < 1000; ++i) v = Value(Array{v, Value(i)});
  EXPECT_EQ(v.to_s().size(), 2890u);  // the digits of 0..999
}

}  // namespace
}  // namespace liquid
