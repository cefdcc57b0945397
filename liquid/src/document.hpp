// A parsed template (internal): immutable once built, shared by every render.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "liquid/environment.hpp"
#include "liquid/error.hpp"
#include "liquid/tag.hpp"
#include "liquid/template.hpp"

namespace liquid {

struct Template::Document {
  std::string source;
  std::string name;
  ErrorMode mode = ErrorMode::lax;
  std::size_t max_depth = 100;
  std::shared_ptr<const Environment> env;
  std::vector<std::uint32_t> line_starts;  // offsets where each line begins, for positions
  BlockBody root;

  void index_lines() {
    line_starts.clear();
    line_starts.push_back(0);
    for (std::size_t i = 0; i < source.size(); ++i)
      if (source[i] == '\n') line_starts.push_back(static_cast<std::uint32_t>(i + 1));
  }

  SourcePosition locate(std::size_t offset) const {
    SourcePosition p;
    p.name = name;
    p.offset = std::min(offset, source.size());
    auto it = std::upper_bound(line_starts.begin(), line_starts.end(), p.offset);
    std::size_t line_index = static_cast<std::size_t>(it - line_starts.begin()) - 1;
    std::size_t start = line_starts[line_index];
    std::size_t end = line_index + 1 < line_starts.size() ? line_starts[line_index + 1] - 1 : source.size();
    std::string_view text(source.data() + start, end - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    p.line = static_cast<std::uint32_t>(line_index + 1);
    p.column = static_cast<std::uint32_t>(p.offset - start + 1);
    p.source_line = std::string(text);
    return p;
  }

  Diagnostic diagnostic(std::string_view id, std::string message, std::size_t offset,
                        Severity severity = Severity::error) const {
    Diagnostic d;
    d.id = std::string(id);
    d.severity = severity;
    d.message = std::move(message);
    d.where = locate(offset);
    return d;
  }
};

// Errors that abort a render whatever the error mode (Ruby re-raises MemoryError the same way).
class LimitError : public RenderError {
 public:
  using RenderError::RenderError;
};

}  // namespace liquid
