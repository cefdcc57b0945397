#include "webhook/security.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <cctype>
#include <cstring>
#include <stdexcept>

namespace webhook {

std::optional<std::size_t> find_control_char(std::string_view s, bool allow_tab) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && !(allow_tab && c == '\t')) || c == 0x7f) return i;
  }
  return std::nullopt;
}

bool valid_header_name(std::string_view name) {
  if (name.empty()) return false;
  static constexpr std::string_view specials = "!#$%&'*+-.^_`|~";
  return std::all_of(name.begin(), name.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return std::isalnum(c) || specials.find(ch) != std::string_view::npos;
  });
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

}  // namespace

bool sensitive_name(std::string_view name) {
  const std::string n = lower(name);
  if (n == "authorization" || n == "proxy-authorization" || n == "cookie" || n == "set-cookie")
    return true;
  for (std::string_view word : {"token", "key", "secret", "password", "passwd", "signature",
                                "session", "auth", "credential"})
    if (contains(n, word)) return true;
  return false;
}

namespace {

bool scheme_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}

// Characters that end a URL inside free text.
bool url_end(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u <= 0x20 || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || u == 0x7f;
}

// Path segments that name the secret in the segment after them, as in IFTTT's
// `/trigger/{event}/with/key/{key}`. Whole names only: `/monkeys/42` keeps its 42.
bool secret_path_name(std::string_view segment) {
  const std::string n = lower(segment);
  for (std::string_view name : {"key", "apikey", "api_key", "api-key", "token", "access_token",
                                "secret", "password", "auth"})
    if (n == name) return true;
  return false;
}

// Copies a URL path, masking each segment that follows a secret_path_name segment.
void mask_path(std::string_view path, std::string& out) {
  bool mask_next = false;
  while (!path.empty()) {
    const std::size_t slash = path.find('/', 1);
    const std::string_view part = path.substr(0, slash);  // "/segment" (or "segment" first)
    const std::string_view segment = part.substr(part.front() == '/' ? 1 : 0);
    if (mask_next && !segment.empty()) {
      out.append(part.substr(0, part.size() - segment.size()));
      out.append(mask);
    } else {
      out.append(part);
    }
    mask_next = secret_path_name(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash);
  }
}

// Mask userinfo, secret path segments and sensitive query values of one URL (no surrounding text).
void mask_one_url(std::string_view url, std::string& out) {
  const std::size_t scheme_end = url.find("://");
  const std::size_t auth_start = scheme_end + 3;
  std::size_t auth_end = url.find_first_of("/?#", auth_start);
  if (auth_end == std::string_view::npos) auth_end = url.size();
  const std::string_view authority = url.substr(auth_start, auth_end - auth_start);
  out.append(url.substr(0, auth_start));
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    const std::string_view userinfo = authority.substr(0, at);
    out.append(mask);
    if (userinfo.find(':') != std::string_view::npos) {
      out.push_back(':');
      out.append(mask);
    }
    out.append(authority.substr(at));
  } else {
    out.append(authority);
  }
  std::string_view rest = url.substr(auth_end);
  const std::size_t q = rest.find('?');
  const std::size_t path_end = std::min(q, rest.find('#'));
  mask_path(rest.substr(0, path_end), out);
  if (q == std::string_view::npos || path_end < q) {
    if (path_end != std::string_view::npos) out.append(rest.substr(path_end));
    return;
  }
  out.append("?");
  rest.remove_prefix(q + 1);
  std::string_view fragment;
  if (const std::size_t hash = rest.find('#'); hash != std::string_view::npos) {
    fragment = rest.substr(hash);
    rest = rest.substr(0, hash);
  }
  bool first = true;
  while (true) {
    const std::size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    if (!first) out.push_back('&');
    first = false;
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && sensitive_name(pair.substr(0, eq))) {
      out.append(pair.substr(0, eq + 1));
      out.append(mask);
    } else {
      out.append(pair);
    }
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
  out.append(fragment);
}

}  // namespace

std::string mask_urls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t sep = text.find("://", i);
    if (sep == std::string_view::npos) break;
    std::size_t start = sep;
    while (start > i && scheme_char(text[start - 1])) --start;
    if (start == sep) {  // "://" without a scheme before it
      out.append(text.substr(i, sep + 3 - i));
      i = sep + 3;
      continue;
    }
    std::size_t end = sep + 3;
    while (end < text.size() && !url_end(text[end])) ++end;
    out.append(text.substr(i, start - i));
    mask_one_url(text.substr(start, end - start), out);
    i = end;
  }
  out.append(text.substr(i));
  return out;
}

std::string redact(std::string_view text, const std::vector<std::string>& secrets) {
  std::string out(text);
  for (const auto& secret : secrets) {
    if (secret.size() < 4) continue;
    std::size_t pos = 0;
    while ((pos = out.find(secret, pos)) != std::string::npos) {
      out.replace(pos, secret.size(), mask);
      pos += mask.size();
    }
  }
  return out;
}

std::string base64_encode(std::string_view in) {
  static constexpr char table[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out.push_back(table[(v >> 18) & 63]);
    out.push_back(table[(v >> 12) & 63]);
    out.push_back(table[(v >> 6) & 63]);
    out.push_back(table[v & 63]);
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out.push_back(table[(v >> 18) & 63]);
    out.push_back(table[(v >> 12) & 63]);
    out.push_back(i + 1 < in.size() ? table[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  while (!in.empty() && in.back() == '=') in.remove_suffix(1);
  if (in.size() % 4 == 1) return std::nullopt;
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (char c : in) {
    const int v = value(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return out;
}

UrlCheck check_url(std::string_view rendered) {
  UrlCheck result;
  if (auto bad = find_control_char(rendered, false)) {
    result.problem = UrlProblem{errc::url_control_char,
                                "the rendered URL contains a control character (byte 0x" +
                                    [&] {
                                      static constexpr char hex[] = "0123456789abcdef";
                                      const auto c = static_cast<unsigned char>(rendered[*bad]);
                                      return std::string{hex[c >> 4], hex[c & 15]};
                                    }() +
                                    ")",
                                *bad};
    return result;
  }
  auto parsed = boost::urls::parse_uri(rendered);
  if (!parsed) {
    result.problem =
        UrlProblem{errc::url_invalid,
                   "the rendered URL is not a valid absolute URL: " + parsed.error().message(), 0};
    return result;
  }
  boost::urls::url url = *parsed;
  const std::string scheme = lower(url.scheme());
  if (scheme != "http" && scheme != "https") {
    result.problem =
        UrlProblem{errc::url_scheme, "only http and https URLs are sent, not '" + scheme + "'", 0};
    return result;
  }
  if (!url.has_authority() || url.host().empty()) {
    result.problem = UrlProblem{errc::url_invalid, "the rendered URL has no host", 0};
    return result;
  }
  // A variable that printed nothing leaves an empty DNS label (`https://.zendesk.com/`) or empty
  // credentials (`https://:@host/`): the request would go to the wrong host, or unauthenticated.
  const auto offset_of = [&](std::string_view part) {
    return static_cast<std::size_t>(part.data() - rendered.data());
  };
  if (parsed->host_type() == boost::urls::host_type::name) {
    std::string_view host = parsed->encoded_host();
    std::string_view labels = host;
    if (labels.size() > 1 && labels.back() == '.') labels.remove_suffix(1);  // a rooted name
    if (labels.front() == '.' || labels.back() == '.' ||
        labels.find("..") != std::string_view::npos) {
      result.problem = UrlProblem{errc::url_invalid,
                                  "the rendered URL's host '" + std::string(host) +
                                      "' has an empty label (a variable that printed nothing?)",
                                  offset_of(host)};
      return result;
    }
  }
  if (parsed->has_userinfo() && parsed->encoded_user().empty() &&
      parsed->encoded_password().empty()) {
    result.problem = UrlProblem{
        errc::url_invalid,
        "the rendered URL has an '@' but no credentials (a variable that printed nothing?)",
        offset_of(parsed->encoded_userinfo())};
    return result;
  }
  CheckedUrl ok;
  if (url.has_userinfo()) {
    ok.user = url.user();          // percent-decoded
    ok.password = url.password();  // percent-decoded
    ok.basic = "Basic " + base64_encode(ok.user + ":" + ok.password);
    url.remove_userinfo();
  }
  ok.url = std::string(url.buffer());
  result.ok = std::move(ok);
  return result;
}

const UrlCheck& UrlCheckCache::check(std::string_view rendered) {
  if (!filled_ || rendered != last_) {
    result_ = check_url(rendered);
    last_.assign(rendered);
    filled_ = true;
  }
  return result_;
}

std::string_view address_class_name(AddressClass c) {
  switch (c) {
    case AddressClass::public_address:
      return "public";
    case AddressClass::loopback:
      return "loopback";
    case AddressClass::private_network:
      return "private";
    case AddressClass::link_local:
      return "link-local";
    case AddressClass::cgnat:
      return "cgnat";
    case AddressClass::multicast:
      return "multicast";
    case AddressClass::metadata:
      return "cloud-metadata";
    case AddressClass::unspecified:
      return "reserved";
  }
  return "reserved";
}

namespace {

AddressClass classify_v4(const std::uint8_t* b) {
  if (b[0] == 169 && b[1] == 254 && b[2] == 169 && b[3] == 254) return AddressClass::metadata;
  if (b[0] == 127) return AddressClass::loopback;
  if (b[0] == 10 || (b[0] == 172 && (b[1] & 0xf0) == 16) || (b[0] == 192 && b[1] == 168))
    return AddressClass::private_network;
  if (b[0] == 169 && b[1] == 254) return AddressClass::link_local;
  if (b[0] == 100 && (b[1] & 0xc0) == 64) return AddressClass::cgnat;
  if ((b[0] & 0xf0) == 224) return AddressClass::multicast;
  if (b[0] == 0 || (b[0] & 0xf0) == 240) return AddressClass::unspecified;
  // 192.0.0.0/24 (IETF protocol assignments) and benchmark 198.18/15 are not destinations.
  if ((b[0] == 192 && b[1] == 0 && b[2] == 0) || (b[0] == 198 && (b[1] & 0xfe) == 18))
    return AddressClass::private_network;
  return AddressClass::public_address;
}

AddressClass classify_v6(const std::uint8_t* b) {
  // fd00:ec2::254
  static constexpr std::uint8_t metadata[16] = {0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0,    0,
                                                0,    0,    0,    0,    0, 0, 0x02, 0x54};
  if (std::memcmp(b, metadata, 16) == 0) return AddressClass::metadata;
  static constexpr std::uint8_t zero[16] = {};
  if (std::memcmp(b, zero, 15) == 0)
    return b[15] == 1 ? AddressClass::loopback : AddressClass::unspecified;
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible/NAT64 forms carry an IPv4 destination.
  static constexpr std::uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(b, mapped, 12) == 0) return classify_v4(b + 12);
  static constexpr std::uint8_t nat64[12] = {0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, nat64, 12) == 0) return classify_v4(b + 12);
  if (b[0] == 0xff) return AddressClass::multicast;
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressClass::link_local;
  if ((b[0] & 0xfe) == 0xfc) return AddressClass::private_network;
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return AddressClass::private_network;  // site-local
  // 6to4 (2002::/16) embeds an IPv4 address in bytes 2..5.
  if (b[0] == 0x20 && b[1] == 0x02) {
    const AddressClass inner = classify_v4(b + 2);
    if (inner != AddressClass::public_address) return inner;
  }
  return AddressClass::public_address;
}

// An address as (v6, 16 bytes); IPv4 in the first 4 bytes.
bool address_bytes(const sockaddr* addr, bool& v6, std::uint8_t* out) {
  if (!addr) return false;
  if (addr->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(addr);
    std::memcpy(out, &in->sin_addr, 4);
    v6 = false;
    return true;
  }
  if (addr->sa_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(addr);
    std::memcpy(out, &in6->sin6_addr, 16);
    v6 = true;
    return true;
  }
  return false;
}

bool numeric_bytes(std::string_view numeric, bool& v6, std::uint8_t* out) {
  const std::string s(numeric);
  if (inet_pton(AF_INET, s.c_str(), out) == 1) {
    v6 = false;
    return true;
  }
  if (inet_pton(AF_INET6, s.c_str(), out) == 1) {
    v6 = true;
    return true;
  }
  return false;
}

}  // namespace

AddressClass classify_address(const sockaddr* addr) {
  bool v6 = false;
  std::uint8_t b[16] = {};
  if (!address_bytes(addr, v6, b)) return AddressClass::unspecified;
  return v6 ? classify_v6(b) : classify_v4(b);
}

std::optional<AddressClass> classify_address(std::string_view numeric) {
  bool v6 = false;
  std::uint8_t b[16] = {};
  if (!numeric_bytes(numeric, v6, b)) return std::nullopt;
  return v6 ? classify_v6(b) : classify_v4(b);
}

void AddressGuard::allow(std::string_view cidr) {
  Block block{};
  const std::size_t slash = cidr.find('/');
  const std::string_view addr = cidr.substr(0, slash);
  if (!numeric_bytes(addr, block.v6, block.bytes))
    throw std::invalid_argument("not an IP address or CIDR block: '" + std::string(cidr) + "'");
  const int max_prefix = block.v6 ? 128 : 32;
  block.prefix = max_prefix;
  if (slash != std::string_view::npos) {
    const std::string_view p = cidr.substr(slash + 1);
    int prefix = -1;
    if (!p.empty() && p.size() <= 3 && std::all_of(p.begin(), p.end(), ::isdigit))
      prefix = std::stoi(std::string(p));
    if (prefix < 0 || prefix > max_prefix)
      throw std::invalid_argument("bad prefix length in '" + std::string(cidr) + "'");
    block.prefix = prefix;
  }
  blocks_.push_back(block);
}

bool AddressGuard::in_allowlist(bool v6, const std::uint8_t* bytes) const {
  for (const Block& b : blocks_) {
    if (b.v6 != v6) continue;
    int bits = b.prefix;
    int i = 0;
    bool match = true;
    for (; bits >= 8; bits -= 8, ++i)
      if (b.bytes[i] != bytes[i]) {
        match = false;
        break;
      }
    if (match && bits > 0) {
      const auto m = static_cast<std::uint8_t>(0xff << (8 - bits));
      match = (b.bytes[i] & m) == (bytes[i] & m);
    }
    if (match) return true;
  }
  return false;
}

bool AddressGuard::allowed(const sockaddr* addr) const {
  if (allow_private_) return true;
  bool v6 = false;
  std::uint8_t b[16] = {};
  if (!address_bytes(addr, v6, b)) return false;
  const AddressClass c = v6 ? classify_v6(b) : classify_v4(b);
  if (c == AddressClass::public_address) return true;
  if (in_allowlist(v6, b)) return true;
  // An IPv4-mapped IPv6 peer matches IPv4 allowlist entries too.
  static constexpr std::uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  return v6 && std::memcmp(b, mapped, 12) == 0 && in_allowlist(false, b + 12);
}

bool AddressGuard::allowed(std::string_view numeric) const {
  bool v6 = false;
  std::uint8_t b[16] = {};
  if (!numeric_bytes(numeric, v6, b)) return false;
  if (v6) {
    sockaddr_in6 in6{};
    in6.sin6_family = AF_INET6;
    std::memcpy(&in6.sin6_addr, b, 16);
    return allowed(reinterpret_cast<const sockaddr*>(&in6));
  }
  sockaddr_in in{};
  in.sin_family = AF_INET;
  std::memcpy(&in.sin_addr, b, 4);
  return allowed(reinterpret_cast<const sockaddr*>(&in));
}

}  // namespace webhook
