// Which template node produced each byte of a render's output.
//
// Pass an OriginMap in RenderOptions::origins; after the render, locate(offset) names the
// template position of any output byte: for literal text the exact source byte, for a `{{ }}`
// or a tag the position of its markup. Validation problems in a rendered body are reported at
// the template line that caused them this way. Nothing is recorded unless a map is given.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "liquid/ast.hpp"
#include "liquid/error.hpp"
#include "liquid/template.hpp"

namespace liquid {

struct OriginSpan {
  enum class Kind : unsigned char { text, output, tag };
  std::size_t out_begin = 0;  // [out_begin, out_end) in the output
  std::size_t out_end = 0;
  std::size_t source_offset = 0;  // where the node starts in its template
  Kind kind = Kind::text;
  const Template::Document* document = nullptr;  // the template (or partial) of the node
  const ast::FilteredExpr* expression = nullptr;  // for outputs: what was printed
};

class OriginMap {
 public:
  void clear();
  // The innermost span containing output byte `offset` (nullptr if none produced it).
  const OriginSpan* find(std::size_t offset) const;
  // The template position of output byte `offset`: exact for literal text, the node's start
  // otherwise.
  std::optional<SourcePosition> locate(std::size_t offset) const;
  const std::vector<OriginSpan>& spans() const { return spans_; }

  // Used by the renderer.
  void add(const OriginSpan& span) { spans_.push_back(span); }
  void keep_alive(std::shared_ptr<const void> owner);

 private:
  std::vector<OriginSpan> spans_;
  std::vector<std::shared_ptr<const void>> owners_;  // the documents spans point into
};

}  // namespace liquid
