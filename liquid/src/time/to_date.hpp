// Liquid values as times: Liquid's Utils.to_date, and the time value the timezone filter
// passes on (internal).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "liquid/filter.hpp"
#include "liquid/value.hpp"
#include "time/time.hpp"
#include "time/zone.hpp"

namespace liquid::time {

// A time as a Liquid value: what the timezone filter returns. The date filter formats it
// directly (Ruby's `obj.respond_to?(:strftime)`), so its zone and abbreviation survive; anywhere
// else it stands for its ISO 8601 text (to_iso8601), which date parses back to the same instant
// and offset, sub-seconds included.
class TimeDrop final : public Drop {
 public:
  explicit TimeDrop(const Time& t) : time_(t) {}
  const Time& time() const { return time_; }

  std::optional<Value> get(std::string_view) const override { return std::nullopt; }
  std::string to_s() const override { return to_iso8601(time_); }
  std::optional<Value> to_value() const override { return Value(to_iso8601(time_)); }

 private:
  Time time_;
};

// The render's default zone (RenderInfo::timezone). Throws FilterError(errc::invalid_value) for
// an unknown zone name.
const Zone& default_zone(const RenderInfo& info);

// RenderInfo::now in the default zone.
Time render_now(const RenderInfo& info, const Zone& zone);

// Liquid's Utils.to_date: a TimeDrop as it is; "now"/"today" (any case) the render's now; an
// integer or a digit-only string Unix seconds; another non-empty string through Time.parse,
// with the render's default zone as the local zone. nullopt for what Ruby cannot make a time of
// (nil, "", floats, booleans, arrays, hashes, unparseable strings): the filters then return their
// input unchanged. Throws FilterError(errc::invalid_value) where Ruby raises a non-argument
// error (an am/pm hour too big for a C int) and for an unknown default zone.
std::optional<Time> to_date(const Value& input, const RenderInfo& info);

}  // namespace liquid::time
