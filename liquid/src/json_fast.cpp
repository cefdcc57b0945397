#include "json_fast.hpp"

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "liquid/json.hpp"

namespace liquid::detail {

namespace {

namespace dom = simdjson::dom;

// Records and bodies are a few KB; the parser kept per thread grows to the largest one read.
constexpr std::size_t kMaxFastDocument = 1 << 20;

// simdjson's document as a Value, recursively (the depth is bounded by kMaxJsonDepth).
class Converter {
 public:
  // False when the document nests deeper than kMaxJsonDepth (Boost.JSON then says so).
  bool ok() const { return ok_; }

  Value convert(dom::element e, std::size_t depth) {
    switch (e.type()) {
      case dom::element_type::ARRAY: {
        if (depth >= kMaxJsonDepth) return fail();
        const dom::array array = e.get_array().value_unsafe();
        Array items;
        items.reserve(array.size());
        for (dom::element item : array) {
          items.push_back(convert(item, depth + 1));
          if (!ok_) return {};
        }
        return Value(std::move(items));
      }
      case dom::element_type::OBJECT: {
        if (depth >= kMaxJsonDepth) return fail();
        const dom::object object = e.get_object().value_unsafe();
        HashBuilder members(object.size());
        for (dom::key_value_pair member : object) {
          Value value = convert(member.value, depth + 1);
          if (!ok_) return {};
          members.append(std::string(member.key), std::move(value));
        }
        return members.finish();
      }
      case dom::element_type::INT64:
        return Value(e.get_int64().value_unsafe());
      case dom::element_type::UINT64:
        // Beyond int64 (simdjson reads such an integer as unsigned): a float, as the Boost.JSON
        // path keeps it.
        return Value(static_cast<double>(e.get_uint64().value_unsafe()));
      case dom::element_type::DOUBLE:
        return Value(e.get_double().value_unsafe());
      case dom::element_type::STRING:
        return Value(e.get_string().value_unsafe());
      case dom::element_type::BOOL:
        return Value(e.get_bool().value_unsafe());
      case dom::element_type::NULL_VALUE:
        return Value();
    }
    return fail();
  }

 private:
  Value fail() {
    ok_ = false;
    return {};
  }
  bool ok_ = true;
};

std::optional<Value> convert_document(dom::parser& parser, std::string_view text) {
  dom::element root;
  // The text is copied into the parser's padded buffer (simdjson reads past the end).
  if (parser.parse(text.data(), text.size(), true).get(root) != simdjson::SUCCESS)
    return std::nullopt;
  Converter converter;
  Value out = converter.convert(root, 0);
  if (!converter.ok()) return std::nullopt;
  return out;
}

dom::parser& kept_parser() {
  thread_local dom::parser parser;
  return parser;
}

}  // namespace

std::optional<Value> parse_json_fast(std::string_view text) {
  // A large document (a data file, read once) would need simdjson's whole tape beside the
  // values built from it: Boost.JSON's streaming pass keeps the peak memory to the values.
  if (text.size() > kMaxFastDocument) return std::nullopt;
  return convert_document(kept_parser(), text);
}

}  // namespace liquid::detail
