#include "lint/linter.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "internal.hpp"
#include "liquid/json.hpp"
#include "liquid/loader.hpp"
#include "liquid/tag.hpp"

namespace lint {

namespace fs = std::filesystem;

namespace {

// A tag the host application defines (config extra_tags). The linter cannot know what it prints,
// so it prints nothing; a block tag renders its body.
class HostTagNode final : public liquid::Node {
 public:
  HostTagNode(std::size_t offset, std::string name) : Node(offset), name_(std::move(name)) {}
  liquid::Flow render(liquid::Context& ctx, std::string& out) const override {
    return body_ ? body_->render(ctx, out) : liquid::Flow::normal;
  }
  bool blank() const override { return !body_ || body_->blank; }
  std::string_view tag_name() const override { return name_; }
  void for_each_body(const std::function<void(const liquid::BlockBody&)>& f) const override {
    if (body_) f(*body_);
  }
  std::unique_ptr<liquid::BlockBody> body_;

 private:
  std::string name_;
};

liquid::TagDef host_tag(const ExtraTag& tag) {
  return liquid::TagDef{
      tag.name,
      [tag](liquid::TagParser& p) -> std::unique_ptr<liquid::Node> {
        auto node = std::make_unique<HostTagNode>(p.tag_offset(), tag.name);
        if (tag.block) {
          node->body_ = std::make_unique<liquid::BlockBody>();
          liquid::BodyEnd end = p.parse_body(*node->body_);
          if (end.tag != "end" + tag.name) p.fail_unknown(end, tag.name);
        }
        return node;
      },
      tag.block};
}

liquid::Value hostile_copy(const liquid::Value& v) {
  if (v.is_string()) return liquid::Value(std::string(v.as_string()) + std::string(hostile_suffix()));
  if (v.is_array()) {
    liquid::Array a;
    a.reserve(v.as_array().size());
    for (const auto& item : v.as_array()) a.push_back(hostile_copy(item));
    return liquid::Value(std::move(a));
  }
  if (v.is_hash()) {
    liquid::Hash h;
    h.reserve(v.as_hash().size());
    for (const auto& [k, item] : v.as_hash()) h.set(k, hostile_copy(item));
    return liquid::Value(std::move(h));
  }
  return v;
}

std::optional<std::string> read_file(const fs::path& p, std::string& error) {
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    error = "is a directory";
    return std::nullopt;
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    error = "cannot open it";
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return ss.str();
}

std::string canonical_key(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return c.generic_string();
}

std::string display_path(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  return s.empty() ? "." : s;
}

}  // namespace

struct Linter::Impl {
  Registry registry;
  Config config;
  std::shared_ptr<const liquid::Environment> env;
  std::set<std::string, std::less<>> extra_filters;
  std::string default_content_type;
  std::chrono::system_clock::time_point now;  // fixed: fixture renders are reproducible

  void lint_unit(const TemplateUnit& unit, std::vector<Finding>& out) const;
  void lint_definition(const Definition& def, std::vector<Finding>& out) const;
  void lint_loaded(detail::LoadedDefinition& loaded, std::vector<Finding>& out,
                   Result& result) const;
};

namespace {

Finding make_finding(const Rule& rule, Severity severity, std::string message,
                     const std::string& file, const std::string& file_text,
                     std::size_t file_offset, std::string detail) {
  Finding f;
  f.rule = rule.id;
  f.severity = severity;
  f.message = std::move(message);
  f.file = file;
  f.offset = std::min(file_offset, file_text.size());
  auto pos = liquid::SourcePosition::locate(file, file_text, f.offset);
  f.line = pos.line;
  f.column = pos.column;
  f.source_line = std::move(pos.source_line);
  f.detail = std::move(detail);
  return f;
}

Severity effective_severity(const Rule& rule, const RuleSetting& setting, const ReportExtra& extra) {
  if (setting.severity) return *setting.severity;
  if (extra.severity) return *extra.severity;
  return rule.severity;
}

class UnitContext final : public TemplateContext {
 public:
  UnitContext(const Linter::Impl& impl, const TemplateUnit& unit, std::vector<Finding>& out)
      : impl_(impl), unit_(unit), out_(out), suppressions_(unit.source) {}

  const TemplateUnit& unit() const override { return unit_; }
  const Config& config() const override { return impl_.config; }
  const liquid::Environment& environment() const override { return *impl_.env; }
  bool extra_filter(std::string_view name) const override {
    return impl_.extra_filters.contains(name);
  }

  const ParsedTemplate& parsed() override {
    if (parsed_) return *parsed_;
    parsed_.emplace();
    const std::string name =
        unit_.offset_map.empty() ? unit_.file : unit_.file + "#" + unit_.field;
    auto strict = liquid::Template::parse_all(unit_.source, {.mode = liquid::ErrorMode::strict, .name = name},
                                              impl_.env);
    parsed_->strict = std::move(strict.tmpl);
    parsed_->strict_errors = std::move(strict.diagnostics);
    auto lax = liquid::Template::parse_all(unit_.source, {.mode = liquid::ErrorMode::lax, .name = name},
                                           impl_.env);
    parsed_->lax = std::move(lax.tmpl);
    parsed_->lax_errors = std::move(lax.diagnostics);
    return *parsed_;
  }

  const Analysis* analysis() override {
    if (!analysis_done_) {
      analysis_done_ = true;
      if (const liquid::Template* t = parsed().tree()) analysis_.emplace(*t, unit_.body_type);
    }
    return analysis_ ? &*analysis_ : nullptr;
  }

  std::span<const FixtureRender> renders() override {
    if (!renders_) renders_ = render_all(false);
    return *renders_;
  }
  std::span<const FixtureRender> hostile_renders() override {
    if (!hostile_) hostile_ = render_all(true);
    return *hostile_;
  }

  void report(std::size_t offset, std::string message, ReportExtra extra) override {
    if (!rule_) return;
    if (suppressions_.suppressed(rule_->id, offset)) return;
    Finding f = make_finding(*rule_, effective_severity(*rule_, setting_, extra), std::move(message),
                             unit_.file, *unit_.file_text, unit_.file_offset(offset),
                             std::move(extra.detail));
    if (extra.fix) {
      Fix fix{extra.fix->description, {}};
      for (const auto& e : extra.fix->edits) {
        Edit fe{unit_.file_offset(e.begin), unit_.file_offset(e.end), {}};
        if (unit_.offset_map.empty())
          fe.replacement = e.replacement;
        else
          liquid::append_json_escaped(fe.replacement, e.replacement);
        fix.edits.push_back(std::move(fe));
      }
      f.fix = std::move(fix);
    }
    out_.push_back(std::move(f));
  }

  void run(const Rule& rule, const RuleSetting& setting) {
    rule_ = &rule;
    setting_ = setting;
    try {
      rule.check_template(*this);
    } catch (const std::exception& e) {
      // A rule that fails must not hide the others' findings, nor crash the run.
      ReportExtra extra;
      extra.severity = Severity::error;
      report(0, std::string("internal error in this rule: ") + e.what(), std::move(extra));
    }
    rule_ = nullptr;
  }

 private:
  std::vector<FixtureRender> render_all(bool hostile) {
    std::vector<FixtureRender> out;
    const liquid::Template* t = parsed().tree();
    if (!t || !unit_.is_body()) return out;
    const auto& fixtures = impl_.config.fixtures;
    out.reserve(fixtures.size());
    // Partials (include/render) are looked up next to the file that holds the template.
    const fs::path dir = fs::path(unit_.file).parent_path();
    const liquid::DirectoryLoader partials(dir.empty() ? fs::path(".") : dir);
    for (std::size_t i = 0; i < fixtures.size(); ++i) {
      FixtureRender r;
      r.record = i;
      r.record_name = fixtures[i].name;
      r.hostile = hostile;
      liquid::RenderOptions ro;
      ro.limits = impl_.config.limits;
      ro.now = impl_.now;
      ro.origins = &r.origins;
      ro.partials = &partials;
      const liquid::Value data = hostile ? hostile_copy(fixtures[i].value) : fixtures[i].value;
      try {
        t->render_to(r.output, data, ro);
      } catch (const liquid::Error& e) {
        r.error = e.diagnostic();
      } catch (const std::exception& e) {
        liquid::Diagnostic d;
        d.id = std::string(liquid::errc::internal);
        d.message = e.what();
        d.has_position = false;
        r.error = std::move(d);
      }
      ro.origins = nullptr;
      out.push_back(std::move(r));
    }
    return out;
  }

  const Linter::Impl& impl_;
  const TemplateUnit& unit_;
  std::vector<Finding>& out_;
  detail::Suppressions suppressions_;
  std::optional<ParsedTemplate> parsed_;
  std::optional<Analysis> analysis_;
  bool analysis_done_ = false;
  std::optional<std::vector<FixtureRender>> renders_, hostile_;
  const Rule* rule_ = nullptr;
  RuleSetting setting_;
};

class DefContext final : public DefinitionContext {
 public:
  DefContext(const Definition& def, const Config& config, std::vector<Finding>& out)
      : def_(def), config_(config), out_(out) {}
  const Definition& definition() const override { return def_; }
  const Config& config() const override { return config_; }
  void report(std::size_t offset, std::string message, ReportExtra extra) override {
    Finding f = make_finding(*rule_, effective_severity(*rule_, setting_, extra), std::move(message),
                             def_.file, *def_.text, offset, std::move(extra.detail));
    if (extra.fix) f.fix = std::move(extra.fix);
    out_.push_back(std::move(f));
  }
  void run(const Rule& rule, const RuleSetting& setting) {
    rule_ = &rule;
    setting_ = setting;
    try {
      rule.check_definition(*this);
    } catch (const std::exception& e) {
      ReportExtra extra;
      extra.severity = Severity::error;
      report(0, std::string("internal error in this rule: ") + e.what(), std::move(extra));
    }
  }

 private:
  const Definition& def_;
  const Config& config_;
  std::vector<Finding>& out_;
  const Rule* rule_ = nullptr;
  RuleSetting setting_;
};

void finish(Result& r) {
  std::sort(r.findings.begin(), r.findings.end());
  r.findings.erase(std::unique(r.findings.begin(), r.findings.end(),
                               [](const Finding& a, const Finding& b) {
                                 return a.rule == b.rule && a.file == b.file &&
                                        a.offset == b.offset && a.message == b.message;
                               }),
                   r.findings.end());
}

}  // namespace

void Linter::Impl::lint_unit(const TemplateUnit& unit, std::vector<Finding>& out) const {
  UnitContext ctx(*this, unit, out);
  const std::string key = config.path_key(unit.file);
  for (const Rule& rule : registry.rules()) {
    if (!rule.check_template) continue;
    if (rule.needs_fixtures && config.fixtures.empty()) continue;
    const RuleSetting s = config.setting(rule.id, key);
    if (!s.enabled) continue;
    ctx.run(rule, s);
  }
}

void Linter::Impl::lint_definition(const Definition& def, std::vector<Finding>& out) const {
  DefContext ctx(def, config, out);
  const std::string key = config.path_key(def.file);
  for (const Rule& rule : registry.rules()) {
    if (!rule.check_definition) continue;
    const RuleSetting s = config.setting(rule.id, key);
    if (!s.enabled) continue;
    ctx.run(rule, s);
  }
}

void Linter::Impl::lint_loaded(detail::LoadedDefinition& loaded, std::vector<Finding>& out,
                               Result& result) const {
  lint_definition(loaded.definition, out);
  for (auto& u : loaded.units) {
    u.definition = &loaded.definition;
    lint_unit(u, out);
    ++result.templates;
  }
}

Linter::Linter(Registry registry, Config config) : impl_(std::make_unique<Impl>()) {
  for (const auto& [id, setting] : config.rules)
    if (!registry.find(id))
      throw ConfigError((config.file.empty() ? std::string("config") : config.file.string()) +
                        ": rules: unknown rule '" + id + "'" +
                        suggestion_text(did_you_mean(id, [&] {
                          std::vector<std::string> ids;
                          for (const auto& r : registry.rules()) ids.push_back(r.id);
                          return ids;
                        }())));
  for (const auto& o : config.overrides)
    for (const auto& [id, setting] : o.rules)
      if (!registry.find(id))
        throw ConfigError((config.file.empty() ? std::string("config") : config.file.string()) +
                          ": overrides: unknown rule '" + id + "'");
  auto env = config.webhook_filters ? liquid::Environment::webhook() : liquid::Environment::standard();
  for (const auto& tag : config.extra_tags) env->register_tag(host_tag(tag));
  impl_->env = std::move(env);
  impl_->extra_filters.insert(config.extra_filters.begin(), config.extra_filters.end());
  impl_->registry = std::move(registry);
  impl_->config = std::move(config);
  // 2024-01-15 12:00:00 UTC.
  impl_->now = std::chrono::system_clock::time_point(std::chrono::seconds(1705320000));
}

Linter::~Linter() = default;
Linter::Linter(Linter&&) noexcept = default;

void Linter::set_default_content_type(std::string type) {
  impl_->default_content_type = std::move(type);
}
const Registry& Linter::registry() const { return impl_->registry; }
const Config& Linter::config() const { return impl_->config; }

Result Linter::lint_template(const std::string& name, std::string source,
                             const std::string& content_type) const {
  Result r;
  TemplateUnit u;
  u.role = Role::file;
  u.file = name;
  u.source = std::move(source);
  u.file_text = std::make_shared<const std::string>(u.source);
  u.content_type = content_type.empty() ? impl_->default_content_type : content_type;
  u.body_type = liquid::validate::classify(u.content_type);
  impl_->lint_unit(u, r.findings);
  r.files = 1;
  r.templates = 1;
  finish(r);
  return r;
}

Result Linter::lint_definition(const std::string& name, std::string json_text) const {
  Result r;
  r.files = 1;
  auto loaded = detail::load_definition(name, std::move(json_text));
  if (!loaded) {
    r.input_errors.push_back(name + ": not a request definition (a JSON object with a \"url\")");
    return r;
  }
  impl_->lint_loaded(*loaded, r.findings, r);
  finish(r);
  return r;
}

Result Linter::lint_paths(const std::vector<std::string>& paths) const {
  Result result;
  struct Input {
    fs::path path;
    bool explicit_path;
  };
  std::vector<Input> definitions, templates;
  std::set<std::string> skip;  // the config file and fixture files are data, not definitions
  if (!impl_->config.file.empty()) skip.insert(canonical_key(impl_->config.file));
  for (const auto& f : impl_->config.fixture_files) skip.insert(canonical_key(f));

  for (const auto& given : paths) {
    fs::path p(given);
    std::error_code ec;
    auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      result.input_errors.push_back(given + ": no such file or directory");
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<fs::path> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) {
        result.input_errors.push_back(given + ": cannot list the directory: " + ec.message());
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) {
          result.input_errors.push_back(given + ": cannot list the directory: " + ec.message());
          break;
        }
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          // Hidden files and directories (.git, .liquid-lint.json) are not inputs.
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (!it->is_regular_file(ec)) continue;
        const auto ext = it->path().extension();
        if (ext == ".liquid" || ext == ".json") found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      for (auto& f : found) {
        if (skip.contains(canonical_key(f))) continue;
        (f.extension() == ".json" ? definitions : templates).push_back({f, false});
      }
    } else {
      (p.extension() == ".json" ? definitions : templates).push_back({p, true});
    }
  }

  std::vector<detail::LoadedDefinition> loaded;
  loaded.reserve(definitions.size());
  std::set<std::string> bodies;
  for (const auto& in : definitions) {
    std::string error;
    auto text = read_file(in.path, error);
    if (!text) {
      result.input_errors.push_back(display_path(in.path) + ": cannot read: " + error);
      continue;
    }
    ++result.files;
    auto def = detail::load_definition(display_path(in.path), std::move(*text));
    if (!def) {
      if (in.explicit_path)
        result.input_errors.push_back(display_path(in.path) +
                                      ": not a request definition (a JSON object with a \"url\")");
      continue;
    }
    if (def->body_file) bodies.insert(canonical_key(*def->body_file));
    loaded.push_back(std::move(*def));
  }
  for (auto& def : loaded) impl_->lint_loaded(def, result.findings, result);

  std::set<std::string> seen;
  for (const auto& in : templates) {
    const std::string key = canonical_key(in.path);
    if (bodies.contains(key) || !seen.insert(key).second) continue;
    std::string error;
    auto text = read_file(in.path, error);
    if (!text) {
      result.input_errors.push_back(display_path(in.path) + ": cannot read: " + error);
      continue;
    }
    ++result.files;
    TemplateUnit u;
    u.role = Role::file;
    u.file = display_path(in.path);
    u.source = std::move(*text);
    u.file_text = std::make_shared<const std::string>(u.source);
    u.content_type = impl_->config.content_type_for(impl_->config.path_key(in.path));
    if (u.content_type.empty()) u.content_type = impl_->default_content_type;
    u.body_type = liquid::validate::classify(u.content_type);
    impl_->lint_unit(u, result.findings);
    ++result.templates;
  }
  finish(result);
  return result;
}

std::vector<AppliedFix> apply_fixes(const std::vector<Finding>& findings,
                                    std::vector<std::string>& errors) {
  std::map<std::string, std::vector<const Finding*>> by_file;
  for (const auto& f : findings)
    if (f.fix && !f.fix->edits.empty()) by_file[f.file].push_back(&f);
  std::vector<AppliedFix> applied;
  for (auto& [file, list] : by_file) {
    std::string error;
    auto text = read_file(file, error);
    if (!text) {
      errors.push_back(file + ": cannot read for --fix: " + error);
      continue;
    }
    // Keep the fixes whose edits overlap no earlier kept fix.
    std::vector<std::pair<std::size_t, std::size_t>> taken;
    std::vector<const Edit*> edits;
    std::vector<const Finding*> kept;
    for (const Finding* f : list) {
      bool overlaps = false;
      for (const auto& e : f->fix->edits)
        for (const auto& [b, en] : taken)
          if (e.begin < en && b < e.end) overlaps = true;
      if (overlaps) continue;
      for (const auto& e : f->fix->edits) {
        taken.emplace_back(e.begin, e.end);
        edits.push_back(&e);
      }
      kept.push_back(f);
    }
    std::sort(edits.begin(), edits.end(), [](const Edit* a, const Edit* b) { return a->begin > b->begin; });
    std::string out = *text;
    for (const Edit* e : edits) {
      if (e->end > out.size() || e->begin > e->end) continue;
      out.replace(e->begin, e->end - e->begin, e->replacement);
    }
    std::ofstream o(file, std::ios::binary | std::ios::trunc);
    o << out;
    o.close();
    if (!o) {
      errors.push_back(file + ": cannot write the fixes");
      continue;
    }
    for (const Finding* f : kept)
      applied.push_back({f->file, f->line, f->column, f->rule, f->fix->description});
  }
  return applied;
}

}  // namespace lint
