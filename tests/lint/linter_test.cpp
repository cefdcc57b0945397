// The linter over files: the seed's original recipes (fixtures/) reported at their exact lines
// and columns, inputs found in directories, body files linted once, input errors.
#include "lint/linter.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "lint_test_util.hpp"

namespace {

namespace fs = std::filesystem;

struct Cwd {
  fs::path saved = fs::current_path();
  explicit Cwd(const fs::path& p) { fs::current_path(p); }
  ~Cwd() { fs::current_path(saved); }
};

lint::Result lint_fixtures() {
  Cwd cwd(LINT_FIXTURES_DIR);
  auto config = lint::load_config(".liquid-lint.json");
  config.fixtures = lint::load_fixtures(config.fixture_files, config.max_fixture_records);
  lint::Linter linter(lint::Registry::builtin(), std::move(config));
  return linter.lint_paths({"."});
}

bool has(const lint::Result& r, const std::string& file, const std::string& rule, std::uint32_t line,
         std::uint32_t column) {
  for (const auto& f : r.findings)
    if (f.file == file && f.rule == rule && f.line == line && f.column == column) return true;
  return false;
}

TEST(Linter, SeedMistakesAtTheirExactPositions) {
  const auto r = lint_fixtures();
  EXPECT_TRUE(r.input_errors.empty());
  // Zendesk: the stray quotes in {{customer.firstName"}} {{customer.lastName"}}.
  EXPECT_TRUE(has(r, "zendesk_ticket.liquid", "liquid-syntax", 5, 52));
  EXPECT_TRUE(has(r, "zendesk_ticket.liquid", "liquid-syntax", 5, 75));
  // Help Scout: "id": MAILBOX-ID.
  EXPECT_TRUE(has(r, "helpscout_conversation.liquid", "json-skeleton-invalid", 10, 15));
  // Twilio: escape is HTML escaping; the phone number's '+' reaches the body; pairs on lines.
  EXPECT_TRUE(has(r, "twilio_whatsapp.liquid", "form-unencoded-interpolation", 2, 33));
  EXPECT_TRUE(has(r, "twilio_whatsapp.liquid", "form-literal-plus", 2, 16));
  EXPECT_TRUE(has(r, "twilio_whatsapp.liquid", "form-literal-newline", 1, 37));
  // The whole-customer dump.
  EXPECT_TRUE(has(r, "customer_dump.liquid", "ruby-hash-dump", 3, 19));
  // Trello: prose in an output, placeholders in the URL.
  EXPECT_TRUE(has(r, "trello_card.liquid", "liquid-syntax", 3, 21));
  EXPECT_TRUE(has(r, "trello_card.json", "placeholder-text", 4, 46));
}

TEST(Linter, BodyFilesAreLintedOnceAsBodies) {
  const auto r = lint_fixtures();
  // twilio_whatsapp.liquid is the body of twilio_whatsapp.json: a form body, not a bare template.
  std::size_t form_findings = 0;
  for (const auto& f : r.findings)
    if (f.file == "twilio_whatsapp.liquid" && f.rule == "form-unencoded-interpolation") ++form_findings;
  EXPECT_EQ(form_findings, 1u);
  // 3 bare templates; 6 definitions with a URL and a body each, and the Twilio headers.
  EXPECT_EQ(r.templates, 3u + 6u * 2u + 2u);
}

TEST(Linter, InputErrors) {
  lint::Linter linter(lint::Registry::builtin(), {});
  auto r = linter.lint_paths({"/nonexistent/dir/x.liquid"});
  ASSERT_EQ(r.input_errors.size(), 1u);
  EXPECT_NE(r.input_errors[0].find("no such file"), std::string::npos);

  const fs::path dir = fs::temp_directory_path() / ("lint_in_" + std::to_string(::getpid()));
  fs::create_directories(dir / ".hidden");
  std::ofstream(dir / "data.json") << R"({"customer": {}})";
  std::ofstream(dir / "broken.json") << R"({"url": )";
  std::ofstream(dir / ".hidden" / "x.liquid") << "{% if %}";
  std::ofstream(dir / "ok.liquid") << "{{ a }}";
  auto walked = linter.lint_paths({dir.string()});
  EXPECT_TRUE(walked.input_errors.empty());
  // data.json is not a definition and is skipped; broken.json is reported; .hidden is not read.
  ASSERT_EQ(walked.findings.size(), 1u);
  EXPECT_EQ(walked.findings[0].rule, "request-definition");
  auto named = linter.lint_paths({(dir / "data.json").string()});
  EXPECT_EQ(named.input_errors.size(), 1u);
  fs::remove_all(dir);
}

TEST(Linter, ApplyFixes) {
  const fs::path dir = fs::temp_directory_path() / ("lint_fix_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "t.json")
      << R"({"url": "https://x.example", "headers": {"Content-Type": "application/json"},)"
      << "\n \"body\": \"{\\\"email\\\": \\\"{{ customer.email }}\\\"}\"}";
  std::ofstream(dir / "f.liquid") << "a={{ x | escape }}";
  lint::Config config;
  config.content_types = {{"*.liquid", "application/x-www-form-urlencoded"}};
  config.base_dir = dir;
  lint::Linter linter(lint::Registry::builtin(), config);
  auto r = linter.lint_paths({dir.string()});
  std::vector<std::string> errors;
  auto fixed = lint::apply_fixes(r.findings, errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(fixed.size(), 2u);
  std::ifstream f(dir / "f.liquid");
  std::string form((std::istreambuf_iterator<char>(f)), {});
  EXPECT_EQ(form, "a={{ x | url_encode }}");
  std::ifstream j(dir / "t.json");
  std::string def((std::istreambuf_iterator<char>(j)), {});
  EXPECT_NE(def.find(R"("body": "{\"email\": {{ customer.email | json }}}")"), std::string::npos) << def;
  auto again = linter.lint_paths({dir.string()});
  for (const auto& finding : again.findings)
    EXPECT_NE(finding.rule, "json-unescaped-interpolation") << finding.message;
  fs::remove_all(dir);
}

}  // namespace
