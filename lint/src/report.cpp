#include "lint/report.hpp"

#include <boost/json.hpp>

namespace lint {

namespace json = boost::json;

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  if (name == "sarif") return Format::sarif;
  if (name == "github") return Format::github;
  return std::nullopt;
}

namespace {

struct Counts {
  std::size_t errors = 0, warnings = 0, notes = 0;
};

Counts count(const std::vector<Finding>& findings) {
  Counts c;
  for (const auto& f : findings) {
    switch (f.severity) {
      case Severity::error: ++c.errors; break;
      case Severity::warning: ++c.warnings; break;
      case Severity::note: ++c.notes; break;
    }
  }
  return c;
}

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

constexpr std::string_view kReset = "\033[0m";
constexpr std::string_view kBold = "\033[1m";

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::error: return "\033[1;31m";
    case Severity::warning: return "\033[1;35m";
    case Severity::note: return "\033[1;36m";
  }
  return kBold;
}

// The diagnostic format with ANSI colours: position in bold, severity in its colour, the caret
// in green.
std::string colored(const Finding& f) {
  const auto d = f.diagnostic();
  std::string s(kBold);
  s += f.file;
  if (d.has_position) s += ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
  s += ":";
  s += kReset;
  s += " ";
  s += severity_color(f.severity);
  s += liquid::severity_name(f.severity);
  s += ":";
  s += kReset;
  s += " " + f.message + " \033[2m[" + f.rule + "]\033[0m";
  if (!f.detail.empty()) s += " " + f.detail;
  if (d.has_position) {
    s += "\n  " + f.source_line + "\n  ";
    std::size_t col = f.column > 0 ? f.column - 1 : 0;
    for (std::size_t i = 0; i < col && i < f.source_line.size(); ++i)
      s += f.source_line[i] == '\t' ? '\t' : ' ';
    s += "\033[1;32m^\033[0m";
  }
  return s;
}

// SARIF columns count Unicode code points (run.columnKind); ours count bytes.
std::uint32_t code_point_column(const Finding& f) {
  std::uint32_t col = 1;
  const std::size_t bytes = f.column > 0 ? f.column - 1 : 0;
  for (std::size_t i = 0; i < bytes && i < f.source_line.size(); ++i)
    if ((static_cast<unsigned char>(f.source_line[i]) & 0xC0) != 0x80) ++col;
  if (bytes > f.source_line.size()) col += static_cast<std::uint32_t>(bytes - f.source_line.size());
  return col;
}

std::string uri_of(const std::string& path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  if (!path.empty() && path[0] == '/') out = "file://";
  for (unsigned char c : path) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

// GitHub workflow commands: data escapes %, CR and LF; property values also `:` and `,`.
std::string gh_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out.push_back(c);
  }
  return out;
}

std::string gh_property(std::string_view s) {
  std::string out;
  for (char c : gh_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out.push_back(c);
  }
  return out;
}

}  // namespace

std::string format_text(const std::vector<Finding>& findings, const std::vector<AppliedFix>& fixed,
                        bool color) {
  std::string out;
  for (const auto& f : fixed)
    out += f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) +
           ": fixed: " + f.description + " [" + f.rule + "]\n";
  for (const auto& f : findings) {
    out += color ? colored(f) : f.diagnostic().format();
    out += "\n";
    if (f.fix) out += "  fix available (--fix): " + f.fix->description + "\n";
  }
  if (!findings.empty()) {
    const Counts c = count(findings);
    std::string summary = plural(c.errors, "error") + ", " + plural(c.warnings, "warning");
    if (c.notes) summary += ", " + plural(c.notes, "note");
    out += summary + "\n";
  }
  return out;
}

std::string format_json(const std::vector<Finding>& findings, const std::vector<AppliedFix>& fixed) {
  json::array list;
  for (const auto& f : findings) {
    json::object o;
    o["rule"] = f.rule;
    o["severity"] = liquid::severity_name(f.severity);
    o["message"] = f.message;
    o["file"] = f.file;
    o["line"] = f.line;
    o["column"] = f.column;
    o["offset"] = f.offset;
    if (!f.detail.empty()) o["detail"] = f.detail;
    if (f.fix) {
      json::array edits;
      for (const auto& e : f.fix->edits)
        edits.push_back(json::object{{"offset", e.begin}, {"length", e.end - e.begin},
                                     {"replacement", e.replacement}});
      o["fix"] = json::object{{"description", f.fix->description}, {"edits", std::move(edits)}};
    }
    list.push_back(std::move(o));
  }
  json::array fixes;
  for (const auto& f : fixed)
    fixes.push_back(json::object{{"file", f.file},
                                 {"line", f.line},
                                 {"column", f.column},
                                 {"rule", f.rule},
                                 {"description", f.description}});
  const Counts c = count(findings);
  json::object root;
  root["version"] = 1;
  root["findings"] = std::move(list);
  root["fixed"] = std::move(fixes);
  root["summary"] = json::object{{"errors", c.errors}, {"warnings", c.warnings}, {"notes", c.notes}};
  return json::serialize(root) + "\n";
}

std::string format_sarif(const std::vector<Finding>& findings, const Registry& registry,
                         std::string_view tool_version) {
  json::array rules;
  for (const auto& r : registry.rules())
    rules.push_back(json::object{
        {"id", r.id},
        {"shortDescription", json::object{{"text", r.doc}}},
        {"fullDescription", json::object{{"text", r.doc}}},
        {"defaultConfiguration", json::object{{"level", sarif_level(r.severity)}}},
        {"properties", json::object{{"tags", json::array{"liquid", "webhook"}}}}});
  json::array results;
  for (const auto& f : findings) {
    json::object region{{"startLine", f.line}, {"startColumn", code_point_column(f)}};
    json::object physical{
        {"artifactLocation", f.file.starts_with("/")
                                 ? json::object{{"uri", uri_of(f.file)}}
                                 : json::object{{"uri", uri_of(f.file)}, {"uriBaseId", "%SRCROOT%"}}},
        {"region", std::move(region)}};
    std::string text = f.message;
    if (!f.detail.empty()) text += " " + f.detail;
    json::object result{{"ruleId", f.rule},
                        {"level", sarif_level(f.severity)},
                        {"message", json::object{{"text", std::move(text)}}},
                        {"locations", json::array{json::object{{"physicalLocation", std::move(physical)}}}}};
    const auto& all = registry.rules();
    for (std::size_t i = 0; i < all.size(); ++i)
      if (all[i].id == f.rule) result["ruleIndex"] = i;
    results.push_back(std::move(result));
  }
  json::object driver{{"name", "liquid-lint"},
                      {"semanticVersion", tool_version},
                      {"version", tool_version},
                      {"rules", std::move(rules)}};
  json::object run{{"tool", json::object{{"driver", std::move(driver)}}},
                   {"columnKind", "unicodeCodePoints"},
                   {"results", std::move(results)}};
  json::object root{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                    {"version", "2.1.0"},
                    {"runs", json::array{std::move(run)}}};
  return json::serialize(root) + "\n";
}

std::string format_github(const std::vector<Finding>& findings,
                          const std::vector<AppliedFix>& fixed) {
  std::string out;
  for (const auto& f : fixed)
    out += "::notice file=" + gh_property(f.file) + ",line=" + std::to_string(f.line) +
           ",col=" + std::to_string(f.column) + ",title=" + gh_property(f.rule) +
           "::" + gh_data("fixed: " + f.description) + "\n";
  for (const auto& f : findings) {
    const std::string_view kind = f.severity == Severity::error     ? "error"
                                  : f.severity == Severity::warning ? "warning"
                                                                    : "notice";
    std::string message = f.message;
    if (!f.detail.empty()) message += " " + f.detail;
    out += "::" + std::string(kind) + " file=" + gh_property(f.file) +
           ",line=" + std::to_string(f.line) + ",col=" + std::to_string(f.column) +
           ",title=" + gh_property(f.rule) + "::" + gh_data(message) + "\n";
  }
  return out;
}

std::string format_report(Format format, const std::vector<Finding>& findings,
                          const std::vector<AppliedFix>& fixed, const Registry& registry,
                          const ReportOptions& options) {
  switch (format) {
    case Format::text: return format_text(findings, fixed, options.color);
    case Format::json: return format_json(findings, fixed);
    case Format::sarif: return format_sarif(findings, registry, options.tool_version);
    case Format::github: return format_github(findings, fixed);
  }
  return "";
}

std::string format_rule_list(const Registry& registry) {
  std::size_t width = 0;
  for (const auto& r : registry.rules()) width = std::max(width, r.id.size());
  std::string out;
  for (const auto& r : registry.rules()) {
    std::string line = r.id;
    line.append(width + 2 - r.id.size(), ' ');
    std::string sev(liquid::severity_name(r.severity));
    line += sev;
    line.append(9 - sev.size(), ' ');
    line += r.doc;
    if (r.needs_fixtures) line += " (with fixtures)";
    out += line + "\n";
  }
  return out;
}

}  // namespace lint
