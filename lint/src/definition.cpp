// Request definitions: the sender's own parser (webhook::parse_definition) says whether a
// definition is valid; a position-keeping scan of the JSON text says where each template sits, so
// that findings inside a JSON string point at the right line and column of the file.
#include <boost/json.hpp>
#include <cctype>
#include <fstream>
#include <sstream>

#include "internal.hpp"
#include "liquid/validate.hpp"
#include "webhook/request.hpp"

namespace lint::detail {

namespace fs = std::filesystem;

namespace {

class JsonScanner {
 public:
  explicit JsonScanner(std::string_view t) : t_(t) {}

  std::vector<JsonSite> run() {
    std::vector<std::string> path;
    try {
      skip_ws();
      value(path);
    } catch (const Malformed&) {
      // The caller validated the text; whatever was found before the surprise is kept.
    }
    return std::move(sites_);
  }

 private:
  struct Malformed {};

  void skip_ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r'))
      ++i_;
  }
  char peek() const {
    if (i_ >= t_.size()) throw Malformed{};
    return t_[i_];
  }
  void expect(char c) {
    if (peek() != c) throw Malformed{};
    ++i_;
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  unsigned read_u16() {
    if (i_ + 4 > t_.size()) throw Malformed{};
    unsigned v = 0;
    for (int k = 0; k < 4; ++k) {
      int h = hex(t_[i_ + k]);
      if (h < 0) throw Malformed{};
      v = v * 16 + static_cast<unsigned>(h);
    }
    i_ += 4;
    return v;
  }

  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  // A string at i_ (the opening quote): decoded text and the file offset of each of its bytes.
  JsonSite string_site(const std::vector<std::string>& path, bool is_key) {
    JsonSite s;
    s.path = path;
    s.begin = i_;
    s.is_key = is_key;
    s.is_string = true;
    expect('"');
    while (true) {
      const std::size_t at = i_;
      char c = peek();
      if (c == '"') {
        ++i_;
        break;
      }
      std::size_t before = s.text.size();
      if (c != '\\') {
        s.text.push_back(c);
        ++i_;
      } else {
        ++i_;
        char e = peek();
        ++i_;
        switch (e) {
          case '"': s.text.push_back('"'); break;
          case '\\': s.text.push_back('\\'); break;
          case '/': s.text.push_back('/'); break;
          case 'b': s.text.push_back('\b'); break;
          case 'f': s.text.push_back('\f'); break;
          case 'n': s.text.push_back('\n'); break;
          case 'r': s.text.push_back('\r'); break;
          case 't': s.text.push_back('\t'); break;
          case 'u': {
            unsigned cp = read_u16();
            if (cp >= 0xD800 && cp < 0xDC00 && i_ + 6 <= t_.size() && t_[i_] == '\\' &&
                t_[i_ + 1] == 'u') {
              const std::size_t save = i_;
              i_ += 2;
              unsigned lo = read_u16();
              if (lo >= 0xDC00 && lo < 0xE000)
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
              else
                i_ = save;
            }
            append_utf8(s.text, cp);
            break;
          }
          default: throw Malformed{};
        }
      }
      for (std::size_t k = before; k < s.text.size(); ++k) s.map.push_back(static_cast<std::uint32_t>(at));
    }
    s.map.push_back(static_cast<std::uint32_t>(i_ - 1));  // the closing quote
    return s;
  }

  void value(std::vector<std::string>& path) {
    skip_ws();
    const char c = peek();
    if (c == '"') {
      sites_.push_back(string_site(path, false));
      return;
    }
    JsonSite s;
    s.path = path;
    s.begin = i_;
    sites_.push_back(s);
    if (c == '{') {
      ++i_;
      skip_ws();
      if (peek() == '}') {
        ++i_;
        return;
      }
      while (true) {
        skip_ws();
        JsonSite key = string_site(path, true);
        path.push_back(key.text);
        key.path = path;
        sites_.push_back(std::move(key));
        skip_ws();
        expect(':');
        value(path);
        path.pop_back();
        skip_ws();
        if (peek() == ',') {
          ++i_;
          continue;
        }
        expect('}');
        return;
      }
    }
    if (c == '[') {
      ++i_;
      skip_ws();
      if (peek() == ']') {
        ++i_;
        return;
      }
      for (std::size_t index = 0;; ++index) {
        path.push_back(std::to_string(index));
        value(path);
        path.pop_back();
        skip_ws();
        if (peek() == ',') {
          ++i_;
          continue;
        }
        expect(']');
        return;
      }
    }
    // A number or a literal: up to the next delimiter.
    while (i_ < t_.size() && t_[i_] != ',' && t_[i_] != '}' && t_[i_] != ']' && t_[i_] != ' ' &&
           t_[i_] != '\n' && t_[i_] != '\r' && t_[i_] != '\t')
      ++i_;
  }

  std::string_view t_;
  std::size_t i_ = 0;
  std::vector<JsonSite> sites_;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool has_liquid(std::string_view s) {
  return s.find("{{") != std::string_view::npos || s.find("{%") != std::string_view::npos;
}

TemplateUnit inline_unit(const Definition& def, const JsonSite& site, Role role,
                         std::string field) {
  TemplateUnit u;
  u.role = role;
  u.file = def.file;
  u.file_text = def.text;
  u.field = std::move(field);
  u.source = site.text;
  u.offset_map = site.map;
  return u;
}

}  // namespace

std::vector<JsonSite> scan_json(std::string_view text) { return JsonScanner(text).run(); }

const JsonSite* find_site(const std::vector<JsonSite>& sites, std::string_view dotted, bool key) {
  for (const auto& s : sites) {
    if (s.is_key != key || s.path.empty()) continue;
    std::string joined;
    for (std::size_t i = 0; i < s.path.size(); ++i) joined += (i ? "." : "") + s.path[i];
    if (joined == dotted) return &s;
  }
  return nullptr;
}

std::optional<LoadedDefinition> load_definition(const std::string& display, std::string text) {
  LoadedDefinition out;
  Definition& def = out.definition;
  def.file = display;
  def.text = std::make_shared<const std::string>(std::move(text));
  const std::string& t = *def.text;

  boost::system::error_code ec;
  boost::json::value root = boost::json::parse(t, ec);
  if (ec) {
    // Where exactly: the JSON validator knows the position.
    auto report = liquid::validate::validate(t, liquid::validate::BodyType::json);
    std::size_t at = report.issues.empty() ? 0 : report.issues.front().offset;
    std::string why = report.issues.empty() ? ec.message() : report.issues.front().message;
    def.problem = Definition::Problem{std::string(webhook::definition_errc::json),
                                      "the request definition is not valid JSON: " + why, at};
    return out;
  }
  if (!root.is_object() || !root.get_object().contains("url")) return std::nullopt;

  const auto sites = scan_json(t);
  try {
    (void)webhook::parse_definition(t, display);
  } catch (const webhook::DefinitionError& e) {
    // Liquid syntax errors are the template rules' business, with every error and its column.
    if (e.id() != webhook::definition_errc::liquid_syntax) {
      // An unknown field is shown at its name, anything else at its value.
      const bool name_first = e.id() == webhook::definition_errc::unknown_field;
      std::size_t at = 0;
      if (const JsonSite* s = find_site(sites, e.field(), name_first)) at = s->begin;
      else if (const JsonSite* k = find_site(sites, e.field(), !name_first)) at = k->begin;
      def.problem = Definition::Problem{std::string(e.id()), e.what(), at};
    }
  }

  const boost::json::object& obj = root.get_object();
  if (auto* m = obj.if_contains("method"); m && m->is_string()) {
    def.method = std::string(m->get_string());
    for (auto& c : def.method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  for (const auto& s : sites) {
    if (s.is_key || !s.is_string || s.path.empty()) continue;
    const std::string& top = s.path[0];
    if (s.path.size() == 1 && top == "url") {
      out.units.push_back(inline_unit(def, s, Role::url, "url"));
    } else if (s.path.size() == 2 && top == "headers") {
      const std::string& name = s.path[1];
      TemplateUnit u = inline_unit(def, s, Role::header, "headers." + name);
      u.header_name = name;
      out.units.push_back(std::move(u));
      const JsonSite* key = find_site(sites, "headers." + name, true);
      def.headers.push_back({name, s.text, key ? key->begin : s.begin});
      if (lower(name) == "content-type") {
        def.content_type = s.text;
        def.content_type_given = true;
        def.content_type_templated = has_liquid(s.text);
        def.content_type_offset = s.begin;
      }
    } else if (s.path.size() == 1 && top == "body") {
      def.body_offset = s.begin;
      TemplateUnit u = inline_unit(def, s, Role::body, "body");
      out.units.push_back(std::move(u));
    } else if (s.path.size() == 1 && top == "body_file") {
      def.body_offset = s.begin;
      fs::path p(s.text);
      if (p.is_relative()) p = fs::path(display).parent_path() / p;
      p = p.lexically_normal();
      std::ifstream in(p, std::ios::binary);
      std::ostringstream ss;
      if (in) ss << in.rdbuf();
      if (!in || in.bad()) {
        if (!def.problem)
          def.problem = Definition::Problem{std::string(webhook::definition_errc::unreadable),
                                            "body_file: cannot read " + p.generic_string(), s.begin};
        continue;
      }
      TemplateUnit u;
      u.role = Role::body;
      u.file = p.generic_string();
      u.source = ss.str();
      u.file_text = std::make_shared<const std::string>(u.source);
      u.field = "body";
      out.units.push_back(std::move(u));
      out.body_file = p;
    } else if (s.path.size() == 2 && top == "response") {
      out.units.push_back(inline_unit(def, s, Role::response, "response." + s.path[1]));
    }
  }
  const liquid::validate::BodyType type =
      def.content_type_templated ? liquid::validate::BodyType::unknown
                                 : liquid::validate::classify(def.content_type);
  for (auto& u : out.units) {
    if (u.role != Role::body) continue;
    u.content_type = def.content_type_templated ? "" : def.content_type;
    u.body_type = type;
  }
  return out;
}

}  // namespace lint::detail
