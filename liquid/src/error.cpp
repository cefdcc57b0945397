#include "liquid/error.hpp"

#include <algorithm>

namespace liquid {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

SourcePosition SourcePosition::locate(std::string_view name, std::string_view source,
                                      std::size_t offset) {
  SourcePosition p;
  p.name = std::string(name);
  p.offset = std::min(offset, source.size());
  std::size_t line_start = 0;
  std::uint32_t line = 1;
  for (std::size_t i = 0; i < p.offset; ++i) {
    if (source[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  std::size_t line_end = source.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = source.size();
  std::string_view text = source.substr(line_start, line_end - line_start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  p.line = line;
  p.column = static_cast<std::uint32_t>(p.offset - line_start + 1);
  p.source_line = std::string(text);
  return p;
}

std::string Diagnostic::format(bool with_source) const {
  std::string s = where.name.empty() ? "<template>" : where.name;
  if (has_position) {
    s += ':' + std::to_string(where.line) + ':' + std::to_string(where.column);
  }
  s += ": ";
  s += severity_name(severity);
  s += ": ";
  s += message;
  s += " [" + id + "]";
  if (!detail.empty()) s += " " + detail;
  if (with_source && has_position) {
    // The caret line keeps tabs so that it lines up under the source in a terminal.
    s += "\n  " + where.source_line + "\n  ";
    std::size_t col = where.column > 0 ? where.column - 1 : 0;
    for (std::size_t i = 0; i < col && i < where.source_line.size(); ++i)
      s += where.source_line[i] == '\t' ? '\t' : ' ';
    s += '^';
  }
  return s;
}

Error::Error(Diagnostic d) : std::runtime_error(d.format(false)), diag_(std::move(d)) {}

std::string Error::ruby_message() const {
  std::string s = "Liquid error";
  if (diag_.has_position && diag_.where.line > 0) s += " (line " + std::to_string(diag_.where.line) + ")";
  return s + ": " + diag_.message;
}

std::string SyntaxError::ruby_message() const {
  std::string s = "Liquid syntax error";
  const auto& d = diagnostic();
  if (d.has_position && d.where.line > 0) s += " (line " + std::to_string(d.where.line) + ")";
  return s + ": " + d.message;
}

}  // namespace liquid
