// Tests liquid/src/context.cpp through templates: variable lookup, scopes, comparisons, strict
// variables and filters, inline errors, drops. Expected outputs are Ruby Liquid 5.4's unless a
// comment says golden-liquid (5.12) decides.
#include "liquid/context.hpp"

#include <gtest/gtest.h>

#include "test_util.hpp"

namespace liquid {
namespace {

using testing::error_id_of;
using testing::render;

constexpr const char* kData = R"({
  "s": "héllo", "n": 3, "f": 1.5, "t": true, "no": false, "nil": null,
  "arr": [1, 2, 3], "words": ["a", "b"], "empty_a": [], "empty_h": {}, "space": " \t",
  "h": {"a": 1, "b": {"c": "deep"}, "size": "big", "n": null},
  "k": {"a b": 1, "with.dot": 2, "0": "zero", "": "blank key", "first": "F"},
  "key": "a", "idx": 1, "people": [{"name": "ann"}, {"name": "bob"}]
})";

struct Case {
  const char* source;
  const char* output;
};

class ContextLookup : public ::testing::TestWithParam<Case> {};
TEST_P(ContextLookup, Renders) { EXPECT_EQ(render(GetParam().source, kData), GetParam().output) << GetParam().source; }
INSTANTIATE_TEST_SUITE_P(
    Context, ContextLookup,
    ::testing::Values(
        Case{"{{ s }}", "héllo"}, Case{"{{ h.a }}", "1"}, Case{"{{ h.b.c }}", "deep"}, Case{"{{ h['b']['c'] }}", "deep"},
        Case{"{{ h[key] }}", "1"}, Case{"{{ arr[0] }}{{ arr[-1] }}{{ arr[idx] }}", "132"}, Case{"{{ arr[3] }}", ""},
        Case{"{{ arr[-4] }}", ""}, Case{"{{ arr[1.0] }}", ""}, Case{"{{ arr['1'] }}", ""}, Case{"{{ arr.size }}", "3"},
        Case{"{{ arr.first }}{{ arr.last }}", "13"}, Case{"{{ empty_a.first }}", ""}, Case{"{{ s.size }}", "5"},
        Case{"{{ s.first }}", ""}, Case{"{{ s[0] }}", ""}, Case{"{{ h.size }}", "big"}, Case{"{{ empty_h.size }}", "0"},
        Case{"{{ k.first }}", "F"}, Case{"{{ h.first }}", "a1"}, Case{"{{ h.first.first }}", "a"},
        Case{"{{ empty_h.first }}", ""}, Case{"{{ n.size }}", "8"}, Case{"{{ f.size }}", ""},
        Case{"{{ arr.size.size }}", "8"}, Case{"{{ words.first.size }}", "1"}, Case{"{{ k['a b'] }}", "1"},
        Case{"{{ k['with.dot'] }}", "2"}, Case{"{{ k['0'] }}", "zero"}, Case{"{{ k[''] }}", "blank key"},
        Case{"{{ ['s'] }}", "héllo"}, Case{"{{ [key] }}", ""}, Case{"{{ ['h'].a }}", "1"}, Case{"{{ nil.x }}", ""},
        Case{"{{ missing.x.y }}", ""}, Case{"{{ h.n.x }}", ""}, Case{"{{ people[1].name }}", "bob"},
        Case{"{{ (1..n) }}", "1..3"}, Case{"{{ (n..1) }}", "3..1"}, Case{"{{ ('2'..'4') }}", "2..4"},
        Case{"{{ (nil..2) }}", "0..2"}, Case{"{{ (1..'x') }}", "1..0"}, Case{"{{ empty }}{{ blank }}", ""}));

class ContextScope : public ::testing::TestWithParam<Case> {};
TEST_P(ContextScope, Renders) { EXPECT_EQ(render(GetParam().source, kData), GetParam().output) << GetParam().source; }
INSTANTIATE_TEST_SUITE_P(
    Context, ContextScope,
    ::testing::Values(
        // assign and capture write the outermost scope: visible after the block, as in Ruby
        Case{"{% assign x = 1 %}{% for i in (1..2) %}{% assign x = i %}{% endfor %}{{ x }}[{{ i }}]", "2[]"},
        Case{"{% for i in (1..2) %}{% capture c %}{{ i }}{% endcapture %}{% endfor %}{{ c }}", "2"},
        Case{"{% if t %}{% assign inner = 'yes' %}{% endif %}{{ inner }}", "yes"},
        // a loop variable shadows a global and disappears after the loop
        Case{"{% for s in words %}{{ s }}{% endfor %}{{ s }}", "abhéllo"},
        // an assign shadows a global
        Case{"{% assign s = 'new' %}{{ s }}", "new"},
        Case{"{% for i in arr %}{% assign acc = acc | append: i %}{% endfor %}{{ acc }}", "123"},
        // counters are separate from assigns, and start from a global of the same name
        Case{"{% increment c %}{% increment c %}{{ c }}", "012"},
        Case{"{% assign c = 5 %}{% increment c %}{{ c }}", "05"}, Case{"{% increment n %}{{ n }}", "34"},
        Case{"{% decrement d %}{% decrement d %}{{ d }}", "-1-2-2"}));

class ContextCondition : public ::testing::TestWithParam<Case> {};
TEST_P(ContextCondition, Evaluates) {
  std::string source = std::string("{% if ") + GetParam().source + " %}T{% else %}F{% endif %}";
  EXPECT_EQ(render(source, kData), GetParam().output) << source;
}
INSTANTIATE_TEST_SUITE_P(
    Context, ContextCondition,
    ::testing::Values(
        Case{"t", "T"}, Case{"no", "F"}, Case{"nil", "F"}, Case{"missing", "F"}, Case{"0", "T"}, Case{"''", "T"},
        Case{"empty_a", "T"}, Case{"n == 3", "T"}, Case{"n == 3.0", "T"}, Case{"n != 3", "F"}, Case{"n <> 4", "T"},
        Case{"n > 2", "T"}, Case{"n >= 3", "T"}, Case{"n < 3", "F"}, Case{"n <= 3", "T"}, Case{"f > 1", "T"},
        Case{"s == 'héllo'", "T"}, Case{"'1' == 1", "F"}, Case{"'b' > 'a'", "T"}, Case{"'B' > 'a'", "F"},
        Case{"nil < 1", "F"}, Case{"t > 1", "F"}, Case{"'a' < nil", "F"}, Case{"arr > 1", "F"},
        Case{"arr == arr", "T"}, Case{"h == h", "T"}, Case{"nil == null", "T"}, Case{"(1..3) == (1..3)", "T"},
        Case{"s contains 'éll'", "T"}, Case{"s contains 'x'", "F"}, Case{"arr contains 2", "T"},
        Case{"arr contains '2'", "F"}, Case{"words contains 'b'", "T"}, Case{"h contains 'a'", "T"},
        Case{"h contains 'z'", "F"}, Case{"(1..5) contains 3", "T"}, Case{"(1..5) contains 6", "F"},
        Case{"s contains nil", "F"}, Case{"nil contains 'a'", "F"}, Case{"n contains 3", "F"},
        Case{"t and no", "F"}, Case{"t or no", "T"},
        // evaluated right to left with no precedence: no and (no or t) = false
        Case{"no and no or t", "F"}, Case{"t or no and no", "T"}, Case{"no or t and t", "T"},
        // empty / blank (golden-liquid 5.12 semantics)
        Case{"empty_a == empty", "T"}, Case{"empty_h == empty", "T"}, Case{"'' == empty", "T"},
        Case{"s == empty", "F"}, Case{"nil == empty", "F"}, Case{"empty == empty_a", "T"},
        Case{"space == blank", "T"}, Case{"nil == blank", "T"}, Case{"no == blank", "T"}, Case{"t == blank", "F"},
        Case{"missing == blank", "T"}, Case{"empty == blank", "F"}, Case{"empty", "T"}, Case{"blank", "T"},
        Case{"1 >= blank", "F"}, Case{"empty != s", "T"}));

TEST(Context, ComparingAStringWithANumberIsAnError) {
  EXPECT_EQ(error_id_of("{% if 'a' < 1 %}{% endif %}"), errc::comparison);
  EXPECT_EQ(error_id_of("{% if n > s %}{% endif %}", kData), errc::comparison);
  EXPECT_EQ(error_id_of("{% if a =~ b %}{% endif %}"), errc::comparison);  // an unknown operator
  auto r = testing::render_inline("{% if 'a' < 1 %}y{% endif %}x");
  EXPECT_EQ(r.output, "Liquid error (line 1): comparison of String with 1 failedx");
}

// Ruby's rb_cmperr names the class of a right operand that is not an immediate or a Float:
// "comparison of Integer with String failed", but "comparison of String with 1.5 failed".
TEST(Context, ComparisonMessageNamesTheClassOfAStringOperand) {
  EXPECT_EQ(testing::render_inline("{% if 1 > 'a' %}y{% endif %}").output,
            "Liquid error (line 1): comparison of Integer with String failed");
  EXPECT_EQ(testing::render_inline("{% if 1.5 > 'a' %}y{% endif %}").output,
            "Liquid error (line 1): comparison of Float with String failed");
  EXPECT_EQ(testing::render_inline("{% if 'a' > 1.5 %}y{% endif %}").output,
            "Liquid error (line 1): comparison of String with 1.5 failed");
  EXPECT_EQ(testing::render_inline("{% if 'a' > nil %}y{% endif %}").output, "");  // nil has no <=>
}

// Ruby's contains stringifies its right operand for a string on the left; `blank` and `empty`
// stringify to '', which every string contains. Arrays and hashes do not contain them.
TEST(Context, ContainsAMethodLiteral) {
  EXPECT_EQ(testing::render("{% if 'x' contains blank %}y{% endif %}"), "y");
  EXPECT_EQ(testing::render("{% if '' contains empty %}y{% endif %}"), "y");
  EXPECT_EQ(testing::render("{% if arr contains empty %}y{% else %}n{% endif %}", kData), "n");
  EXPECT_EQ(testing::render("{% if blank contains 'x' %}y{% else %}n{% endif %}"), "n");
}

// A string contains the right operand's Ruby to_s: an array or hash is its inspect form.
TEST(Context, ContainsStringifiesArraysAsRuby) {
  EXPECT_EQ(testing::render("{% if 'bar' contains a %}y{% else %}n{% endif %}", R"({"a": []})"), "n");
  EXPECT_EQ(testing::render("{% if 'x[]' contains a %}y{% else %}n{% endif %}", R"({"a": []})"), "y");
  EXPECT_EQ(testing::render("{% if s contains h %}y{% else %}n{% endif %}", R"({"s": "{}", "h": {}})"), "y");
}

TEST(Context, StrictVariables) {
  testing::Options o;
  o.strict_variables = true;
  auto e = testing::error_of("ab\n {{ missing }}", kData, o);
  EXPECT_EQ(e.id, errc::undefined_variable);
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.column, 5u);
  EXPECT_EQ(error_id_of("{{ h.missing }}", kData, o), errc::undefined_variable);
  EXPECT_EQ(error_id_of("{{ h.b.c.d }}", kData, o), errc::undefined_variable);
  EXPECT_EQ(error_id_of("{% if missing %}{% endif %}", kData, o), errc::undefined_variable);
  // Defined as nil is not undefined.
  EXPECT_EQ(render("[{{ nil }}{{ h.n }}]", kData, o), "[]");
  EXPECT_EQ(render("{% assign x = nil %}[{{ x }}]", kData, o), "[]");
  // Inline, the error is recorded and nothing is written (Ruby's render).
  auto r = testing::render_inline("a{{ missing }}b{{ s }}", kData, o);
  EXPECT_EQ(r.output, "abhéllo");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].id, errc::undefined_variable);
}

TEST(Context, StrictFilters) {
  testing::Options o;
  o.strict_filters = true;
  auto e = testing::error_of("{{ s | upcase | nosuch }}", kData, o);
  EXPECT_EQ(e.id, errc::undefined_filter);
  EXPECT_EQ(e.column, 17u);
  // Without the option an unknown filter is ignored, as Ruby does.
  EXPECT_EQ(render("{{ s | nosuch | upcase }}", kData), "HÉLLO");
}

TEST(Context, FilterArityIsCheckedAsRuby) {
  EXPECT_EQ(error_id_of("{{ 1 | plus: 2, 3 }}"), errc::filter_arguments);
  EXPECT_EQ(error_id_of("{{ 'a' | upcase: 1 }}"), errc::filter_arguments);
  EXPECT_EQ(error_id_of("{{ 'a' | append }}"), errc::filter_arguments);
  auto r = testing::render_inline("{{ 1 | plus: 2, 3 }}|{{ 'a' | slice }}");
  EXPECT_EQ(r.output,
            "Liquid error (line 1): wrong number of arguments (given 3, expected 2)|"
            "Liquid error (line 1): wrong number of arguments (given 1, expected 2..3)");
}

TEST(Context, InlineErrorsKeepRendering) {
  auto r = testing::render_inline("a\n{{ 1 | divided_by: 0 }}\nb{% assign x = 1 | divided_by: 0 %}c");
  // A blank tag (assign) records its error without writing it.
  EXPECT_EQ(r.output, "a\nLiquid error (line 2): divided by 0\nbc");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].id, errc::zero_division);
  EXPECT_EQ(r.errors[1].where.line, 3u);
  // render! semantics: the first error is thrown, with its position.
  auto e = testing::error_of("a\n{{ 1 | divided_by: 0 }}");
  EXPECT_EQ(e.id, errc::zero_division);
  EXPECT_FALSE(e.syntax);
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.column, 8u);
}

class Product final : public Drop {
 public:
  std::optional<Value> get(std::string_view key) const override {
    if (key == "title") return Value("Shoe");
    if (key == "price") return Value(12.5);
    if (key == "tags") return Value(Array{Value("a"), Value("b")});
    return std::nullopt;
  }
  std::string to_s() const override { return "product"; }
};

class Flag final : public Drop {
 public:
  explicit Flag(bool on) : on_(on) {}
  std::optional<Value> get(std::string_view) const override { return std::nullopt; }
  std::optional<Value> to_value() const override { return Value(on_); }

 private:
  bool on_;
};

TEST(Context, DropsComputeTheirProperties) {
  Hash globals{{"p", Value(std::shared_ptr<const Drop>(std::make_shared<Product>()))},
               {"off", Value(std::shared_ptr<const Drop>(std::make_shared<Flag>(false)))},
               {"on", Value(std::shared_ptr<const Drop>(std::make_shared<Flag>(true)))}};
  auto t = Template::parse(
      "{{ p }} {{ p.title }} {{ p.price }} {{ p.tags | join: ',' }} [{{ p.nope }}] "
      "{% if off %}on{% else %}off{% endif %} {% if on %}on{% endif %} {% if on == true %}eq{% endif %}");
  EXPECT_EQ(t.render(Value(globals)), "product Shoe 12.5 a,b [] off on eq");
  RenderOptions strict_vars;
  strict_vars.strict_variables = true;
  EXPECT_THROW(Template::parse("{{ p.nope }}").render(Value(globals), strict_vars), RenderError);
}

TEST(Context, GlobalsMayBeNil) {
  EXPECT_EQ(Template::parse("[{{ x }}]{% assign y = 2 %}{{ y }}").render(Value()), "[]2");
}

}  // namespace
}  // namespace liquid
