// libFuzzer target: parse and render with data the fuzzer builds.
//
// Input layout (a structured split, so that seeds stay readable):
//   byte 0           options: bits 0-1 mode (lax, strict, strict2, lax), bit 2 strict_variables,
//                    bit 3 strict_filters, bit 4 inline_errors, bits 5-6 escape (none, json,
//                    form, none), bit 7 record an origin map and validate the output as JSON
//   up to first NUL  the data, JSON text; an object's "__partials__" member (name -> source)
//                    becomes the partials; data that does not parse is replaced by a fixed hash
//   after the NUL    the template (NULs after the first one belong to it)
// Without a NUL, everything after byte 0 is the template. The template itself is also the
// partial "self", so recursion is always one `{% include 'self' %}` away.
//
// Limits are tightened so that a slow input is a limit error rather than a libFuzzer timeout;
// anything but liquid::Error escaping a render is a finding.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

#include "liquid/environment.hpp"
#include "liquid/error.hpp"
#include "liquid/json.hpp"
#include "liquid/loader.hpp"
#include "liquid/origin.hpp"
#include "liquid/template.hpp"
#include "liquid/validate.hpp"

namespace {

// Stands in for data that does not parse: one value of every kind, under common names.
constexpr std::string_view kFallbackData = R"({
  "a": 1, "b": 2.5, "s": "Hello, World", "t": true, "f": false, "n": null, "e": "", "neg": -7,
  "big": 9223372036854775807, "arr": [3, 1, "two", null, [4, 5], {"k": "v"}],
  "words": ["b", "a", "c", "a"], "nums": [5, 3.5, -1, 0],
  "h": {"k": "v", "id": "1", "nested": {"deep": [1, {"x": "y"}]}},
  "products": [{"title": "Shoe", "price": 10, "tags": ["x"], "available": true},
               {"title": "Hat", "price": 5.5, "tags": [], "available": false}],
  "customer": {"first_name": "Ada", "email": "ada@example.com", "lifetime_value": 12.5},
  "date": "2024-03-01T12:34:56Z", "html": "<b>x & y</b>", "utf8": "héllo wörld ✓",
  "bad": "\u00ff"})";

liquid::ErrorMode mode_of(std::uint8_t flags) {
  switch (flags & 3u) {
    case 1:
      return liquid::ErrorMode::strict;
    case 2:
      return liquid::ErrorMode::strict2;
    default:
      return liquid::ErrorMode::lax;
  }
}

liquid::EscapeMode escape_of(std::uint8_t flags) {
  switch ((flags >> 5) & 3u) {
    case 1:
      return liquid::EscapeMode::json;
    case 2:
      return liquid::EscapeMode::form;
    default:
      return liquid::EscapeMode::none;
  }
}

liquid::Value parse_data(std::string_view text) {
  try {
    return liquid::parse_json(text);
  } catch (const std::invalid_argument&) {
    static const liquid::Value fallback = liquid::parse_json(kFallbackData);
    return fallback;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const auto env = liquid::Environment::webhook();
  const std::uint8_t flags = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t nul = rest.find('\0');
  const std::string_view data_text = nul == std::string_view::npos ? "" : rest.substr(0, nul);
  const std::string_view source = nul == std::string_view::npos ? rest : rest.substr(nul + 1);

  const liquid::Value globals = data_text.empty() ? liquid::Value() : parse_data(data_text);
  liquid::MemoryLoader loader;
  loader.add("self", std::string(source));
  if (globals.is_hash())
    if (const liquid::Value* partials = globals.as_hash().find("__partials__");
        partials && partials->is_hash())
      for (const auto& [name, partial] : partials->as_hash())
        if (partial.is_string()) loader.add(name, std::string(partial.as_string()));

  liquid::ParseOptions po;
  po.mode = mode_of(flags);
  po.name = "fuzz.liquid";
  std::optional<liquid::Template> tmpl;
  try {
    tmpl.emplace(liquid::Template::parse(std::string(source), po, env));
  } catch (const liquid::SyntaxError&) {
    return 0;
  }

  liquid::RenderOptions ro;
  ro.strict_variables = (flags & 4u) != 0;
  ro.strict_filters = (flags & 8u) != 0;
  ro.inline_errors = (flags & 16u) != 0;
  ro.escape = escape_of(flags);
  ro.partials = &loader;
  ro.now = std::chrono::system_clock::time_point(std::chrono::seconds(1700000000));
  ro.limits.max_output_bytes = std::size_t{1} << 20;
  ro.limits.max_steps = 200'000;
  ro.limits.max_time = std::chrono::milliseconds(3000);
  liquid::OriginMap origins;
  const bool with_origins = (flags & 128u) != 0;
  if (with_origins) ro.origins = &origins;

  std::string output;
  try {
    auto result = tmpl->render_collect(globals, ro);
    output = std::move(result.output);
    for (const auto& d : result.errors)
      if (d.id.empty()) std::abort();
  } catch (const liquid::Error& e) {
    if (e.id().empty()) std::abort();
    return 0;
  }
  // The limit is checked after each write, and no single write is larger than the limit.
  if (output.size() > 2 * ro.limits.max_output_bytes) std::abort();

  if (with_origins) {
    // The validation path of `liquid render --content-type`: every issue maps back through the
    // origin map to a template position.
    const auto type = ro.escape == liquid::EscapeMode::form ? "application/x-www-form-urlencoded"
                                                            : "application/json";
    auto report = liquid::validate::validate(output, type);
    liquid::validate::drop_intended(report, origins, ro.escape == liquid::EscapeMode::form);
    for (const auto& issue : report.issues)
      (void)liquid::validate::to_diagnostic(issue, &origins, output, "<output>").format();
    for (std::size_t i = 0; i < output.size(); i += 1 + output.size() / 16)
      (void)origins.locate(i);
  }
  return 0;
}
