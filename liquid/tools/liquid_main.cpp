// `liquid`: render Liquid templates from the command line.
//
//   liquid render TEMPLATE [--data FILE.json|-] [--data-lines FILE.jsonl|-] [--partials DIR]
//                 [--mode lax|strict|strict2] [--strict-variables] [--strict-filters]
//                 [--inline-errors] [--no-extras] [--content-type TYPE] [--escape json|form|none]
//                 [--timezone ZONE]
//   liquid adapter      (the golden-liquid conformance runner's JSON-lines protocol)
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "liquid/liquid.hpp"
#include "liquid/validate.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitErrors = 1;  // template or render errors
constexpr int kExitUsage = 2;   // bad arguments, unreadable files

struct RenderArgs {
  std::string template_path;
  std::string data_path;
  std::string data_lines_path;
  std::string partials_dir;
  std::string mode = "lax";
  bool strict_variables = false;
  bool strict_filters = false;
  bool inline_errors = false;
  bool no_extras = false;
  bool extras = false;
  std::string content_type;
  std::string escape = "none";
  std::string timezone = "UTC";
};

std::optional<std::string> read_input(const std::string& path) {
  std::ostringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  ss << in.rdbuf();
  return ss.str();
}

liquid::ErrorMode parse_mode(const std::string& m) {
  if (m == "strict") return liquid::ErrorMode::strict;
  if (m == "strict2") return liquid::ErrorMode::strict2;
  return liquid::ErrorMode::lax;
}

void report(const liquid::Diagnostic& d) { std::cerr << d.format() << "\n"; }

int run_render(const RenderArgs& a) {
  auto source = read_input(a.template_path);
  if (!source) {
    std::cerr << "liquid: cannot read template " << a.template_path << "\n";
    return kExitUsage;
  }
  liquid::ParseOptions po;
  po.mode = parse_mode(a.mode);
  po.name = a.template_path == "-" ? "<stdin>" : a.template_path;
  // liquidhook's extra filters (json, hmac_sha256, ...) are on, except in the strict
  // Shopify-compatible modes unless asked for.
  bool extras = a.extras || (!a.no_extras && po.mode == liquid::ErrorMode::lax);
  auto env = extras ? liquid::Environment::webhook() : liquid::Environment::standard();
  auto parsed = liquid::Template::parse_all(std::move(*source), po, env);
  if (!parsed.tmpl) {
    for (const auto& d : parsed.diagnostics) report(d);
    return kExitErrors;
  }
  std::optional<liquid::DirectoryLoader> loader;
  if (!a.partials_dir.empty()) loader.emplace(a.partials_dir);
  liquid::PartialCache cache;
  liquid::RenderOptions ro;
  ro.strict_variables = a.strict_variables;
  ro.strict_filters = a.strict_filters;
  ro.inline_errors = a.inline_errors;
  ro.partials = loader ? &*loader : nullptr;
  ro.cache = &cache;
  ro.timezone = a.timezone;
  ro.escape = a.escape == "json" ? liquid::EscapeMode::json
            : a.escape == "form" ? liquid::EscapeMode::form
                                 : liquid::EscapeMode::none;
  liquid::OriginMap origins;
  if (!a.content_type.empty()) ro.origins = &origins;

  // Render, then validate the output for its content type; problems are reported at the
  // template line that produced them. `label` names the output in messages.
  auto render_one = [&](const liquid::Value& data, std::string& out, const std::string& label) -> bool {
    bool ok = true;
    origins.clear();
    try {
      auto r = parsed.tmpl->render_collect(data, ro);
      for (const auto& d : r.errors) report(d);
      out = std::move(r.output);
      ok = r.errors.empty();
    } catch (const liquid::Error& e) {
      report(e.diagnostic());
      return false;
    }
    if (!a.content_type.empty()) {
      auto report_v = liquid::validate::validate(out, a.content_type);
      liquid::validate::drop_intended(report_v, origins, ro.escape == liquid::EscapeMode::form);
      if (!report_v.validated) {
        std::cerr << label << ": note: content type '" << a.content_type << "' is not validated\n";
      }
      for (const auto& issue : report_v.issues) {
        report(liquid::validate::to_diagnostic(issue, &origins, out, label));
        if (issue.severity == liquid::Severity::error) ok = false;
      }
    }
    return ok;
  };

  if (!a.data_lines_path.empty()) {
    std::istream* in = &std::cin;
    std::ifstream file;
    if (a.data_lines_path != "-") {
      file.open(a.data_lines_path, std::ios::binary);
      if (!file) {
        std::cerr << "liquid: cannot read " << a.data_lines_path << "\n";
        return kExitUsage;
      }
      in = &file;
    }
    bool ok = true;
    std::string line, out, json;
    std::size_t line_no = 0;
    while (std::getline(*in, line)) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      liquid::Value data;
      try {
        data = liquid::parse_json(line);
      } catch (const std::exception& e) {
        std::cerr << a.data_lines_path << ":" << line_no << ": error: " << e.what() << " [invalid-data]\n";
        std::cout << "null\n";
        ok = false;
        continue;
      }
      if (!render_one(data, out, "<output of record " + std::to_string(line_no) + ">")) ok = false;
      json.clear();
      liquid::append_json_string(json, out);
      std::cout << json << "\n";
    }
    return ok ? kExitOk : kExitErrors;
  }

  liquid::Value data;
  if (!a.data_path.empty()) {
    auto text = read_input(a.data_path);
    if (!text) {
      std::cerr << "liquid: cannot read data " << a.data_path << "\n";
      return kExitUsage;
    }
    try {
      data = liquid::parse_json(*text);
    } catch (const std::exception& e) {
      std::cerr << a.data_path << ": error: " << e.what() << " [invalid-data]\n";
      return kExitUsage;
    }
  }
  std::string out;
  bool ok = render_one(data, out, "<output>");
  std::cout << out;
  return ok ? kExitOk : kExitErrors;
}

// golden.py's adapter protocol: one JSON request per line on stdin, one JSON answer per line.
int run_adapter() {
  std::string line;
  auto env = liquid::Environment::standard();
  while (std::getline(std::cin, line)) {
    boost::json::object answer;
    try {
      auto req = boost::json::parse(line).as_object();
      liquid::ParseOptions po;
      if (auto* m = req.if_contains("mode"); m && m->is_string()) po.mode = parse_mode(std::string(m->as_string()));
      liquid::MemoryLoader loader;
      if (auto* p = req.if_contains("partials"); p && p->is_object())
        for (const auto& kv : p->as_object()) loader.add(std::string(kv.key()), std::string(kv.value().as_string()));
      liquid::Value data;
      if (auto* d = req.if_contains("data")) data = liquid::from_json(*d);
      liquid::RenderOptions ro;
      ro.partials = &loader;
      ro.inline_errors = true;
      auto tmpl = liquid::Template::parse(std::string(req.at("template").as_string()), po, env);
      auto r = tmpl.render_collect(data, ro);
      answer["output"] = r.output;
      if (!r.errors.empty()) {
        boost::json::array errs;
        for (const auto& e : r.errors) errs.emplace_back(e.message);
        answer["errors"] = std::move(errs);
      }
    } catch (const liquid::Error& e) {
      answer["error"] = e.diagnostic().message;
    } catch (const std::exception& e) {
      answer["error"] = std::string("adapter: ") + e.what();
    }
    std::cout << boost::json::serialize(answer) << "\n" << std::flush;
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"liquid: render Shopify-dialect Liquid templates"};
  app.require_subcommand(1);
  RenderArgs ra;
  auto* render = app.add_subcommand("render", "Render TEMPLATE to stdout; errors go to stderr as file:line:col");
  render->add_option("template", ra.template_path, "Template file, or - for stdin")->required();
  render->add_option("--data", ra.data_path, "JSON object of variables (file, or - for stdin)");
  render->add_option("--data-lines", ra.data_lines_path,
                     "JSON Lines: render once per line, print each output as one JSON string per line");
  render->add_option("--partials", ra.partials_dir, "Directory of partials for include/render (NAME or NAME.liquid)");
  render->add_option("--mode", ra.mode, "Parse error mode")->check(CLI::IsMember({"lax", "strict", "strict2"}));
  render->add_flag("--strict-variables", ra.strict_variables, "An undefined variable is an error");
  render->add_flag("--strict-filters", ra.strict_filters, "An unknown filter is an error");
  render->add_flag("--inline-errors", ra.inline_errors,
                   "Render errors into the output as Ruby's render does (still reported; exit 1)");
  render->add_flag("--no-extras", ra.no_extras, "Standard filters only (no json, hmac_sha256, timezone, ...)");
  render->add_flag("--extras", ra.extras, "liquidhook's extra filters even in strict modes");
  render->add_option("--content-type", ra.content_type,
                     "Validate the output as this Content-Type (application/json, x-www-form-urlencoded, "
                     "text/xml, text/plain); problems are reported at template positions, exit 1");
  render->add_option("--escape", ra.escape,
                     "Escape every {{ }} for its context: json (string or value position), form "
                     "(percent-encoding unless already url_encoded), none; `| raw` opts out")
      ->check(CLI::IsMember({"json", "form", "none"}));
  render->add_option("--timezone", ra.timezone,
                     "Default zone of the date filter: UTC, an offset (+05:30) or an IANA name (America/New_York)");
  render->get_option("--no-extras")->excludes(render->get_option("--extras"));
  render->get_option("--data")->excludes(render->get_option("--data-lines"));
  auto* adapter = app.add_subcommand("adapter", "Speak golden.py's adapter protocol on stdin/stdout");
  app.footer(
      "Exit status: 0 success, 1 template or render errors, 2 usage or I/O errors.\n"
      "Example: liquid render body.liquid --data customer.json --mode strict\n");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (render->parsed()) return run_render(ra);
  if (adapter->parsed()) return run_adapter();
  return kExitUsage;
}
