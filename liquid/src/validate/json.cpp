// application/json and */*+json: RFC 8259 through Boost.JSON's SAX parser, plus duplicate keys.
//
// Boost.JSON decides validity and where it stops; explain_json_error (json_errors.cpp) then says
// what was expected there. The handler only keeps the keys of the objects still open, so the pass
// allocates nothing per byte: key bytes go to one reused buffer, truncated as objects close.
#include <algorithm>
#include <boost/json/basic_parser_impl.hpp>

#include "validate/internal.hpp"

namespace liquid::validate::detail {

namespace {

namespace bj = boost::json;

// A duplicate found in a closed (or, after an error, still open) object. Keys are numbered in
// document order; their byte offsets are found afterwards (find_key_offsets), only if needed.
struct Duplicate {
  std::size_t key_number;    // the repeated key
  std::size_t first_number;  // its first occurrence in the same object
  std::string key;
};

class DuplicateKeyHandler {
 public:
  static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
  static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);

  explicit DuplicateKeyHandler(std::size_t max_duplicates) : max_duplicates_(max_duplicates) {}

  bool on_document_begin(bj::error_code&) { return true; }
  bool on_document_end(bj::error_code&) { return true; }
  bool on_array_begin(bj::error_code&) { return true; }
  bool on_array_end(std::size_t, bj::error_code&) { return true; }
  bool on_object_begin(bj::error_code&) {
    objects_.push_back({keys_.size(), key_bytes_.size()});
    return true;
  }
  bool on_object_end(std::size_t, bj::error_code&) {
    close_innermost_object();
    return true;
  }
  bool on_string_part(bj::string_view, std::size_t, bj::error_code&) { return true; }
  bool on_string(bj::string_view, std::size_t, bj::error_code&) { return true; }
  bool on_key_part(bj::string_view part, std::size_t, bj::error_code&) {
    key_bytes_.append(part.data(), part.size());
    return true;
  }
  bool on_key(bj::string_view part, std::size_t total, bj::error_code&) {
    key_bytes_.append(part.data(), part.size());
    keys_.push_back({key_bytes_.size() - total, total, key_count_++});
    return true;
  }
  bool on_number_part(bj::string_view, bj::error_code&) { return true; }
  bool on_int64(std::int64_t, bj::string_view, bj::error_code&) { return true; }
  bool on_uint64(std::uint64_t, bj::string_view, bj::error_code&) { return true; }
  bool on_double(double, bj::string_view, bj::error_code&) { return true; }
  bool on_bool(bool, bj::error_code&) { return true; }
  bool on_null(bj::error_code&) { return true; }
  bool on_comment_part(bj::string_view, bj::error_code&) { return true; }
  bool on_comment(bj::string_view, bj::error_code&) { return true; }

  // After a parse error: objects that never closed may hold duplicates too.
  void close_open_objects() {
    while (!objects_.empty()) close_innermost_object();
  }

  std::vector<Duplicate>& duplicates() { return duplicates_; }
  std::size_t omitted_duplicates() const { return omitted_duplicates_; }

 private:
  struct Key {
    std::size_t begin, size;  // in key_bytes_
    std::size_t number;       // in document order
  };
  struct OpenObject {
    std::size_t first_key, first_key_byte;
  };

  std::string_view key_text(const Key& key) const {
    return std::string_view(key_bytes_).substr(key.begin, key.size);
  }

  void close_innermost_object() {
    OpenObject object = objects_.back();
    objects_.pop_back();
    find_duplicates(object.first_key);
    keys_.resize(object.first_key);
    key_bytes_.resize(object.first_key_byte);
  }

  void record(const Key& repeated, const Key& first) {
    if (duplicates_.size() >= max_duplicates_) {
      ++omitted_duplicates_;
      return;
    }
    duplicates_.push_back({repeated.number, first.number, std::string(key_text(repeated))});
  }

  void find_duplicates(std::size_t first_key) {
    const std::size_t count = keys_.size() - first_key;
    if (count < 2) return;
    // Webhook objects are small: comparing pairs beats sorting up to a few dozen keys.
    constexpr std::size_t kPairwiseLimit = 24;
    if (count <= kPairwiseLimit) {
      for (std::size_t j = first_key + 1; j < keys_.size(); ++j) {
        for (std::size_t i = first_key; i < j; ++i) {
          if (key_text(keys_[i]) == key_text(keys_[j])) {
            record(keys_[j], keys_[i]);
            break;
          }
        }
      }
      return;
    }
    order_.resize(count);
    for (std::size_t k = 0; k < count; ++k) order_[k] = first_key + k;
    // Equal keys end up adjacent, in document order.
    std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      int c = key_text(keys_[a]).compare(key_text(keys_[b]));
      return c != 0 ? c < 0 : a < b;
    });
    std::size_t run_start = 0;
    for (std::size_t k = 1; k < count; ++k) {
      if (key_text(keys_[order_[k]]) == key_text(keys_[order_[run_start]])) {
        record(keys_[order_[k]], keys_[order_[run_start]]);
      } else {
        run_start = k;
      }
    }
  }

  std::size_t max_duplicates_;
  std::string key_bytes_;
  std::vector<Key> keys_;
  std::vector<OpenObject> objects_;
  std::vector<std::size_t> order_;
  std::size_t key_count_ = 0;
  std::vector<Duplicate> duplicates_;
  std::size_t omitted_duplicates_ = 0;
};

bool is_json_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Byte offsets (of the opening quote) of the keys with the given document-order numbers, sorted
// ascending. Only runs over a prefix Boost.JSON accepted, so strings and escapes are well formed:
// a string is a key exactly when the next non-whitespace byte is ':'.
std::vector<std::size_t> find_key_offsets(std::string_view body,
                                          const std::vector<std::size_t>& wanted) {
  std::vector<std::size_t> offsets;
  offsets.reserve(wanted.size());
  std::size_t key_number = 0;
  std::size_t next = 0;  // index into wanted
  for (std::size_t i = 0; i < body.size() && next < wanted.size(); ++i) {
    if (body[i] != '"') continue;
    std::size_t start = i;
    for (++i; i < body.size() && body[i] != '"'; ++i) {
      if (body[i] == '\\') ++i;
    }
    std::size_t after = i + 1;
    while (after < body.size() && is_json_whitespace(body[after])) ++after;
    if (after < body.size() && body[after] == ':') {
      while (next < wanted.size() && wanted[next] == key_number) {
        offsets.push_back(start);
        ++next;
      }
      ++key_number;
    }
  }
  return offsets;
}

void report_duplicates(std::string_view body, std::vector<Duplicate>& duplicates,
                       std::size_t omitted, IssueSink& sink) {
  if (duplicates.empty()) return;
  std::vector<std::size_t> wanted;
  wanted.reserve(duplicates.size() * 2);
  for (const Duplicate& d : duplicates) {
    wanted.push_back(d.key_number);
    wanted.push_back(d.first_number);
  }
  std::sort(wanted.begin(), wanted.end());
  std::vector<std::size_t> offsets = find_key_offsets(body, wanted);
  offsets.resize(wanted.size(), body.size());  // cannot fall short: the keys were parsed
  std::vector<LineColumn> positions = locate_sorted(body, offsets);
  auto index_of = [&](std::size_t number) {
    return static_cast<std::size_t>(std::lower_bound(wanted.begin(), wanted.end(), number) -
                                    wanted.begin());
  };
  std::sort(duplicates.begin(), duplicates.end(),
            [](const Duplicate& a, const Duplicate& b) { return a.key_number < b.key_number; });
  for (const Duplicate& d : duplicates) {
    LineColumn first = positions[index_of(d.first_number)];
    sink.add(ids::json_duplicate_key, Severity::warning, offsets[index_of(d.key_number)], [&] {
      return "duplicate key \"" + quote_excerpt(d.key) + "\" in one object (first at line " +
             std::to_string(first.line) + ", column " + std::to_string(first.column) +
             "): receivers keep only one of them, most often the last";
    });
  }
  sink.count_omitted(Severity::warning, omitted);
}

}  // namespace

void validate_json(std::string_view body, const Options& options, IssueSink& sink) {
  bj::parse_options parse_options;
  parse_options.max_depth = options.max_json_depth;  // everything else stays strict RFC 8259
  bj::basic_parser<DuplicateKeyHandler> parser(parse_options, options.max_issues);
  bj::error_code ec;
  // One call with more=false: the whole body is one document.
  std::size_t consumed = parser.write_some(false, body.data(), body.size(), ec);

  if (ec == bj::error::too_deep) {
    sink.add(ids::json_too_deep, Severity::error, consumed, [&] {
      return "JSON nested deeper than " + std::to_string(options.max_json_depth) +
             " levels (many receivers stop at 100 to 1000)";
    });
  } else if (ec || consumed < body.size()) {
    // Without an error, Boost.JSON stops after the first value and its trailing whitespace.
    std::string boost_message = ec ? ec.message() : "data after the JSON value";
    JsonError error = explain_json_error(body, consumed, boost_message);
    sink.add(ids::json_invalid, Severity::error, error.offset,
             [&] { return std::move(error.message); });
  }
  DuplicateKeyHandler& handler = parser.handler();
  handler.close_open_objects();
  report_duplicates(body, handler.duplicates(), handler.omitted_duplicates(), sink);
}

}  // namespace liquid::validate::detail
