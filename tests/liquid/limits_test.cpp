// Limits and hostile input: every case ends in a clear error id (or a correct render), never a
// crash, a hang or a stack overflow. Tests the limits of liquid/src/parser.cpp, the expression
// parsers and the render loop as a whole.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <vector>
#include <string>

#include "test_util.hpp"

namespace liquid {
namespace {

using testing::error_id_of;
using testing::error_of;
using testing::render;

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(Limits, HundredThousandNestedIfs) {
  std::string source = repeat("{% if true %}", 100000) + "x" + repeat("{% endif %}", 100000);
  auto e = error_of(source);
  EXPECT_EQ(e.id, errc::nesting_too_deep);
  EXPECT_TRUE(e.syntax);
  auto r = Template::parse_all(source, {});
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics.back().id, errc::nesting_too_deep);
  // Unclosed, too.
  EXPECT_EQ(error_id_of(repeat("{% for i in x %}", 100000)), errc::nesting_too_deep);
  EXPECT_EQ(error_id_of("{% liquid\n" + repeat("if true\n", 100000) + "%}"), errc::nesting_too_deep);
}

TEST(Limits, LoopsStopAtTheStepLimit) {
  testing::Options o;
  o.limits.max_steps = 1'000'000;
  auto e = error_of("{% for i in (1..1000000000) %}{% endfor %}", "", o);
  EXPECT_EQ(e.id, errc::step_limit);
  EXPECT_FALSE(e.syntax);
  EXPECT_EQ(error_id_of("{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}",
                        "", o),
            errc::step_limit);
  EXPECT_EQ(error_id_of("{% tablerow i in (1..1000000000) %}{% endtablerow %}", "", o), errc::step_limit);
  // Even in inline-error mode a limit ends the render.
  testing::Renderer r(o);
  r.options().inline_errors = true;
  EXPECT_THROW(Template::parse("{% for i in (1..1000000000) %}{% endfor %}").render(Value(), r.options()), RenderError);
  EXPECT_EQ(Limits{}.max_steps, 50'000'000u);  // on by default
}

TEST(Limits, APartialThatIncludesItself) {
  auto o = testing::with_partials({{"self", "x{% include 'self' %}"}, {"a", "{% render 'b' %}"}, {"b", "{% render 'a' %}"}});
  EXPECT_EQ(error_id_of("{% include 'self' %}", "", o), errc::nesting_too_deep);
  EXPECT_EQ(error_id_of("{% render 'a' %}", "", o), errc::nesting_too_deep);
  // A partial that loops within the depth limit is bounded by the step limit.
  o.partials["wide"] = "{% for i in (1..100) %}{% include 'wide2' %}{% endfor %}";
  o.partials["wide2"] = "{% for i in (1..100) %}{% include 'wide3' %}{% endfor %}";
  o.partials["wide3"] = "{% for i in (1..100) %}x{% endfor %}";
  o.limits.max_steps = 100'000;
  EXPECT_EQ(error_id_of("{% include 'wide' %}", "", o), errc::step_limit);
}

TEST(Limits, HugeOutput) {
  testing::Options o;
  o.limits.max_output_bytes = 1 << 20;
  EXPECT_EQ(error_id_of("{% for i in (1..100000) %}xxxxxxxxxxxxxxxxxxxx{% endfor %}", "", o), errc::output_limit);
  EXPECT_EQ(error_id_of("{% for i in (1..100000) %}{{ s }}{% endfor %}", R"({"s": "xxxxxxxxxxxxxxxxxxxxxxxx"})", o),
            errc::output_limit);
  // Strings grown by assign count too, before they are ever output.
  EXPECT_EQ(error_id_of("{% assign s = 'x' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}", "", o),
            errc::output_limit);
  EXPECT_EQ(Limits{}.max_output_bytes, std::size_t{64} << 20);
}

// Filter results are held to the output limit while they are built, not only once printed:
// each of these would otherwise take gigabytes before the first byte of output (fuzz_render).
TEST(Limits, FilterResultsThatOutgrowTheOutputLimit) {
  testing::Options o;
  o.limits.max_output_bytes = 1 << 20;
  const std::string k = R"({"k": ")" + repeat("k", 2000) + R"("})";  // k × k is 4 MB
  // One step: replace and join multiply their input by an argument's length (`size` keeps the
  // output itself small).
  EXPECT_EQ(error_id_of("{{ k | replace: 'k', k | replace: 'k', k | size }}", k, o), errc::output_limit);
  EXPECT_EQ(error_id_of("{{ k | replace: '', k | size }}", k, o), errc::output_limit);
  EXPECT_EQ(error_id_of("{{ k | split: '' | join: k | size }}", k, o), errc::output_limit);
  EXPECT_EQ(error_id_of("{{ k | split: '' | join: k | split: '' | size }}", k, o), errc::output_limit);
  EXPECT_EQ(error_id_of("{{ k | replace_first: 'k', k | replace_last: 'k', k | replace: 'k', k | size }}", k, o),
            errc::output_limit);
  // date: each conversion may write up to 1,024 bytes; 2,000 of them could write 2 MB.
  EXPECT_EQ(error_id_of("{{ 'now' | date: f | size }}", R"({"f": ")" + repeat("%1024d", 2000) + R"("})", o),
            errc::output_limit);
  EXPECT_EQ(error_id_of("{{ 0 | date: f | size }}", R"({"f": ")" + repeat("%Y", 2000) + R"("})", o), "");
  // Many small steps: concat doubles an array whose elements are shared, so the array stays
  // small in memory while what it prints (2000 bytes x 2^20) does not.
  EXPECT_EQ(error_id_of("{% assign a = 'x' | split: ',' %}{% for i in (1..40) %}{% assign a = a | concat: a %}{% endfor %}",
                        "", o),
            errc::output_limit);
  EXPECT_EQ(error_id_of("{% assign a = k | split: ',' %}{% for i in (1..20) %}{% assign a = a | concat: a %}{% endfor %}",
                        k, o),
            errc::output_limit);
  // The limit error stops the render even with inline errors (as every limit does).
  try {
    testing::render_inline("{{ k | split: '' | join: k }}", k, o);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.id(), errc::output_limit);
  }
  // Under the limit nothing changes.
  EXPECT_EQ(render("{% assign a = 'x,y' | split: ',' %}{{ a | concat: a | join: '-' }}", "{}"), "x-y-x-y");
  EXPECT_EQ(render("{{ 'ab' | replace: '', '-' }}", "{}"), "-a-b-");
}

TEST(Limits, WallClock) {
  testing::Options o;
  o.limits.max_time = std::chrono::milliseconds(50);
  o.limits.max_steps = UINT64_MAX;
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(error_id_of("{% for i in (1..9000000000000000000) %}{{ i }}{% endfor %}", "", o), errc::time_limit);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(5));
}

TEST(Limits, UnclosedMarkup) {
  EXPECT_EQ(error_id_of("text {{ never closed"), errc::unterminated_output);
  EXPECT_EQ(error_id_of("text {% never closed"), errc::unterminated_tag);
  EXPECT_EQ(error_id_of(repeat("{{", 100000)), errc::unterminated_output);
  EXPECT_EQ(error_id_of(repeat("{%", 100000)), errc::unterminated_tag);
  EXPECT_EQ(error_id_of("{% raw %}" + repeat("{{ x }}", 100000)), errc::unclosed_block);
  EXPECT_EQ(error_id_of("{% comment %}" + repeat("{% comment %}", 100000)), errc::unclosed_block);
}

TEST(Limits, InvalidUtf8AndNulBytes) {
  using namespace std::string_literals;
  std::string source = "a\0b\xff\xfe{{ s }}\xc3\x28{% if s %}\0{% endif %}"s;
  Hash data{{"k\0\xff"s, Value("v")}, {"s", Value("x\0\xc0y"s)}};
  auto t = Template::parse(source);
  EXPECT_EQ(t.render(Value(data)), "a\0b\xff\xfex\0\xc0y\xc3\x28\0"s);
  EXPECT_EQ(Template::parse("{{ h }}").render(Value(Hash{{"h", Value(data)}})),
            "{\"k\\u0000\\xFF\"=>\"v\", \"s\"=>\"x\\u0000\\xC0y\"}");
  // In markup.
  EXPECT_EQ(testing::render("{{ 'a\0\xff' }}"s), "a\0\xff"s);
  EXPECT_EQ(error_id_of("{{ a\0b }}"s, "", testing::strict()), errc::syntax);
  EXPECT_EQ(error_id_of("{% if \xff %}{% endif %}"s, "", testing::strict()), errc::syntax);
}

TEST(Limits, DeepBracketsAndRanges) {
  std::string brackets = "{{ " + repeat("a[", 100000) + "b" + repeat("]", 100000) + " }}";
  std::string ranges = "{{ " + repeat("(", 100000) + "1" + repeat("..1)", 100000) + " }}";
  for (auto o : {testing::Options{}, testing::strict(), testing::strict2()}) {
    EXPECT_EQ(error_id_of(brackets, "", o), errc::nesting_too_deep);
    EXPECT_EQ(error_id_of(ranges, "", o), errc::nesting_too_deep);
    // Ruby's lax regexps read `a[a[a[...` as a variable (nil): only the strict parsers object.
    EXPECT_EQ(error_id_of("{% if " + repeat("a[", 100000) + " %}{% endif %}", "", o).empty(),
              o.mode == ErrorMode::lax);
  }
  EXPECT_EQ(error_id_of("{% for i in " + repeat("(", 100000) + "1" + repeat("..1)", 100000) + " %}{% endfor %}"),
            errc::nesting_too_deep);
  // Within the limit it works.
  EXPECT_EQ(testing::render("{{ " + repeat("a[", 30) + "'k'" + repeat("]", 30) + " }}", R"({"a": {"k": 1}})"), "");
}

TEST(Limits, LongConditionChains) {
  std::string chain = "{% if " + repeat("a and ", 100000) + "a %}y{% endif %}";
  for (auto o : {testing::Options{}, testing::strict(), testing::strict2()})
    EXPECT_EQ(error_id_of(chain, R"({"a": true})", o), errc::nesting_too_deep);
  std::string ok = "{% if " + repeat("a or ", 1000) + "a %}y{% endif %}";
  EXPECT_EQ(testing::render(ok, R"({"a": false})"), "");
  EXPECT_EQ(testing::render("{% case x %}{% when " + repeat("1, ", 50000) + "2 %}y{% endcase %}", R"({"x": 2})"), "y");
}

TEST(Limits, LongFilterChains) {
  std::string source = "{{ 'a'" + repeat(" | upcase", 100000) + " }}";
  EXPECT_EQ(testing::render(source), "A");
}

TEST(Limits, DeepJsonData) {
  std::string deep = repeat("[", 10000) + repeat("]", 10000);
  EXPECT_THROW(parse_json(deep), std::invalid_argument);
  std::string ok = repeat("{\"a\":", 900) + "1" + repeat("}", 900);
  Value v = parse_json(ok);
  EXPECT_EQ(Template::parse("{{ v.a.a.a.a.a }}").render(Value(Hash{{"v", v}})).substr(0, 7), "{\"a\"=>{");
  EXPECT_EQ(Template::parse("{{ v }}").render(Value(Hash{{"v", v}})).size(), 900u * 7 + 1);
}

TEST(Limits, KeysWithEverySpecialCharacter) {
  Hash h;
  for (int c = 1; c < 128; ++c) h.set("k" + std::string(1, static_cast<char>(c)), Value(c));
  h.set("", Value("empty"));
  h.set("a b", Value("space"));
  h.set("a.b", Value("dot"));
  h.set("a]b", Value("bracket"));
  h.set("size", Value("not a count"));
  Value data(Hash{{"h", Value(h)}});
  auto render = [&](const std::string& s) { return Template::parse(s).render(data); };
  EXPECT_EQ(render("{{ h[''] }}"), "empty");
  EXPECT_EQ(render("{{ h['a b'] }}|{{ h[\"a.b\"] }}|{{ h.size }}"), "space|dot|not a count");
  EXPECT_EQ(render("{{ h['k\"'] }}{{ h[\"k'\"] }}{{ h['k|'] }}"), "3439124");
  EXPECT_EQ(render("{{ h['k%'] }}{{ h['k{'] }}{{ h['k\\'] }}"), "3712392");
  // A '}' in a key ends the output markup, as in Ruby: assign first.
  EXPECT_EQ(render("{% assign k = 'k' | append: '}' %}{{ h[k] }}"), "125");
  // A ']' inside a quoted key ends the lax bracket early, as Ruby's regexp does; strict reads it.
  EXPECT_EQ(Template::parse("{{ h['a]b'] }}", [] {
              ParseOptions po;
              po.mode = ErrorMode::strict;
              return po;
            }())
                .render(data),
            "bracket");
  for (int c = 1; c < 128; ++c) {
    if (c == '\'' || c == '}' || c == '%') continue;
    std::string key = "k" + std::string(1, static_cast<char>(c));
    std::string source = "{% assign x = h['" + key + "'] %}{{ x }}";
    EXPECT_NO_THROW(render(source)) << c;
  }
}

TEST(Limits, HundredMegabyteTemplate) {
  // 1 KiB of text then a few tags, repeated to 100 MiB: parse and render once.
  std::string block = repeat("lorem ipsum ", 85) + "{{ name }} {% if flag %}y{% else %}n{% endif %}{{ n | plus: 1 }}\n";
  std::string source = repeat(block, (std::size_t{100} << 20) / block.size());
  ASSERT_GE(source.size(), std::size_t{99} << 20);
  testing::Options o;
  o.limits.max_output_bytes = std::size_t{256} << 20;
  auto start = std::chrono::steady_clock::now();
  auto t = testing::parse(source, o);
  auto parsed = std::chrono::steady_clock::now();
  testing::Renderer r(o);
  std::string out = t.render(parse_json(R"({"name": "Ada", "flag": true, "n": 41})"), r.options());
  auto rendered = std::chrono::steady_clock::now();
  EXPECT_EQ(out.size(), source.size() / block.size() * (85 * 12 + 3 + 1 + 1 + 2 + 1));
  using ms = std::chrono::milliseconds;
  std::printf("100 MiB template: parse %lld ms, render %lld ms\n",
              static_cast<long long>(std::chrono::duration_cast<ms>(parsed - start).count()),
              static_cast<long long>(std::chrono::duration_cast<ms>(rendered - parsed).count()));
  EXPECT_LT(rendered - start, std::chrono::minutes(2));
}

// Templates made of random pieces of Liquid syntax: every one parses or fails with a known error
// id and a position inside the source, and renders without crashing.
TEST(Limits, RandomMalformedTemplates) {
  const std::set<std::string_view> known = {
      errc::syntax, errc::unterminated_output, errc::unterminated_tag, errc::unknown_tag, errc::unclosed_block,
      errc::unexpected_tag, errc::nesting_too_deep, errc::undefined_variable, errc::undefined_filter,
      errc::filter_arguments, errc::zero_division, errc::invalid_value, errc::comparison, errc::missing_partial,
      errc::partial_not_allowed, errc::include_depth, errc::output_limit, errc::step_limit, errc::time_limit};
  using namespace std::string_literals;
  const std::vector<std::string> pieces = {
      "{{", "}}", "{%", "%}", "{%-", "-%}", "{{-", "-}}", " ", "\n", "x", "'", "\"", "|", ":", ",", "[", "]", "(", ")",
      "..", ".", "1", "-1", "2.5", "if ", "endif", "for ", " in ", "endfor", "else", "elsif", "case ", "when ", "endcase",
      "unless", "endunless", "raw", "endraw", "comment", "endcomment", "liquid ", "echo ", "assign ", " = ",
      "capture ", "endcapture", "cycle ", "tablerow ", "endtablerow", "include ", "render ", "'p'", "#", "doc",
      "enddoc", " and ", " or ", " == ", " contains ", "upcase", "plus", "limit:", "offset:", "reversed", "empty",
      "nil", "\xff", "\0"s, "break", "continue", "with", "as"};
  std::mt19937 rng(20240229);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(1, 40);
  testing::Options o;
  o.partials = {{"p", "{{ x }}{% include 'p' %}"}};
  o.limits.max_steps = 20'000;
  for (ErrorMode mode : {ErrorMode::lax, ErrorMode::strict, ErrorMode::strict2}) {
    o.mode = mode;
    for (int i = 0; i < 1500; ++i) {
      std::string source;
      for (std::size_t n = length(rng); n > 0; --n) source += pieces[pick(rng)];
      ParseOptions po;
      po.mode = mode;
      auto all = Template::parse_all(source, po);
      for (const auto& d : all.diagnostics) {
        EXPECT_TRUE(known.count(d.id)) << d.id << " for " << ::testing::PrintToString(source);
        EXPECT_LE(d.where.offset, source.size());
        EXPECT_GE(d.where.line, 1u);
      }
      auto e = error_of(source, R"({"x": [1, 2], "s": "str"})", o);
      if (!e.id.empty()) {
        EXPECT_TRUE(known.count(e.id)) << e.id << " for " << ::testing::PrintToString(source);
      }
      if (!all.tmpl) continue;
      try {
        testing::render_inline(source, R"({"x": 1})", o);
      } catch (const Error& limit) {  // limits end a render even in inline mode
        EXPECT_TRUE(known.count(limit.id())) << limit.id() << " for " << ::testing::PrintToString(source);
      }
    }
  }
}

}  // namespace
}  // namespace liquid
