// libFuzzer target: the lexer and parser in one error mode (LIQUID_FUZZ_MODE: lax, strict or
// strict2; one executable per mode). Input: the template source, any bytes.
//
// Checks beyond "no crash": parse and parse_all agree on whether the template is valid, every
// diagnostic has an id and a position inside the source, and formatting it works.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "liquid/environment.hpp"
#include "liquid/error.hpp"
#include "liquid/template.hpp"

#ifndef LIQUID_FUZZ_MODE
#error "define LIQUID_FUZZ_MODE (lax, strict or strict2)"
#endif

namespace {

void check_diagnostic(const liquid::Diagnostic& d, std::size_t source_size) {
  if (d.id.empty() || d.message.empty()) std::abort();
  if (d.has_position && (d.where.offset > source_size || d.where.line == 0 || d.where.column == 0))
    std::abort();
  (void)d.format(true);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto env = liquid::Environment::webhook();
  const std::string source(reinterpret_cast<const char*>(data), size);
  liquid::ParseOptions options;
  options.mode = liquid::ErrorMode::LIQUID_FUZZ_MODE;
  options.name = "fuzz.liquid";

  bool parsed = false;
  try {
    (void)liquid::Template::parse(source, options, env);
    parsed = true;
  } catch (const liquid::SyntaxError& e) {
    check_diagnostic(e.diagnostic(), size);
  }

  const auto all = liquid::Template::parse_all(source, options, env);
  bool has_error = false;
  for (const auto& d : all.diagnostics) {
    check_diagnostic(d, size);
    if (d.severity == liquid::Severity::error) has_error = true;
  }
  // parse throws exactly when parse_all finds an error.
  if (parsed == has_error || parsed != all.tmpl.has_value()) std::abort();
  return 0;
}
