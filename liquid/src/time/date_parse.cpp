// A port of Date._parse from Ruby's date library (ext/date/date_parse.c, without TIGHT_PARSER).
//
// Ruby runs a fixed sequence of regexps over a working copy of the text, each blanking what it
// matched. Every regexp is matched here by hand with the same leftmost, greedy, backtracking
// semantics; the comments quote the regexp each function implements. After the first clean-up,
// the working text only holds [-+',./:@\[\] ], ASCII letters and digits, and non-ASCII letters
// and digits, so \s is a blank and the only multi-byte characters are letters or digits.
#include "time/date_parse.hpp"

#include <cstring>
#include <utility>

#include "time/unicode_class.hpp"
#include "utf8.hpp"

namespace liquid::time {

namespace {

constexpr std::size_t npos = std::string_view::npos;

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
bool is_ascii_word(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
// A word character for \b, which (unlike \w) is Unicode-aware: in the working text every
// non-ASCII character is a letter or a digit, so every byte >= 0x80 is part of a word.
bool is_word(char c) {
  return is_ascii_word(c) || static_cast<unsigned char>(c) >= 0x80;
}

// The punctuation Date._parse keeps: [-+',./:@\[\]].
bool is_kept_punctuation(char32_t cp) {
  switch (cp) {
    case '-':
    case '+':
    case '\'':
    case ',':
    case '.':
    case '/':
    case ':':
    case '@':
    case '[':
    case ']':
      return true;
    default:
      return false;
  }
}

char32_t decode(std::string_view s, std::size_t i, std::size_t len) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  switch (len) {
    case 1:
      return b(0);
    case 2:
      return (char32_t{b(0)} & 0x1F) << 6 | (b(1) & 0x3F);
    case 3:
      return (char32_t{b(0)} & 0x0F) << 12 | (char32_t{b(1)} & 0x3F) << 6 | (b(2) & 0x3F);
    default:
      return (char32_t{b(0)} & 0x07) << 18 | (char32_t{b(1)} & 0x3F) << 12 |
             (char32_t{b(2)} & 0x3F) << 6 | (b(3) & 0x3F);
  }
}

// The working copy of the text.
class Text {
 public:
  // str.gsub(/[^-+',.\/:@[:alnum:]\[\]]+/, ' '); false for invalid UTF-8 (Ruby's ArgumentError).
  bool load(std::string_view s) {
    size_ = 0;
    bool in_run = false;
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t len = utf8::sequence_length(s, i);
      if (len == 0) return false;
      const char32_t cp = decode(s, i, len);
      const bool keep = is_kept_punctuation(cp) || unicode_alnum(cp);
      if (keep) {
        for (std::size_t k = 0; k < len; ++k) buf_[size_++] = s[i + k];
        in_run = false;
      } else if (!in_run) {
        buf_[size_++] = ' ';
        in_run = true;
      }
      i += len;
    }
    return true;
  }

  std::size_t size() const { return size_; }
  char at(std::size_t i) const { return i < size_ ? buf_[i] : '\0'; }
  std::string_view slice(std::size_t b, std::size_t e) const { return {buf_ + b, e - b}; }
  // Length of the character at i (the text is valid UTF-8).
  std::size_t char_len(std::size_t i) const {
    const auto c = static_cast<unsigned char>(buf_[i]);
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  char32_t code_point(std::size_t i) const { return decode({buf_, size_}, i, char_len(i)); }

  // str[b...e] = " " (Ruby's subx).
  void blank(std::size_t b, std::size_t e) {
    ++version_;
    buf_[b] = ' ';
    std::memmove(buf_ + b + 1, buf_ + e, size_ - e);
    size_ -= e - b - 1;
  }

  bool digit(std::size_t i) const { return is_digit(at(i)); }
  bool space(std::size_t i) const { return is_space(at(i)); }
  bool word(std::size_t i) const { return is_word(at(i)); }
  // \b at i.
  bool boundary(std::size_t i) const { return (i > 0 && word(i - 1)) != word(i); }
  // Case-insensitive literal at i.
  bool lit(std::size_t i, std::string_view s) const {
    for (std::size_t k = 0; k < s.size(); ++k)
      if (lower(at(i + k)) != s[k]) return false;
    return true;
  }
  std::size_t skip_spaces(std::size_t i) const {
    while (i < size_ && is_space(buf_[i])) ++i;
    return i;
  }
  std::size_t skip_digits(std::size_t i) const {
    while (i < size_ && is_digit(buf_[i])) ++i;
    return i;
  }
  // Skip characters that are not digits, blanks, '-' or `also`: [^-<also>\d\s]*.
  std::size_t skip_run(std::size_t i, char also = '-') const {
    while (i < size_ && !is_digit(buf_[i]) && !is_space(buf_[i]) && buf_[i] != '-' &&
           buf_[i] != also)
      ++i;
    return i;
  }

 private:
  char buf_[kMaxDateParseLength];
  std::size_t size_ = 0;
  unsigned version_ = 0;  // bumped by every change

 public:
  unsigned version() const { return version_; }
};

// The regexp groups a callback reads; an unset group is nullopt (Ruby's nil).
using Group = std::optional<std::string_view>;

std::int64_t saturating_add_digit(std::int64_t v, char d) {
  return v >= kSaturated / 10 ? kSaturated : v * 10 + (d - '0');
}

// Ruby's str2num / cstr2num on a regexp group: an optional sign, then digits.
std::int64_t to_num(std::string_view s) {
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  std::int64_t v = 0;
  while (i < s.size() && is_digit(s[i])) v = saturating_add_digit(v, s[i++]);
  return negative ? -v : v;
}

// Digits as a fraction of a second, in 1e-18 s.
std::uint64_t to_attos(std::string_view digits) {
  std::uint64_t v = 0;
  for (std::size_t k = 0; k < 18; ++k)
    v = v * 10 + (k < digits.size() ? static_cast<std::uint64_t>(digits[k] - '0') : 0);
  return v;
}

// Ruby's n2i: `width` digits at `from`.
std::int64_t n2i(std::string_view s, std::size_t from, std::size_t width) {
  std::int64_t v = 0;
  for (std::size_t i = from; i < from + width; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::string_view kDays[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

// Index in `names` of the three letters at i (case-insensitive), or -1.
template <std::size_t N>
int name_at(const Text& t, std::size_t i, const std::string_view (&names)[N]) {
  const char a = lower(t.at(i));
  if (a < 'a' || a > 'z') return -1;
  const char b = lower(t.at(i + 1));
  const char c = lower(t.at(i + 2));
  for (std::size_t k = 0; k < N; ++k)
    if (names[k][0] == a && names[k][1] == b && names[k][2] == c) return static_cast<int>(k);
  return -1;
}

// (jan|feb|...|dec) at i -> 1..12, or 0.
int month_at(const Text& t, std::size_t i) {
  return name_at(t, i, kMonths) + 1;
}

class Parser {
 public:
  explicit Parser(Text& text) : t_(text) {}

  DateParts run();

 private:
  Text& t_;
  DateParts h_;
  bool comp_ = true;  // :_comp
  bool bc_ = false;   // :_bc
  unsigned classes_ = 0;
  unsigned classes_version_ = ~0u;

  unsigned classes();

  void s3e(Group y, Group m, Group d, bool bc);

  // Pattern pieces.
  std::size_t ampm_at(std::size_t i) const;
  std::size_t time_at(std::size_t p) const;
  std::optional<std::size_t> zone_alternative(std::size_t k) const;
  std::size_t era_at(std::size_t i) const;
  std::size_t signed_number_at(std::size_t i, bool apostrophe, bool minus) const;
  std::size_t eu_year_at(std::size_t i) const;

  bool parse_day();
  bool parse_time();
  bool parse_eu();
  bool parse_us();
  bool parse_iso();
  bool parse_iso21();
  bool parse_iso22();
  bool parse_iso23();
  bool parse_iso24();
  bool parse_iso25();
  bool parse_iso26();
  bool parse_jis();
  bool parse_vms11();
  bool parse_vms12();
  bool parse_sla();
  bool parse_dot();
  bool parse_year();
  bool parse_mon();
  bool parse_mday();
  bool parse_ddd();
  bool parse_bc();
  bool parse_frag();
};

enum : unsigned { kAlpha = 1, kDigit = 2, kDash = 4, kDot = 8, kSlash = 16 };

// Ruby's check_class(), on the text as it is now.
unsigned Parser::classes() {
  if (classes_version_ == t_.version()) return classes_;
  unsigned flags = 0;
  for (std::size_t i = 0; i < t_.size(); ++i) {
    const char c = t_.at(i);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) flags |= kAlpha;
    if (is_digit(c)) flags |= kDigit;
    if (c == '-') flags |= kDash;
    if (c == '.') flags |= kDot;
    if (c == '/') flags |= kSlash;
  }
  classes_version_ = t_.version();
  classes_ = flags;
  return flags;
}

// s3e(): sorts out which of three numbers is the year, the month and the day.
void Parser::s3e(Group y, Group m, Group d, bool bc) {
  std::optional<bool> comp;
  auto first = [](const Group& g) { return g && !g->empty() ? g->front() : '\0'; };

  if (y && m && !d) {
    d = m;
    m = y;
    y.reset();
  }
  if (!y) {
    if (d && d->size() > 2) {
      y = d;
      d.reset();
    }
    if (d && first(d) == '\'') {
      y = d;
      d.reset();
    }
  }
  if (y) {
    std::string_view s = *y;
    std::size_t i = 0;
    while (i < s.size() && s[i] != '-' && s[i] != '+' && !is_digit(s[i])) ++i;
    if (i < s.size()) {
      const std::size_t bp = i;
      if (s[i] == '-' || s[i] == '+') ++i;
      while (i < s.size() && is_digit(s[i])) ++i;
      if (i < s.size()) {  // something follows the number: it is the day, not the year
        const std::string_view number = s.substr(bp, i - bp);
        y = d;
        d = number;
      }
    }
  }
  if (m && (first(m) == '\'' || m->size() > 2)) {  // us -> be
    Group oy = y, om = m, od = d;
    y = om;
    m = od;
    d = oy;
  }
  if (d && (first(d) == '\'' || d->size() > 2)) std::swap(y, d);

  if (y) {
    std::string_view s = *y;
    std::size_t i = 0;
    while (i < s.size() && s[i] != '-' && s[i] != '+' && !is_digit(s[i])) ++i;
    if (i < s.size()) {
      const std::size_t bp = i;
      if (s[i] == '-' || s[i] == '+') {
        ++i;
        comp = false;
      }
      const std::size_t digits_begin = i;
      while (i < s.size() && is_digit(s[i])) ++i;
      if (i - digits_begin > 2) comp = false;
      h_.year = to_num(s.substr(bp, i - bp));
    }
  }
  if (bc) bc_ = true;
  auto number_in = [](std::string_view s) -> std::optional<std::int64_t> {
    std::size_t i = 0;
    while (i < s.size() && !is_digit(s[i])) ++i;
    if (i == s.size()) return std::nullopt;
    const std::size_t b = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    return to_num(s.substr(b, i - b));
  };
  if (m) {
    if (auto v = number_in(*m)) h_.mon = v;
  }
  if (d) {
    if (auto v = number_in(*d)) h_.mday = v;
  }
  if (comp) comp_ = *comp;
}

// \b(sun|mon|tue|wed|thu|fri|sat)[^-\/\d\s]*
bool Parser::parse_day() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    const int day = name_at(t_, p, kDays);
    if (day < 0 || !t_.boundary(p)) continue;
    const std::size_t e = t_.skip_run(p + 3, '/');
    h_.wday = day;
    t_.blank(p, e);
    return true;
  }
  return false;
}

// [ap](?:m\b|\.m\.) at i -> end, or npos.
std::size_t Parser::ampm_at(std::size_t i) const {
  const char c = lower(t_.at(i));
  if (c != 'a' && c != 'p') return npos;
  if (lower(t_.at(i + 1)) == 'm' && t_.boundary(i + 2)) return i + 2;
  if (t_.at(i + 1) == '.' && lower(t_.at(i + 2)) == 'm' && t_.at(i + 3) == '.') return i + 4;
  return npos;
}

// The time part of parse_time's regexp, at p -> end, or npos:
//   (?:\d+\s*:\s*\d+(?:\s*:\s*\d+(?:[,.]\d*)?)?|\d+\s*h(?:\s*\d+m?(?:\s*\d+s?)?)?)
//   (?:\s*[ap](?:m\b|\.m\.))?
//   |\d+\s*[ap](?:m\b|\.m\.)
std::size_t Parser::time_at(std::size_t p) const {
  const std::size_t d = t_.skip_digits(p);
  if (d == p) return npos;
  const std::size_t i = t_.skip_spaces(d);
  auto with_ampm = [&](std::size_t e) {
    const std::size_t a = ampm_at(t_.skip_spaces(e));
    return a != npos ? a : e;
  };
  if (t_.at(i) == ':') {
    const std::size_t j = t_.skip_spaces(i + 1);
    const std::size_t k = t_.skip_digits(j);
    if (k > j) {
      std::size_t e = k;
      const std::size_t a = t_.skip_spaces(e);
      if (t_.at(a) == ':') {
        const std::size_t b = t_.skip_spaces(a + 1);
        const std::size_t c = t_.skip_digits(b);
        if (c > b) {
          e = c;
          if (t_.at(e) == ',' || t_.at(e) == '.') e = t_.skip_digits(e + 1);
        }
      }
      return with_ampm(e);
    }
  }
  if (lower(t_.at(i)) == 'h') {
    std::size_t e = i + 1;
    const std::size_t a = t_.skip_spaces(e);
    const std::size_t b = t_.skip_digits(a);
    if (b > a) {
      e = b;
      if (lower(t_.at(e)) == 'm') ++e;
      const std::size_t c = t_.skip_spaces(e);
      const std::size_t g = t_.skip_digits(c);
      if (g > c) {
        e = g;
        if (lower(t_.at(e)) == 's') ++e;
      }
    }
    return with_ampm(e);
  }
  return ampm_at(i);
}

// The zone alternatives of parse_time's regexp, at k -> end:
//   (?:gmt|utc?)?[-+]\d+(?:[,.:]\d+(?::\d+)?)?
//   |(?-i:[[:alpha:].\s]+)(?:standard|daylight)\stime\b
//   |(?-i:[[:alpha:]]+)(?:\sdst)?\b
std::optional<std::size_t> Parser::zone_alternative(std::size_t k) const {
  for (std::string_view prefix : {"gmt", "utc", "ut", ""}) {
    if (!t_.lit(k, prefix)) continue;
    const std::size_t s = k + prefix.size();
    if (t_.at(s) != '-' && t_.at(s) != '+') continue;
    std::size_t e = t_.skip_digits(s + 1);
    if (e == s + 1) continue;
    if (t_.at(e) == ',' || t_.at(e) == '.' || t_.at(e) == ':') {
      const std::size_t f = t_.skip_digits(e + 1);
      if (f > e + 1) {
        e = f;
        if (t_.at(e) == ':') {
          const std::size_t g = t_.skip_digits(e + 1);
          if (g > e + 1) e = g;
        }
      }
    }
    return e;
  }

  auto alpha_at = [&](std::size_t i) { return i < t_.size() && unicode_alpha(t_.code_point(i)); };
  // The character boundaries after each character of a run of `in_class` characters from k.
  auto run_ends = [&](auto in_class, std::size_t* ends, std::size_t& count) {
    count = 0;
    for (std::size_t i = k; i < t_.size() && in_class(i); i += t_.char_len(i))
      ends[count++] = i + t_.char_len(i);
  };
  std::size_t ends[kMaxDateParseLength];
  std::size_t count = 0;

  run_ends([&](std::size_t i) { return alpha_at(i) || t_.at(i) == '.' || t_.space(i); }, ends,
           count);
  // Backtracking: the longest run first, then shorter ones.
  for (std::size_t n = count; n-- > 0;) {
    const std::size_t q = ends[n];
    if ((t_.lit(q, "standard") || t_.lit(q, "daylight")) && t_.space(q + 8) &&
        t_.lit(q + 9, "time") && t_.boundary(q + 13))
      return q + 13;
  }

  run_ends(alpha_at, ends, count);
  for (std::size_t n = count; n-- > 0;) {
    const std::size_t q = ends[n];
    if (t_.space(q) && t_.lit(q + 1, "dst") && t_.boundary(q + 4)) return q + 4;
    if (t_.boundary(q)) return q;
  }
  return std::nullopt;
}

// (<time>)(?:\s*(<zone>))?
bool Parser::parse_time() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    const std::size_t time_end = time_at(p);
    if (time_end == npos) continue;
    std::size_t end = time_end;
    Group zone;
    // \s* before the zone gives back blanks when nothing matches after all of them.
    const std::size_t blanks_end = t_.skip_spaces(time_end);
    for (std::size_t k = blanks_end + 1; k-- > time_end;) {
      if (auto zone_end = zone_alternative(k)) {
        zone = t_.slice(k, *zone_end);
        end = *zone_end;
        break;
      }
    }

    // parse_time_cb: the zone, then the time text matched again, piece by piece, with
    //   \A(\d+)h?(?:\s*:?\s*(\d+)m?(?:\s*:?\s*(\d+)(?:[,.](\d+))?s?)?)?(?:\s*([ap])(?:m\b|\.m\.))?
    if (zone) h_.zone = std::string(*zone);
    const std::string_view s = t_.slice(p, time_end);
    auto at = [&](std::size_t i) { return i < s.size() ? s[i] : '\0'; };
    auto spaces = [&](std::size_t i) {
      while (is_space(at(i))) ++i;
      return i;
    };
    auto digits = [&](std::size_t i) {
      while (is_digit(at(i))) ++i;
      return i;
    };
    std::size_t i = digits(0);
    const std::string_view hour_text = s.substr(0, i);
    Group min_text, sec_text, fraction_text;
    if (lower(at(i)) == 'h') ++i;
    {
      std::size_t j = spaces(i);
      if (at(j) == ':') ++j;
      j = spaces(j);
      const std::size_t k = digits(j);
      if (k > j) {
        min_text = s.substr(j, k - j);
        i = k;
        if (lower(at(i)) == 'm') ++i;
        std::size_t a = spaces(i);
        if (at(a) == ':') ++a;
        a = spaces(a);
        const std::size_t b = digits(a);
        if (b > a) {
          sec_text = s.substr(a, b - a);
          std::size_t c = b;
          if ((at(c) == ',' || at(c) == '.') && is_digit(at(c + 1))) {
            const std::size_t f = digits(c + 1);
            fraction_text = s.substr(c + 1, f - c - 1);
            c = f;
          }
          if (lower(at(c)) == 's') ++c;
          i = c;
        }
      }
    }
    char meridian = '\0';
    {
      const std::size_t a = spaces(i);
      const char c = lower(at(a));
      if ((c == 'a' || c == 'p') &&
          ((lower(at(a + 1)) == 'm' && !is_word(at(a + 2))) ||
           (at(a + 1) == '.' && lower(at(a + 2)) == 'm' && at(a + 3) == '.')))
        meridian = c;
    }
    std::int64_t hour = to_num(hour_text);
    if (meridian != '\0') {
      if (hour > 2147483647) {  // NUM2INT
        std::size_t z = 0;
        while (z + 1 < hour_text.size() && hour_text[z] == '0') ++z;
        const std::string_view number = hour_text.substr(z);
        if (number.size() > 19 || (number.size() == 19 && number > "9223372036854775807"))
          throw DateRangeError("bignum too big to convert into `long'");
        throw DateRangeError("integer " + std::string(number) + " too big to convert to `int'");
      }
      hour %= 12;
      if (meridian == 'p') hour += 12;
    }
    h_.hour = hour;
    if (min_text) h_.min = to_num(*min_text);
    if (sec_text) h_.sec = to_num(*sec_text);
    if (fraction_text) h_.sec_fraction = to_attos(*fraction_text);
    t_.blank(p, end);
    return true;
  }
  return false;
}

// (c(?:e|\.e\.)|b(?:ce|\.c\.e\.)|a(?:d|\.d\.)|b(?:c|\.c\.)) at i -> end, or npos.
std::size_t Parser::era_at(std::size_t i) const {
  for (std::string_view era : {"ce", "c.e.", "bce", "b.c.e.", "ad", "a.d.", "bc", "b.c."})
    if (t_.lit(i, era)) return i + era.size();
  return npos;
}

// '?-?\d+ (each prefix optional as asked) at i -> end, or npos.
std::size_t Parser::signed_number_at(std::size_t i, bool apostrophe, bool minus) const {
  if (apostrophe && t_.at(i) == '\'') ++i;
  if (minus && t_.at(i) == '-') ++i;
  const std::size_t e = t_.skip_digits(i);
  return e > i ? e : npos;
}

// '?-?\d+(?:(?:st|nd|rd|th)\b)? at i -> end, or npos.
std::size_t Parser::eu_year_at(std::size_t i) const {
  const std::size_t e = signed_number_at(i, true, true);
  if (e == npos) return npos;
  for (std::string_view suffix : {"st", "nd", "rd", "th"})
    if (t_.lit(e, suffix) && t_.boundary(e + 2)) return e + 2;
  return e;
}

// ('?\d+)[^-\d\s]*\s*(jan|...|dec)[^-\d\s']*
// (?:\s*(c(?:e|\.e\.)|b(?:ce|\.c\.e\.)|a(?:d|\.d\.)|b(?:c|\.c\.))?\s*('?-?\d+(?:(?:st|nd|rd|th)\b)?))?
bool Parser::parse_eu() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    const std::size_t day_end = signed_number_at(p, true, false);
    if (day_end == npos) continue;
    const std::size_t run_end = t_.skip_run(day_end);
    int mon = 0;
    std::size_t mon_at = 0;
    for (std::size_t j = run_end + 1; j-- > day_end && mon == 0;) {
      mon_at = j == run_end ? t_.skip_spaces(run_end) : j;
      mon = month_at(t_, mon_at);
    }
    if (mon == 0) continue;
    std::size_t end = t_.skip_run(mon_at + 3, '\'');
    Group era, year;
    const std::size_t s1 = t_.skip_spaces(end);
    if (const std::size_t era_end = era_at(s1); era_end != npos) {
      const std::size_t s2 = t_.skip_spaces(era_end);
      if (const std::size_t year_end = eu_year_at(s2); year_end != npos) {
        era = t_.slice(s1, era_end);
        year = t_.slice(s2, year_end);
        end = year_end;
      }
    }
    if (!year) {
      if (const std::size_t year_end = eu_year_at(s1); year_end != npos) {
        year = t_.slice(s1, year_end);
        end = year_end;
      }
    }
    const std::string mon_text = std::to_string(mon);
    s3e(year, mon_text, t_.slice(p, day_end), era && lower(era->front()) == 'b');
    t_.blank(p, end);
    return true;
  }
  return false;
}

// \b(jan|...|dec)[^-\d\s']*\s*('?\d+)[^-\d\s']*
// (?:\s*,?\s*(c(?:e|\.e\.)|b(?:ce|\.c\.e\.)|a(?:d|\.d\.)|b(?:c|\.c\.))?\s*('?-?\d+))?
bool Parser::parse_us() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    const int mon = month_at(t_, p);
    if (mon == 0 || !t_.boundary(p)) continue;
    const std::size_t day_at = t_.skip_spaces(t_.skip_run(p + 3, '\''));
    const std::size_t day_end = signed_number_at(day_at, true, false);
    if (day_end == npos) continue;
    std::size_t end = t_.skip_run(day_end, '\'');
    Group era, year;
    const std::size_t s = t_.skip_spaces(end);
    const std::size_t s2 = t_.skip_spaces(t_.at(s) == ',' ? s + 1 : s);
    if (const std::size_t era_end = era_at(s2); era_end != npos) {
      const std::size_t s3 = t_.skip_spaces(era_end);
      if (const std::size_t year_end = signed_number_at(s3, true, true); year_end != npos) {
        era = t_.slice(s2, era_end);
        year = t_.slice(s3, year_end);
        end = year_end;
      }
    }
    if (!year) {
      if (const std::size_t year_end = signed_number_at(s2, true, true); year_end != npos) {
        year = t_.slice(s2, year_end);
        end = year_end;
      }
    }
    const std::string mon_text = std::to_string(mon);
    s3e(year, mon_text, t_.slice(day_at, day_end), era && lower(era->front()) == 'b');
    t_.blank(p, end);
    return true;
  }
  return false;
}

// ('?[-+]?\d+)-(\d+)-('?-?\d+)
bool Parser::parse_iso() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    std::size_t i = p;
    if (t_.at(i) == '\'') ++i;
    if (t_.at(i) == '-' || t_.at(i) == '+') ++i;
    const std::size_t y_end = t_.skip_digits(i);
    if (y_end == i || t_.at(y_end) != '-') continue;
    const std::size_t m_end = t_.skip_digits(y_end + 1);
    if (m_end == y_end + 1 || t_.at(m_end) != '-') continue;
    const std::size_t d_end = signed_number_at(m_end + 1, true, true);
    if (d_end == npos) continue;
    s3e(t_.slice(p, y_end), t_.slice(y_end + 1, m_end), t_.slice(m_end + 1, d_end), false);
    t_.blank(p, d_end);
    return true;
  }
  return false;
}

// \b(\d{2}|\d{4})?-?w(\d{2})(?:-?(\d))?\b
bool Parser::parse_iso21() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    if (!t_.boundary(p)) continue;
    for (std::size_t year_len : {2, 4, 0}) {
      bool year_ok = true;
      for (std::size_t k = 0; k < year_len; ++k) year_ok = year_ok && t_.digit(p + k);
      if (!year_ok) continue;
      const std::size_t i = p + year_len;
      for (std::size_t dash : {1, 0}) {
        if (dash == 1 && t_.at(i) != '-') continue;
        const std::size_t w = i + dash;
        if (lower(t_.at(w)) != 'w' || !t_.digit(w + 1) || !t_.digit(w + 2)) continue;
        const std::size_t week_end = w + 3;
        // (?:-?(\d))? : with the dash, without it, or not at all.
        struct Option {
          std::size_t end;
          Group day;
        };
        Option options[3];
        std::size_t count = 0;
        if (t_.at(week_end) == '-' && t_.digit(week_end + 1))
          options[count++] = {week_end + 2, t_.slice(week_end + 1, week_end + 2)};
        if (t_.digit(week_end)) options[count++] = {week_end + 1, t_.slice(week_end, week_end + 1)};
        options[count++] = {week_end, std::nullopt};
        for (std::size_t o = 0; o < count; ++o) {
          if (!t_.boundary(options[o].end)) continue;
          if (year_len > 0) h_.cwyear = to_num(t_.slice(p, p + year_len));
          h_.cweek = to_num(t_.slice(w + 1, w + 3));
          if (options[o].day) h_.cwday = to_num(*options[o].day);
          t_.blank(p, options[o].end);
          return true;
        }
      }
    }
  }
  return false;
}

// -w-(\d)\b
bool Parser::parse_iso22() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    if (t_.at(p) == '-' && lower(t_.at(p + 1)) == 'w' && t_.at(p + 2) == '-' && t_.digit(p + 3) &&
        t_.boundary(p + 4)) {
      h_.cwday = t_.at(p + 3) - '0';
      t_.blank(p, p + 4);
      return true;
    }
  }
  return false;
}

// --(\d{2})?-(\d{2})\b
bool Parser::parse_iso23() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    if (t_.at(p) != '-' || t_.at(p + 1) != '-') continue;
    if (t_.digit(p + 2) && t_.digit(p + 3) && t_.at(p + 4) == '-' && t_.digit(p + 5) &&
        t_.digit(p + 6) && t_.boundary(p + 7)) {
      h_.mon = to_num(t_.slice(p + 2, p + 4));
      h_.mday = to_num(t_.slice(p + 5, p + 7));
      t_.blank(p, p + 7);
      return true;
    }
    if (t_.at(p + 2) == '-' && t_.digit(p + 3) && t_.digit(p + 4) && t_.boundary(p + 5)) {
      h_.mday = to_num(t_.slice(p + 3, p + 5));
      t_.blank(p, p + 5);
      return true;
    }
  }
  return false;
}

// --(\d{2})(\d{2})?\b
bool Parser::parse_iso24() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    if (t_.at(p) != '-' || t_.at(p + 1) != '-' || !t_.digit(p + 2) || !t_.digit(p + 3)) continue;
    std::size_t end = npos;
    if (t_.digit(p + 4) && t_.digit(p + 5) && t_.boundary(p + 6)) {
      end = p + 6;
    } else if (t_.boundary(p + 4)) {
      end = p + 4;
    }
    if (end == npos) continue;
    h_.mon = to_num(t_.slice(p + 2, p + 4));
    if (end == p + 6) h_.mday = to_num(t_.slice(p + 4, p + 6));
    t_.blank(p, end);
    return true;
  }
  return false;
}

// Unless [,.](\d{2}|\d{4})-\d{3}\b matches: \b(\d{2}|\d{4})-(\d{3})\b
bool Parser::parse_iso25() {
  auto year_yday_at = [&](std::size_t i) -> std::size_t {  // (\d{2}|\d{4})-\d{3}\b -> year length
    for (std::size_t len : {2, 4}) {
      bool ok = true;
      for (std::size_t k = 0; k < len; ++k) ok = ok && t_.digit(i + k);
      if (ok && t_.at(i + len) == '-' && t_.digit(i + len + 1) && t_.digit(i + len + 2) &&
          t_.digit(i + len + 3) && t_.boundary(i + len + 4))
        return len;
    }
    return 0;
  };
  for (std::size_t p = 0; p < t_.size(); ++p)
    if ((t_.at(p) == ',' || t_.at(p) == '.') && year_yday_at(p + 1) != 0) return false;
  for (std::size_t p = 0; p < t_.size(); ++p) {
    if (!t_.boundary(p)) continue;
    const std::size_t len = year_yday_at(p);
    if (len == 0) continue;
    h_.year = to_num(t_.slice(p, p + len));
    h_.yday = to_num(t_.slice(p + len + 1, p + len + 4));
    t_.blank(p, p + len + 4);
    return true;
  }
  return false;
}

// Unless \d-\d{3}\b matches: \b-(\d{3})\b
bool Parser::parse_iso26() {
  auto dash_yday_at = [&](std::size_t i) {
    return t_.at(i) == '-' && t_.digit(i + 1) && t_.digit(i + 2) && t_.digit(i + 3) &&
           t_.boundary(i + 4);
  };
  for (std::size_t p = 0; p < t_.size(); ++p)
    if (t_.digit(p) && dash_yday_at(p + 1)) return false;
  for (std::size_t p = 0; p < t_.size(); ++p) {
    if (!t_.boundary(p) || !dash_yday_at(p)) continue;
    h_.yday = to_num(t_.slice(p + 1, p + 4));
    t_.blank(p, p + 4);
    return true;
  }
  return false;
}

// \b([mtsh])(\d+)\.(\d+)\.(\d+)
bool Parser::parse_jis() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    const char era = lower(t_.at(p));
    if ((era != 'm' && era != 't' && era != 's' && era != 'h') || !t_.boundary(p)) continue;
    const std::size_t y_end = t_.skip_digits(p + 1);
    if (y_end == p + 1 || t_.at(y_end) != '.') continue;
    const std::size_t m_end = t_.skip_digits(y_end + 1);
    if (m_end == y_end + 1 || t_.at(m_end) != '.') continue;
    const std::size_t d_end = t_.skip_digits(m_end + 1);
    if (d_end == m_end + 1) continue;
    const std::int64_t base = era == 'm' ? 1867 : era == 't' ? 1911 : era == 's' ? 1925 : 1988;
    h_.year = to_num(t_.slice(p + 1, y_end)) + base;
    h_.mon = to_num(t_.slice(y_end + 1, m_end));
    h_.mday = to_num(t_.slice(m_end + 1, d_end));
    t_.blank(p, d_end);
    return true;
  }
  return false;
}

// ('?-?\d+)-(jan|...|dec)[^-\/.]*-('?-?\d+)
bool Parser::parse_vms11() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    const std::size_t d_end = signed_number_at(p, true, true);
    if (d_end == npos || t_.at(d_end) != '-') continue;
    const int mon = month_at(t_, d_end + 1);
    if (mon == 0) continue;
    std::size_t r = d_end + 4;
    while (r < t_.size() && t_.at(r) != '-' && t_.at(r) != '/' && t_.at(r) != '.') ++r;
    if (t_.at(r) != '-') continue;
    const std::size_t y_end = signed_number_at(r + 1, true, true);
    if (y_end == npos) continue;
    const std::string mon_text = std::to_string(mon);
    s3e(t_.slice(r + 1, y_end), mon_text, t_.slice(p, d_end), false);
    t_.blank(p, y_end);
    return true;
  }
  return false;
}

// \b(jan|...|dec)[^-\/.]*-('?-?\d+)(?:-('?-?\d+))?
bool Parser::parse_vms12() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    const int mon = month_at(t_, p);
    if (mon == 0 || !t_.boundary(p)) continue;
    std::size_t r = p + 3;
    while (r < t_.size() && t_.at(r) != '-' && t_.at(r) != '/' && t_.at(r) != '.') ++r;
    if (t_.at(r) != '-') continue;
    const std::size_t d_end = signed_number_at(r + 1, true, true);
    if (d_end == npos) continue;
    std::size_t end = d_end;
    Group year;
    if (t_.at(d_end) == '-') {
      if (const std::size_t y_end = signed_number_at(d_end + 1, true, true); y_end != npos) {
        year = t_.slice(d_end + 1, y_end);
        end = y_end;
      }
    }
    const std::string mon_text = std::to_string(mon);
    s3e(year, mon_text, t_.slice(r + 1, d_end), false);
    t_.blank(p, end);
    return true;
  }
  return false;
}

// ('?-?\d+)\/\s*('?\d+)(?:\D\s*('?-?\d+))?
bool Parser::parse_sla() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    const std::size_t y_end = signed_number_at(p, true, true);
    if (y_end == npos || t_.at(y_end) != '/') continue;
    const std::size_t m_at = t_.skip_spaces(y_end + 1);
    const std::size_t m_end = signed_number_at(m_at, true, false);
    if (m_end == npos) continue;
    std::size_t end = m_end;
    Group day;
    if (m_end < t_.size()) {  // \D: any one character (the digits before are greedy)
      const std::size_t d_at = t_.skip_spaces(m_end + t_.char_len(m_end));
      if (const std::size_t d_end = signed_number_at(d_at, true, true); d_end != npos) {
        day = t_.slice(d_at, d_end);
        end = d_end;
      }
    }
    s3e(t_.slice(p, y_end), t_.slice(m_at, m_end), day, false);
    t_.blank(p, end);
    return true;
  }
  return false;
}

// ('?-?\d+)\.\s*('?\d+)\.\s*('?-?\d+)
bool Parser::parse_dot() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    const std::size_t y_end = signed_number_at(p, true, true);
    if (y_end == npos || t_.at(y_end) != '.') continue;
    const std::size_t m_at = t_.skip_spaces(y_end + 1);
    const std::size_t m_end = signed_number_at(m_at, true, false);
    if (m_end == npos || t_.at(m_end) != '.') continue;
    const std::size_t d_at = t_.skip_spaces(m_end + 1);
    const std::size_t d_end = signed_number_at(d_at, true, true);
    if (d_end == npos) continue;
    s3e(t_.slice(p, y_end), t_.slice(m_at, m_end), t_.slice(d_at, d_end), false);
    t_.blank(p, d_end);
    return true;
  }
  return false;
}

// '(\d+)\b
bool Parser::parse_year() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    if (t_.at(p) != '\'') continue;
    const std::size_t e = t_.skip_digits(p + 1);
    if (e == p + 1 || !t_.boundary(e)) continue;
    h_.year = to_num(t_.slice(p + 1, e));
    t_.blank(p, e);
    return true;
  }
  return false;
}

// \b(jan|...|dec)\S*
bool Parser::parse_mon() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    const int mon = month_at(t_, p);
    if (mon == 0 || !t_.boundary(p)) continue;
    std::size_t e = p + 3;
    while (e < t_.size() && !t_.space(e)) ++e;
    h_.mon = mon;
    t_.blank(p, e);
    return true;
  }
  return false;
}

// (\d+)(st|nd|rd|th)\b
bool Parser::parse_mday() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    const std::size_t e = t_.skip_digits(p);
    if (e == p) continue;
    bool suffix = false;
    for (std::string_view s : {"st", "nd", "rd", "th"}) suffix = suffix || t_.lit(e, s);
    if (!suffix || !t_.boundary(e + 2)) continue;
    h_.mday = to_num(t_.slice(p, e));
    t_.blank(p, e + 2);
    return true;
  }
  return false;
}

// ([-+]?)(\d{2,14})(?:\s*t?\s*(\d{2,6})?(?:[,.](\d*))?)?
// (?:\s*(z\b|[-+]\d{1,4}\b|\[[-+]?\d[^\]]*\]))?
bool Parser::parse_ddd() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    std::size_t i = p;
    if ((t_.at(i) == '-' || t_.at(i) == '+') && t_.digit(i + 1) && t_.digit(i + 2)) ++i;
    const std::size_t run = t_.skip_digits(i) - i;
    if (run < 2) continue;
    const std::string_view s1 = t_.slice(p, i);
    const std::string_view s2 = t_.slice(i, i + (run < 14 ? run : 14));
    std::size_t e = i + s2.size();
    Group s3, s4, s5;
    e = t_.skip_spaces(e);
    if (lower(t_.at(e)) == 't') ++e;
    e = t_.skip_spaces(e);
    if (const std::size_t r = t_.skip_digits(e) - e; r >= 2) {
      s3 = t_.slice(e, e + (r < 6 ? r : 6));
      e += s3->size();
    }
    if (t_.at(e) == ',' || t_.at(e) == '.') {
      const std::size_t f = t_.skip_digits(e + 1);
      s4 = t_.slice(e + 1, f);
      e = f;
    }
    const std::size_t z = t_.skip_spaces(e);
    if (lower(t_.at(z)) == 'z' && t_.boundary(z + 1)) {
      s5 = t_.slice(z, z + 1);
    } else if ((t_.at(z) == '-' || t_.at(z) == '+') && t_.digit(z + 1)) {
      const std::size_t r = t_.skip_digits(z + 1) - (z + 1);
      if (r <= 4 && t_.boundary(z + 1 + r)) s5 = t_.slice(z, z + 1 + r);
    } else if (t_.at(z) == '[') {
      std::size_t j = z + 1;
      if (t_.at(j) == '-' || t_.at(j) == '+') ++j;
      if (t_.digit(j)) {
        while (j < t_.size() && t_.at(j) != ']') ++j;
        if (t_.at(j) == ']') s5 = t_.slice(z, j + 1);
      }
    }
    if (s5) e = z + s5->size();

    // parse_ddd_cb
    const std::string_view cs2 = s2;
    const std::size_t l2 = cs2.size();
    const bool time_only = !s3 && s4;  // digits are a time when a fraction follows directly
    const bool negative = !s1.empty() && s1[0] == '-';
    auto year_of = [&](std::int64_t y) { return negative ? -y : y; };
    switch (l2) {
      case 2:
        if (time_only)
          h_.sec = n2i(cs2, l2 - 2, 2);
        else
          h_.mday = n2i(cs2, 0, 2);
        break;
      case 4:
        if (time_only) {
          h_.sec = n2i(cs2, l2 - 2, 2);
          h_.min = n2i(cs2, l2 - 4, 2);
        } else {
          h_.mon = n2i(cs2, 0, 2);
          h_.mday = n2i(cs2, 2, 2);
        }
        break;
      case 6:
        if (time_only) {
          h_.sec = n2i(cs2, l2 - 2, 2);
          h_.min = n2i(cs2, l2 - 4, 2);
          h_.hour = n2i(cs2, l2 - 6, 2);
        } else {
          h_.year = year_of(n2i(cs2, 0, 2));
          h_.mon = n2i(cs2, 2, 2);
          h_.mday = n2i(cs2, 4, 2);
        }
        break;
      case 8:
      case 10:
      case 12:
      case 14:
        if (time_only) {
          h_.sec = n2i(cs2, l2 - 2, 2);
          h_.min = n2i(cs2, l2 - 4, 2);
          h_.hour = n2i(cs2, l2 - 6, 2);
          h_.mday = n2i(cs2, l2 - 8, 2);
          if (l2 >= 10) h_.mon = n2i(cs2, l2 - 10, 2);
          if (l2 == 12) h_.year = year_of(n2i(cs2, l2 - 12, 2));
          if (l2 == 14) {
            h_.year = year_of(n2i(cs2, l2 - 14, 4));
            comp_ = false;
          }
        } else {
          h_.year = year_of(n2i(cs2, 0, 4));
          h_.mon = n2i(cs2, 4, 2);
          h_.mday = n2i(cs2, 6, 2);
          if (l2 >= 10) h_.hour = n2i(cs2, 8, 2);
          if (l2 >= 12) h_.min = n2i(cs2, 10, 2);
          if (l2 >= 14) h_.sec = n2i(cs2, 12, 2);
          comp_ = false;
        }
        break;
      case 3:
        if (time_only) {
          h_.sec = n2i(cs2, l2 - 2, 2);
          h_.min = n2i(cs2, l2 - 3, 1);
        } else {
          h_.yday = n2i(cs2, 0, 3);
        }
        break;
      case 5:
        if (time_only) {
          h_.sec = n2i(cs2, l2 - 2, 2);
          h_.min = n2i(cs2, l2 - 4, 2);
          h_.hour = n2i(cs2, l2 - 5, 1);
        } else {
          h_.year = year_of(n2i(cs2, 0, 2));
          h_.yday = n2i(cs2, 2, 3);
        }
        break;
      case 7:
        if (time_only) {
          h_.sec = n2i(cs2, l2 - 2, 2);
          h_.min = n2i(cs2, l2 - 4, 2);
          h_.hour = n2i(cs2, l2 - 6, 2);
          h_.mday = n2i(cs2, l2 - 7, 1);
        } else {
          h_.year = year_of(n2i(cs2, 0, 4));
          h_.yday = n2i(cs2, 4, 3);
        }
        break;
      default:  // 9, 11, 13 digits: no fields
        break;
    }
    if (s3) {
      const std::string_view cs3 = *s3;
      const std::size_t l3 = cs3.size();
      if (l3 == 2 || l3 == 4 || l3 == 6) {
        if (s4) {
          h_.sec = n2i(cs3, l3 - 2, 2);
          if (l3 >= 4) h_.min = n2i(cs3, l3 - 4, 2);
          if (l3 >= 6) h_.hour = n2i(cs3, l3 - 6, 2);
        } else {
          h_.hour = n2i(cs3, 0, 2);
          if (l3 >= 4) h_.min = n2i(cs3, 2, 2);
          if (l3 >= 6) h_.sec = n2i(cs3, 4, 2);
        }
      }
    }
    if (s4) h_.sec_fraction = to_attos(*s4);
    if (s5) {
      std::string_view zone = *s5;
      if (zone.front() == '[') {
        // "[-5:EST]" -> "EST"; "[+9]" -> "+9" (the offset part is for :offset, not kept here)
        zone = zone.substr(1, zone.size() - 2);
        if (const std::size_t colon = zone.find(':'); colon != std::string_view::npos)
          zone = zone.substr(colon + 1);
      }
      h_.zone = std::string(zone);
    }
    t_.blank(p, e);
    return true;
  }
  return false;
}

// \b(bc\b|bce\b|b\.c\.|b\.c\.e\.)
bool Parser::parse_bc() {
  for (std::size_t p = 0; p < t_.size(); ++p) {
    if (!t_.boundary(p)) continue;
    std::size_t e = npos;
    if (t_.lit(p, "bc") && t_.boundary(p + 2))
      e = p + 2;
    else if (t_.lit(p, "bce") && t_.boundary(p + 3))
      e = p + 3;
    else if (t_.lit(p, "b.c."))
      e = p + 4;
    if (e == npos) continue;
    bc_ = true;
    t_.blank(p, e);
    return true;
  }
  return false;
}

// \A\s*(\d{1,2})\s*\z
bool Parser::parse_frag() {
  const std::size_t b = t_.skip_spaces(0);
  const std::size_t e = t_.skip_digits(b);
  if (e == b || e - b > 2 || t_.skip_spaces(e) != t_.size()) return false;
  const std::int64_t n = to_num(t_.slice(b, e));
  if (h_.hour && !h_.mday && n >= 1 && n <= 31) h_.mday = n;
  if (h_.mday && !h_.hour && n >= 0 && n <= 24) h_.hour = n;
  t_.blank(0, t_.size());
  return true;
}

DateParts Parser::run() {
  auto has = [&](unsigned wanted) { return (classes() & wanted) == wanted; };
  if (has(kAlpha)) parse_day();
  if (has(kDigit)) parse_time();

  [&] {
    if (has(kAlpha | kDigit) && (parse_eu() || parse_us())) return;
    if (has(kDigit | kDash) && parse_iso()) return;
    if (has(kDigit | kDot) && parse_jis()) return;
    if (has(kAlpha | kDigit | kDash) && (parse_vms11() || parse_vms12())) return;
    if (has(kDigit | kSlash) && parse_sla()) return;
    if (has(kDigit | kDot) && parse_dot()) return;
    if (has(kDigit) && (parse_iso21() || parse_iso22() || parse_iso23() || parse_iso24() ||
                        parse_iso25() || parse_iso26()))
      return;
    if (has(kDigit) && parse_year()) return;
    if (has(kAlpha) && parse_mon()) return;
    if (has(kDigit) && parse_mday()) return;
    if (has(kDigit)) parse_ddd();
  }();

  if (has(kAlpha)) parse_bc();
  if (has(kDigit)) parse_frag();

  if (bc_) {
    if (h_.cwyear) h_.cwyear = -*h_.cwyear + 1;
    if (h_.year) h_.year = -*h_.year + 1;
  }
  if (comp_) {
    auto complete = [](std::optional<std::int64_t>& y) {
      if (y && *y >= 0 && *y <= 99) *y += *y >= 69 ? 1900 : 2000;
    };
    complete(h_.cwyear);
    complete(h_.year);
  }
  return h_;
}

}  // namespace

std::optional<DateParts> date_parse(std::string_view text) {
  if (text.size() > kMaxDateParseLength) return std::nullopt;
  Text t;
  if (!t.load(text)) return std::nullopt;
  return Parser(t).run();
}

}  // namespace liquid::time
