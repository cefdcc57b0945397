// Filters: `{{ input | name: arg, key: value }}`.
//
// A filter is a FilterDef {name, min_args, max_args, fn}. Built-in filter families register
// tables of FilterDefs through Environment::register_filters, exactly as a user's filters would;
// the linter reads the same tables for names and arity.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "liquid/value.hpp"

namespace liquid {

struct KeywordArg {
  std::string_view name;
  Value value;
};

// What a filter may know about the render it runs in.
struct RenderInfo {
  std::chrono::system_clock::time_point now;  // fixed for the whole render ("now", "today")
  std::string_view timezone = "UTC";          // default zone of `date` (IANA name or "UTC")
  // The largest result a filter may build, in bytes (Limits::max_output_bytes): a chain such as
  // `split: "" | join: long_text` would otherwise grow without bound before anything is output.
  std::size_t max_result_bytes = SIZE_MAX;
};

// Memory counted per element when an array result is checked against max_result_bytes: the
// element itself plus the heap block of a short string.
inline constexpr std::size_t kArrayElementBytes = 64;

struct FilterCall {
  const Value& input;
  std::span<const Value> args;        // positional arguments, evaluated
  std::span<const KeywordArg> kwargs;  // keyword arguments, in source order
  const RenderInfo& info;

  // The i-th positional argument, or nil when absent.
  const Value& arg(std::size_t i) const;
  // The keyword argument `name`, or nullptr.
  const Value* kwarg(std::string_view name) const;
  // Throws FilterError(errc::output_limit) when a result of `bytes` would exceed
  // info.max_result_bytes. Filters whose result can outgrow their input call it while building.
  void check_result_size(std::size_t bytes) const;
};

using FilterFn = std::function<Value(const FilterCall&)>;

// What a filter does to its output's escaping, for contextual escaping and lint rules.
enum FilterFlags : std::uint8_t {
  filter_none = 0,
  filter_url_encodes = 1 << 0,   // output is safe inside a form/query value (url_encode)
  filter_html_escapes = 1 << 1,  // output is HTML-escaped (escape)
  filter_json_encodes = 1 << 2,  // output is JSON text (json)
  filter_raw = 1 << 3,           // output must not be escaped further
  filter_url_decodes = 1 << 4,
};

struct FilterDef {
  static constexpr int unbounded = -1;
  std::string name;
  int min_args = 0;  // positional arguments after the input
  int max_args = 0;  // or unbounded
  FilterFn fn;
  bool keywords = false;  // accepts keyword arguments (they do not count toward max_args)
  std::uint8_t flags = filter_none;
};

// Thrown by a filter for a bad argument or a bad input; the engine adds the template position.
// `id` is one of liquid::errc (filter_arguments, zero_division, invalid_value, ...).
class FilterError : public std::runtime_error {
 public:
  FilterError(std::string_view id, const std::string& message)
      : std::runtime_error(message), id_(id) {}
  std::string_view id() const noexcept { return id_; }

 private:
  std::string_view id_;
};

}  // namespace liquid
