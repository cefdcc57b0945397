#include "webhook/policy.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <vector>

namespace webhook {

TimeMs SystemClock::now_ms() const {
  return std::chrono::duration_cast<Millis>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string_view transport_error_name(TransportError e) {
  switch (e) {
    case TransportError::none:
      return "none";
    case TransportError::timeout:
      return "timeout";
    case TransportError::connect:
      return "connect";
    case TransportError::network:
      return "network";
    case TransportError::response_too_large:
      return "response-too-large";
    case TransportError::blocked:
      return "blocked";
    case TransportError::tls:
      return "tls";
    case TransportError::other:
      return "other";
  }
  return "other";
}

bool retryable_status(int s) {
  return s == 408 || s == 409 || s == 429 || (s >= 500 && s <= 599);
}

Verdict classify(const AttemptOutcome& o) {
  switch (o.error) {
    case TransportError::none:
    case TransportError::response_too_large:
      if (o.http_status >= 200 && o.http_status <= 299) return Verdict::success;
      if (retryable_status(o.http_status)) return Verdict::retry;
      // A cut-off body without a usable status line is a broken response: try again.
      if (o.http_status == 0) return Verdict::retry;
      return Verdict::final_failure;
    case TransportError::timeout:
    case TransportError::connect:
    case TransportError::network:
      return Verdict::retry;
    case TransportError::blocked:
    case TransportError::tls:
    case TransportError::other:
      return Verdict::final_failure;
  }
  return Verdict::final_failure;
}

Millis backoff_delay(const RetryPolicy& p, int retry_number, double unit_random) {
  if (retry_number < 1) retry_number = 1;
  // 2^62 ms is far beyond any sane schedule; clamp the exponent so the shift cannot overflow.
  const int exponent = std::min(retry_number - 1, 40);
  const double nominal = static_cast<double>(p.base_delay.count()) * std::ldexp(1.0, exponent);
  const double u = std::clamp(unit_random, 0.0, 1.0);
  const double factor = 1.0 - p.jitter + 2.0 * p.jitter * u;
  const double ms = std::min(nominal * factor, 9.0e15);
  return Millis(static_cast<std::int64_t>(std::llround(ms)));
}

namespace {

bool is_digits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int month_index(std::string_view m) {
  static constexpr std::array<std::string_view, 12> names = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == m) return static_cast<int>(i) + 1;
  return 0;
}

// Days from 1970-01-01 to y-m-d (proleptic Gregorian), Howard Hinnant's days_from_civil.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool to_int(std::string_view s, int& out) {
  if (!is_digits(s)) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

// "HH:MM:SS"
bool parse_clock(std::string_view s, int& h, int& mi, int& sec) {
  return s.size() == 8 && s[2] == ':' && s[5] == ':' && to_int(s.substr(0, 2), h) &&
         to_int(s.substr(3, 2), mi) && to_int(s.substr(6, 2), sec) && h < 24 && mi < 60 &&
         sec <= 60;
}

std::optional<TimeMs> assemble(int year, int month, int day, int h, int mi, int sec) {
  static constexpr std::array<int, 12> month_days = {31, 29, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > month_days[month - 1]) return std::nullopt;
  const std::int64_t days =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return ((days * 24 + h) * 60 + mi) * 60'000 + std::int64_t{sec} * 1000;
}

std::vector<std::string_view> split_spaces(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) parts.push_back(s.substr(i, j - i));
    i = j;
  }
  return parts;
}

}  // namespace

std::optional<TimeMs> parse_http_date(std::string_view v) {
  v = trim(v);
  const auto parts = split_spaces(v);
  int day = 0, year = 0, h = 0, mi = 0, sec = 0;
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
  if (parts.size() == 6 && parts[0].size() == 4 && parts[0].back() == ',' && parts[5] == "GMT") {
    const int month = month_index(parts[2]);
    if (parts[1].size() == 2 && to_int(parts[1], day) && month && parts[3].size() == 4 &&
        to_int(parts[3], year) && parse_clock(parts[4], h, mi, sec))
      return assemble(year, month, day, h, mi, sec);
    return std::nullopt;
  }
  // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT" (two-digit years: RFC 9110 says interpret within
  // 50 years of now; 70-99 -> 19xx, 00-69 -> 20xx is that rule for the foreseeable future).
  if (parts.size() == 4 && parts[0].size() > 1 && parts[0].back() == ',' && parts[3] == "GMT") {
    const std::string_view d = parts[1];
    if (d.size() != 9 || d[2] != '-' || d[6] != '-') return std::nullopt;
    const int month = month_index(d.substr(3, 3));
    if (!to_int(d.substr(0, 2), day) || !month || !to_int(d.substr(7, 2), year) ||
        !parse_clock(parts[2], h, mi, sec))
      return std::nullopt;
    year += year < 70 ? 2000 : 1900;
    return assemble(year, month, day, h, mi, sec);
  }
  // asctime: "Sun Nov  6 08:49:37 1994"
  if (parts.size() == 5 && parts[0].size() == 3) {
    const int month = month_index(parts[1]);
    if (month && parts[2].size() <= 2 && to_int(parts[2], day) &&
        parse_clock(parts[3], h, mi, sec) && parts[4].size() == 4 && to_int(parts[4], year))
      return assemble(year, month, day, h, mi, sec);
  }
  return std::nullopt;
}

std::optional<Millis> parse_retry_after(std::string_view value, TimeMs now) {
  value = trim(value);
  if (is_digits(value)) {
    // Seconds; anything longer than ~30 years is as good as "very long" (clamped by the cap).
    if (value.size() > 10) return Millis(std::int64_t{9'999'999'999} * 1000);
    std::int64_t seconds = 0;
    std::from_chars(value.data(), value.data() + value.size(), seconds);
    return Millis(seconds * 1000);
  }
  const auto at = parse_http_date(value);
  if (!at) return std::nullopt;
  return Millis(std::max<std::int64_t>(0, *at - now));
}

NextStep next_step(const RetryPolicy& policy, int attempts_made, const AttemptOutcome& outcome,
                   TimeMs now, double unit_random) {
  switch (classify(outcome)) {
    case Verdict::success:
      return {NextStep::Kind::delivered};
    case Verdict::final_failure:
      return {NextStep::Kind::failed};
    case Verdict::retry:
      break;
  }
  const int retry_number = attempts_made;  // the retry about to be scheduled
  if (retry_number > policy.max_retries) return {NextStep::Kind::failed};
  if (outcome.retry_after) {
    if (auto d = parse_retry_after(*outcome.retry_after, now))
      return {NextStep::Kind::retry, std::min(*d, policy.retry_after_cap), true};
  }
  return {NextStep::Kind::retry, backoff_delay(policy, retry_number, unit_random), false};
}

}  // namespace webhook
