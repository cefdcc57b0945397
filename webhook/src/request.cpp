#include "webhook/request.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>

#include "body_check.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"
#include "liquid/json.hpp"
#include "webhook/security.hpp"

namespace webhook {

namespace json = boost::json;
using definition_errc::missing;
using definition_errc::type;
using definition_errc::unknown_field;
using definition_errc::value;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// `s` equals `lowercase` but for the case of its ASCII letters.
bool iequals(std::string_view s, std::string_view lowercase) {
  if (s.size() != lowercase.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != lowercase[i]) return false;
  return true;
}

std::string read_file(const std::filesystem::path& p, std::string_view field) {
  std::ifstream in(p, std::ios::binary);
  if (!in)
    throw DefinitionError(definition_errc::unreadable, std::string(field),
                          "cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string sha256_hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out.push_back(hex[md[i] >> 4]);
    out.push_back(hex[md[i] & 15]);
  }
  return out;
}

std::string_view kind_of(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "a number";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
  }
  return "a value";
}

std::string expect_string(const json::value& v, const std::string& field) {
  if (!v.is_string())
    throw DefinitionError(type, field,
                          std::string("expected a string, got ") + std::string(kind_of(v)));
  return std::string(v.get_string());
}

const json::object& expect_object(const json::value& v, const std::string& field) {
  if (!v.is_object())
    throw DefinitionError(type, field,
                          std::string("expected an object, got ") + std::string(kind_of(v)));
  return v.get_object();
}

double expect_number(const json::value& v, const std::string& field, double lo, double hi) {
  if (!v.is_number())
    throw DefinitionError(type, field,
                          std::string("expected a number, got ") + std::string(kind_of(v)));
  const double d = v.to_number<double>();
  if (!(d >= lo && d <= hi))
    throw DefinitionError(value, field,
                          "must be between " + json::serialize(json::value(lo)) + " and " +
                              json::serialize(json::value(hi)));
  return d;
}

std::shared_ptr<const liquid::Environment> webhook_environment() {
  static const std::shared_ptr<const liquid::Environment> env = liquid::Environment::webhook();
  return env;
}

bool has_liquid(std::string_view s) {
  return s.find("{{") != std::string_view::npos || s.find("{%") != std::string_view::npos;
}

TemplateField make_template(const RequestDefinition& def, std::string field, std::string source,
                            bool sensitive) {
  TemplateField t;
  t.name = def.path.filename().string() + "#" + field;
  t.field = std::move(field);
  t.sensitive = sensitive;
  if (!has_liquid(source)) t.constant = source;
  try {
    t.tmpl = std::make_shared<const liquid::Template>(
        liquid::Template::parse(std::move(source), {.mode = liquid::ErrorMode::lax, .name = t.name},
                                webhook_environment()));
  } catch (const liquid::Error& e) {
    const auto& d = e.diagnostic();
    // A sensitive template's source line may hold a credential: no caret display for it.
    std::string where =
        t.field + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column);
    throw DefinitionError(definition_errc::liquid_syntax, where,
                          d.message + " [" + d.id + "]" + (sensitive ? "" : "\n" + d.format(true)));
  }
  return t;
}

void collect_url_secrets(std::string_view url_source, std::vector<std::string>& secrets) {
  // Literal credentials written in the URL template (https://user:pass@host, ?token=...):
  // whatever mask_urls would hide is remembered so that it is hidden from any text.
  const auto c = check_url(url_source);
  if (c.ok) {
    if (!c.ok->password.empty() && !has_liquid(c.ok->password)) secrets.push_back(c.ok->password);
    if (!c.ok->user.empty() && !has_liquid(c.ok->user) && c.ok->basic)
      secrets.push_back(c.ok->user);
    if (c.ok->basic) secrets.push_back(c.ok->basic->substr(6));  // the base64 itself
  }
}

}  // namespace

RequestDefinition load_definition(const std::filesystem::path& path) {
  return parse_definition(read_file(path, ""), path);
}

RequestDefinition parse_definition(std::string_view text, const std::filesystem::path& path) {
  RequestDefinition def;
  def.path = path;
  json::value root;
  {
    boost::system::error_code ec;
    json::parse_options opts;
    root = json::parse(text, ec, {}, opts);
    if (ec) throw DefinitionError(definition_errc::json, "", "not valid JSON: " + ec.message());
  }
  const json::object& obj = expect_object(root, "(top level)");
  static const std::set<std::string, std::less<>> known = {
      "name",     "method", "url",   "headers",       "body", "body_file",
      "response", "retry",  "escape", "signing_secret"};
  for (const auto& kv : obj)
    if (!known.contains(std::string_view(kv.key())))
      throw DefinitionError(
          unknown_field, std::string(kv.key()),
          "unknown field (known: name, method, url, headers, body, body_file, escape, response, "
          "retry, signing_secret)");
  std::string fingerprint_input(text);

  if (auto* v = obj.if_contains("name")) def.name = expect_string(*v, "name");
  if (auto* v = obj.if_contains("method")) {
    std::string m = expect_string(*v, "method");
    std::transform(m.begin(), m.end(), m.begin(), [](unsigned char c) { return std::toupper(c); });
    if (m != "GET" && m != "POST" && m != "PUT" && m != "PATCH" && m != "DELETE")
      throw DefinitionError(value, "method",
                            "must be GET, POST, PUT, PATCH or DELETE, not '" + m + "'");
    def.method = m;
  }
  const json::value* url = obj.if_contains("url");
  if (!url) throw DefinitionError(missing, "url", "required");
  const std::string url_source = expect_string(*url, "url");
  collect_url_secrets(url_source, def.secrets);
  def.url = make_template(def, "url", url_source, true);

  bool has_content_type = false;
  if (auto* v = obj.if_contains("headers")) {
    for (const auto& kv : expect_object(*v, "headers")) {
      const std::string name(kv.key());
      const std::string field = "headers." + name;
      if (!valid_header_name(name))
        throw DefinitionError(value, field,
                              "not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)");
      const std::string lname = lower(name);
      if (lname == "content-length" || lname == "host" || lname == "transfer-encoding" ||
          lname == "connection" || lname.starts_with("webhook-"))
        throw DefinitionError(value, field, "is set by the sender and cannot be configured");
      const std::string source = expect_string(kv.value(), field);
      const bool sensitive = sensitive_name(name);
      if (sensitive && !has_liquid(source)) {
        def.secrets.push_back(source);
        // "Basic abc" / "Bearer abc": the credential alone may show up elsewhere too.
        if (const auto sp = source.find(' '); sp != std::string::npos)
          def.secrets.push_back(source.substr(sp + 1));
      }
      if (lname == "content-type") has_content_type = true;
      def.headers.emplace_back(name, make_template(def, field, source, sensitive));
    }
  }
  if (!has_content_type)
    def.headers.insert(
        def.headers.begin(),
        {"Content-Type", make_template(def, "headers.Content-Type", "application/json", false)});

  if (auto* v = obj.if_contains("escape")) {
    const std::string mode = expect_string(*v, "escape");
    if (mode == "json")
      def.escape = liquid::EscapeMode::json;
    else if (mode == "form")
      def.escape = liquid::EscapeMode::form;
    else if (mode != "none")
      throw DefinitionError(value, "escape", "must be json, form or none, not '" + mode + "'");
  }

  const json::value* body = obj.if_contains("body");
  const json::value* body_file = obj.if_contains("body_file");
  if (body && body_file)
    throw DefinitionError(value, "body_file", "give either body or body_file, not both");
  if (body) def.body = make_template(def, "body", expect_string(*body, "body"), false);
  if (body_file) {
    std::filesystem::path p = expect_string(*body_file, "body_file");
    if (p.is_relative()) p = path.parent_path() / p;
    std::string source = read_file(p, "body_file");
    fingerprint_input += '\0';
    fingerprint_input += source;
    def.body = make_template(def, "body", std::move(source), false);
  }

  if (auto* v = obj.if_contains("response")) {
    for (const auto& kv : expect_object(*v, "response")) {
      const std::string field = "response." + std::string(kv.key());
      if (kv.key().empty()) throw DefinitionError(value, field, "attribute names cannot be empty");
      def.response.emplace_back(std::string(kv.key()),
                                make_template(def, field, expect_string(kv.value(), field), false));
    }
  }

  if (auto* v = obj.if_contains("retry")) {
    for (const auto& kv : expect_object(*v, "retry")) {
      const std::string key(kv.key());
      const std::string field = "retry." + key;
      if (key == "max_retries")
        def.retry.max_retries = static_cast<int>(expect_number(kv.value(), field, 0, 100));
      else if (key == "base_delay_s")
        def.retry.base_delay = Millis(
            static_cast<std::int64_t>(expect_number(kv.value(), field, 0.001, 86400) * 1000));
      else if (key == "jitter")
        def.retry.jitter = expect_number(kv.value(), field, 0, 1);
      else if (key == "retry_after_cap_s")
        def.retry.retry_after_cap =
            Millis(static_cast<std::int64_t>(expect_number(kv.value(), field, 0, 86400) * 1000));
      else if (key == "timeout_s")
        def.retry.timeout =
            Millis(static_cast<std::int64_t>(expect_number(kv.value(), field, 0.001, 600) * 1000));
      else if (key == "max_response_bytes")
        def.retry.max_response_bytes =
            static_cast<std::size_t>(expect_number(kv.value(), field, 0, 1 << 30));
      else
        throw DefinitionError(
            unknown_field, field,
            "unknown field (known: max_retries, base_delay_s, jitter, retry_after_cap_s, "
            "timeout_s, max_response_bytes)");
    }
  }

  if (auto* v = obj.if_contains("signing_secret")) {
    const std::string secret = expect_string(*v, "signing_secret");
    try {
      def.signing = SigningKey::from_secret(secret);
    } catch (const std::invalid_argument& e) {
      throw DefinitionError(value, "signing_secret", e.what());
    }
    def.secrets.push_back(secret);
  }
  def.fingerprint = sha256_hex(fingerprint_input);
  // Longest first, so that a secret containing another is masked whole.
  std::sort(def.secrets.begin(), def.secrets.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return def;
}

std::string Problem::format() const {
  std::string out = where;
  if (!out.empty()) out += ": ";
  out += liquid::severity_name(severity);
  out += ": ";
  out += message;
  out += " [" + id + "]";
  if (!detail.empty()) out += " " + detail;
  return out;
}

std::string mask_text(const RequestDefinition& def, std::string_view text) {
  return redact(mask_urls(text), def.secrets);
}

namespace {

Problem liquid_problem(const RequestDefinition& def, const TemplateField& f,
                       const liquid::Error& e) {
  const auto& d = e.diagnostic();
  std::string where = f.name;
  if (d.has_position)
    where += ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column);
  return Problem{d.id, mask_text(def, d.message), where};
}

std::string hex_byte(unsigned char c) {
  static constexpr char hex[] = "0123456789abcdef";
  return std::string("0x") + hex[c >> 4] + hex[c & 15];
}

}  // namespace

PrepareResult prepare(const RequestDefinition& def, const liquid::Value& record,
                      const liquid::RenderOptions& options, bool collect_warnings,
                      UrlCheckCache* url_cache) {
  PrepareResult out;
  // One "now" for every render of this request, so that a render repeated to locate a problem
  // writes the same bytes.
  liquid::RenderOptions opts = options;
  if (!opts.now) opts.now = std::chrono::system_clock::now();
  opts.escape = liquid::EscapeMode::none;
  opts.origins = nullptr;
  const TemplateField* current = &def.url;
  try {
    std::string url;
    detail::render_field(def.url, record, opts, url);
    std::optional<UrlCheck> unshared;
    const UrlCheck& checked = url_cache ? url_cache->check(url) : unshared.emplace(check_url(url));
    if (checked.problem) {
      out.problem = Problem{std::string(checked.problem->id),
                            mask_text(def, checked.problem->message),
                            detail::locate_output(def.url, record, opts, checked.problem->offset),
                            "(rendered URL offset " + std::to_string(checked.problem->offset) + ")"};
      return out;
    }
    PreparedRequest req;
    req.method = def.method;
    req.url = checked.ok->url;
    bool explicit_authorization = false;
    std::string_view content_type;
    req.headers.reserve(def.headers.size() + 1);
    for (const auto& [name, field] : def.headers) {
      current = &field;
      std::string v;
      detail::render_field(field, record, opts, v);
      if (auto bad = find_control_char(v, true)) {
        out.problem =
            Problem{std::string(errc::header_control_char),
                    "the rendered value of header " + name + " contains the control character " +
                        hex_byte(static_cast<unsigned char>(v[*bad])),
                    detail::locate_output(field, record, opts, *bad),
                    "(rendered value offset " + std::to_string(*bad) + ")"};
        return out;
      }
      if (iequals(name, "authorization")) explicit_authorization = true;
      req.headers.emplace_back(name, std::move(v));
      if (iequals(name, "content-type")) content_type = req.headers.back().second;
    }
    if (checked.ok->basic && !explicit_authorization)
      req.headers.emplace_back("Authorization", *checked.ok->basic);
    if (def.body && def.method != "GET") {
      current = &*def.body;
      opts.escape = def.escape;
      // content_type points into req.headers, which no longer grows.
      if (auto problem = detail::render_checked_body(def, *def.body, record, opts, content_type,
                                                     req.body,
                                                     collect_warnings ? &out.warnings : nullptr)) {
        out.problem = std::move(problem);
        return out;
      }
    }
    out.request = std::move(req);
  } catch (const liquid::Error& e) {
    out.problem = liquid_problem(def, *current, e);
  }
  return out;
}

std::string format_masked(const RequestDefinition& def, const PreparedRequest& req) {
  std::string out = req.method + " " + mask_urls(req.url) + "\n";
  for (const auto& [name, v] : req.headers) {
    out += name + ": ";
    // webhook-signature is an HMAC, not a secret: receivers debugging their check need it.
    const bool secret = sensitive_name(name) && name != "webhook-signature";
    out += secret ? std::string(mask) : mask_text(def, v);
    out += '\n';
  }
  if (!req.body.empty()) {
    out += '\n';
    out += mask_text(def, req.body);
    if (req.body.back() != '\n') out += '\n';
  }
  return out;
}

MappingResult map_response(const RequestDefinition& def, const liquid::Value& record,
                           const Response& response, const liquid::RenderOptions& options) {
  MappingResult out;
  if (def.response.empty()) return out;
  liquid::Value body_value;
  const std::string ct = lower(response.content_type);
  const bool json_type =
      ct.starts_with("application/json") || ct.find("+json") != std::string::npos;
  try {
    body_value = liquid::parse_json(response.body);
  } catch (const std::exception& e) {
    if (json_type) {
      out.problem =
          Problem{std::string(errc::response_invalid_json),
                  "the response says it is JSON but does not parse: " + std::string(e.what()), ""};
      return out;
    }
    body_value = liquid::Value(response.body);
  }
  liquid::Hash ctx;
  if (record.is_hash())
    for (const auto& [k, v] : record.as_hash()) ctx.set(k, v);
  liquid::Hash headers;
  for (const auto& [k, v] : response.headers) headers.set(k, liquid::Value(v));
  ctx.set("response", std::move(body_value));
  ctx.set("response_status", liquid::Value(response.status));
  ctx.set("response_headers", liquid::Value(std::move(headers)));
  const liquid::Value globals(std::move(ctx));
  for (const auto& [attr, field] : def.response) {
    try {
      out.updates.emplace_back(attr, field.tmpl->render(globals, options));
    } catch (const liquid::Error& e) {
      out.updates.clear();
      out.problem = liquid_problem(def, field, e);
      out.problem->message = "[" + out.problem->id + "] " + out.problem->message;
      out.problem->id = std::string(errc::response_mapping);
      return out;
    }
  }
  return out;
}

}  // namespace webhook
