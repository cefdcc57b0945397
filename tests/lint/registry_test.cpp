#include <gtest/gtest.h>

#include "lint_test_util.hpp"

namespace {

TEST(Registry, BuiltinRulesHaveIdsDocsAndChecks) {
  auto r = lint::Registry::builtin();
  EXPECT_GE(r.rules().size(), 27u);
  for (const auto& rule : r.rules()) {
    EXPECT_FALSE(rule.doc.empty()) << rule.id;
    EXPECT_TRUE(rule.check_template || rule.check_definition) << rule.id;
  }
  for (const char* id : {"liquid-syntax", "lax-only-construct", "unknown-filter", "unknown-tag",
                         "filter-arity", "undefined-variable", "unused-assign", "json-skeleton-invalid",
                         "placeholder-text", "json-unescaped-interpolation", "ruby-hash-dump",
                         "form-unencoded-interpolation", "form-literal-plus", "content-type-mismatch",
                         "double-encoding", "header-injection", "credentials-in-template",
                         "rendered-json-invalid", "rendered-form-invalid", "rendered-xml-invalid",
                         "nil-in-output", "injection", "resource-limit"})
    EXPECT_NE(r.find(id), nullptr) << id;
}

TEST(Registry, UserRulesRegisterTheSameWay) {
  auto r = lint::Registry::builtin();
  r.add({.id = "no-bcc", .severity = lint::Severity::warning, .doc = "no Bcc",
         .check_template = [](lint::TemplateContext& ctx) {
           const auto pos = ctx.unit().source.find("Bcc");
           if (pos != std::string::npos) ctx.report(pos, "Bcc found");
         }});
  EXPECT_THROW(r.add({.id = "no-bcc", .doc = "x", .check_template = [](lint::TemplateContext&) {}}),
               std::invalid_argument);
  EXPECT_THROW(r.add({.id = "no-check", .doc = "x"}), std::invalid_argument);
  lint::Linter linter(std::move(r), {});
  auto result = linter.lint_template("t.liquid", "a\nBcc: x");
  ASSERT_EQ(lint_test::at(result, "no-bcc"), lint_test::Positions{"2:1"});
}

TEST(Registry, UnknownRuleInTheConfig) {
  lint::Config c;
  c.rules["placeholder-txt"] = {};
  try {
    lint::Linter linter(lint::Registry::builtin(), c);
    ADD_FAILURE();
  } catch (const lint::ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean 'placeholder-text'"), std::string::npos) << e.what();
  }
}

TEST(DidYouMean, CaseAndSeparatorsFirst) {
  EXPECT_EQ(lint::did_you_mean("firstName", {"first_name", "last_name", "firstname2"}),
            std::vector<std::string>{"first_name"});
  EXPECT_EQ(lint::did_you_mean("upcsae", {"upcase", "downcase", "capitalize"}),
            std::vector<std::string>{"upcase"});
  EXPECT_TRUE(lint::did_you_mean("zzz", {"upcase"}).empty());
  EXPECT_EQ(lint::suggestion_text({"a", "b", "c"}), " (did you mean 'a', 'b' or 'c'?)");
}

TEST(Registry, RuleSeverityFromTheConfig) {
  lint::Config c;
  c.rules["unused-assign"] = {true, lint::Severity::error};
  auto r = lint_test::lint_text("{% assign x = 1 %}", "", c);
  ASSERT_EQ(lint_test::of(r, "unused-assign").size(), 1u);
  EXPECT_EQ(lint_test::of(r, "unused-assign")[0].severity, lint::Severity::error);
  c.rules["unused-assign"] = {false, std::nullopt};
  EXPECT_TRUE(lint_test::of(lint_test::lint_text("{% assign x = 1 %}", "", c), "unused-assign").empty());
}

}  // namespace
