// Number and time formatting for the results file, without printf: the sender formats an
// attempt per request, and snprintf was a tenth of its own per-record work.
#pragma once

#include <cstdint>
#include <string>

#include "webhook/policy.hpp"

namespace webhook::detail {

// Decimal, as std::to_string.
void append_int(std::string& out, std::int64_t v);

// As printf("%.3f", v).
void append_fixed3(std::string& out, double v);

// UTC with milliseconds, "2026-12-07T23:56:22.123Z" (as gmtime +
// "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" for times since 1970; an earlier time counts its
// milliseconds forward from the second before).
void append_iso_time(std::string& out, TimeMs t);

}  // namespace webhook::detail
