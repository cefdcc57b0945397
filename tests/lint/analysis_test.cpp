#include <gtest/gtest.h>

#include "lint/model.hpp"
#include "liquid/environment.hpp"

namespace {

using liquid::validate::BodyType;

liquid::Template parse(const std::string& s) {
  return liquid::Template::parse(s, {.mode = liquid::ErrorMode::strict, .name = "t.liquid"},
                                 liquid::Environment::webhook());
}

TEST(Analysis, JsonSlotsOfOutputs) {
  auto t = parse("{\"a\": \"x{{ a }}\", \"b\": {{ b | json }}{% capture c %}{{ c }}{% endcapture %}}");
  lint::Analysis a(t, BodyType::json);
  ASSERT_EQ(a.outputs().size(), 3u);
  EXPECT_EQ(a.outputs()[0].json, lint::JsonSlot::in_string);
  EXPECT_EQ(a.outputs()[0].json_string_begin, 6u);
  EXPECT_EQ(a.outputs()[1].json, lint::JsonSlot::value);
  EXPECT_EQ(a.outputs()[2].json, lint::JsonSlot::captured);
  EXPECT_TRUE(a.outputs()[2].captured);
}

TEST(Analysis, SkeletonsOfTheBranches) {
  auto t = parse("{\"u\": {% if x %}{{ x | json }}{% else %}\"d\"{% endif %}}");
  lint::Analysis a(t, BodyType::json);
  ASSERT_EQ(a.skeletons().size(), 2u);
  EXPECT_EQ(a.skeletons()[0].text, "{\"u\": \"x\"}");
  EXPECT_EQ(a.skeletons()[1].text, "{\"u\": \"d\"}");
  // Skeleton offsets map back to the template: the placeholder to its output, text byte for byte.
  EXPECT_EQ(a.skeletons()[0].source_offset(7), t.source().find("{{"));
  EXPECT_EQ(a.skeletons()[1].source_offset(9), t.source().size() - 1);
}

TEST(Analysis, LoopsRunTwiceWithForloopKnown) {
  auto t = parse("[{% for i in xs %}{{ i }}{% if forloop.last == false %},{% endif %}{% endfor %}]");
  lint::Analysis a(t, BodyType::json);
  // The first and last branches agree once forloop.last is known: two distinct skeletons.
  ASSERT_EQ(a.skeletons().size(), 2u);
  EXPECT_EQ(a.skeletons()[0].text, "[\"x\",\"x\"]");
  EXPECT_EQ(a.skeletons()[1].text, "[]");
}

TEST(Analysis, FormSlots) {
  auto t = parse("{{ n }}=v&a={{ a }}&b={{ b }}");
  lint::Analysis a(t, BodyType::form);
  ASSERT_EQ(a.outputs().size(), 3u);
  EXPECT_EQ(a.outputs()[0].form, lint::FormSlot::name);
  EXPECT_EQ(a.outputs()[1].form, lint::FormSlot::value);
  EXPECT_EQ(a.outputs()[2].form, lint::FormSlot::value);
}

TEST(Analysis, SitesOfEveryKind) {
  auto t = parse(
      "{% assign x = a.b | upcase %}{% capture c %}t{% endcapture %}{% for i in list %}"
      "{% cycle 'a', 'b' %}{% increment n %}{% endfor %}{% raw %}{{ r }}{% endraw %}{% echo e %}");
  lint::Analysis a(t, BodyType::unknown);
  EXPECT_EQ(a.assignments().size(), 2u);
  EXPECT_TRUE(a.defined_names().contains("x"));
  EXPECT_TRUE(a.defined_names().contains("i"));
  EXPECT_TRUE(a.defined_names().contains("n"));
  EXPECT_EQ(a.filters().size(), 1u);
  ASSERT_EQ(a.outputs().size(), 3u);  // cycle, increment, echo
  EXPECT_EQ(a.outputs()[0].kind, lint::OutputSite::Kind::cycle);
  EXPECT_EQ(a.outputs()[1].kind, lint::OutputSite::Kind::counter);
  EXPECT_EQ(a.outputs()[2].kind, lint::OutputSite::Kind::output);
  bool raw_text = false;
  for (const auto& text : a.texts()) raw_text = raw_text || text.text == "{{ r }}";
  EXPECT_TRUE(raw_text);
}

}  // namespace
