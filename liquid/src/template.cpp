#include "liquid/template.hpp"

#include "document.hpp"
#include "liquid/context.hpp"

namespace liquid {

void Template::render_to(std::string& out, const Value& globals, const RenderOptions& options,
                         std::vector<Diagnostic>* errors) const {
  Context ctx(*doc_, globals, options, errors);
  ctx.start(out, doc_);
  doc_->root.render(ctx, out);  // `break`/`continue` outside a loop just end the render
}

std::string Template::render(const Value& globals, const RenderOptions& options) const {
  std::string out;
  std::vector<Diagnostic> ignored;
  render_to(out, globals, options, &ignored);
  return out;
}

RenderResult Template::render_collect(const Value& globals, const RenderOptions& options) const {
  RenderResult r;
  render_to(r.output, globals, options, &r.errors);
  return r;
}

const std::string& Template::name() const { return doc_->name; }
const std::string& Template::source() const { return doc_->source; }
ErrorMode Template::mode() const { return doc_->mode; }
const Environment& Template::environment() const { return *doc_->env; }
const BlockBody& Template::root() const { return doc_->root; }

}  // namespace liquid
