// application/x-www-form-urlencoded: `&`-separated `name=value` pairs, percent-encoded.
//
// What real parsers do decides each rule (WHATWG URL's urlencoded parser, Rack, PHP, Python's
// parse_qs). None of them rejects anything, so "invalid" here means: the receiver will read
// something other than what the template meant.
//   error    `%` not followed by two hex digits: Rack raises (400 Bad Request), the others keep the
//            raw text.
//   error    bytes a form encoder always escapes: controls, space, non-ASCII, `"` `#` `<` `>` `\`
//            `^` `` ` `` `{` `|` `}`. They survive parsing, but they show a value rendered
//            unencoded, and the same value could as well hold `&` or `=` and split the pair.
//   error    a second `=` in a pair: parsers keep it in the value, but it is unencoded data
//            (base64 padding, a URL) just as above.
//   error    an empty name (`=x`): Rack and PHP drop the pair, Python keeps a "" field.
//   warning  a literal `+`: every parser decodes it to a space; right for encoded text, wrong for
//            a raw phone number or timezone offset. Once per pair.
//   warning  a pair without `=`: Python's parse_qs drops it, Rack and PHP read an empty value.
//   warning  an empty pair (`&&`, a leading `&`) or a trailing `&`: all parsers skip it, but it
//            is usually a field that rendered empty.
// Accepted as is: RFC 3986 query characters (`A-Z a-z 0-9 - . _ ~ ! $ ' ( ) * , / : ; ? @`) and
// `[ ]`, which PHP and Rack use for array and nested names. `;` is a separator only in old
// parsers (Python before 3.9.2, Rack query strings), not in form bodies.
// An empty body is valid (a form with no fields).
#include <array>
#include <cstdio>

#include "validate/internal.hpp"

namespace liquid::validate::detail {

namespace {

enum class FormByte : std::uint8_t { plain, ampersand, equals, percent, plus, non_ascii, encode };

constexpr std::array<FormByte, 256> make_form_table() {
  std::array<FormByte, 256> table{};
  for (int c = 0; c < 256; ++c) {
    FormByte kind = FormByte::encode;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      kind = FormByte::plain;
    } else if (c >= 0x80) {
      kind = FormByte::non_ascii;
    }
    table[static_cast<std::size_t>(c)] = kind;
  }
  for (unsigned char c : std::string_view("-._~!$'()*,/:;?@[]")) table[c] = FormByte::plain;
  table['&'] = FormByte::ampersand;
  table['='] = FormByte::equals;
  table['%'] = FormByte::percent;
  table['+'] = FormByte::plus;
  return table;
}

constexpr std::array<FormByte, 256> kFormTable = make_form_table();

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string percent_encoded(std::string_view bytes, std::size_t max_bytes) {
  std::string out;
  for (std::size_t k = 0; k < bytes.size() && k < max_bytes; ++k) {
    char buffer[4];
    std::snprintf(buffer, sizeof buffer, "%%%02X", static_cast<unsigned char>(bytes[k]));
    out += buffer;
  }
  if (bytes.size() > max_bytes) out += "...";
  return out;
}

class FormValidator {
 public:
  FormValidator(std::string_view body, IssueSink& sink) : s_(body), sink_(sink) {}

  void run() {
    const std::size_t n = s_.size();
    std::size_t i = 0;
    while (i < n) {
      while (i < n && kind(i) == FormByte::plain) ++i;
      if (i >= n) break;
      switch (kind(i)) {
        case FormByte::plain:
          break;
        case FormByte::ampersand:
          end_pair(i);
          if (i + 1 == n) {
            sink_.add(ids::form_trailing_ampersand, Severity::warning, i, [] {
              return std::string(
                  "trailing '&': parsers skip the empty pair after it, but it usually is a field "
                  "that rendered empty (or a loop's last separator)");
            });
          } else if (i == pair_start_) {
            sink_.add(ids::form_empty_pair, Severity::warning, i, [] {
              return std::string(
                  "empty pair ('&&' or a leading '&'): parsers skip it, but it usually is a field "
                  "that rendered empty");
            });
          }
          start_pair(i + 1);
          ++i;
          break;
        case FormByte::equals:
          if (equals_ == kNone) {
            equals_ = i;
            if (i == pair_start_) {
              sink_.add(ids::form_invalid, Severity::error, i, [&] {
                return "pair '" + quote_excerpt(pair_text(i)) +
                       "' has an empty name: Rack and PHP drop it";
              });
            }
          } else {
            sink_.add(ids::form_invalid, Severity::error, i, [&] {
              return "second '=' in the value of '" + quote_excerpt(name()) +
                     "': an unencoded value; encode '=' as %3D";
            });
          }
          ++i;
          break;
        case FormByte::percent:
          if (i + 2 < n && is_hex_digit(s_[i + 1]) && is_hex_digit(s_[i + 2])) {
            i += 3;
          } else {
            sink_.add(ids::form_invalid, Severity::error, i, [&] {
              std::string after = i + 1 < n ? describe_byte(s_, i + 1) : "end of input";
              if (i + 1 < n && is_hex_digit(s_[i + 1])) after = describe_byte(s_, i + 2);
              return "'%' must start an escape of two hex digits, found " + after + " " + where(i) +
                     " (a literal '%' is %25)";
            });
            ++i;
          }
          break;
        case FormByte::plus:
          if (!plus_reported_) {
            plus_reported_ = true;
            sink_.add(ids::form_literal_plus, Severity::warning, i, [&] {
              return "'+' " + where(i) +
                     " decodes to a space; if a literal '+' is meant (a phone number, a "
                     "timezone), it must be %2B";
            });
          }
          ++i;
          break;
        case FormByte::non_ascii: {
          std::size_t run = 1;
          while (i + run < n && kind(i + run) == FormByte::non_ascii) ++run;
          sink_.add(ids::form_invalid, Severity::error, i, [&] {
            return "non-ASCII bytes " + where(i) + " must be percent-encoded (as " +
                   percent_encoded(s_.substr(i, run), 12) + ")";
          });
          i += run;
          break;
        }
        case FormByte::encode:
          sink_.add(ids::form_invalid, Severity::error, i, [&] {
            const char* how = s_[i] == ' ' ? "+ or %20" : nullptr;
            std::string encoded = how != nullptr ? how : percent_encoded(s_.substr(i, 1), 1);
            return describe_byte(s_, i) + " " + where(i) + " must be percent-encoded (as " +
                   encoded + ")";
          });
          ++i;
          break;
      }
    }
    end_pair(n);
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  FormByte kind(std::size_t i) const { return kFormTable[static_cast<unsigned char>(s_[i])]; }

  void start_pair(std::size_t at) {
    pair_start_ = at;
    equals_ = kNone;
    plus_reported_ = false;
  }

  void end_pair(std::size_t end) {
    if (end > pair_start_ && equals_ == kNone) {
      sink_.add(ids::form_missing_equals, Severity::warning, pair_start_, [&] {
        return "pair '" + quote_excerpt(s_.substr(pair_start_, end - pair_start_)) +
               "' has no '=': Python's parse_qs drops it, Rack and PHP read an empty value";
      });
    }
  }

  // The current pair's name: up to its first '=' (or the pair's end).
  std::string_view name() const {
    std::size_t end = s_.find_first_of("=&", pair_start_);
    return s_.substr(pair_start_, (end == std::string_view::npos ? s_.size() : end) - pair_start_);
  }
  std::string_view pair_text(std::size_t from) const {
    std::size_t end = s_.find('&', from);
    return s_.substr(pair_start_, (end == std::string_view::npos ? s_.size() : end) - pair_start_);
  }
  // "in the value of 'Body'" or "in the name 'na me'", for a byte at i of the current pair.
  std::string where(std::size_t i) const {
    if (equals_ != kNone && i > equals_) return "in the value of '" + quote_excerpt(name()) + "'";
    return "in the name '" + quote_excerpt(name()) + "'";
  }

  std::string_view s_;
  IssueSink& sink_;
  std::size_t pair_start_ = 0;
  std::size_t equals_ = kNone;
  bool plus_reported_ = false;
};

}  // namespace

void validate_form(std::string_view body, IssueSink& sink) {
  FormValidator(body, sink).run();
}

}  // namespace liquid::validate::detail
