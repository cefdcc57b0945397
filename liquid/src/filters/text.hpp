// Reading filter operands as text, shared by the string, html, url and base64 families (internal).
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "filters/coerce.hpp"
#include "liquid/value.hpp"
#include "utf8.hpp"

namespace liquid::filters {

// The text of an operand as Liquid's Utils.to_s gives it (nil -> "", arrays in inspect form,
// numbers as Ruby prints them). A string is viewed in place, without a copy; anything else is
// converted into `storage`, which must outlive the view.
inline std::string_view text_of(const Value& v, std::string& storage) {
  if (v.is_string()) return v.as_string();
  Value scratch;
  const Value& plain = unwrap(v, scratch);
  if (plain.is_string())
    storage.assign(plain.as_string());
  else
    storage = ruby_to_s(plain);
  return storage;
}

// A result whose text equals the input's: the input value itself when it is a string (no copy),
// else a string made from `storage` (which holds the converted text).
inline Value unchanged_text(const Value& input, std::string&& storage) {
  if (input.is_string()) return input;
  return Value(std::move(storage));
}

// Ruby's `input.nil?` for a filter input, looking through a drop to its plain value.
inline bool is_nil_input(const Value& v) {
  if (v.is_nil()) return true;
  if (!v.is_drop()) return false;
  Value scratch;
  return unwrap(v, scratch).is_nil();
}

// The position of `needle` in `hay` at or after `from`, or npos. As Ruby's String#index, a match
// must start on a character boundary; only a needle starting with a UTF-8 continuation byte can
// match elsewhere, so only then are boundaries walked. `from` must be a boundary.
inline std::size_t find_text(std::string_view hay, std::string_view needle, std::size_t from) {
  if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
  if ((static_cast<unsigned char>(needle.front()) & 0xC0) != 0x80) return hay.find(needle, from);
  for (std::size_t i = from; i < hay.size(); i = utf8::next(hay, i))
    if (hay.compare(i, needle.size(), needle) == 0) return i;
  return std::string_view::npos;
}

// The last position of `needle` in `hay` (String#rindex), or npos; "" is found at the end.
inline std::size_t rfind_text(std::string_view hay, std::string_view needle) {
  if (needle.empty() || (static_cast<unsigned char>(needle.front()) & 0xC0) != 0x80)
    return hay.rfind(needle);
  std::size_t found = std::string_view::npos;
  for (std::size_t i = 0; i < hay.size(); i = utf8::next(hay, i))
    if (hay.compare(i, needle.size(), needle) == 0) found = i;
  return found;
}

}  // namespace liquid::filters
