// What is wrong with a JSON body that Boost.JSON rejected, in words: "expected ',' or '}' after
// object member, found '\"'".
//
// Boost.JSON reports only "syntax error" and where it stopped. This re-reads the body from the
// start with a small RFC 8259 lexer that tracks what the grammar expects next, and names the
// first thing that breaks it. It runs once per invalid body, never on valid ones. Boost.JSON stays
// the judge of validity: if this lexer ever found its error past the point where Boost.JSON
// stopped, Boost.JSON's position and its own wording are reported instead.
#include <string>
#include <vector>

#include "validate/internal.hpp"

namespace liquid::validate::detail {

namespace {

bool is_json_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex_digit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
unsigned hex_value(char c) {
  if (is_digit(c)) return static_cast<unsigned>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
  return static_cast<unsigned>(c - 'A' + 10);
}
bool is_structural(char c) {
  return c == ',' || c == ':' || c == '[' || c == ']' || c == '{' || c == '}' || c == '"';
}

// What the grammar allows at the next non-whitespace byte.
enum class Expect {
  document_value,    // start of the body
  first_member_key,  // after '{': a key or '}'
  member_key,        // after ',' in an object
  colon,             // after a key
  member_value,      // after ':'
  first_element,     // after '[': a value or ']'
  element,           // after ',' in an array
  object_comma,      // after a member's value: ',' or '}'
  array_comma,       // after an element: ',' or ']'
  document_end,      // after the top-level value: only whitespace
};

// The escape that spells a control character in a JSON string.
std::string escape_for(unsigned char c) {
  switch (c) {
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      break;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  return std::string("\\u00") + kHex[c >> 4] + kHex[c & 0xF];
}

class Explainer {
 public:
  Explainer(std::string_view body, std::size_t stop) : s_(body), stop_(stop) {}

  // The first violation of RFC 8259, or nothing if the lexer found none up to `stop`.
  bool find(JsonError& error);

 private:
  bool fail(std::size_t offset, std::string message, JsonError& error) {
    error = {offset, std::move(message)};
    return true;
  }
  std::string found(std::size_t i) const { return ", found " + describe_byte(s_, i); }
  // The run of bytes a reader would take for one bad token: up to whitespace or punctuation.
  std::string_view word_at(std::size_t i) const {
    std::size_t end = i;
    while (end < s_.size() && !is_json_whitespace(s_[end]) && !is_structural(s_[end])) ++end;
    return s_.substr(i, end - i);
  }

  void after_value() {
    if (stack_.empty()) {
      expect_ = Expect::document_end;
    } else {
      expect_ = stack_.back() == '{' ? Expect::object_comma : Expect::array_comma;
    }
  }
  void close_container() {
    stack_.pop_back();
    after_value();
  }

  bool value(std::size_t& i, JsonError& error);
  bool invalid_value(std::size_t i, JsonError& error);
  bool string(std::size_t& i, JsonError& error);
  bool unicode_escape(std::size_t j, JsonError& error, std::size_t& next);
  bool number(std::size_t& i, JsonError& error);
  bool after_member_or_element(std::size_t i, char close, JsonError& error);

  std::string_view s_;
  std::size_t stop_;
  Expect expect_ = Expect::document_value;
  std::vector<char> stack_;  // '{' and '[' of the open containers
  std::size_t last_comma_ = 0;
  std::size_t last_number_start_ = 0, last_number_end_ = static_cast<std::size_t>(-1);
};

bool Explainer::find(JsonError& error) {
  if (s_.substr(0, 3) == "\xEF\xBB\xBF") {
    return fail(0, "byte order mark (U+FEFF) at the start: JSON text must not begin with one",
                error);
  }
  std::size_t i = 0;
  for (;;) {
    while (i < s_.size() && is_json_whitespace(s_[i])) ++i;
    if (i > stop_) return false;
    const bool at_end = i >= s_.size();
    const char c = at_end ? '\0' : s_[i];
    switch (expect_) {
      case Expect::document_end:
        if (at_end) return false;
        return fail(i,
                    "unexpected " + describe_byte(s_, i) +
                        " after the JSON value: a body holds exactly one value",
                    error);
      case Expect::colon:
        if (!at_end && c == ':') {
          ++i;
          expect_ = Expect::member_value;
          continue;
        }
        return fail(i, "expected ':' after object key" + found(i), error);
      case Expect::object_comma:
      case Expect::array_comma: {
        const char close = expect_ == Expect::object_comma ? '}' : ']';
        if (!at_end && c == ',') {
          last_comma_ = i++;
          expect_ = close == '}' ? Expect::member_key : Expect::element;
          continue;
        }
        if (!at_end && c == close) {
          ++i;
          close_container();
          continue;
        }
        return after_member_or_element(i, close, error);
      }
      case Expect::first_member_key:
      case Expect::member_key: {
        const bool first = expect_ == Expect::first_member_key;
        if (!at_end && c == '"') {
          if (string(i, error)) return true;
          expect_ = Expect::colon;
          continue;
        }
        if (!at_end && c == '}') {
          if (!first) {
            return fail(last_comma_, "trailing comma before '}': not allowed in JSON", error);
          }
          ++i;
          close_container();
          continue;
        }
        if (!at_end && c == '/') return fail(i, "comments are not allowed in JSON", error);
        if (!at_end && c == '\'') {
          return fail(i, "object keys must be in double quotes, found \"'\"", error);
        }
        std::string_view word = word_at(i);
        if (!word.empty()) {
          return fail(i, "object key '" + quote_excerpt(word) + "' must be in double quotes",
                      error);
        }
        return fail(
            i, std::string("expected a string key") + (first ? " or '}'" : " after ','") + found(i),
            error);
      }
      case Expect::first_element:
      case Expect::element:
        if (!at_end && c == ']') {
          if (expect_ == Expect::element) {
            return fail(last_comma_, "trailing comma before ']': not allowed in JSON", error);
          }
          ++i;
          close_container();
          continue;
        }
        [[fallthrough]];
      case Expect::document_value:
      case Expect::member_value:
        if (value(i, error)) return true;
        continue;
    }
  }
}

// Starts one value at s_[i]: containers are opened, scalars read whole.
bool Explainer::value(std::size_t& i, JsonError& error) {
  if (i >= s_.size()) return invalid_value(i, error);
  switch (s_[i]) {
    case '{':
      stack_.push_back('{');
      expect_ = Expect::first_member_key;
      ++i;
      return false;
    case '[':
      stack_.push_back('[');
      expect_ = Expect::first_element;
      ++i;
      return false;
    case '"':
      if (string(i, error)) return true;
      after_value();
      return false;
    default:
      break;
  }
  if (s_[i] == '-' || is_digit(s_[i])) {
    if (number(i, error)) return true;
    after_value();
    return false;
  }
  for (std::string_view literal : {"true", "false", "null"}) {
    if (s_.substr(i, literal.size()) == literal) {
      i += literal.size();
      after_value();
      return false;
    }
  }
  return invalid_value(i, error);
}

bool Explainer::invalid_value(std::size_t i, JsonError& error) {
  std::string expected;
  switch (expect_) {
    case Expect::member_value:
      expected = "expected a value after ':'";
      break;
    case Expect::first_element:
      expected = "expected a value or ']'";
      break;
    case Expect::element:
      expected = "expected a value after ','";
      break;
    default:
      expected = "expected a JSON value";
      break;
  }
  if (i >= s_.size()) {
    if (s_.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      return fail(i,
                  std::string(s_.empty() ? "empty body" : "body is only whitespace") +
                      ": expected a JSON value",
                  error);
    }
    return fail(i, expected + found(i), error);
  }
  const char c = s_[i];
  if (c == '/') return fail(i, "comments are not allowed in JSON", error);
  if (c == '\'') return fail(i, "strings must be in double quotes, found \"'\"", error);
  std::string_view word = word_at(i);
  if (word.empty()) return fail(i, expected + found(i), error);
  const std::string quoted = "'" + quote_excerpt(word) + "'";
  if (word == "NaN" || word == "Infinity" || word == "+Infinity") {
    return fail(i, quoted + " is not a JSON number: JSON has no NaN or infinities", error);
  }
  if (word == "undefined") return fail(i, "'undefined' is not a JSON value (null is)", error);
  for (std::string_view literal : {"true", "false", "null"}) {
    if (literal.starts_with(word) && i + word.size() == s_.size()) {
      return fail(i, "input ends inside " + quoted + ": expected '" + std::string(literal) + "'",
                  error);
    }
    if (word.size() == literal.size() && word != literal) {
      bool same_letters = true;
      for (std::size_t k = 0; k < word.size(); ++k) {
        same_letters = same_letters && (word[k] | 0x20) == literal[k];
      }
      if (same_letters) {
        return fail(i,
                    quoted + " is not a JSON value: JSON literals are lowercase (" +
                        std::string(literal) + ")",
                    error);
      }
    }
  }
  if (c == '+') return fail(i, "JSON numbers must not start with '+'", error);
  if (c == '.') return fail(i, "JSON numbers must start with a digit (0.5, not .5)", error);
  return fail(i,
              "invalid JSON value " + quoted +
                  ": expected a string, number, object, array, true, false or null",
              error);
}

// A string or key at s_[i] == '"'; on success i is just past its closing quote.
bool Explainer::string(std::size_t& i, JsonError& error) {
  const std::size_t open = i;
  auto unterminated = [&] {
    return fail(s_.size(),
                "unterminated string (opened at " + describe_position(s_, open) +
                    "): expected '\"' before end of input",
                error);
  };
  std::size_t j = i + 1;
  for (;;) {
    if (j >= s_.size()) return unterminated();
    const auto c = static_cast<unsigned char>(s_[j]);
    if (c == '"') {
      i = j + 1;
      return false;
    }
    if (c == '\\') {
      if (j + 1 >= s_.size()) return unterminated();
      const char e = s_[j + 1];
      if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
          e == 't') {
        j += 2;
        continue;
      }
      if (e == 'u') {
        if (unicode_escape(j, error, j)) return true;
        continue;
      }
      return fail(j,
                  "invalid escape '\\" + quote_excerpt(s_.substr(j + 1, 1)) +
                      "' in string: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
                  error);
    }
    if (c < 0x20) {
      return fail(j,
                  describe_byte(s_, j) + " inside a string: control characters must be escaped (" +
                      escape_for(c) + ")",
                  error);
    }
    if (c < 0x80) {
      ++j;
      continue;
    }
    std::size_t length = utf8_sequence_length(s_, j);
    if (length == 0) {
      std::size_t invalid = utf8_invalid_length(s_, j);
      if (j + invalid == s_.size()) {
        return fail(j, "input ends inside a UTF-8 sequence in a string", error);
      }
      return fail(j,
                  "invalid UTF-8 in string (" + describe_byte(s_, j) + "): JSON text must be UTF-8",
                  error);
    }
    j += length;
  }
}

// A \uXXXX escape at s_[j] == '\\', with its low surrogate if it is a high one.
bool Explainer::unicode_escape(std::size_t j, JsonError& error, std::size_t& next) {
  // Reads 4 hex digits at `at`; false (and `error` set) if they are not there.
  auto hex4 = [&](std::size_t at, unsigned& value) {
    value = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      if (at + k >= s_.size()) {
        fail(s_.size(), "input ends inside a \\u escape in a string", error);
        return false;
      }
      if (!is_hex_digit(s_[at + k])) {
        fail(at - 2,
             "invalid escape '" + quote_excerpt(s_.substr(at - 2, 6)) +
                 "': \\u needs exactly 4 hex digits",
             error);
        return false;
      }
      value = value * 16 + hex_value(s_[at + k]);
    }
    return true;
  };
  unsigned code = 0;
  if (!hex4(j + 2, code)) return true;
  const std::string escape(s_.substr(j, 6));
  if (code >= 0xDC00 && code <= 0xDFFF) {
    return fail(j,
                "unpaired UTF-16 surrogate '" + escape +
                    "': a low surrogate must follow a high one (\\uD800-\\uDBFF)",
                error);
  }
  if (code >= 0xD800 && code <= 0xDBFF) {
    const std::size_t low = j + 6;
    unsigned low_code = 0;
    if (s_.substr(low, 2) == "\\u") {
      if (!hex4(low + 2, low_code)) return true;
      if (low_code >= 0xDC00 && low_code <= 0xDFFF) {
        next = low + 6;
        return false;
      }
    }
    return fail(j,
                "unpaired UTF-16 surrogate '" + escape +
                    "': a high surrogate must be followed by a low one (\\uDC00-\\uDFFF)",
                error);
  }
  next = j + 6;
  return false;
}

// A number at s_[i] ('-' or a digit), by RFC 8259's grammar; i ends just past it.
bool Explainer::number(std::size_t& i, JsonError& error) {
  const std::size_t start = i;
  std::size_t j = i;
  auto digit_at = [&](std::size_t k) { return k < s_.size() && is_digit(s_[k]); };
  if (s_[j] == '-') {
    ++j;
    if (!digit_at(j)) {
      if (s_.substr(j, 8) == "Infinity") {
        return fail(start, "'-Infinity' is not a JSON number: JSON has no NaN or infinities",
                    error);
      }
      return fail(j, "expected a digit after '-'" + found(j), error);
    }
  }
  if (s_[j] == '0') {
    ++j;
  } else {
    while (digit_at(j)) ++j;
  }
  if (j < s_.size() && s_[j] == '.') {
    ++j;
    if (!digit_at(j)) return fail(j, "expected a digit after the decimal point" + found(j), error);
    while (digit_at(j)) ++j;
  }
  if (j < s_.size() && (s_[j] == 'e' || s_[j] == 'E')) {
    ++j;
    if (j < s_.size() && (s_[j] == '+' || s_[j] == '-')) ++j;
    if (!digit_at(j)) return fail(j, "expected a digit in the exponent" + found(j), error);
    while (digit_at(j)) ++j;
  }
  if (j > stop_) {
    // Grammatical, but Boost.JSON stopped inside it: an exponent beyond its range.
    return fail(start,
                "number '" + quote_excerpt(s_.substr(start, j - start)) +
                    "' has an exponent too large to read",
                error);
  }
  last_number_start_ = start;
  last_number_end_ = j;
  i = j;
  return false;
}

bool Explainer::after_member_or_element(std::size_t i, char close, JsonError& error) {
  if (i == last_number_end_ && i < s_.size() && is_digit(s_[i])) {
    return fail(last_number_start_,
                "number '" + quote_excerpt(word_at(last_number_start_)) +
                    "' has a leading zero: not allowed in JSON",
                error);
  }
  const std::string what = close == '}' ? "expected ',' or '}' after object member"
                                        : "expected ',' or ']' after array element";
  if (i < s_.size() && s_[i] == '/') return fail(i, "comments are not allowed in JSON", error);
  if (i < s_.size() && (s_[i] == '"' || s_[i] == '{' || s_[i] == '[')) {
    return fail(i, what + found(i) + " (a missing ',')", error);
  }
  return fail(i, what + found(i), error);
}

}  // namespace

JsonError explain_json_error(std::string_view body, std::size_t boost_offset,
                             std::string_view boost_message) {
  Explainer explainer(body, boost_offset);
  JsonError error;
  if (explainer.find(error) && error.offset <= boost_offset) return error;
  return {boost_offset, "invalid JSON (" + std::string(boost_message) + ")"};
}

}  // namespace liquid::validate::detail
