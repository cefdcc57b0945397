#include "time/to_date.hpp"

#include <chrono>
#include <cstdint>
#include <limits>

#include "filters/coerce.hpp"
#include "liquid/error.hpp"
#include "time/time_parse.hpp"

namespace liquid::time {

namespace {

// /\A\d+\z/ as Unix seconds; nullopt beyond int64 (where Ruby would use a bignum).
std::optional<std::int64_t> unix_seconds_of_digits(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    if (v > (std::numeric_limits<std::int64_t>::max() - (c - '0')) / 10) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool iequals(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] + 32) : text[i];
    if (c != lower[i]) return false;
  }
  return true;
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

const Zone& default_zone(const RenderInfo& info) {
  if (const Zone* zone = Zone::find(info.timezone)) return *zone;
  throw FilterError(errc::invalid_value, "unknown time zone '" + std::string(info.timezone) + "'");
}

Time render_now(const RenderInfo& info, const Zone& zone) {
  using std::chrono::duration_cast;
  using std::chrono::nanoseconds;
  const auto since_epoch = duration_cast<nanoseconds>(info.now.time_since_epoch()).count();
  std::int64_t seconds = since_epoch / 1'000'000'000;
  std::int64_t nanos = since_epoch % 1'000'000'000;
  if (nanos < 0) {
    nanos += 1'000'000'000;
    seconds -= 1;
  }
  return zone.time_at(seconds, static_cast<std::uint64_t>(nanos) * kAttosPerNano);
}

std::optional<Time> to_date(const Value& input, const RenderInfo& info) {
  if (input.is_drop()) {
    if (const auto* time = dynamic_cast<const TimeDrop*>(&input.as_drop())) return time->time();
    Value scratch;
    const Value& plain = filters::unwrap(input, scratch);
    if (plain.is_drop()) return std::nullopt;
    return to_date(plain, info);
  }
  if (input.is_int()) return default_zone(info).time_at(input.as_int());
  if (!input.is_string()) return std::nullopt;

  const std::string_view text = input.as_string();
  if (text.empty()) return std::nullopt;
  const Zone& zone = default_zone(info);
  if (iequals(text, "now") || iequals(text, "today")) return render_now(info, zone);
  if (all_digits(text)) {
    const std::optional<std::int64_t> seconds = unix_seconds_of_digits(text);
    if (!seconds) return std::nullopt;
    return zone.time_at(*seconds);
  }
  try {
    // Liquid downcases the text first; the parser ignores case, so the text goes as it is.
    return time_parse(text, zone, render_now(info, zone));
  } catch (const DateRangeError& e) {
    throw FilterError(errc::invalid_value, e.what());
  }
}

}  // namespace liquid::time
