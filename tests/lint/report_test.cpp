#include "lint/report.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace {

std::vector<lint::Finding> sample() {
  lint::Finding a;
  a.rule = "json-skeleton-invalid";
  a.severity = lint::Severity::error;
  a.message = "invalid JSON value 'MAILBOX-ID'";
  a.file = "dir/help scout.liquid";
  a.offset = 120;
  a.line = 10;
  a.column = 15;
  a.source_line = "        \"id\": MAILBOX-ID";
  lint::Finding b;
  b.rule = "form-unencoded-interpolation";
  b.severity = lint::Severity::warning;
  b.message = "a, b: 100%\nnext";
  b.file = "t.liquid";
  b.line = 2;
  b.column = 3;
  b.source_line = "\xC3\xA9\xC3\xA9x";
  b.detail = "(fixture r.jsonl:1)";
  b.fix = lint::Fix{"| escape -> | url_encode", {{5, 11, "url_encode"}}};
  return {a, b};
}

lint::Registry registry() {
  lint::Registry r;
  r.add({.id = "form-unencoded-interpolation", .severity = lint::Severity::warning, .doc = "form doc",
         .check_template = [](lint::TemplateContext&) {}});
  r.add({.id = "json-skeleton-invalid", .severity = lint::Severity::error, .doc = "json doc",
         .check_template = [](lint::TemplateContext&) {}});
  return r;
}

TEST(Report, Text) {
  EXPECT_EQ(lint::format_text(sample(), {}, false),
            "dir/help scout.liquid:10:15: error: invalid JSON value 'MAILBOX-ID' [json-skeleton-invalid]\n"
            "          \"id\": MAILBOX-ID\n"
            "                ^\n"
            "t.liquid:2:3: warning: a, b: 100%\nnext [form-unencoded-interpolation] (fixture r.jsonl:1)\n"
            "  \xC3\xA9\xC3\xA9x\n"
            "    ^\n"
            "  fix available (--fix): | escape -> | url_encode\n"
            "1 error, 1 warning\n");
  EXPECT_EQ(lint::format_text({}, {}, false), "");
  const std::string colored = lint::format_text(sample(), {}, true);
  EXPECT_NE(colored.find("\033[1;31merror:\033[0m"), std::string::npos);
  EXPECT_NE(colored.find("\033[1;35mwarning:\033[0m"), std::string::npos);
}

TEST(Report, Github) {
  EXPECT_EQ(lint::format_github(sample(), {{"t.liquid", 2, 3, "form-unencoded-interpolation", "fixed it"}}),
            "::notice file=t.liquid,line=2,col=3,title=form-unencoded-interpolation::fixed: fixed it\n"
            "::error file=dir/help scout.liquid,line=10,col=15,title=json-skeleton-invalid::invalid "
            "JSON value 'MAILBOX-ID'\n"
            "::warning file=t.liquid,line=2,col=3,title=form-unencoded-interpolation::a, b: 100%25%0Anext "
            "(fixture r.jsonl:1)\n");
}

TEST(Report, Json) {
  auto v = boost::json::parse(lint::format_json(sample(), {}));
  EXPECT_EQ(v.at("version"), 1);
  const auto& f = v.at("findings").as_array();
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].at("rule"), "json-skeleton-invalid");
  EXPECT_EQ(f[0].at("line"), 10);
  EXPECT_EQ(f[1].at("fix").at("edits").at(0).at("replacement"), "url_encode");
  EXPECT_EQ(v.at("summary").at("errors"), 1);
  EXPECT_EQ(v.at("summary").at("warnings"), 1);
}

TEST(Report, Sarif) {
  auto v = boost::json::parse(lint::format_sarif(sample(), registry(), "0.1.0"));
  EXPECT_EQ(v.at("version"), "2.1.0");
  const auto& run = v.at("runs").at(0);
  EXPECT_EQ(run.at("tool").at("driver").at("name"), "liquid-lint");
  EXPECT_EQ(run.at("tool").at("driver").at("rules").as_array().size(), 2u);
  EXPECT_EQ(run.at("columnKind"), "unicodeCodePoints");
  const auto& r0 = run.at("results").at(0);
  EXPECT_EQ(r0.at("ruleId"), "json-skeleton-invalid");
  EXPECT_EQ(r0.at("ruleIndex"), 1);
  EXPECT_EQ(r0.at("level"), "error");
  const auto& loc = r0.at("locations").at(0).at("physicalLocation");
  EXPECT_EQ(loc.at("artifactLocation").at("uri"), "dir/help%20scout.liquid");
  EXPECT_EQ(loc.at("artifactLocation").at("uriBaseId"), "%SRCROOT%");
  EXPECT_EQ(loc.at("region").at("startLine"), 10);
  // Byte column 3 after two 2-byte characters is code point column 2.
  EXPECT_EQ(run.at("results").at(1).at("locations").at(0).at("physicalLocation").at("region").at("startColumn"), 2);
}

TEST(Report, RuleList) {
  EXPECT_EQ(lint::format_rule_list(registry()),
            "form-unencoded-interpolation  warning  form doc\n"
            "json-skeleton-invalid         error    json doc\n");
}

}  // namespace
