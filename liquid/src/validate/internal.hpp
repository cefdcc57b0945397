// Shared pieces of the body validators (internal to liquid::validate).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liquid/validate.hpp"

namespace liquid::validate::detail {

// Collects issues up to a limit; the rest are only counted. Line and column are computed once,
// for all issues together, by finish().
class IssueSink {
 public:
  explicit IssueSink(std::size_t max_issues) : max_issues_(max_issues) {}

  // `make_message` is called only when the issue is kept, so validators can report every bad byte
  // of a huge body without formatting millions of messages.
  template <class MakeMessage>
  void add(std::string_view id, Severity severity, std::size_t offset, MakeMessage&& make_message) {
    if (issues_.size() >= max_issues_) {
      ++omitted_;
      omitted_error_ = omitted_error_ || severity == Severity::error;
      return;
    }
    Issue issue;
    issue.id = id;
    issue.severity = severity;
    issue.offset = offset;
    issue.message = std::forward<MakeMessage>(make_message)();
    issues_.push_back(std::move(issue));
  }

  // Issues that were found but not kept (counted only), e.g. beyond a validator's own limit.
  void count_omitted(Severity severity, std::size_t count) {
    omitted_ += count;
    omitted_error_ = omitted_error_ || (count > 0 && severity == Severity::error);
  }

  // Issues sorted by offset (stable: same-offset issues keep their order), with line and column,
  // plus the `issues-omitted` issue if any were dropped.
  std::vector<Issue> finish(std::string_view body) &&;

 private:
  std::size_t max_issues_;
  std::vector<Issue> issues_;
  std::size_t omitted_ = 0;
  bool omitted_error_ = false;
};

struct LineColumn {
  std::uint32_t line, column;  // 1-based, column in bytes
};
// Line and column of each of `offsets` (sorted ascending) in one pass over `body`.
std::vector<LineColumn> locate_sorted(std::string_view body,
                                      const std::vector<std::size_t>& offsets);
// "line L, column C" of one offset (a pass over the body up to it: for rare messages only).
std::string describe_position(std::string_view body, std::size_t offset);

void validate_json(std::string_view body, const Options& options, IssueSink& sink);
void validate_form(std::string_view body, IssueSink& sink);
void validate_xml(std::string_view body, IssueSink& sink);
void validate_text(std::string_view body, IssueSink& sink);

// Why JSON that Boost.JSON rejected at `boost_offset` is invalid, found by re-reading the body up
// to there (only ever done once per invalid body, so it may be slow). `boost_message` is the
// fallback wording.
struct JsonError {
  std::size_t offset;
  std::string message;
};
JsonError explain_json_error(std::string_view body, std::size_t boost_offset,
                             std::string_view boost_message);

// Length of the valid UTF-8 sequence at s[i] (1 for ASCII), or 0 if it is not valid (overlong
// forms, surrogates, code points above U+10FFFF, truncated sequences).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);
// Length of the maximal invalid subpart at s[i] (Unicode's "maximal subpart" rule, as decoders
// replace it with one U+FFFD), for an s[i] where utf8_sequence_length is 0.
std::size_t utf8_invalid_length(std::string_view s, std::size_t i);

// How to name the byte at s[i] in a message: "'x'", "a space", "a line feed (LF)",
// "control character U+0001", "byte 0xE9", or "end of input" for i >= s.size().
std::string describe_byte(std::string_view s, std::size_t i);
// At most `max` bytes of `text` for a message: printable ASCII as is, other bytes as \xNN, "..."
// when cut.
std::string quote_excerpt(std::string_view text, std::size_t max = 40);

}  // namespace liquid::validate::detail
