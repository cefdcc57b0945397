// parse_json's two paths (liquid/src/json_fast.cpp, the Boost.JSON reference in json.cpp) on
// the same text: where simdjson answers, the answer is the reference's.
#include "json_fast.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <stdexcept>
#include <string>

#include "liquid/json.hpp"

namespace liquid {
namespace {

using detail::parse_json_fast;
using detail::parse_json_reference;

// Kinds, bytes and floats bit for bit (-0.0 is not 0.0 here).
bool same(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::floating: {
      double x = a.as_float(), y = b.as_float();
      return std::memcmp(&x, &y, sizeof x) == 0;
    }
    case Value::Kind::array:
      if (a.as_array().size() != b.as_array().size()) return false;
      for (std::size_t i = 0; i < a.as_array().size(); ++i)
        if (!same(a.as_array()[i], b.as_array()[i])) return false;
      return true;
    case Value::Kind::hash:
      if (a.as_hash().size() != b.as_hash().size()) return false;
      for (std::size_t i = 0; i < a.as_hash().size(); ++i)
        if (a.as_hash().at(i).first != b.as_hash().at(i).first ||
            !same(a.as_hash().at(i).second, b.as_hash().at(i).second))
          return false;
      return true;
    default:
      return a == b;
  }
}

// "fast" when simdjson answers and agrees with the reference, "reference" when only Boost.JSON
// reads the text, "invalid" when neither does, "DIFFERENT" otherwise.
std::string paths(std::string_view text) {
  auto fast = parse_json_fast(text);
  std::optional<Value> ref;
  try {
    ref = parse_json_reference(text);
  } catch (const std::invalid_argument&) {
  }
  if (fast && ref) return same(*fast, *ref) ? "fast" : "DIFFERENT";
  if (fast) return "fast only";
  return ref ? "reference" : "invalid";
}

std::string nested(char open, char close, std::size_t depth) {
  return std::string(depth, open) + std::string(depth, close);
}

TEST(JsonFast, RecordsTakeTheFastPath) {
  EXPECT_EQ(paths(R"({"customer":{"id":1,"email":"a@b.example","tags":["x","y"],"ltv":12.5,)"
                  R"("phone":null,"trial":false,"name":"Zoë \u00e9 \ud83d\ude00\n"}})"),
            "fast");
  EXPECT_EQ(paths(R"({"a":1,"b":2,"a":3})"), "fast");  // repeated keys fold the same way
  EXPECT_EQ(paths(" [ ] "), "fast");
  EXPECT_EQ(paths("\"\""), "fast");
  EXPECT_EQ(paths(R"("a\u0000b")"), "fast");
}

TEST(JsonFast, NumbersReadTheSameOnBothPaths) {
  for (const char* n : {"0", "-0", "-0.0", "0.0", "1E+2", "1e0000000000002", "0.1", "-12.5e-3",
                        "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                        "18446744073709551615", "1e-400", "-1e-400", "2.5e-324", "2.4e-324",
                        "4.9e-324", "2.2250738585072011e-308", "1.7976931348623157e308",
                        "0.30000000000000004", "123456789012345678.5"})
    EXPECT_EQ(paths(n), "fast") << n;
  // simdjson will not read these: Boost.JSON does (a float, an infinity).
  for (const char* n : {"-9223372036854775809", "18446744073709551616",
                        "123456789012345678901234567890", "1.8e308", "-1e999"})
    EXPECT_EQ(paths(n), "reference") << n;
  // An exponent Boost.JSON cannot hold: simdjson reads the zero it stands for.
  EXPECT_EQ(paths("0.1e-2147483649"), "fast only");
  EXPECT_EQ(parse_json("0.1e-2147483649").to_s(), "0.0");
}

TEST(JsonFast, MalformedTextIsLeftToTheReference) {
  for (const char* bad : {"", " ", "[1,2,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "\"\\x\"",
                          "\"\\ud800\"", "\"\xff\"", "\"a\nb\"", "[] x", "1 2", "nul", "{\"a\" 1}",
                          "\xEF\xBB\xBF{}", "/*c*/1"})
    EXPECT_EQ(paths(bad), "invalid") << bad;
  try {
    parse_json("[1,2,]");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("at byte"), std::string::npos) << e.what();
  }
}

TEST(JsonFast, DepthLimitIsTheReferences) {
  for (char open : {'[', '{'}) {
    auto doc = [&](std::size_t depth) {
      if (open == '[') return nested('[', ']', depth);
      std::string s;
      for (std::size_t i = 1; i < depth; ++i) s += "{\"k\":";
      s += "{}";
      s += std::string(depth - 1, '}');
      return s;
    };
    EXPECT_EQ(paths(doc(kMaxJsonDepth)), "fast") << open;
    EXPECT_EQ(paths(doc(kMaxJsonDepth + 1)), "invalid") << open;
    EXPECT_EQ(paths(doc(5000)), "invalid") << open;
  }
}

// Random documents of every kind of value, with the numbers and strings where parsers differ.
class RandomJson {
 public:
  explicit RandomJson(unsigned seed) : rng_(seed) {}
  std::string document() {
    std::string out;
    value(out, 0);
    return out;
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  void value(std::string& out, int depth) {
    switch (pick(depth > 6 ? 5 : 7)) {
      case 0: out += "null"; return;
      case 1: out += pick(2) ? "true" : "false"; return;
      case 2: number(out); return;
      case 3: case 4: string(out); return;
      case 5: {
        out += '[';
        for (int i = 0, n = pick(5); i < n; ++i) {
          if (i) out += pick(4) ? "," : " , ";
          value(out, depth + 1);
        }
        out += ']';
        return;
      }
      default: {
        out += '{';
        for (int i = 0, n = pick(6); i < n; ++i) {
          if (i) out += ',';
          string(out);
          out += pick(3) ? ":" : " :\n";
          value(out, depth + 1);
        }
        out += '}';
      }
    }
  }
  void number(std::string& out) {
    if (pick(2)) out += '-';
    out += pick(5) ? std::to_string(pick(1000000)) : std::to_string(rng_());
    if (pick(3) == 0) {
      out += '.';
      for (int i = 0, n = 1 + pick(25); i < n; ++i) out += static_cast<char>('0' + pick(10));
    }
    if (pick(3) == 0) {
      out += pick(2) ? 'e' : 'E';
      if (pick(2)) out += pick(2) ? '-' : '+';
      out += std::to_string(pick(2) ? pick(30) : pick(700));
    }
  }
  void string(std::string& out) {
    static const char* pieces[] = {"a", "key", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\ud83d\\ude00",
                                   "\\u0000", "\xc3\xa9", "\xf0\x9f\x98\x80", " ", "\\t", "size",
                                   "longer than sixteen bytes"};
    out += '"';
    for (int i = 0, n = pick(6); i < n; ++i) out += pieces[pick(std::size(pieces))];
    out += '"';
  }
  std::mt19937 rng_;
};

TEST(JsonFast, RandomDocumentsReadTheSameOnBothPaths) {
  RandomJson gen(20261207);
  int fast = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string doc = gen.document();
    const std::string answer = paths(doc);
    ASSERT_TRUE(answer == "fast" || answer == "reference") << answer << ": " << doc;
    fast += answer == "fast";
  }
  EXPECT_GT(fast, 2900);  // only out-of-range numbers need the reference
}

}  // namespace
}  // namespace liquid
