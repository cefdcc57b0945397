// Filter family: string. Each filter does what Shopify Liquid 5.13's StandardFilters method of
// the same name does with Ruby's String methods. Lengths and offsets count characters (UTF-8
// code points, an invalid byte counting as one), as Ruby does. Where Ruby raises "invalid byte
// sequence" on invalid UTF-8 (case mapping, strip, split, the regexp-based filters), these
// filters keep such bytes as they are instead.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "filters/case_map.hpp"
#include "filters/coerce.hpp"
#include "filters/text.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"
#include "utf8.hpp"

namespace liquid::filters {

namespace {

constexpr auto npos = std::string_view::npos;

// Ruby's String#strip set: NUL and ASCII whitespace.
bool is_strip_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == '\0';
}

// Ruby's rb_isspace, used by split(" ") and by regexp \s: ASCII whitespace without NUL.
bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// An integer argument, through Liquid's Utils.to_integer.
std::int64_t integer_arg(const Value& v) {
  Value scratch;
  return to_integer(unwrap(v, scratch));
}

Value string_or_input(const Value& input, std::optional<std::string> changed,
                      std::string&& storage) {
  if (changed) return Value(std::move(*changed));
  return unchanged_text(input, std::move(storage));
}

// --- concatenation ------------------------------------------------------------------------------

Value append(const FilterCall& call) {
  std::string input_storage, arg_storage;
  std::string_view input = text_of(call.input, input_storage);
  std::string_view suffix = text_of(call.arg(0), arg_storage);
  if (suffix.empty()) return unchanged_text(call.input, std::move(input_storage));
  if (input.empty()) return unchanged_text(call.arg(0), std::move(arg_storage));
  if (!call.input.is_string()) {
    input_storage.append(suffix);
    return Value(std::move(input_storage));
  }
  std::string out;
  out.reserve(input.size() + suffix.size());
  out.append(input).append(suffix);
  return Value(std::move(out));
}

Value prepend(const FilterCall& call) {
  std::string input_storage, arg_storage;
  std::string_view input = text_of(call.input, input_storage);
  std::string_view prefix = text_of(call.arg(0), arg_storage);
  if (prefix.empty()) return unchanged_text(call.input, std::move(input_storage));
  if (input.empty()) return unchanged_text(call.arg(0), std::move(arg_storage));
  std::string out;
  out.reserve(input.size() + prefix.size());
  out.append(prefix).append(input);
  return Value(std::move(out));
}

// --- case ---------------------------------------------------------------------------------------

Value upcase(const FilterCall& call) {
  std::string storage;
  std::string_view input = text_of(call.input, storage);
  return string_or_input(call.input, casemap::upcase(input), std::move(storage));
}

Value downcase(const FilterCall& call) {
  std::string storage;
  std::string_view input = text_of(call.input, storage);
  return string_or_input(call.input, casemap::downcase(input), std::move(storage));
}

Value capitalize(const FilterCall& call) {
  std::string storage;
  std::string_view input = text_of(call.input, storage);
  return string_or_input(call.input, casemap::capitalize(input), std::move(storage));
}

// --- whitespace ---------------------------------------------------------------------------------

Value strip_sides(const FilterCall& call, bool left, bool right) {
  std::string storage;
  std::string_view input = text_of(call.input, storage);
  std::size_t begin = 0, end = input.size();
  if (left)
    while (begin < end && is_strip_space(input[begin])) ++begin;
  if (right)
    while (end > begin && is_strip_space(input[end - 1])) --end;
  if (begin == 0 && end == input.size()) return unchanged_text(call.input, std::move(storage));
  return Value(input.substr(begin, end - begin));
}

Value strip(const FilterCall& call) {
  return strip_sides(call, true, true);
}
Value lstrip(const FilterCall& call) {
  return strip_sides(call, true, false);
}
Value rstrip(const FilterCall& call) {
  return strip_sides(call, false, true);
}

// gsub(/\r?\n/, '')
Value strip_newlines(const FilterCall& call) {
  std::string storage;
  std::string_view input = text_of(call.input, storage);
  std::size_t newline = input.find('\n');
  if (newline == npos) return unchanged_text(call.input, std::move(storage));
  std::string out;
  out.reserve(input.size());
  std::size_t copied = 0;
  while (newline != npos) {
    std::size_t cut = newline > copied && input[newline - 1] == '\r' ? newline - 1 : newline;
    out.append(input, copied, cut - copied);
    copied = newline + 1;
    newline = input.find('\n', copied);
  }
  out.append(input, copied);
  return Value(std::move(out));
}

// Liquid 5.13's squish: strip, then every run of whitespace (regexp \s) becomes one space.
Value squish(const FilterCall& call) {
  if (is_nil_input(call.input)) return Value();
  std::string storage;
  std::string_view input = text_of(call.input, storage);
  std::size_t begin = 0, end = input.size();
  while (begin < end && is_strip_space(input[begin])) ++begin;
  while (end > begin && is_strip_space(input[end - 1])) --end;
  std::string_view body = input.substr(begin, end - begin);
  // Unchanged when stripping removed nothing and every whitespace is a lone space.
  bool collapses = false;
  for (std::size_t i = 0; i < body.size() && !collapses; ++i)
    collapses = is_ascii_space(body[i]) &&
                (body[i] != ' ' || (i + 1 < body.size() && is_ascii_space(body[i + 1])));
  if (!collapses) {
    if (body.size() == input.size()) return unchanged_text(call.input, std::move(storage));
    return Value(body);
  }
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size();) {
    if (!is_ascii_space(body[i])) {
      out.push_back(body[i++]);
      continue;
    }
    out.push_back(' ');
    while (i < body.size() && is_ascii_space(body[i])) ++i;
  }
  return Value(std::move(out));
}

// --- substitution -------------------------------------------------------------------------------

// Appends the replacement of one match of a string pattern, reading backslash sequences as
// Ruby's sub/gsub do: \0 and \& give the match, \` the text before it, \' the text after it,
// \\ one backslash; \1..\9 and \+ give nothing (a string pattern has no groups) and \k<name>
// is an error. Any other backslash is kept.
void append_replacement(std::string& out, std::string_view replacement, std::string_view subject,
                        std::size_t match_begin, std::size_t match_end) {
  std::size_t i = 0;
  while (i < replacement.size()) {
    std::size_t slash = replacement.find('\\', i);
    if (slash == npos || slash + 1 == replacement.size()) {
      out.append(replacement, i);
      return;
    }
    out.append(replacement, i, slash - i);
    char c = replacement[slash + 1];
    i = slash + 2;
    switch (c) {
      case '0':
      case '&':
        out.append(subject, match_begin, match_end - match_begin);
        break;
      case '`':
        out.append(subject, 0, match_begin);
        break;
      case '\'':
        out.append(subject, match_end);
        break;
      case '\\':
        out.push_back('\\');
        break;
      case '+':  // the last matched group: none in a string pattern
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        break;
      case 'k':
        if (i < replacement.size() && replacement[i] == '<') {
          std::size_t close = replacement.find('>', i + 1);
          if (close == npos)
            throw FilterError(errc::invalid_value, "invalid group name reference format");
          throw FilterError(errc::invalid_value,
                            "undefined group name reference: " +
                                std::string(replacement.substr(i + 1, close - i - 1)));
        }
        out.append(replacement, slash, 2);
        break;
      default:
        out.append(replacement, slash, 2);
        break;
    }
  }
}

void append_match_replacement(std::string& out, std::string_view replacement, bool plain,
                              std::string_view subject, std::size_t begin, std::size_t end) {
  if (plain)
    out.append(replacement);
  else
    append_replacement(out, replacement, subject, begin, end);
}

// String#gsub(pattern, replacement) with a string pattern.
Value substitute_all(const FilterCall& call, const Value& input_value, std::string_view pattern,
                     std::string_view replacement) {
  std::string storage;
  std::string_view input = text_of(input_value, storage);
  const bool plain = replacement.find('\\') == npos;
  std::string out;
  if (pattern.empty()) {
    // "" matches before every character and at the end.
    if (plain) call.check_result_size(input.size() + (utf8::length(input) + 1) * replacement.size());
    out.reserve(input.size() + (utf8::length(input) + 1) * replacement.size());
    std::size_t i = 0;
    while (i < input.size()) {
      append_match_replacement(out, replacement, plain, input, i, i);
      call.check_result_size(out.size());
      std::size_t next = utf8::next(input, i);
      out.append(input, i, next - i);
      i = next;
    }
    append_match_replacement(out, replacement, plain, input, i, i);
    return Value(std::move(out));
  }
  std::size_t match = find_text(input, pattern, 0);
  if (match == npos) return unchanged_text(input_value, std::move(storage));
  out.reserve(input.size() + (replacement.size() > pattern.size() ? input.size() / 4 : 0));
  std::size_t copied = 0;
  while (match != npos) {
    out.append(input, copied, match - copied);
    append_match_replacement(out, replacement, plain, input, match, match + pattern.size());
    call.check_result_size(out.size());
    copied = match + pattern.size();
    match = find_text(input, pattern, copied);
  }
  out.append(input, copied);
  return Value(std::move(out));
}

// String#sub(pattern, replacement) with a string pattern.
Value substitute_first(const FilterCall& call, const Value& input_value, std::string_view pattern,
                       std::string_view replacement) {
  std::string storage;
  std::string_view input = text_of(input_value, storage);
  std::size_t match = find_text(input, pattern, 0);
  if (match == npos) return unchanged_text(input_value, std::move(storage));
  call.check_result_size(input.size() + replacement.size());
  std::string out;
  out.reserve(input.size() + replacement.size());
  out.append(input, 0, match);
  append_match_replacement(out, replacement, replacement.find('\\') == npos, input, match,
                           match + pattern.size());
  out.append(input, match + pattern.size());
  return Value(std::move(out));
}

// Liquid's replace_last: the last occurrence (String#rindex) replaced by the replacement taken
// literally (it is assigned, not passed through sub).
Value substitute_last(const FilterCall& call, const Value& input_value, std::string_view pattern,
                      std::string_view replacement) {
  std::string storage;
  std::string_view input = text_of(input_value, storage);
  std::size_t match = rfind_text(input, pattern);
  if (match == npos || (pattern.empty() && replacement.empty()))
    return unchanged_text(input_value, std::move(storage));
  call.check_result_size(input.size() - pattern.size() + replacement.size());
  std::string out;
  out.reserve(input.size() - pattern.size() + replacement.size());
  out.append(input, 0, match).append(replacement).append(input, match + pattern.size());
  return Value(std::move(out));
}

Value replace(const FilterCall& call) {
  std::string pattern, replacement;
  return substitute_all(call, call.input, text_of(call.arg(0), pattern),
                        text_of(call.arg(1), replacement));
}

Value replace_first(const FilterCall& call) {
  std::string pattern, replacement;
  return substitute_first(call, call.input, text_of(call.arg(0), pattern),
                          text_of(call.arg(1), replacement));
}

Value replace_last(const FilterCall& call) {
  std::string pattern, replacement;
  return substitute_last(call, call.input, text_of(call.arg(0), pattern),
                         text_of(call.arg(1), replacement));
}

Value remove(const FilterCall& call) {
  std::string pattern;
  return substitute_all(call, call.input, text_of(call.arg(0), pattern), {});
}

Value remove_first(const FilterCall& call) {
  std::string pattern;
  return substitute_first(call, call.input, text_of(call.arg(0), pattern), {});
}

Value remove_last(const FilterCall& call) {
  std::string pattern;
  return substitute_last(call, call.input, text_of(call.arg(0), pattern), {});
}

// --- split --------------------------------------------------------------------------------------

// Ruby's String#split(pattern) with a string pattern: " " splits on runs of whitespace and
// ignores leading whitespace, "" splits into characters, anything else splits on that text.
// Trailing empty fields are dropped, so "" and "," split on "," both give [].
Value split(const FilterCall& call) {
  std::string input_storage, pattern_storage;
  std::string_view input = text_of(call.input, input_storage);
  std::string_view pattern = text_of(call.arg(0), pattern_storage);
  Array fields;
  if (pattern == " ") {
    std::size_t words = 0;
    for (std::size_t i = 0; i < input.size(); ++i)
      words += !is_ascii_space(input[i]) && (i == 0 || is_ascii_space(input[i - 1]));
    call.check_result_size(words * kArrayElementBytes);
    fields.reserve(words);
    std::size_t i = 0;
    while (true) {
      while (i < input.size() && is_ascii_space(input[i])) ++i;
      if (i == input.size()) break;
      std::size_t begin = i;
      while (i < input.size() && !is_ascii_space(input[i])) ++i;
      fields.emplace_back(input.substr(begin, i - begin));
    }
  } else if (pattern.empty()) {
    call.check_result_size(utf8::length(input) * kArrayElementBytes);
    fields.reserve(input.size());
    for (std::size_t i = 0; i < input.size();) {
      std::size_t next = utf8::next(input, i);
      fields.emplace_back(input.substr(i, next - i));
      i = next;
    }
  } else {
    std::size_t count = 1;
    for (std::size_t at = find_text(input, pattern, 0); at != npos;
         at = find_text(input, pattern, at + pattern.size()))
      ++count;
    call.check_result_size(count * kArrayElementBytes);
    fields.reserve(count);
    std::size_t begin = 0;
    std::size_t match = find_text(input, pattern, 0);
    while (match != npos) {
      fields.emplace_back(input.substr(begin, match - begin));
      begin = match + pattern.size();
      match = find_text(input, pattern, begin);
    }
    fields.emplace_back(input.substr(begin));
    while (!fields.empty() && fields.back().as_string().empty()) fields.pop_back();
  }
  return Value(std::move(fields));
}

// --- truncation ---------------------------------------------------------------------------------

// Whether `s` has more than `limit` characters, counting no further than needed.
bool longer_than(std::string_view s, std::int64_t limit) {
  if (limit < 0) return true;
  if (s.size() <= static_cast<std::uint64_t>(limit)) return false;
  std::uint64_t chars = 0;
  for (std::size_t i = 0; i < s.size(); i = utf8::next(s, i))
    if (++chars > static_cast<std::uint64_t>(limit)) return true;
  return false;
}

Value truncate(const FilterCall& call) {
  if (is_nil_input(call.input)) return Value();
  std::string input_storage, ellipsis_storage;
  std::string_view input = text_of(call.input, input_storage);
  std::int64_t length = call.args.size() > 0 ? integer_arg(call.arg(0)) : 50;
  std::string_view ellipsis =
      call.args.size() > 1 ? text_of(call.arg(1), ellipsis_storage) : std::string_view("...");
  if (!longer_than(input, length)) return unchanged_text(call.input, std::move(input_storage));
  auto ellipsis_chars = static_cast<std::int64_t>(utf8::length(ellipsis));
  std::int64_t keep = length > ellipsis_chars ? length - ellipsis_chars : 0;
  std::size_t cut = utf8::offset_of(input, static_cast<std::size_t>(keep));
  std::string out;
  out.reserve(cut + ellipsis.size());
  out.append(input, 0, cut).append(ellipsis);
  return Value(std::move(out));
}

// The next whitespace-separated word at or after `i` (as split(" ") finds words), or an empty
// view at the end of `s`; `i` is left just past the word.
std::string_view next_word(std::string_view s, std::size_t& i) {
  while (i < s.size() && is_ascii_space(s[i])) ++i;
  std::size_t begin = i;
  while (i < s.size() && !is_ascii_space(s[i])) ++i;
  return s.substr(begin, i - begin);
}

// Liquid 5.13's truncatewords: the first `words` whitespace-separated words joined by single
// spaces, plus the ellipsis, when truncated; else the input unchanged.
Value truncatewords(const FilterCall& call) {
  if (is_nil_input(call.input)) return Value();
  std::string input_storage, ellipsis_storage;
  std::string_view input = text_of(call.input, input_storage);
  std::int64_t words = call.args.size() > 0 ? integer_arg(call.arg(0)) : 15;
  if (words <= 0) words = 1;
  // First see whether it is truncated, without building anything: with more than `words` words,
  // or (a quirk of Ruby's split(" ", words + 1)) exactly `words` followed by whitespace.
  std::size_t i = 0;
  std::int64_t seen = 0;
  while (seen <= words && !next_word(input, i).empty()) ++seen;
  bool truncated = seen > words || (seen == words && is_ascii_space(input.back()));
  if (!truncated) return unchanged_text(call.input, std::move(input_storage));
  std::string_view ellipsis =
      call.args.size() > 1 ? text_of(call.arg(1), ellipsis_storage) : std::string_view("...");
  std::string out;
  out.reserve(i + ellipsis.size());
  i = 0;
  for (std::int64_t w = 0; w < words; ++w) {
    if (w > 0) out.push_back(' ');
    out.append(next_word(input, i));
  }
  out.append(ellipsis);
  return Value(std::move(out));
}

// --- slice --------------------------------------------------------------------------------------

// Ruby's slice(start, length) on a sequence of `size` items: the [begin, end) item range, or
// nullopt where Ruby returns nil (negative length, start before the beginning or past the end).
std::optional<std::pair<std::int64_t, std::int64_t>> slice_bounds(std::int64_t start,
                                                                  std::int64_t length,
                                                                  std::int64_t size) {
  if (length < 0) return std::nullopt;
  if (start < 0) {
    start += size;
    if (start < 0) return std::nullopt;
  }
  if (start > size) return std::nullopt;
  std::int64_t take = std::min(length, size - start);
  return std::make_pair(start, start + take);
}

Value slice(const FilterCall& call) {
  std::int64_t start = integer_arg(call.arg(0));
  std::int64_t length = call.arg(1).truthy() ? integer_arg(call.arg(1)) : 1;
  Value scratch;
  const Value& input = unwrap(call.input, scratch);
  if (input.is_array()) {
    const Array& items = input.as_array();
    auto bounds = slice_bounds(start, length, static_cast<std::int64_t>(items.size()));
    if (!bounds) return Value(Array{});
    if (bounds->first == 0 && bounds->second == static_cast<std::int64_t>(items.size()))
      return input;
    return Value(Array(items.begin() + bounds->first, items.begin() + bounds->second));
  }
  std::string storage;
  std::string_view text = text_of(input, storage);
  if (length < 0) return Value(std::string());
  std::size_t begin = 0;
  if (start >= 0) {
    // Walk to the start instead of counting every character.
    std::int64_t skipped = 0;
    for (; skipped < start && begin < text.size(); ++skipped) begin = utf8::next(text, begin);
    if (skipped < start) return Value(std::string());  // start is past the end
  } else {
    auto bounds = slice_bounds(start, length, static_cast<std::int64_t>(utf8::length(text)));
    if (!bounds) return Value(std::string());
    begin = utf8::offset_of(text, static_cast<std::size_t>(bounds->first));
  }
  std::size_t end = begin;
  for (std::int64_t n = 0; n < length && end < text.size(); ++n) end = utf8::next(text, end);
  if (begin == 0 && end == text.size()) return unchanged_text(input, std::move(storage));
  return Value(text.substr(begin, end - begin));
}

}  // namespace

std::span<const FilterDef> string_filters() {
  static const std::vector<FilterDef> table = {
      {"append", 1, 1, append},
      {"prepend", 1, 1, prepend},
      {"capitalize", 0, 0, capitalize},
      {"downcase", 0, 0, downcase},
      {"upcase", 0, 0, upcase},
      {"lstrip", 0, 0, lstrip},
      {"rstrip", 0, 0, rstrip},
      {"strip", 0, 0, strip},
      {"strip_newlines", 0, 0, strip_newlines},
      {"squish", 0, 0, squish},
      {"remove", 1, 1, remove},
      {"remove_first", 1, 1, remove_first},
      {"remove_last", 1, 1, remove_last},
      {"replace", 1, 2, replace},
      {"replace_first", 1, 2, replace_first},
      {"replace_last", 2, 2, replace_last},
      {"split", 1, 1, split},
      {"truncate", 0, 2, truncate},
      {"truncatewords", 0, 2, truncatewords},
      {"slice", 1, 2, slice},
  };
  return table;
}

}  // namespace liquid::filters
