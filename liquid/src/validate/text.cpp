// text/plain: valid UTF-8 and no NUL byte. Also the UTF-8 decoding rules the other validators use.
#include <cstdio>
#include <cstring>

#include "validate/internal.hpp"

namespace liquid::validate::detail {

namespace {

unsigned char byte_at(std::string_view s, std::size_t i) {
  return static_cast<unsigned char>(s[i]);
}

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Sequence length announced by a lead byte (0: never a lead byte), and the range its second byte
// must be in; the narrower ranges exclude overlong forms, surrogates and code points > U+10FFFF.
struct Lead {
  std::size_t length;
  unsigned char second_min, second_max;
};

Lead lead_of(unsigned char c) {
  if (c >= 0xC2 && c <= 0xDF) return {2, 0x80, 0xBF};
  if (c == 0xE0) return {3, 0xA0, 0xBF};
  if (c == 0xED) return {3, 0x80, 0x9F};
  if (c >= 0xE1 && c <= 0xEF) return {3, 0x80, 0xBF};
  if (c == 0xF0) return {4, 0x90, 0xBF};
  if (c == 0xF4) return {4, 0x80, 0x8F};
  if (c >= 0xF1 && c <= 0xF3) return {4, 0x80, 0xBF};
  return {0, 0, 0};
}

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
constexpr std::uint64_t kLowBits = 0x0101010101010101ULL;

// True if the 8 bytes are all ASCII and none is NUL.
bool plain_ascii_word(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  bool has_zero = ((word - kLowBits) & ~word & kHighBits) != 0;
  return (word & kHighBits) == 0 && !has_zero;
}

std::string invalid_utf8_message(std::string_view s, std::size_t i, std::size_t length) {
  constexpr std::size_t kShown = 8;
  std::string bytes;
  for (std::size_t k = 0; k < length && k < kShown; ++k) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%s0x%02X", k == 0 ? "" : " ", byte_at(s, i + k));
    bytes += buffer;
  }
  if (length > kShown) bytes += " ... (" + std::to_string(length) + " bytes)";
  Lead lead = lead_of(byte_at(s, i));
  if (lead.length > length && i + length == s.size()) {
    return "truncated UTF-8 sequence at end of input (" + bytes + ")";
  }
  if (lead.length == 0 && is_continuation(byte_at(s, i))) {
    return "invalid UTF-8: continuation byte " + bytes + " without a lead byte";
  }
  return "invalid UTF-8 (" + bytes + ")";
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  unsigned char c = byte_at(s, i);
  if (c < 0x80) return 1;
  Lead lead = lead_of(c);
  if (lead.length == 0 || s.size() - i < lead.length) return 0;
  unsigned char second = byte_at(s, i + 1);
  if (second < lead.second_min || second > lead.second_max) return 0;
  for (std::size_t k = 2; k < lead.length; ++k) {
    if (!is_continuation(byte_at(s, i + k))) return 0;
  }
  return lead.length;
}

std::size_t utf8_invalid_length(std::string_view s, std::size_t i) {
  Lead lead = lead_of(byte_at(s, i));
  if (lead.length == 0) return 1;
  std::size_t k = 1;
  if (i + k < s.size() && byte_at(s, i + k) >= lead.second_min &&
      byte_at(s, i + k) <= lead.second_max) {
    ++k;
    while (k < lead.length && i + k < s.size() && is_continuation(byte_at(s, i + k))) ++k;
  }
  return k;
}

void validate_text(std::string_view body, IssueSink& sink) {
  const std::size_t size = body.size();
  std::size_t i = 0;
  while (i < size) {
    while (size - i >= 8 && plain_ascii_word(body.data() + i)) i += 8;
    if (i >= size) break;
    unsigned char c = byte_at(body, i);
    if (c == 0) {
      // A run of NULs is one mistake (binary data, a C string's padding): one issue.
      std::size_t run = 1;
      while (i + run < size && body[i + run] == '\0') ++run;
      sink.add(ids::text_nul, Severity::error, i, [&] {
        return run == 1 ? std::string("NUL byte in text")
                        : std::to_string(run) + " NUL bytes in text";
      });
      i += run;
    } else if (c < 0x80) {
      ++i;
    } else if (std::size_t length = utf8_sequence_length(body, i); length != 0) {
      i += length;
    } else {
      // Adjacent invalid subparts are one mistake (one Latin-1 or CESU-8 character): one issue.
      std::size_t invalid = utf8_invalid_length(body, i);
      while (i + invalid < size && byte_at(body, i + invalid) >= 0x80 &&
             utf8_sequence_length(body, i + invalid) == 0) {
        invalid += utf8_invalid_length(body, i + invalid);
      }
      sink.add(ids::text_invalid_utf8, Severity::error, i,
               [&] { return invalid_utf8_message(body, i, invalid); });
      i += invalid;
    }
  }
}

}  // namespace liquid::validate::detail
