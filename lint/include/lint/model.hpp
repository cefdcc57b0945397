// What rules look at: templates (bodies, URLs, headers, response mappings, bare files) and
// request definitions, parsed and analysed once, shared by every rule.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/ast.hpp"
#include "liquid/error.hpp"
#include "liquid/origin.hpp"
#include "liquid/tag.hpp"
#include "liquid/template.hpp"
#include "liquid/validate.hpp"

namespace lint {

struct Definition;

// Where a template is used.
enum class Role : std::uint8_t {
  body,      // a request definition's body or body_file
  url,       // a request definition's url
  header,    // a request definition's header value
  response,  // a request definition's response mapping
  file,      // a .liquid file no definition refers to
};
std::string_view role_name(Role role);

struct TemplateUnit {
  Role role = Role::file;
  std::string file;  // display path of the file that holds the template
  std::shared_ptr<const std::string> file_text;
  std::string field;        // "body", "url", "headers.Authorization"; "" for a .liquid file
  std::string header_name;  // for Role::header
  std::string source;       // the template
  // Template offset -> file offset (source.size() + 1 entries), for templates written inside a
  // JSON string; empty when the template is the whole file.
  std::vector<std::uint32_t> offset_map;
  std::string content_type;  // of the body it renders; "" when unknown
  liquid::validate::BodyType body_type = liquid::validate::BodyType::unknown;
  const Definition* definition = nullptr;

  std::size_t file_offset(std::size_t template_offset) const;
  bool is_body() const { return role == Role::body || role == Role::file; }
};

// A request definition (the webhook sender's JSON format), as the linter sees it.
struct Definition {
  std::string file;
  std::shared_ptr<const std::string> text;
  std::string method = "POST";
  std::string content_type = "application/json";  // the literal header, or the sender's default
  bool content_type_given = false;                 // a Content-Type header is written
  bool content_type_templated = false;             // ... and it contains Liquid
  std::size_t content_type_offset = 0;             // file offset of the header value (if given)
  std::optional<std::size_t> body_offset;          // file offset of the body / body_file value
  struct Header {
    std::string name;
    std::string value;  // the template source
    std::size_t name_offset = 0;
  };
  std::vector<Header> headers;
  // What the sender's own definition parser rejects (webhook::parse_definition), at the file
  // position of the offending field when it can be found.
  struct Problem {
    std::string id;
    std::string message;
    std::size_t offset = 0;
  };
  std::optional<Problem> problem;
};

// Both parses of a template: strict (every tag and output must follow the grammar) and lax (what
// a lax host such as the webhook sender accepts).
struct ParsedTemplate {
  std::optional<liquid::Template> strict;
  std::optional<liquid::Template> lax;
  std::vector<liquid::Diagnostic> strict_errors;
  std::vector<liquid::Diagnostic> lax_errors;
  // The tree rules walk: the strict parse, else the lax one, else none.
  const liquid::Template* tree() const {
    return strict ? &*strict : lax ? &*lax : nullptr;
  }
};

// Where a printed value lands in a JSON body.
enum class JsonSlot : std::uint8_t {
  unknown,    // never reached by the analysis (or not a JSON body)
  value,      // where a JSON value goes
  in_string,  // inside a string literal
  captured,   // inside a capture: printed later, through another output
};
// Where a printed value lands in a form body.
enum class FormSlot : std::uint8_t { unknown, name, value, captured };

// Something that prints: `{{ }}`, echo, cycle, increment/decrement, include/render.
struct OutputSite {
  enum class Kind : std::uint8_t { output, cycle, counter, partial };
  Kind kind = Kind::output;
  const liquid::Node* node = nullptr;
  const liquid::ast::FilteredExpr* expr = nullptr;  // for outputs and echo
  std::size_t begin = 0;                            // the `{{` / `{%`
  std::size_t end = 0;                              // after the `}}` / `%}`
  bool captured = false;
  bool conditional = false;  // inside an if, unless, case or loop: it may not run
  JsonSlot json = JsonSlot::unknown;
  std::size_t json_string_begin = std::string::npos;  // the opening quote, when it is literal text
  FormSlot form = FormSlot::unknown;

  // The last filter, or nullptr.
  const liquid::ast::FilterCall* last_filter() const;
  std::uint8_t last_filter_flags() const;
};

struct TextSite {
  std::size_t begin = 0;  // source offset of text[0]
  std::string_view text;
  bool captured = false;
};

struct VariableUse {
  const liquid::ast::Variable* variable = nullptr;
  std::size_t offset = 0;
};

struct FilterUse {
  const liquid::ast::FilterCall* call = nullptr;
  const liquid::ast::FilteredExpr* owner = nullptr;
};

struct Assignment {
  std::string name;
  std::size_t offset = 0;
  std::string tag;  // "assign" or "capture"
};

// A JSON skeleton: the body with every output replaced by a placeholder of its JSON context,
// for one way through the conditionals, and where each of its bytes came from.
struct Skeleton {
  std::string variant;  // "first branches", "last branches", "empty loops"
  std::string text;
  struct Span {
    std::size_t begin = 0, end = 0;  // in text
    std::size_t source = 0;          // template offset of text[begin]
    bool literal = true;             // false: a placeholder for an output at `source`
  };
  std::vector<Span> spans;
  std::size_t source_offset(std::size_t skeleton_offset) const;
};

// The tree walked once: every output, text, variable, filter and assignment, with the JSON and
// form context of each output.
class Analysis {
 public:
  Analysis(const liquid::Template& tmpl, liquid::validate::BodyType type);

  const liquid::Template& tmpl() const { return *tmpl_; }
  std::string_view source() const;
  const std::vector<OutputSite>& outputs() const { return outputs_; }
  const std::vector<TextSite>& texts() const { return texts_; }
  const std::vector<VariableUse>& variables() const { return variables_; }
  const std::vector<FilterUse>& filters() const { return filters_; }
  const std::vector<Assignment>& assignments() const { return assignments_; }
  // Names the template itself defines (assign, capture, loop variables, counters, forloop).
  const std::set<std::string, std::less<>>& defined_names() const { return defined_; }
  bool uses_partials() const { return uses_partials_; }
  // The JSON skeletons (one per way through the conditionals), when the body is JSON.
  const std::vector<Skeleton>& skeletons() const { return skeletons_; }

 private:
  friend class AnalysisBuilder;
  const liquid::Template* tmpl_;
  std::vector<OutputSite> outputs_;
  std::vector<TextSite> texts_;
  std::vector<VariableUse> variables_;
  std::vector<FilterUse> filters_;
  std::vector<Assignment> assignments_;
  std::set<std::string, std::less<>> defined_;
  bool uses_partials_ = false;
  std::vector<Skeleton> skeletons_;
};

// One render of a template with one fixture record.
struct FixtureRender {
  std::size_t record = 0;   // index into Config::fixtures
  std::string record_name;  // "customers.jsonl:2"
  bool hostile = false;     // every string of the record replaced by hostile text
  std::string output;
  liquid::OriginMap origins;
  std::optional<liquid::Diagnostic> error;  // the render stopped with this error
};

// The hostile text that replaces every string of a fixture record for the `injection` rule: it
// tries to end a JSON string, add a form field, close an XML element and add lines.
std::string_view hostile_suffix();
// The key / field / element name the hostile text tries to inject.
inline constexpr std::string_view kInjectedName = "liquid_lint_injected";

}  // namespace lint
