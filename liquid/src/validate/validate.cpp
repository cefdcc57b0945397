// Content-Type dispatch, reports, and the helpers every validator shares.
#include "liquid/validate.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>

#include "validate/internal.hpp"

namespace liquid::validate {

namespace {

bool is_http_whitespace(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_http_whitespace(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_http_whitespace(s.back())) s.remove_suffix(1);
  return s;
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != lower[i]) return false;
  }
  return true;
}

// "type/subtype+suffix": a structured syntax suffix (RFC 6839) on a real type/subtype.
bool has_suffix(std::string_view media_type, std::string_view lower_suffix) {
  std::size_t slash = media_type.find('/');
  if (slash == std::string_view::npos || slash == 0) return false;
  std::string_view subtype = media_type.substr(slash + 1);
  return subtype.size() > lower_suffix.size() &&
         iequals(subtype.substr(subtype.size() - lower_suffix.size()), lower_suffix);
}

std::uint32_t clamp32(std::size_t n) {
  return static_cast<std::uint32_t>(
      std::min<std::size_t>(n, std::numeric_limits<std::uint32_t>::max()));
}

}  // namespace

std::string_view body_type_name(BodyType type) {
  switch (type) {
    case BodyType::json:
      return "json";
    case BodyType::form:
      return "form";
    case BodyType::xml:
      return "xml";
    case BodyType::text:
      return "text";
    case BodyType::unknown:
      break;
  }
  return "unknown";
}

BodyType classify(std::string_view content_type) {
  std::string_view media_type = trim(content_type.substr(0, content_type.find(';')));
  if (iequals(media_type, "application/json") || has_suffix(media_type, "+json")) {
    return BodyType::json;
  }
  // The bare spelling is what the Customer.io spec shows, so users type it.
  if (iequals(media_type, "application/x-www-form-urlencoded") ||
      iequals(media_type, "x-www-form-urlencoded")) {
    return BodyType::form;
  }
  if (iequals(media_type, "text/xml") || iequals(media_type, "application/xml") ||
      has_suffix(media_type, "+xml")) {
    return BodyType::xml;
  }
  if (iequals(media_type, "text/plain")) return BodyType::text;
  return BodyType::unknown;
}

bool Report::ok() const {
  return std::none_of(issues.begin(), issues.end(),
                      [](const Issue& issue) { return issue.severity == Severity::error; });
}

Report validate(std::string_view body, std::string_view content_type, const Options& options) {
  return validate(body, classify(content_type), options);
}

Report validate(std::string_view body, BodyType type, const Options& options) {
  Report report;
  report.type = type;
  detail::IssueSink sink(options.max_issues);
  switch (type) {
    case BodyType::json:
      detail::validate_json(body, options, sink);
      break;
    case BodyType::form:
      detail::validate_form(body, sink);
      break;
    case BodyType::xml:
      detail::validate_xml(body, sink);
      break;
    case BodyType::text:
      detail::validate_text(body, sink);
      break;
    case BodyType::unknown:
      return report;
  }
  report.validated = true;
  report.issues = std::move(sink).finish(body);
  return report;
}

namespace detail {

std::vector<Issue> IssueSink::finish(std::string_view body) && {
  if (omitted_ > 0) {
    // Placed after the last kept issue, so it sorts last.
    std::size_t offset = 0;
    for (const Issue& issue : issues_) offset = std::max(offset, issue.offset);
    Issue note;
    note.id = ids::issues_omitted;
    note.severity = omitted_error_ ? Severity::error : Severity::warning;
    note.offset = offset;
    note.message = std::to_string(omitted_) + " more issue" + (omitted_ == 1 ? "" : "s") +
                   " not listed" + (omitted_error_ ? " (some are errors)" : "");
    issues_.push_back(std::move(note));
  }
  std::stable_sort(issues_.begin(), issues_.end(),
                   [](const Issue& a, const Issue& b) { return a.offset < b.offset; });
  std::vector<std::size_t> offsets;
  offsets.reserve(issues_.size());
  for (const Issue& issue : issues_) offsets.push_back(issue.offset);
  std::vector<LineColumn> positions = locate_sorted(body, offsets);
  for (std::size_t k = 0; k < issues_.size(); ++k) {
    issues_[k].line = positions[k].line;
    issues_[k].column = positions[k].column;
  }
  return std::move(issues_);
}

std::vector<LineColumn> locate_sorted(std::string_view body,
                                      const std::vector<std::size_t>& offsets) {
  std::vector<LineColumn> positions;
  positions.reserve(offsets.size());
  std::size_t line = 1;
  std::size_t line_start = 0;
  std::size_t scanned = 0;
  for (std::size_t offset : offsets) {
    std::size_t target = std::min(offset, body.size());
    while (scanned < target) {
      const void* found = std::memchr(body.data() + scanned, '\n', target - scanned);
      if (found == nullptr) {
        scanned = target;
        break;
      }
      std::size_t newline = static_cast<std::size_t>(static_cast<const char*>(found) - body.data());
      ++line;
      line_start = newline + 1;
      scanned = newline + 1;
    }
    positions.push_back({clamp32(line), clamp32(offset - line_start + 1)});
  }
  return positions;
}

std::string describe_position(std::string_view body, std::size_t offset) {
  LineColumn position = locate_sorted(body, {offset}).front();
  return "line " + std::to_string(position.line) + ", column " + std::to_string(position.column);
}

std::string describe_byte(std::string_view s, std::size_t i) {
  if (i >= s.size()) return "end of input";
  auto c = static_cast<unsigned char>(s[i]);
  char buffer[48];
  switch (c) {
    case ' ':
      return "a space";
    case '\t':
      return "a tab";
    case '\n':
      return "a line feed (LF)";
    case '\r':
      return "a carriage return (CR)";
    case '\0':
      return "a NUL byte";
    case '\'':
      return "\"'\"";
    default:
      break;
  }
  if (c < 0x20 || c == 0x7F) {
    std::snprintf(buffer, sizeof buffer, "control character U+%04X", c);
  } else if (c >= 0x80) {
    std::snprintf(buffer, sizeof buffer, "byte 0x%02X", c);
  } else {
    std::snprintf(buffer, sizeof buffer, "'%c'", c);
  }
  return buffer;
}

std::string quote_excerpt(std::string_view text, std::size_t max) {
  std::string out;
  std::string_view shown = text.substr(0, max);
  for (char ch : shown) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c < 0x7F) {
      out += ch;
    } else {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
      out += buffer;
    }
  }
  if (shown.size() < text.size()) out += "...";
  return out;
}

}  // namespace detail
}  // namespace liquid::validate
