// Internal pieces of the linter shared by its sources and rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/model.hpp"
#include "lint/rule.hpp"

namespace lint::detail {

// ---- JSON text with positions --------------------------------------------------------------

// A value of a JSON document (keys too), with where it is: what Boost.JSON does not tell.
struct JsonSite {
  std::vector<std::string> path;  // keys and array indexes from the root
  std::size_t begin = 0;          // offset of the value (the opening quote of a string)
  bool is_key = false;            // this is the key of the member at `path`
  bool is_string = false;
  std::string text;                 // the decoded string
  std::vector<std::uint32_t> map;   // decoded offset -> file offset (text.size() + 1 entries)
};

// Every value and key of `text`, which must be valid JSON (check it first). Stops early,
// returning what it found, on malformed input.
std::vector<JsonSite> scan_json(std::string_view text);
// "headers.X-Key" -> the site of that member's value (or its key when `key`), or nullptr.
const JsonSite* find_site(const std::vector<JsonSite>& sites, std::string_view dotted_path,
                          bool key = false);

// ---- request definitions -------------------------------------------------------------------

struct LoadedDefinition {
  Definition definition;
  std::vector<TemplateUnit> units;   // url, headers, body, response templates
  std::optional<std::filesystem::path> body_file;  // as resolved (for de-duplication)
};

// `text` is the JSON of the file `display`. nullopt when it is JSON but not a request
// definition (an object with a "url"); invalid JSON gives a definition with a problem and no
// templates.
std::optional<LoadedDefinition> load_definition(const std::string& display, std::string text);

// ---- inline control comments ---------------------------------------------------------------

class Suppressions {
 public:
  explicit Suppressions(std::string_view source);
  bool suppressed(std::string_view rule, std::size_t offset) const;
  bool empty() const { return ranges_.empty(); }

 private:
  struct Range {
    std::string rule;  // "" for every rule
    std::size_t begin = 0, end = 0;
  };
  std::vector<Range> ranges_;
};

// ---- syntax --------------------------------------------------------------------------------

// A strict-mode syntax error that the lax parse accepted: does lax mode read the text where
// strict mode stopped (a construct that only lax hosts accept), or skip it silently?
bool lax_reads_offset(const liquid::Template& lax, std::size_t offset);

// ---- what an output can print ------------------------------------------------------------

// Its text cannot contain a quote, backslash or control character (numbers, hex digests,
// url_encode, base64...): safe inside a JSON string as is.
bool prints_json_string_safe(const OutputSite& site);
// Safe inside a form value as is (url_encode, numbers, hex digests).
bool prints_form_safe(const OutputSite& site);
// Cannot contain CR or LF.
bool prints_without_line_breaks(const OutputSite& site);
// `{{ customer.email }}` as written (markup trimmed), for messages.
std::string output_text(std::string_view source, const OutputSite& site);

// ---- fixture renders -----------------------------------------------------------------------

// The template offset that produced output byte `out_offset` of a render (0 if unknown); for an
// output, the start of its `{{` (as the static rules report it).
std::size_t template_offset(const FixtureRender& render, std::size_t out_offset,
                            const Analysis* analysis);
// "(fixture customers.jsonl:2, output 3:14)"
std::string fixture_detail(const FixtureRender& render, const liquid::validate::Issue* issue);

struct RenderedIssue {
  liquid::validate::Issue issue;
  std::size_t template_offset = 0;
  const FixtureRender* render = nullptr;
};
// The validation issues of every benign fixture render of a body, mapped to template offsets,
// each (issue id, template offset) once.
std::vector<RenderedIssue> rendered_issues(TemplateContext& ctx);
// The check of the rendered-<type>-invalid rules: when the unit's body is of `type`, report
// each validator issue of the fixture renders at its template position (form-literal-plus
// issues are that rule's own), the validator's id appended when it is not `rule_id`.
void report_rendered_issues(TemplateContext& ctx, liquid::validate::BodyType type,
                            std::string_view rule_id);

// ---- text ----------------------------------------------------------------------------------

bool is_word_char(char c);
// The source text of the `{{ ... }}` or tag that starts at `begin`.
std::string_view markup_at(std::string_view source, std::size_t begin);

}  // namespace lint::detail
