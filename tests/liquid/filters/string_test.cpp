// Tests of liquid/src/filters/string.cpp. Expected values are what Shopify Liquid 5.13 on Ruby
// gives for the same input and arguments.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
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
using liquid::Value;

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

Value run(std::string_view filter, const Value& input, std::vector<Value> args = {}) {
  return liquid::testing::apply(liquid::filters::string_filters(), filter, input, std::move(args));
}

// The error id a call throws, or "none".
std::string error_of(std::string_view filter, const Value& input, std::vector<Value> args = {}) {
  try {
    run(filter, input, std::move(args));
  } catch (const FilterError& e) {
    return std::string(e.id());
  }
  return "none";
}

// A drop standing for a plain value, as host objects do.
class ValueDrop : public liquid::Drop {
 public:
  explicit ValueDrop(Value v) : value_(std::move(v)) {}
  std::optional<Value> get(std::string_view) const override { return std::nullopt; }
  std::string to_s() const override { return "<drop>"; }
  std::optional<Value> to_value() const override { return value_; }

 private:
  Value value_;
};

Value drop_of(Value v) {
  return Value(std::make_shared<const ValueDrop>(std::move(v)));
}

struct Row {
  std::string_view filter;
  Value input;
  std::vector<Value> args;
  Value expected;
};

// Compared through Ruby's inspect form, which tells "5" from 5 and shows arrays and bad bytes.
void check_rows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    SCOPED_TRACE(std::string(row.filter) + " of " + row.input.inspect());
    EXPECT_EQ(run(row.filter, row.input, row.args).inspect(), row.expected.inspect());
  }
}

Array strings(std::initializer_list<const char*> items) {
  Array out;
  for (const char* s : items) out.emplace_back(s);
  return out;
}

TEST(StringFilters, TableHasEveryFilterWithRubysArity) {
  struct Arity {
    const char* name;
    int min, max;
  };
  const Arity expected[] = {
      {"append", 1, 1},         {"prepend", 1, 1},  {"capitalize", 0, 0},    {"downcase", 0, 0},
      {"upcase", 0, 0},         {"lstrip", 0, 0},   {"rstrip", 0, 0},        {"strip", 0, 0},
      {"strip_newlines", 0, 0}, {"squish", 0, 0},   {"remove", 1, 1},        {"remove_first", 1, 1},
      {"remove_last", 1, 1},    {"replace", 1, 2},  {"replace_first", 1, 2}, {"replace_last", 2, 2},
      {"split", 1, 1},          {"truncate", 0, 2}, {"truncatewords", 0, 2}, {"slice", 1, 2},
  };
  auto family = liquid::filters::string_filters();
  EXPECT_EQ(family.size(), std::size(expected));
  for (const Arity& a : expected) {
    const auto& def = liquid::testing::find_filter(family, a.name);
    EXPECT_EQ(def.min_args, a.min) << a.name;
    EXPECT_EQ(def.max_args, a.max) << a.name;
    EXPECT_FALSE(def.keywords) << a.name;
  }
}

TEST(StringFilters, AppendAndPrepend) {
  check_rows({
      {"append", "hello", {"there"}, "hellothere"},
      {"append", 5, {1}, "51"},
      {"append", 5.0, {"x"}, "5.0x"},
      {"append", Value(), {"hi"}, "hi"},
      {"append", "hi", {Value()}, "hi"},
      {"append", true, {false}, "truefalse"},
      {"append", Value(Array{1, 2}), {"!"}, "[1, 2]!"},
      {"append", "a", {Value(strings({"b", "c"}))}, "a[\"b\", \"c\"]"},
      {"append", "é", {"ü"}, "éü"},
      {"append", drop_of("in"), {drop_of("put")}, "input"},
      {"prepend", "hello", {"there"}, "therehello"},
      {"prepend", 5, {"there"}, "there5"},
      {"prepend", "hello", {5}, "5hello"},
      {"prepend", Value(), {"hi"}, "hi"},
      {"prepend", "hi", {Value()}, "hi"},
      {"prepend", Value(Array{}), {"x"}, "x[]"},
  });
}

TEST(StringFilters, UnchangedStringsAreReturnedWithoutCopying) {
  Value input("hello world, longer than a small string");
  auto same = [&](std::string_view filter, std::vector<Value> args = {}) {
    Value out = run(filter, input, std::move(args));
    return out.is_string() && out.shared_address() == input.shared_address();  // the same shared string
  };
  EXPECT_TRUE(same("append", {""}));
  EXPECT_TRUE(same("prepend", {Value()}));
  EXPECT_TRUE(same("downcase"));
  EXPECT_TRUE(same("strip"));
  EXPECT_TRUE(same("strip_newlines"));
  EXPECT_TRUE(same("squish"));
  EXPECT_TRUE(same("replace", {"z", "y"}));
  EXPECT_TRUE(same("remove_first", {"z"}));
  EXPECT_TRUE(same("replace_last", {"z", "y"}));
  EXPECT_TRUE(same("truncate", {50}));
  EXPECT_TRUE(same("truncatewords", {20}));
  EXPECT_TRUE(same("slice", {0, 100}));
  EXPECT_FALSE(same("upcase"));
  Value suffix("a suffix longer than a small string");
  EXPECT_EQ(run("append", Value(), {suffix}).shared_address(), suffix.shared_address());
  EXPECT_EQ(run("prepend", "", {suffix}).shared_address(), suffix.shared_address());
}

TEST(StringFilters, CaseMappingIsUnicodeAware) {
  check_rows({
      {"upcase", "hello", {}, "HELLO"},
      {"upcase", "éàüñ", {}, "ÉÀÜÑ"},
      {"upcase", "straße", {}, "STRASSE"},  // full mapping: one character becomes two
      {"upcase", "ŉ ǰ ﬀ", {}, "ʼN J̌ FF"},
      {"upcase", "ǆ ǉ", {}, "Ǆ Ǉ"},
      {"upcase", "āăąćĉ ƀƃ", {}, "ĀĂĄĆĈ ɃƂ"},
      {"upcase", "αβγ άέ ς", {}, "ΑΒΓ ΆΈ Σ"},
      {"upcase", "привет ёђ", {}, "ПРИВЕТ ЁЂ"},
      {"upcase", "բարեւ", {}, "ԲԱՐԵՒ"},
      {"upcase", "ქართ", {}, "ᲥᲐᲠᲗ"},
      {"upcase", "ǳ", {}, "Ǳ"},
      {"upcase", 5, {}, "5"},
      {"upcase", Value(), {}, ""},
      {"upcase", Value(strings({"a"})), {}, "[\"A\"]"},
      {"upcase", "日本", {}, "日本"},
      {"downcase", "HELLO", {}, "hello"},
      {"downcase", "ÀÉÎÕÜ", {}, "àéîõü"},
      {"downcase", "İ", {}, "i\u0307"},  // the one full downcase mapping
      {"downcase", "ΣΑΣ", {}, "σασ"},    // like Ruby: no final-sigma rule
      {"downcase", "ПРИВЕТ", {}, "привет"},
      {"downcase", "ԲԱՐԵՒ", {}, "բարեւ"},
      {"downcase", "ᲥᲐᲠᲗ", {}, "ქართ"},
      {"downcase", "Ǆ ǅ", {}, "ǆ ǆ"},
      {"downcase", 5, {}, "5"},
      {"downcase", Value(), {}, ""},
      {"downcase", true, {}, "true"},
      {"capitalize", "hello world", {}, "Hello world"},
      {"capitalize", "HELLO WORLD", {}, "Hello world"},
      {"capitalize", "Hello", {}, "Hello"},
      {"capitalize", "élan VITAL", {}, "Élan vital"},
      {"capitalize", "ǆemal", {}, "ǅemal"},  // titlecase, not uppercase
      {"capitalize", "ßa", {}, "Ssa"},
      {"capitalize", "ﬀ", {}, "Ff"},
      {"capitalize", "ΣΑΣ", {}, "Σασ"},
      {"capitalize", "ქართ", {}, "ქართ"},  // Georgian has no titlecase
      {"capitalize", "ᲥᲐᲠᲗ", {}, "ქართ"},
      {"capitalize", "1ABC", {}, "1abc"},
      {"capitalize", "", {}, ""},
      {"capitalize", Value(), {}, ""},
      {"capitalize", drop_of("ruby"), {}, "Ruby"},
  });
}

TEST(StringFilters, CaseMappingKeepsInvalidBytes) {
  check_rows({
      {"upcase",
       "\xFF"
       "a\xC3",
       {},
       "\xFF"
       "A\xC3"},
      {"downcase",
       "A\xE2\x82"
       "B",
       {},
       "a\xE2\x82"
       "b"},
      {"capitalize",
       "\x80"
       "ABC",
       {},
       "\x80"
       "abc"},
      {"capitalize",
       "\xED\xA0\x80"
       "A",
       {},
       "\xED\xA0\x80"
       "a"},  // a surrogate is invalid
  });
}

TEST(StringFilters, Strip) {
  check_rows({
      {"strip", " \t\r\n  hello  \t\r\n ", {}, "hello"},
      {"strip", "\v\f hi \v\f", {}, "hi"},
      {"strip", std::string("\0 a \0", 5), {}, "a"},    // Ruby strips NUL too
      {"strip", "\u00a0a\u00a0", {}, "\u00a0a\u00a0"},  // but not Unicode spaces
      {"strip", "   ", {}, ""},
      {"strip", "", {}, ""},
      {"strip", Value(), {}, ""},
      {"strip", 5, {}, "5"},
      {"lstrip", " \t\r\n  hello  \t\r\n ", {}, "hello  \t\r\n "},
      {"lstrip", "hello \t\r\n  ", {}, "hello \t\r\n  "},
      {"lstrip", Value(), {}, ""},
      {"rstrip", " \t\r\n  hello  \t\r\n ", {}, " \t\r\n  hello"},
      {"rstrip", " \t\r\n  hello", {}, " \t\r\n  hello"},
      {"rstrip", 5, {}, "5"},
  });
}

TEST(StringFilters, StripNewlines) {
  check_rows({
      {"strip_newlines", "hello there\nyou", {}, "hello thereyou"},
      {"strip_newlines", "a\r\nb\nc", {}, "abc"},
      {"strip_newlines", "a\rb\r\r\n", {}, "a\rb\r"},  // a lone \r stays
      {"strip_newlines", "\n\n", {}, ""},
      {"strip_newlines", 5, {}, "5"},
      {"strip_newlines", Value(), {}, ""},
  });
}

TEST(StringFilters, Squish) {
  check_rows({
      {"squish", " Hello    World!   ", {}, "Hello World!"},
      {"squish",
       " \n\t\r\nHello  \n\t\r\nthere \n\t\r\nWorld!  \n\t\r\n",
       {},
       "Hello there World!"},
      {"squish", " \n\t\r", {}, ""},
      {"squish", "", {}, ""},
      {"squish", "a\v\fb", {}, "a b"},
      {"squish", "a\tb", {}, "a b"},
      {"squish", std::string("a\0 b", 4), {}, std::string("a\0 b", 4)},
      {"squish", "a \u00a0 b", {}, "a \u00a0 b"},
      {"squish", 5.2, {}, "5.2"},
      {"squish", false, {}, "false"},
      {"squish", Value(), {}, Value()},  // Liquid returns nil here, which prints as ""
  });
}

TEST(StringFilters, RemoveAndReplace) {
  const char* rain = "I strained to see the train through the rain";
  const char* pills = "Take my protein pills and put my helmet on";
  check_rows({
      {"remove", rain, {"rain"}, "I sted to see the t through the "},
      {"remove", "hello", {5}, "hello"},
      {"remove", 5, {"5"}, ""},
      {"remove", "aaa", {"aa"}, "a"},
      {"remove", "hello", {""}, "hello"},
      {"remove", "hello", {Value()}, "hello"},
      {"remove", Value(), {"rain"}, ""},
      {"remove_first", rain, {"rain"}, "I sted to see the train through the rain"},
      {"remove_first", "hello", {Value()}, "hello"},
      {"remove_last", rain, {"rain"}, "I strained to see the train through the "},
      {"remove_last", "hello", {Value()}, "hello"},
      {"replace", pills, {"my", "your"}, "Take your protein pills and put your helmet on"},
      {"replace", pills, {"my", Value()}, "Take  protein pills and put  helmet on"},
      {"replace", "hello", {"ll"}, "heo"},
      {"replace", "hello", {5, "your"}, "hello"},
      {"replace", 5, {"rain", "foo"}, "5"},
      {"replace", Value(Hash{}), {"{", "!"}, "!}"},
      {"replace", Value(), {"my", "your"}, ""},
      {"replace", "Take my", {Value(), "#"}, "#T#a#k#e# #m#y#"},
      {"replace", "aé", {"", "-"}, "-a-é-"},
      {"replace", "", {"", "-"}, "-"},
      {"replace",
       "a\xFF"
       "b",
       {"", "-"},
       "-a-\xFF-b-"},
      {"replace",
       "a\xFF"
       "b",
       {"\xFF", "-"},
       "a-b"},
      {"replace", "aaaa", {"aa", "b"}, "bb"},
      {"replace", "日本日本", {"本", "x"}, "日x日x"},
      {"replace_first", pills, {"my", "your"}, "Take your protein pills and put my helmet on"},
      {"replace_first", "hello5", {5, "your"}, "helloyour"},
      {"replace_first", "hello", {"ll"}, "heo"},
      {"replace_first", "Take my protein", {Value(), "#"}, "#Take my protein"},
      {"replace_first", pills, {"my", Value()}, "Take  protein pills and put my helmet on"},
      {"replace_last", pills, {"my", "your"}, "Take my protein pills and put your helmet on"},
      {"replace_last", "hello5", {5, "your"}, "helloyour"},
      {"replace_last", "Take my protein", {Value(), "#"}, "Take my protein#"},
      {"replace_last", pills, {"my", Value()}, "Take my protein pills and put  helmet on"},
      {"replace_last", 5, {"rain", "foo"}, "5"},
  });
}

TEST(StringFilters, ReplacementBackslashesAreReadAsRubyDoes) {
  check_rows({
      {"replace", "hello", {"l", "<\\0\\&>"}, "he<ll><ll>o"},
      {"replace", "hello", {"l", "[\\`|\\']"}, "he[he|lo][hel|o]o"},
      {"replace", "hello", {"l", "\\1\\9"}, "heo"},  // groups a string pattern lacks
      {"replace", "hello", {"l", "a\\\\b"}, "hea\\ba\\bo"},
      {"replace", "hello", {"l", "\\x"}, "he\\x\\xo"},
      {"replace", "hello", {"l", "x\\"}, "hex\\x\\o"},
      {"replace", "hello", {"l", "\\k"}, "he\\k\\ko"},
      {"replace", "hello", {"", "\\`"}, "hhehelhellhellohello"},
      {"replace", "hello", {"z", "\\k<name>"}, "hello"},  // no match: never read
      {"replace_first", "hello", {"l", "<\\0>"}, "he<l>lo"},
      {"replace_first", "hello", {"l", "\\'"}, "helolo"},
      {"replace_last", "hello", {"l", "\\0"}, "hel\\0o"},  // replace_last takes it literally
  });
  EXPECT_EQ(error_of("replace", "hello", {"l", "\\k<name>"}), liquid::errc::invalid_value);
  EXPECT_EQ(error_of("replace_first", "hello", {"l", "\\k<name"}), liquid::errc::invalid_value);
}

TEST(StringFilters, Split) {
  check_rows({
      {"split", "Hi, how are you today?", {" "}, strings({"Hi,", "how", "are", "you", "today?"})},
      {"split", "  a \t b\n\v\fc  ", {" "}, strings({"a", "b", "c"})},  // " " is any whitespace
      {"split", "a b\nc", {"\n"}, strings({"a b", "c"})},
      {"split", "abc", {","}, strings({"abc"})},
      {"split", "abc", {""}, strings({"a", "b", "c"})},
      {"split", "aé\xFF", {""}, strings({"a", "é", "\xFF"})},
      {"split", "Hello", {Value()}, strings({"H", "e", "l", "l", "o"})},
      {"split", "Hello there", {false}, strings({"Hello there"})},
      {"split", "hello th1ere", {1}, strings({"hello th", "ere"})},
      {"split", "", {","}, Array{}},
      {"split", "", {""}, Array{}},
      {"split", "", {" "}, Array{}},
      {"split", "   ", {" "}, Array{}},
      {"split", ",", {","}, Array{}},
      {"split", "1", {1}, Array{}},
      {"split", "a,b,,", {","}, strings({"a", "b"})},  // trailing empty fields are dropped
      {"split", ",a", {","}, strings({"", "a"})},      // leading ones are kept
      {"split", ",,a,,b,,", {","}, strings({"", "", "a", "", "b"})},
      {"split", "a::b::", {"::"}, strings({"a", "b"})},
      {"split", "aaa", {"aa"}, strings({"", "a"})},
      {"split", 56, {" "}, strings({"56"})},
      {"split", Value(), {" "}, Array{}},
      {"split", Value(Array{1, 2}), {", "}, strings({"[1", "2]"})},
  });
}

TEST(StringFilters, Truncate) {
  const char* tom = "Ground control to Major Tom.";
  check_rows({
      {"truncate", tom, {20}, "Ground control to..."},
      {"truncate", tom, {25, ", and so on"}, "Ground control, and so on"},
      {"truncate", tom, {20, ""}, "Ground control to Ma"},
      {"truncate", tom, {20, Value()}, "Ground control to Ma"},
      {"truncate",
       "Ground control to Major Tom. Ground control to Major Tom.",
       {},
       "Ground control to Major Tom. Ground control to ..."},
      {"truncate", "Ground control", {20}, "Ground control"},
      {"truncate", "hello", {5}, "hello"},
      {"truncate", "hello", {4}, "h..."},
      {"truncate", "hello", {3}, "..."},
      {"truncate", "hello", {2}, "..."},  // shorter than the ellipsis: the ellipsis alone
      {"truncate", "hello", {0}, "..."},
      {"truncate", "hello", {-1}, "..."},
      {"truncate", "hello", {int64_min}, "..."},
      {"truncate", "hello", {int64_max}, "hello"},
      {"truncate", "hello", {2, "abcdef"}, "abcdef"},
      {"truncate", "hello", {3, "…"}, "he…"},  // lengths count characters
      {"truncate", "日本語テキスト", {5}, "日本..."},
      {"truncate", "日本語", {3}, "日本語"},
      {"truncate",
       "\xFF\xFE\xFD"
       "abc",
       {4},
       "\xFF..."},
      {"truncate", "hello", {"3"}, "..."},
      {"truncate", 5, {10}, "5"},
      {"truncate", 123456, {4, ""}, "1234"},
      {"truncate", Value(), {5}, Value()},
  });
  EXPECT_EQ(error_of("truncate", tom, {Value()}), liquid::errc::invalid_value);
  EXPECT_EQ(error_of("truncate", tom, {"x"}), liquid::errc::invalid_value);
  EXPECT_EQ(error_of("truncate", tom, {2.5}), liquid::errc::invalid_value);
}

TEST(StringFilters, Truncatewords) {
  const char* tom = "Ground control to Major Tom.";
  check_rows({
      {"truncatewords", tom, {3}, "Ground control to..."},
      {"truncatewords", tom, {3, "--"}, "Ground control to--"},
      {"truncatewords", tom, {3, ""}, "Ground control to"},
      {"truncatewords", tom, {3, Value()}, "Ground control to"},
      {"truncatewords", "Ground control", {3}, "Ground control"},
      {"truncatewords", "    one    two three    four  ", {2}, "one two..."},
      {"truncatewords", "one two three", {2, 1}, "one two1"},
      {"truncatewords", "one  two\tthree\nfour", {3}, "one two three..."},
      {"truncatewords", "one two three four", {0}, "one..."},  // counts below 1 mean 1
      {"truncatewords", "one two three four", {-5}, "one..."},
      {"truncatewords", "one", {0}, "one"},
      {"truncatewords", "  one  two", {2}, "  one  two"},  // not truncated: kept as is
      {"truncatewords", "one two ", {2}, "one two..."},    // Ruby: a trailing space truncates
      {"truncatewords", "one ", {1, "!"}, "one!"},
      {"truncatewords", "测试测试测试测试", {5}, "测试测试测试测试"},
      {"truncatewords", "a\u00a0b c", {1}, "a\u00a0b..."},  // only ASCII whitespace separates
      {"truncatewords",
       "a b c d e f g h i j k l m n o p q",
       {},
       "a b c d e f g h i j k l m n o..."},
      {"truncatewords", "a b", {int64_max}, "a b"},
      {"truncatewords", "a b c", {"2"}, "a b..."},
      {"truncatewords", 5, {10}, "5"},
      {"truncatewords", Value(), {5}, Value()},
  });
  EXPECT_EQ(error_of("truncatewords", tom, {Value()}), liquid::errc::invalid_value);
  EXPECT_EQ(error_of("truncatewords", tom, {"many"}), liquid::errc::invalid_value);
}

TEST(StringFilters, SliceOfStrings) {
  check_rows({
      {"slice", "hello", {0}, "h"},
      {"slice", "hello", {1}, "e"},
      {"slice", "hello", {1, 3}, "ell"},
      {"slice", "hello", {4, 10}, "o"},
      {"slice", "hello", {5}, ""},   // at the end: empty
      {"slice", "hello", {99}, ""},  // past the end: nil, printed as ""
      {"slice", "Liquid", {-2}, "i"},
      {"slice", "Liquid", {-2, 99}, "id"},
      {"slice", "Liquid", {-2, 2}, "id"},
      {"slice", "Liquid", {-2, -1}, ""},
      {"slice", "Liquid", {1, -1}, ""},
      {"slice", "Liquid", {-6}, "L"},
      {"slice", "Liquid", {-7}, ""},
      {"slice", "Liquid", {0, 0}, ""},
      {"slice", "hello", {"2"}, "l"},
      {"slice", "hello", {3, "2"}, "lo"},
      {"slice", "hello", {1, Value()}, "e"},  // a nil or false length means 1
      {"slice", "hello", {1, false}, "e"},
      {"slice", "héllo", {1, 2}, "él"},
      {"slice", "日本語", {-1}, "語"},
      {"slice", "日本語", {1, 100}, "本語"},
      {"slice",
       "\xFF"
       "ab",
       {0, 2},
       "\xFF"
       "a"},
      {"slice", "hello", {int64_max}, ""},
      {"slice", "hello", {int64_min}, ""},
      {"slice", "hello", {int64_min, int64_max}, ""},
      {"slice", "hello", {-2, int64_max}, "lo"},
      {"slice", 5, {1}, ""},
      {"slice", 5, {0}, "5"},
      {"slice", 12345, {1, 2}, "23"},
      {"slice", Value(), {1, 3}, ""},
      {"slice", Value(), {0}, ""},
      {"slice", Value(Hash{{"a", 1}}), {0, 4}, "{\"a\""},
  });
  EXPECT_EQ(error_of("slice", "hello", {"foo"}), liquid::errc::invalid_value);
  EXPECT_EQ(error_of("slice", "Liquid", {2.2}), liquid::errc::invalid_value);
  EXPECT_EQ(error_of("slice", "Liquid", {1, 2.2}), liquid::errc::invalid_value);
  EXPECT_EQ(error_of("slice", "hello", {5, "foo"}), liquid::errc::invalid_value);
  EXPECT_EQ(error_of("slice", "hello", {Value(), 3}), liquid::errc::invalid_value);
}

TEST(StringFilters, SliceOfArrays) {
  Value numbers(Array{1, 2, 3, 4, 5});
  check_rows({
      {"slice", numbers, {2, 3}, Array{3, 4, 5}},
      {"slice", numbers, {0}, Array{1}},
      {"slice", numbers, {-1}, Array{5}},
      {"slice", numbers, {-2, 5}, Array{4, 5}},
      {"slice", numbers, {5}, Array{}},
      {"slice", numbers, {6}, Array{}},
      {"slice", numbers, {-6}, Array{}},
      {"slice", numbers, {0, -1}, Array{}},
      {"slice", numbers, {1, int64_max}, Array{2, 3, 4, 5}},
      {"slice", numbers, {int64_min, 2}, Array{}},
      {"slice", Value(Array{}), {0}, Array{}},
      {"slice", drop_of(numbers), {1, 2}, Array{2, 3}},
  });
  Value whole = run("slice", numbers, {0, 5});
  EXPECT_EQ(&whole.as_array(), &numbers.as_array());
}

}  // namespace
