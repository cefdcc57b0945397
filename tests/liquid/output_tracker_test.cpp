// Contextual escaping and the origin map (liquid/src/output_tracker.cpp).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "liquid/liquid.hpp"

namespace {

using liquid::EscapeMode;

std::string render(const std::string& source, const std::string& data_json, EscapeMode mode,
                   liquid::OriginMap* origins = nullptr) {
  auto t = liquid::Template::parse(source, {}, liquid::Environment::webhook());
  liquid::RenderOptions o;
  o.escape = mode;
  o.origins = origins;
  return t.render(liquid::parse_json(data_json), o);
}

// ---- escaping, one case per line ---------------------------------------------------------

struct EscapeCase {
  const char* name;
  EscapeMode mode;
  const char* source;
  const char* data;
  const char* expected;
};

const EscapeCase kEscapeCases[] = {
    {"json string: quote", EscapeMode::json, R"({"a": "{{ v }}"})", R"({"v": "x\"y"})", R"({"a": "x\"y"})"},
    {"json string: backslash", EscapeMode::json, R"({"a": "{{ v }}"})", R"({"v": "a\\b"})", R"({"a": "a\\b"})"},
    {"json string: newline", EscapeMode::json, R"({"a": "{{ v }}"})", R"({"v": "a\nb"})", R"({"a": "a\nb"})"},
    {"json string: control", EscapeMode::json, R"({"a": "{{ v }}"})", R"({"v": "\u0001"})", R"({"a": "\u0001"})"},
    {"json string: U+2028", EscapeMode::json, R"({"a": "{{ v }}"})", R"({"v": "\u2028"})", R"({"a": "\u2028"})"},
    {"json string: number prints as text", EscapeMode::json, R"({"a": "n{{ v }}"})", R"({"v": 5})", R"({"a": "n5"})"},
    {"json string: after an escaped quote", EscapeMode::json, R"({"a": "\"{{ v }}"})", R"({"v": "\""})", R"({"a": "\"\""})"},
    {"json value: string is quoted", EscapeMode::json, R"({"a": {{ v }}})", R"({"v": "x"})", R"({"a": "x"})"},
    {"json value: integer raw", EscapeMode::json, R"({"a": {{ v }}})", R"({"v": 42})", R"({"a": 42})"},
    {"json value: float raw", EscapeMode::json, R"({"a": {{ v }}})", R"({"v": 5.0})", R"({"a": 5.0})"},
    {"json value: boolean raw", EscapeMode::json, R"({"a": {{ v }}})", R"({"v": false})", R"({"a": false})"},
    {"json value: nil is null", EscapeMode::json, R"({"a": {{ v }}})", R"({})", R"({"a": null})"},
    {"json value: array", EscapeMode::json, R"({"a": {{ v }}})", R"({"v": [1, "b"]})", R"({"a": [1,"b"]})"},
    {"json value: hash", EscapeMode::json, R"({"a": {{ v }}})", R"({"v": {"k": null}})", R"({"a": {"k":null}})"},
    {"json: | json output is not encoded twice", EscapeMode::json, R"({"a": {{ v | json }}})", R"({"v": "x\"y"})", R"({"a": "x\"y"})"},
    {"json: | raw is left alone", EscapeMode::json, R"({"a": {{ v | raw }}})", R"({"v": "[1]"})", R"({"a": [1]})"},
    {"json: raw output moves the context", EscapeMode::json, R"({{ q | raw }}{{ v }}")", R"({"q": "\"", "v": "\""})", R"("\"")"},
    {"form: value encoded", EscapeMode::form, "a={{ v }}", R"({"v": "x y&z=1+%"})", "a=x+y%26z%3D1%2B%25"},
    {"form: url_encode not encoded twice", EscapeMode::form, "a={{ v | url_encode }}", R"({"v": "x y"})", "a=x+y"},
    {"form: raw left alone", EscapeMode::form, "a={{ v | raw }}", R"({"v": "x%20y"})", "a=x%20y"},
    {"form: literal text untouched", EscapeMode::form, "a=1&b={{ v }}", R"({"v": "&"})", "a=1&b=%26"},
    {"none: nothing changes", EscapeMode::none, R"({"a": "{{ v }}"})", R"({"v": "x\"y"})", R"({"a": "x"y"})"},
    {"captured text escaped where it is output", EscapeMode::json,
     R"({% capture c %}"{{ v }}"{% endcapture %}{"a": {{ c }}})", R"({"v": "q"})", R"({"a": "\"q\""})"},
    {"include text moves the context", EscapeMode::json, R"({"a": "{% if true %}x{% endif %}{{ v }}"})",
     R"({"v": "\""})", R"({"a": "x\""})"},
};

class Escape : public ::testing::TestWithParam<EscapeCase> {};

TEST_P(Escape, Renders) {
  const auto& c = GetParam();
  EXPECT_EQ(render(c.source, c.data, c.mode), c.expected) << c.name;
}

INSTANTIATE_TEST_SUITE_P(OutputTracker, Escape, ::testing::ValuesIn(kEscapeCases));

TEST(OutputTracker, FormEscapingNeedsUrlEncodeInTheEnvironment) {
  auto env = liquid::Environment::empty();
  auto standard = liquid::Environment::standard();
  for (auto* tag : standard->tags()) env->register_tag(*tag);
  auto t = liquid::Template::parse("a={{ v }}", {}, env);
  liquid::RenderOptions o;
  o.escape = EscapeMode::form;
  EXPECT_THROW(t.render(liquid::parse_json(R"({"v": "x"})"), o), std::exception);
}

// ---- hostile data against the seed's examples -------------------------------------------

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The shape of a JSON document: keys and value types, recursively (not the values).
std::string json_shape(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::object: {
      std::map<std::string, std::string> members;
      for (const auto& kv : v.get_object()) members[std::string(kv.key())] = json_shape(kv.value());
      std::string s = "{";
      for (const auto& [k, shape] : members) s += k + ":" + shape + ",";
      return s + "}";
    }
    case boost::json::kind::array: {
      std::string s = "[";
      for (const auto& e : v.get_array()) s += json_shape(e) + ",";
      return s + "]";
    }
    case boost::json::kind::string: return "s";
    case boost::json::kind::bool_: return "b";
    case boost::json::kind::null: return "n";
    default: return "#";
  }
}

// The shape of a form body: its field names in order.
std::string form_shape(const std::string& body) {
  std::string s;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t amp = body.find('&', start);
    std::string pair = body.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    s += pair.substr(0, pair.find('=')) + "|";
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return s;
}

// Returns the shape, or "" when the body does not parse.
std::string shape_of(const std::string& body, bool json) {
  if (!json) return form_shape(body);
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  return ec ? std::string() : json_shape(v);
}

std::string customer_data(const std::string& text) {
  // Every string field gets `text`; numbers, booleans and arrays keep their types.
  std::string t;
  liquid::append_json_string(t, text);
  return R"({"customer": {"id": 7, "email": )" + t + R"(, "company_name": )" + t + R"(, "firstName": )" + t +
         R"(, "lastName": )" + t + R"(, "first_name": )" + t + R"(, "last_name": )" + t + R"(, "name": )" + t +
         R"(, "address_1": )" + t + R"(, "address_2": )" + t + R"(, "city": )" + t + R"(, "State": )" + t +
         R"(, "zip": )" + t + R"(, "comment": )" + t + R"(, "NPS_rating": 3, "company": )" + t +
         R"(, "company_url": )" + t + R"(, "bio": )" + t + R"(, "source": )" + t + R"(, "address": )" + t +
         R"(, "phone": )" + t + R"(, "another_attribute": )" + t + R"(, "tags": [)" + t + R"(, "b"], "vip": true},)" +
         R"( "event": {"feedback": )" + t + R"(}, "trello": {"list_id": )" + t + R"(},)" +
         R"( "helpscout": {"mailbox_id": 85210}, "twilio": {"message": )" + t + R"(, "number": )" + t + "}}";
}

const char* const kHostile[] = {
    R"(", "admin": true, "x": ")",
    "back\\slash\\",
    "new\nline\r\n",
    "</x><y>",
    "&admin=1&",
    "100% + more",
    "emoji 😀 and ünïcode",
    "\xff\xfe invalid utf-8 \xc3",
    "\"\\\"\\\\",
    "\u2028\u2029",
};

class SeedExamples : public ::testing::Test {
 protected:
  std::vector<std::filesystem::path> templates() {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(LIQUID_TEST_DATA_DIR "/seed"))
      if (e.path().extension() == ".liquid") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST_F(SeedExamples, EscapingKeepsTheShapeWhateverTheData) {
  auto files = templates();
  ASSERT_GE(files.size(), 8u);
  for (const auto& file : files) {
    bool json = file.stem().extension() == ".json";
    EscapeMode mode = json ? EscapeMode::json : EscapeMode::form;
    std::string source = read(file);
    std::string benign = shape_of(render(source, customer_data("Ada"), mode), json);
    ASSERT_FALSE(benign.empty()) << file << " does not render valid output with benign data";
    for (const char* hostile : kHostile) {
      std::string body = render(source, customer_data(hostile), mode);
      EXPECT_EQ(shape_of(body, json), benign) << file << " with " << hostile << ":\n" << body;
    }
  }
}

TEST_F(SeedExamples, WithoutEscapingHostileDataBreaksThem) {
  // What escaping prevents: an injected key or a raw control character breaks every JSON body,
  // an injected `&name=` adds a form field.
  for (const auto& file : templates()) {
    bool json = file.stem().extension() == ".json";
    std::string source = read(file);
    std::string benign = shape_of(render(source, customer_data("Ada"), json ? EscapeMode::json : EscapeMode::form), json);
    std::vector<const char*> breaking = json ? std::vector<const char*>{R"(", "admin": true, "x": ")", "new\nline", "back\\slash\\"}
                                             : std::vector<const char*>{"&admin=1&"};
    for (const char* hostile : breaking) {
      std::string body = render(source, customer_data(hostile), EscapeMode::none);
      EXPECT_NE(shape_of(body, json), benign) << file << " with " << hostile << " unescaped:\n" << body;
    }
  }
}

// ---- origin map -----------------------------------------------------------------------------

TEST(OriginMap, MapsLiteralTextToTheExactSourceByte) {
  liquid::OriginMap origins;
  std::string out = render("ab\ncd{{ x }}ef", R"({"x": "XYZ"})", EscapeMode::none, &origins);
  ASSERT_EQ(out, "ab\ncdXYZef");
  auto at = origins.locate(4);  // 'd'
  ASSERT_TRUE(at);
  EXPECT_EQ(at->line, 2u);
  EXPECT_EQ(at->column, 2u);
  auto out_pos = origins.locate(6);  // 'Y' comes from the output: its markup
  ASSERT_TRUE(out_pos);
  EXPECT_EQ(out_pos->line, 2u);
  EXPECT_EQ(out_pos->column, 6u);  // the `x` of {{ x }}
  ASSERT_NE(origins.find(6), nullptr);
  EXPECT_EQ(origins.find(6)->kind, liquid::OriginSpan::Kind::output);
  auto tail = origins.locate(9);  // 'f'
  ASSERT_TRUE(tail);
  EXPECT_EQ(tail->column, 11u);
}

TEST(OriginMap, InnermostNodeInsideBlocks) {
  liquid::OriginMap origins;
  std::string out = render("{% if true %}\n  {% for i in (1..2) %}[{{ i }}]{% endfor %}{% endif %}", "{}",
                           EscapeMode::none, &origins);
  ASSERT_EQ(out, "\n  [1][2]");
  const auto* span = origins.find(out.find('2'));
  ASSERT_NE(span, nullptr);
  EXPECT_EQ(span->kind, liquid::OriginSpan::Kind::output);
  auto at = origins.locate(out.find('2'));
  EXPECT_EQ(at->line, 2u);
  EXPECT_EQ(at->column, 28u);
}

TEST(OriginMap, PartialsKeepTheirOwnSource) {
  liquid::MemoryLoader loader;
  loader.add("card", "x\n[{{ v }}]");
  auto t = liquid::Template::parse("A{% render 'card', v: 1 %}", {.name = "main.liquid"});
  liquid::OriginMap origins;
  liquid::RenderOptions o;
  o.partials = &loader;
  o.origins = &origins;
  std::string out = t.render(liquid::Value(), o);
  ASSERT_EQ(out, "Ax\n[1]");
  auto at = origins.locate(out.find('1'));
  ASSERT_TRUE(at);
  EXPECT_EQ(at->name, "card");
  EXPECT_EQ(at->line, 2u);
}

TEST(OriginMap, EndOfOutputMapsToTheLastNode) {
  liquid::OriginMap origins;
  std::string out = render("{\"a\": [1,", "{}", EscapeMode::none, &origins);
  auto at = origins.locate(out.size());
  ASSERT_TRUE(at);
  EXPECT_EQ(at->column, 10u);
}

TEST(OriginMap, NothingRecordedWithoutAMap) {
  liquid::OriginMap unused;
  render("a{{ 1 }}b", "{}", EscapeMode::json);
  EXPECT_TRUE(unused.spans().empty());
}

}  // namespace
