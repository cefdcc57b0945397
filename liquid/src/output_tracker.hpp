// Watches what a render writes to its top-level output (internal): contextual escaping of
// `{{ }}` values (EscapeMode) and the origin map. Exists only when one of them is asked for.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "liquid/ast.hpp"
#include "liquid/origin.hpp"
#include "liquid/template.hpp"
#include "liquid/value.hpp"

namespace liquid {

class Environment;

// Just enough of a JSON lexer to know whether the next byte lands inside a string literal.
class JsonContext {
 public:
  void feed(std::string_view text);
  bool in_string() const { return state_ != State::outside; }

 private:
  enum class State : unsigned char { outside, in_string, escape };
  State state_ = State::outside;
};

class OutputTracker {
 public:
  OutputTracker(EscapeMode mode, OriginMap* origins, const std::string& top, const Environment& env)
      : mode_(mode), origins_(origins), top_(&top), env_(env) {}

  bool is_top(const std::string& out) const { return &out == top_; }
  bool records_origins() const { return origins_ != nullptr; }
  void write_text(std::string& out, std::string_view text);
  void write_output(std::string& out, const Value& v, const ast::FilteredExpr* e);
  void record(const OriginSpan& span) { origins_->add(span); }

 private:
  void catch_up(const std::string& out);  // bytes tags appended directly since the last write

  EscapeMode mode_;
  OriginMap* origins_;
  const std::string* top_;
  const Environment& env_;
  JsonContext json_;
  std::size_t scanned_ = 0;
};

}  // namespace liquid
