// Safety checks and masking applied to every rendered request and every printed line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sockaddr;

namespace webhook {

// Stable ids of request-level problems (results, dry-run and tests use these).
namespace errc {
inline constexpr std::string_view url_control_char = "url-control-character";
inline constexpr std::string_view url_invalid = "url-invalid";
inline constexpr std::string_view url_scheme = "url-scheme";  // not http or https
inline constexpr std::string_view header_control_char = "header-control-character";
inline constexpr std::string_view header_name_invalid = "header-name-invalid";
inline constexpr std::string_view body_invalid = "body-invalid";      // fails its Content-Type
inline constexpr std::string_view render_error = "render-error";      // a Liquid error
inline constexpr std::string_view record_invalid = "record-invalid";  // JSONL line is not an object
inline constexpr std::string_view response_invalid_json = "response-invalid-json";
inline constexpr std::string_view response_mapping = "response-mapping-error";
inline constexpr std::string_view response_too_large = "response-too-large";
}  // namespace errc

// True if `s` has a byte a header or URL must never carry: C0 controls (CR, LF, NUL, TAB
// included for URLs) and DEL. Returns the offset of the first such byte.
std::optional<std::size_t> find_control_char(std::string_view s, bool allow_tab);

// RFC 9110 token characters only, non-empty.
bool valid_header_name(std::string_view name);

// Header names whose values are secrets: Authorization, Proxy-Authorization, Cookie,
// Set-Cookie, and any name containing token, key, secret, password, signature or session
// (case-insensitive).
bool sensitive_name(std::string_view name);

inline constexpr std::string_view mask = "****";

// `scheme://user:pass@host/...?token=x` -> `scheme://****:****@host/...?token=****`: userinfo
// and the values of sensitive query parameters are masked. Works on any text: every URL-looking
// substring is masked, so it also cleans error messages that quote a URL.
std::string mask_urls(std::string_view text);

// Replace every occurrence of each secret (of at least 4 bytes) in `text` with ****.
std::string redact(std::string_view text, const std::vector<std::string>& secrets);

// A rendered URL taken apart for sending.
struct CheckedUrl {
  std::string url;                   // without userinfo, ready for libcurl
  std::optional<std::string> basic;  // "Basic base64(user:pass)" from the percent-decoded userinfo
  std::string user, password;        // decoded, so that printed text can be redacted
};
struct UrlProblem {
  std::string_view id;
  std::string message;
  std::size_t offset = 0;  // in the rendered URL
};
// Controls rejected, http/https only, host required; userinfo removed and turned into Basic.
struct UrlCheck {
  std::optional<CheckedUrl> ok;
  std::optional<UrlProblem> problem;
};
UrlCheck check_url(std::string_view rendered);

// check_url for a stream of rendered URLs: a URL equal to the previous one gets the previous
// result without being parsed again (most definitions send every record to one endpoint).
class UrlCheckCache {
 public:
  const UrlCheck& check(std::string_view rendered);

 private:
  std::string last_;
  UrlCheck result_;
  bool filled_ = false;
};

std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);

// SSRF guard: the address classes a webhook may not reach unless allowed.
enum class AddressClass : std::uint8_t {
  public_address,
  loopback,
  private_network,  // 10/8, 172.16/12, 192.168/16, fc00::/7
  link_local,       // 169.254/16, fe80::/10
  cgnat,            // 100.64/10
  multicast,        // 224/4, ff00::/8
  metadata,         // 169.254.169.254, fd00:ec2::254
  unspecified,      // 0.0.0.0/8, ::, reserved 240/4, broadcast
};
std::string_view address_class_name(AddressClass c);
AddressClass classify_address(const sockaddr* addr);
// Same, from a numeric IPv4/IPv6 literal ("127.0.0.1", "::ffff:10.0.0.1"); nullopt if not one.
std::optional<AddressClass> classify_address(std::string_view numeric);

// Allowed destinations: everything public, plus (with allow_private) everything, plus the
// CIDR blocks of an allowlist ("10.1.0.0/16", "127.0.0.1", "fd00::/8").
class AddressGuard {
 public:
  AddressGuard() = default;
  void allow_private(bool on) { allow_private_ = on; }
  // Throws std::invalid_argument on a malformed CIDR.
  void allow(std::string_view cidr);
  bool allowed(const sockaddr* addr) const;
  bool allowed(std::string_view numeric) const;

 private:
  struct Block {
    bool v6;
    std::uint8_t bytes[16];
    int prefix;
  };
  bool in_allowlist(bool v6, const std::uint8_t* bytes) const;
  bool allow_private_ = false;
  std::vector<Block> blocks_;
};

}  // namespace webhook
