// A parsed template (internal): immutable once built, shared by every render.
#pragma once

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
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
  BlockBody root;

  // Offsets where each line begins. Built on the first diagnostic, not at parse time: most
  // templates never report one, and scanning the source was 8 % of parsing a W1 template.
  const std::vector<std::uint32_t>& line_starts() const {
    std::call_once(lines_indexed_, [this] {
      line_starts_.push_back(0);
      const char* begin = source.data();
      const char* end = begin + source.size();
      for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p))); ++p)
        line_starts_.push_back(static_cast<std::uint32_t>(p - begin + 1));
    });
    return line_starts_;
  }

  SourcePosition locate(std::size_t offset) const {
    const auto& line_starts = this->line_starts();
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

 private:
  mutable std::once_flag lines_indexed_;
  mutable std::vector<std::uint32_t> line_starts_;
};

// Errors that abort a render whatever the error mode (Ruby re-raises MemoryError the same way).
class LimitError : public RenderError {
 public:
  using RenderError::RenderError;
};

}  // namespace liquid
