// The tree walk shared by the rules: sites (outputs, texts, variables, filters, assignments),
// and the linearised body for a few ways through the conditionals, from which come the JSON
// skeletons and the JSON/form context of every output.
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "liquid/filter.hpp"
#include "lint/model.hpp"

namespace lint {

namespace ast = liquid::ast;
using liquid::validate::BodyType;

std::string_view role_name(Role role) {
  switch (role) {
    case Role::body: return "body";
    case Role::url: return "url";
    case Role::header: return "header";
    case Role::response: return "response";
    case Role::file: return "template";
  }
  return "template";
}

std::size_t TemplateUnit::file_offset(std::size_t template_offset) const {
  if (offset_map.empty()) return template_offset;
  return offset_map[std::min(template_offset, offset_map.size() - 1)];
}

const ast::FilterCall* OutputSite::last_filter() const {
  return expr && !expr->filters.empty() ? &expr->filters.back() : nullptr;
}

std::uint8_t OutputSite::last_filter_flags() const {
  const auto* f = last_filter();
  return f && f->def ? f->def->flags : std::uint8_t{liquid::filter_none};
}

std::size_t Skeleton::source_offset(std::size_t at) const {
  if (spans.empty()) return 0;
  for (const auto& s : spans) {
    if (at < s.begin || at >= s.end) continue;
    return s.literal ? s.source + (at - s.begin) : s.source;
  }
  // Past the end ("unexpected end of input"): just after the last byte.
  const Span& last = spans.back();
  return last.literal ? last.source + (last.end - last.begin) : last.source;
}

std::string_view hostile_suffix() {
  // Ends a JSON string and adds a key, adds a form field, closes an XML element and adds one,
  // breaks lines, and carries a backslash, a percent sign and a plus.
  static const std::string text = std::string("\", \"") + std::string(kInjectedName) +
                                  "\": true, \"x\": \"&" + std::string(kInjectedName) +
                                  "=1&</x><" + std::string(kInjectedName) +
                                  "/>\r\n\\ 100% +";
  return text;
}

std::string_view Analysis::source() const { return tmpl_->source(); }

namespace {

constexpr std::size_t npos = std::string::npos;

// A way through the conditionals and loops of a template.
enum class Variant : std::uint8_t { first_branches, last_branches, empty_loops };

struct LoopState {
  std::int64_t index0 = 0;
  std::int64_t length = 2;
};

struct Event {
  std::size_t source = 0;
  std::string_view text;             // literal text (source offset `source`)
  OutputSite* site = nullptr;        // or an output
};

// `forloop.first` and friends, literals, and comparisons and and/or of those: evaluated when
// the walk knows the loop position; anything else is unknown.
std::optional<liquid::Value> evaluate(const ast::Expr& e, const std::vector<LoopState>& loops) {
  if (const auto* lit = std::get_if<ast::Literal>(&e.node)) return lit->value;
  if (const auto* var = std::get_if<ast::Variable>(&e.node)) {
    if (var->name != "forloop" || var->dynamic_name || loops.empty() || var->lookups.size() != 1 ||
        var->lookups[0].index)
      return std::nullopt;
    const LoopState& l = loops.back();
    const std::string& key = var->lookups[0].key;
    if (key == "first") return liquid::Value(l.index0 == 0);
    if (key == "last") return liquid::Value(l.index0 == l.length - 1);
    if (key == "index") return liquid::Value(l.index0 + 1);
    if (key == "index0") return liquid::Value(l.index0);
    if (key == "rindex") return liquid::Value(l.length - l.index0);
    if (key == "rindex0") return liquid::Value(l.length - l.index0 - 1);
    if (key == "length") return liquid::Value(l.length);
    return std::nullopt;
  }
  if (const auto* cmp = std::get_if<ast::Comparison>(&e.node)) {
    auto a = evaluate(*cmp->left, loops), b = evaluate(*cmp->right, loops);
    if (!a || !b) return std::nullopt;
    switch (cmp->op) {
      case ast::CompareOp::eq: return liquid::Value(*a == *b);
      case ast::CompareOp::ne: return liquid::Value(!(*a == *b));
      case ast::CompareOp::lt:
      case ast::CompareOp::gt:
      case ast::CompareOp::le:
      case ast::CompareOp::ge: {
        if (!a->is_number() || !b->is_number()) return std::nullopt;
        const double x = a->to_double(), y = b->to_double();
        const bool r = cmp->op == ast::CompareOp::lt   ? x < y
                       : cmp->op == ast::CompareOp::gt ? x > y
                       : cmp->op == ast::CompareOp::le ? x <= y
                                                       : x >= y;
        return liquid::Value(r);
      }
      default: return std::nullopt;
    }
  }
  if (const auto* lg = std::get_if<ast::Logical>(&e.node)) {
    auto a = evaluate(*lg->left, loops), b = evaluate(*lg->right, loops);
    if (lg->is_and) {
      if ((a && !a->truthy()) || (b && !b->truthy())) return liquid::Value(false);
      if (a && b) return liquid::Value(true);
    } else {
      if ((a && a->truthy()) || (b && b->truthy())) return liquid::Value(true);
      if (a && b) return liquid::Value(false);
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

class AnalysisBuilder {
 public:
  AnalysisBuilder(Analysis& a, BodyType type) : a_(a), type_(type), source_(a.tmpl().source()) {}

  void run() {
    collect(a_.tmpl().root(), false, false);
    if (type_ != BodyType::json && type_ != BodyType::form) return;
    std::vector<Variant> variants{Variant::first_branches};
    if (has_conditionals_) variants.push_back(Variant::last_branches);
    if (has_loops_) variants.push_back(Variant::empty_loops);
    for (Variant v : variants) {
      events_.clear();
      std::vector<LoopState> loops;
      linearize(a_.tmpl().root(), v, loops);
      if (type_ == BodyType::json)
        json_pass(v);
      else
        form_pass();
    }
  }

 private:
  // ---- sites ------------------------------------------------------------------------------
  void collect_expr(const ast::Expr& e) {
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, ast::Variable>) {
            a_.variables_.push_back({&n, e.offset});
            if (n.dynamic_name) collect_expr(*n.dynamic_name);
            for (const auto& l : n.lookups)
              if (l.index) collect_expr(*l.index);
          } else if constexpr (std::is_same_v<T, ast::RangeExpr>) {
            collect_expr(*n.first);
            collect_expr(*n.last);
          } else if constexpr (std::is_same_v<T, ast::Comparison>) {
            collect_expr(*n.left);
            collect_expr(*n.right);
          } else if constexpr (std::is_same_v<T, ast::Logical>) {
            collect_expr(*n.left);
            collect_expr(*n.right);
          }
        },
        e.node);
  }

  void collect_filtered(const ast::FilteredExpr& fe) {
    collect_expr(fe.base);
    for (const auto& f : fe.filters) {
      a_.filters_.push_back({&f, &fe});
      for (const auto& arg : f.args) collect_expr(arg);
      for (const auto& kw : f.kwargs) collect_expr(kw.value);
    }
  }

  std::size_t close_of(std::size_t from, std::string_view closer) const {
    std::size_t at = source_.find(closer, from);
    return at == npos ? source_.size() : at + closer.size();
  }

  void add_output(const liquid::Node& node, OutputSite::Kind kind, const ast::FilteredExpr* expr,
                  bool captured, bool conditional) {
    OutputSite s;
    s.kind = kind;
    s.node = &node;
    s.expr = expr;
    s.begin = node.offset();
    if (node.tag_name() == "{{" && expr)
      s.end = close_of(expr->offset + expr->length, "}}");
    else if (expr)
      s.end = expr->offset + expr->length;
    else
      s.end = close_of(node.offset(), "%}");
    s.captured = captured;
    s.conditional = conditional;
    if (captured) {
      s.json = JsonSlot::captured;
      s.form = FormSlot::captured;
    }
    site_index_[&node] = a_.outputs_.size();
    a_.outputs_.push_back(s);
  }

  // The body of {% raw %}: from after its tag to the `{%` of endraw.
  std::string_view raw_body(const liquid::Node& node, std::size_t& begin) const {
    begin = close_of(node.offset(), "%}");
    std::size_t at = begin;
    while ((at = source_.find("{%", at)) != npos) {
      std::size_t k = at + 2;
      while (k < source_.size() && (source_[k] == '-' || source_[k] == ' ' || source_[k] == '\t' ||
                                    source_[k] == '\n' || source_[k] == '\r'))
        ++k;
      if (source_.compare(k, 6, "endraw") == 0) return source_.substr(begin, at - begin);
      at += 2;
    }
    return source_.substr(begin);
  }

  void collect(const liquid::BlockBody& body, bool captured, bool conditional) {
    for (const auto& owned : body.nodes) {
      const liquid::Node& node = *owned;
      const std::string_view tag = node.tag_name();
      if (tag.empty()) {
        const auto& text = static_cast<const liquid::TextNode&>(node).text();
        a_.texts_.push_back({node.offset(), text, captured});
        continue;
      }
      std::vector<const ast::FilteredExpr*> exprs;
      node.for_each_expression([&](const ast::FilteredExpr& e) { exprs.push_back(&e); });
      for (const auto* e : exprs) collect_filtered(*e);
      node.for_each_defined_name([&](std::string_view n) { a_.defined_.emplace(n); });
      if (tag == "{{" || tag == "echo") {
        add_output(node, OutputSite::Kind::output, exprs.empty() ? nullptr : exprs.front(), captured, conditional);
      } else if (tag == "cycle") {
        add_output(node, OutputSite::Kind::cycle, nullptr, captured, conditional);
      } else if (tag == "increment" || tag == "decrement") {
        add_output(node, OutputSite::Kind::counter, nullptr, captured, conditional);
      } else if (tag == "include" || tag == "render") {
        a_.uses_partials_ = true;
        add_output(node, OutputSite::Kind::partial, nullptr, captured, conditional);
      } else if (tag == "raw") {
        std::size_t begin = 0;
        std::string_view text = raw_body(node, begin);
        raw_index_[&node] = a_.texts_.size();
        a_.texts_.push_back({begin, text, captured});
      } else if (tag == "assign" || tag == "capture") {
        node.for_each_defined_name([&](std::string_view n) {
          a_.assignments_.push_back({std::string(n), node.offset(), std::string(tag)});
        });
      }
      if (tag == "if" || tag == "unless" || tag == "case") has_conditionals_ = true;
      if (tag == "for" || tag == "tablerow") has_loops_ = true;
      const bool inner_captured = captured || tag == "capture";
      const bool inner_conditional = conditional || tag == "if" || tag == "unless" ||
                                     tag == "case" || tag == "for" || tag == "tablerow";
      node.for_each_body(
          [&](const liquid::BlockBody& b) { collect(b, inner_captured, inner_conditional); });
    }
  }

  // ---- linearisation ----------------------------------------------------------------------
  void linearize(const liquid::BlockBody& body, Variant v, std::vector<LoopState>& loops) {
    for (const auto& owned : body.nodes) {
      const liquid::Node& node = *owned;
      const std::string_view tag = node.tag_name();
      if (tag.empty()) {
        events_.push_back({node.offset(), static_cast<const liquid::TextNode&>(node).text(), nullptr});
        continue;
      }
      if (auto it = site_index_.find(&node); it != site_index_.end()) {
        events_.push_back({node.offset(), {}, &a_.outputs_[it->second]});
        continue;
      }
      if (auto it = raw_index_.find(&node); it != raw_index_.end()) {
        const TextSite& t = a_.texts_[it->second];
        events_.push_back({t.begin, t.text, nullptr});
        continue;
      }
      if (tag == "capture" || tag == "assign" || tag == "comment" || tag == "#" || tag == "doc")
        continue;
      std::vector<const liquid::BlockBody*> bodies;
      node.for_each_body([&](const liquid::BlockBody& b) { bodies.push_back(&b); });
      if (bodies.empty()) continue;
      if (tag == "if" || tag == "unless") {
        std::vector<const ast::FilteredExpr*> conditions;
        node.for_each_expression([&](const ast::FilteredExpr& e) { conditions.push_back(&e); });
        if (const auto* chosen = choose_branch(bodies, conditions, tag == "unless", v, loops))
          linearize(*chosen, v, loops);
      } else if (tag == "case") {
        linearize(v == Variant::last_branches ? *bodies.back() : *bodies.front(), v, loops);
      } else if (tag == "for" || tag == "tablerow") {
        if (v == Variant::empty_loops) {
          if (bodies.size() > 1) linearize(*bodies[1], v, loops);
          continue;
        }
        // Two iterations: enough to see what separates items.
        for (std::int64_t i = 0; i < 2; ++i) {
          loops.push_back({i, 2});
          linearize(*bodies[0], v, loops);
          loops.pop_back();
        }
      } else {
        for (const auto* b : bodies) linearize(*b, v, loops);
      }
    }
  }

  const liquid::BlockBody* choose_branch(const std::vector<const liquid::BlockBody*>& bodies,
                                         const std::vector<const ast::FilteredExpr*>& conditions,
                                         bool negate_first, Variant v,
                                         const std::vector<LoopState>& loops) {
    const bool has_else = bodies.size() > conditions.size();
    for (std::size_t i = 0; i < conditions.size() && i < bodies.size(); ++i) {
      auto value = evaluate(conditions[i]->base, loops);
      std::optional<bool> known;
      if (value) known = value->truthy() != (i == 0 && negate_first);
      if (known == true) return bodies[i];
      if (known == false) continue;
      if (v != Variant::last_branches) return bodies[i];
    }
    return has_else ? bodies.back() : nullptr;
  }

  // ---- JSON -------------------------------------------------------------------------------
  struct JsonLexer {
    bool in_string = false;
    bool escape = false;
    std::size_t string_begin = npos;  // source offset of the opening quote, if literal
    void feed(char c, std::size_t source) {
      if (!in_string) {
        if (c == '"') {
          in_string = true;
          string_begin = source;
        }
      } else if (escape) {
        escape = false;
      } else if (c == '\\') {
        escape = true;
      } else if (c == '"') {
        in_string = false;
      }
    }
  };

  static std::string_view variant_name(Variant v) {
    switch (v) {
      case Variant::first_branches: return "first branches";
      case Variant::last_branches: return "last branches";
      case Variant::empty_loops: return "empty loops";
    }
    return "";
  }

  void json_pass(Variant v) {
    Skeleton sk;
    sk.variant = std::string(variant_name(v));
    JsonLexer lex;
    bool last_was_value_placeholder = false;
    for (const Event& e : events_) {
      if (!e.site) {
        if (e.text.empty()) continue;
        const std::size_t at = sk.text.size();
        sk.text.append(e.text);
        sk.spans.push_back({at, sk.text.size(), e.source, true});
        for (std::size_t i = 0; i < e.text.size(); ++i) lex.feed(e.text[i], e.source + i);
        last_was_value_placeholder = false;
        continue;
      }
      OutputSite& site = *e.site;
      if (site.json == JsonSlot::unknown) {
        site.json = lex.in_string ? JsonSlot::in_string : JsonSlot::value;
        if (lex.in_string) site.json_string_begin = lex.string_begin;
      }
      std::string placeholder;
      const bool json_encoded = site.last_filter_flags() & liquid::filter_json_encodes;
      if (lex.in_string) {
        // What a JSON-encoded value really looks like (quoted), so that `"{{ x | json }}"`
        // shows up as the broken JSON it renders.
        placeholder = json_encoded ? "\"x\"" : "x";
      } else if (!last_was_value_placeholder) {
        placeholder = site.kind == OutputSite::Kind::counter ? "0" : "\"x\"";
      }
      if (placeholder.empty()) continue;  // two outputs side by side stand for one value
      const std::size_t at = sk.text.size();
      sk.text += placeholder;
      sk.spans.push_back({at, sk.text.size(), site.begin, false});
      const bool was_in_string = lex.in_string;
      for (char c : placeholder) lex.feed(c, npos);
      if (lex.in_string && !was_in_string) lex.string_begin = npos;
      last_was_value_placeholder = !was_in_string;
    }
    for (const auto& existing : a_.skeletons_)
      if (existing.text == sk.text) return;
    a_.skeletons_.push_back(std::move(sk));
  }

  // ---- form -------------------------------------------------------------------------------
  void form_pass() {
    bool in_value = false;
    for (const Event& e : events_) {
      if (!e.site) {
        for (char c : e.text) {
          if (c == '&') in_value = false;
          else if (c == '=' && !in_value) in_value = true;
        }
        continue;
      }
      OutputSite& site = *e.site;
      if (site.form == FormSlot::unknown) site.form = in_value ? FormSlot::value : FormSlot::name;
    }
  }

  Analysis& a_;
  BodyType type_;
  std::string_view source_;
  std::unordered_map<const liquid::Node*, std::size_t> site_index_;
  std::unordered_map<const liquid::Node*, std::size_t> raw_index_;
  std::vector<Event> events_;
  bool has_conditionals_ = false;
  bool has_loops_ = false;
};

Analysis::Analysis(const liquid::Template& tmpl, BodyType type) : tmpl_(&tmpl) {
  AnalysisBuilder(*this, type).run();
}

}  // namespace lint
