// Parse a template once; render it many times, from many threads at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/error.hpp"
#include "liquid/value.hpp"

namespace liquid {

class Environment;
class PartialLoader;
class PartialCache;
class BlockBody;
class OriginMap;

// How forgiving the parser is (Shopify Liquid's error_mode).
//  lax:     Ruby's default; malformed markup is tolerated the way Ruby tolerates it.
//  strict:  every tag and output must parse with the strict grammar.
//  strict2: strict, plus the stricter rules of Shopify Liquid 5.13.
enum class ErrorMode : std::uint8_t { lax, strict, strict2 };

struct ParseOptions {
  ErrorMode mode = ErrorMode::lax;
  std::string name;               // used in diagnostics ("" renders as "<template>")
  std::size_t max_depth = 100;    // nesting of blocks; deeper is a nesting-too-deep error
};

// Resource limits of one render. Exceeding one is an error with its own id (errc::*_limit).
struct Limits {
  std::size_t max_output_bytes = std::size_t{64} << 20;
  std::uint64_t max_steps = 50'000'000;      // nodes rendered + loop iterations
  std::size_t max_depth = 100;               // nested blocks/partials at render time
  std::chrono::milliseconds max_time{0};     // wall clock; 0 = unlimited
};

// Output escaping applied to every `{{ }}` according to its context (see README).
enum class EscapeMode : std::uint8_t { none, json, form };

struct RenderOptions {
  bool strict_variables = false;   // an undefined variable is an error
  bool strict_filters = false;     // an unknown filter is an error
  // false: the first error is thrown (Ruby's render!). true: each error is written into the
  // output as "Liquid error (line N): message", collected, and rendering goes on (Ruby's render).
  bool inline_errors = false;
  const PartialLoader* partials = nullptr;  // for include/render; none means every partial is missing
  PartialCache* cache = nullptr;            // shared parsed partials; none means one per render
  std::string timezone = "UTC";             // default zone of the date filter
  std::optional<std::chrono::system_clock::time_point> now;  // "now" (default: the clock)
  Limits limits;
  EscapeMode escape = EscapeMode::none;
  OriginMap* origins = nullptr;  // when set, records which node produced each output byte range
};

struct RenderResult {
  std::string output;
  std::vector<Diagnostic> errors;  // with inline_errors: every error met; otherwise empty
};

struct ParseResult;

class Template {
 public:
  // Parse `source`; throws SyntaxError at the first error.
  static Template parse(std::string source, const ParseOptions& options = {},
                        std::shared_ptr<const Environment> env = nullptr);
  // Parse, recovering after each error: every syntax error of the template, and the template
  // itself if there was none.
  static ParseResult parse_all(std::string source, const ParseOptions& options = {},
                               std::shared_ptr<const Environment> env = nullptr);

  // Render with `globals` (a hash, or nil). Throws liquid::Error on the first error unless
  // options.inline_errors is set.
  std::string render(const Value& globals, const RenderOptions& options = {}) const;
  RenderResult render_collect(const Value& globals, const RenderOptions& options = {}) const;
  // Append to `out`; errors are added to `errors` (inline mode) or thrown.
  void render_to(std::string& out, const Value& globals, const RenderOptions& options,
                 std::vector<Diagnostic>* errors = nullptr) const;

  const std::string& name() const;
  const std::string& source() const;
  ErrorMode mode() const;
  const Environment& environment() const;
  const BlockBody& root() const;  // for tools that walk the parse tree

  struct Document;

 private:
  explicit Template(std::shared_ptr<const Document> doc) : doc_(std::move(doc)) {}
  std::shared_ptr<const Document> doc_;
  friend class Context;
  friend class Parser;
};

struct ParseResult {
  std::optional<Template> tmpl;
  std::vector<Diagnostic> diagnostics;
};

}  // namespace liquid
