// text/xml, application/xml, */*+xml: XML 1.0 well-formedness, by expat.
//
// expat honours the document's own encoding declaration (UTF-8, UTF-16, ISO-8859-1, US-ASCII),
// loads no external entity, and limits entity expansion (billion laughs) by default. It reports
// the byte index of an error directly, which is our offset. Names are not namespace-checked:
// `<x:a/>` without an xmlns:x declaration is well-formed XML 1.0.
#include <expat.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <new>

#include "validate/internal.hpp"

namespace liquid::validate::detail {

namespace {

// Bodies are fed in pieces: XML_Parse takes an int length.
constexpr std::size_t kChunkSize = std::size_t{1} << 20;

struct ParserDeleter {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};
using ParserPtr = std::unique_ptr<XML_ParserStruct, ParserDeleter>;

// Offsets of the '<' of the elements still open, to say which one a bad end tag should close.
struct OpenElements {
  XML_Parser parser;
  std::vector<std::size_t> starts;
};

void XMLCALL on_start_element(void* user_data, const XML_Char*, const XML_Char**) {
  auto* open = static_cast<OpenElements*>(user_data);
  open->starts.push_back(static_cast<std::size_t>(XML_GetCurrentByteIndex(open->parser)));
}

void XMLCALL on_end_element(void* user_data, const XML_Char*) {
  auto* open = static_cast<OpenElements*>(user_data);
  if (!open->starts.empty()) open->starts.pop_back();
}

bool is_name_end(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>' || c == '=';
}

// The tag name at s[i] (just after '<' or '</'), if the body is in an ASCII-compatible encoding.
std::string_view name_at(std::string_view s, std::size_t i) {
  std::size_t end = i;
  while (end < s.size() && !is_name_end(s[end])) ++end;
  return s.substr(i, end - i);
}

bool is_reference_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c == ':' || c == '#';
}

struct XmlError {
  std::size_t offset;
  std::string message;
};

// expat's message, made specific where the usual template mistakes show: an unescaped '&' or
// '<' in text (expat stops a few bytes later, so the offset moves back to it), an end tag that
// closes the wrong element, a document cut short.
XmlError explain(std::string_view body, XML_Error code, std::size_t offset,
                 const std::vector<std::size_t>& open) {
  // Names are read back from the body only if it is ASCII-compatible (not UTF-16).
  const bool ascii_view = body.find('\0') == std::string_view::npos;
  auto open_element = [&]() -> std::string {
    std::size_t start = open.back();
    if (!ascii_view || start >= body.size() || body[start] != '<') return "the open element";
    return "<" + quote_excerpt(name_at(body, start + 1)) + "> (opened at " +
           describe_position(body, start) + ")";
  };
  switch (code) {
    case XML_ERROR_TAG_MISMATCH:
      if (!open.empty() && ascii_view) {
        std::string closer = "</" + quote_excerpt(name_at(body, offset)) + ">";
        return {offset, "mismatched end tag " + closer + ": expected the end of " + open_element()};
      }
      break;
    case XML_ERROR_NO_ELEMENTS:
      if (!open.empty()) {
        return {offset, "unexpected end of input: " + open_element() + " is not closed"};
      }
      if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return {offset, std::string(body.empty() ? "empty body" : "body is only whitespace") +
                            ": expected an XML document element"};
      }
      return {offset, "no root element: expected an XML document element"};
    case XML_ERROR_JUNK_AFTER_DOC_ELEMENT:
      return {offset,
              "data after the root element: an XML document has exactly one root element, found " +
                  describe_byte(body, offset)};
    case XML_ERROR_UNDEFINED_ENTITY:
      if (ascii_view && offset < body.size()) {
        std::size_t end = body.find(';', offset);
        std::string_view entity =
            body.substr(offset, end == std::string_view::npos ? 1 : end - offset + 1);
        return {offset, "undefined entity '" + quote_excerpt(entity) +
                            "': XML predefines only &amp; &lt; &gt; &apos; &quot; (a literal '&' "
                            "is &amp;)"};
      }
      break;
    case XML_ERROR_INVALID_TOKEN:
    case XML_ERROR_SYNTAX:
      if (ascii_view && offset < body.size()) {
        // "AT&T<": expat reads "&T" as a reference and fails at the byte after it.
        std::size_t back = offset;
        while (back > 0 && is_reference_char(body[back - 1])) --back;
        if (back > 0 && body[back - 1] == '&') {
          return {back - 1, "'&' must be written &amp; in XML text and attribute values"};
        }
        if (offset > 0 && body[offset - 1] == '<') {
          return {offset - 1, "'<' not followed by a tag name: a literal '<' is written &lt;"};
        }
        if (offset >= 2 && body.substr(offset - 2, 3) == "]]>") {
          return {offset - 2, "']]>' is not allowed in XML text: write ]]&gt;"};
        }
        std::size_t before = body.find_last_not_of(" \t\r\n", offset - 1);
        if (offset > 0 && before != std::string_view::npos && body[before] == '=') {
          return {offset,
                  "attribute value must be in quotes, found " + describe_byte(body, offset)};
        }
      }
      if (offset < body.size()) {
        return {offset,
                std::string(XML_ErrorString(code)) + ": found " + describe_byte(body, offset)};
      }
      break;
    default:
      break;
  }
  return {offset, XML_ErrorString(code)};
}

}  // namespace

void validate_xml(std::string_view body, IssueSink& sink) {
  ParserPtr parser(XML_ParserCreate(nullptr));
  if (!parser) throw std::bad_alloc();
  OpenElements open{parser.get(), {}};
  XML_SetUserData(parser.get(), &open);
  XML_SetElementHandler(parser.get(), on_start_element, on_end_element);

  std::size_t position = 0;
  XML_Status status = XML_STATUS_OK;
  do {
    std::size_t length = std::min(kChunkSize, body.size() - position);
    bool last = position + length == body.size();
    status =
        XML_Parse(parser.get(), body.data() + position, static_cast<int>(length), last ? 1 : 0);
    position += length;
  } while (status == XML_STATUS_OK && position < body.size());

  if (status != XML_STATUS_ERROR) return;
  XML_Error code = XML_GetErrorCode(parser.get());
  XML_Index index = XML_GetCurrentByteIndex(parser.get());
  std::size_t offset =
      index < 0 ? body.size() : std::min(static_cast<std::size_t>(index), body.size());
  XmlError error = explain(body, code, offset, open.starts);
  sink.add(ids::xml_invalid, Severity::error, error.offset,
           [&] { return std::move(error.message); });
}

}  // namespace liquid::validate::detail
