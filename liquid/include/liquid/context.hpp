// The state of one render: variables, counters, limits and errors. Tags receive it; one
// Context is never shared between threads (a Template is).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liquid/ast.hpp"
#include "liquid/error.hpp"
#include "liquid/filter.hpp"
#include "liquid/template.hpp"
#include "liquid/value.hpp"

namespace liquid {

class Environment;
class ForloopDrop;
class OutputTracker;

class Context {
 public:
  // A render of `doc` with `globals`. `errors` receives errors in inline mode.
  Context(const Template::Document& doc, const Value& globals, const RenderOptions& options,
          std::vector<Diagnostic>* errors);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  // ---- evaluation ------------------------------------------------------------------------
  // The value of `e`; the result refers either to live data or to `scratch`.
  const Value& evaluate(const ast::Expr& e, Value& scratch);
  const Value& evaluate(const ast::FilteredExpr& e, Value& scratch);
  Value evaluate(const ast::Expr& e) {
    Value scratch;
    const Value& v = evaluate(e, scratch);
    return &v == &scratch ? std::move(scratch) : v;
  }
  Value evaluate(const ast::FilteredExpr& e) {
    Value scratch;
    const Value& v = evaluate(e, scratch);
    return &v == &scratch ? std::move(scratch) : v;
  }
  bool truthy(const ast::Expr& condition);

  // ---- variables -------------------------------------------------------------------------
  // Scopes are searched innermost first, then counters, then the globals. nullptr: undefined.
  const Value* find_variable(std::string_view name);
  // The same, with the parsed template's hint of where `name` sits in the globals.
  const Value* find_variable(std::string_view name, const HashHint& hint);
  // `assign`/`capture`: into the outermost scope (visible after the block, as in Ruby).
  void assign(std::string_view name, Value value);
  // Loop variables: into the innermost scope.
  void set_local(std::string_view name, Value value);
  void push_scope();  // throws nesting-too-deep past Limits::max_depth
  void pop_scope();
  // increment/decrement counters: shared by the whole render, separate from assigns.
  Value& counter(std::string_view name);

  // Per-render state of tags (cycle positions, `offset: continue`, ifchanged): a slot per
  // (space, key), nil until set.
  Value& register_slot(std::string_view space, std::string_view key);
  // The forloop objects of the enclosing loops (for `forloop.parentloop`).
  std::vector<std::shared_ptr<ForloopDrop>>& forloop_stack() { return forloops_; }

  // ---- output ----------------------------------------------------------------------------
  // Literal template text and printed values go through these so that contextual escaping and
  // the origin map see them. `e` is the expression printed, when there is one.
  void write_text(std::string& out, std::string_view text, std::size_t /*source_offset*/) {
    if (tracker_) return tracked_text(out, text);
    out.append(text);
  }
  void write_output(std::string& out, const Value& v, const ast::FilteredExpr* e) {
    if (tracker_) return tracked_output(out, v, e);
    v.append_to(out);
  }
  // The origin map, when this render records one and `out` is the render's output.
  OutputTracker* origin_tracker(const std::string& out) const;
  // Called after each node of a block: enforces the output and step limits. Inline: blocks call
  // these for every node.
  void after_node(const std::string& out) {
    if (out.size() > options_.limits.max_output_bytes) [[unlikely]]
      output_too_large();
  }
  // Count `n` steps (nodes rendered, loop iterations); throws step-limit / time-limit.
  void step(std::uint64_t n = 1) {
    steps_ += n;
    if (steps_ > options_.limits.max_steps ||
        (options_.limits.max_time.count() > 0 && (steps_ & 1023) < n)) [[unlikely]]
      check_step_limits(n);
  }
  void check_assign_size(const Value& v, std::size_t offset);

  // ---- errors ----------------------------------------------------------------------------
  [[noreturn]] void raise(std::string_view id, const std::string& message, std::size_t offset);
  // A node threw while rendering: rethrow (render!), or record it and write Ruby's inline
  // message into `out` unless the node is blank.
  void handle_error(std::string& out, bool blank_node);
  bool strict_variables() const { return options_.strict_variables; }
  bool strict_filters() const { return options_.strict_filters; }

  // ---- partials --------------------------------------------------------------------------
  // The parsed partial `name` (cached per render, or in options().cache). Throws
  // missing-partial.
  std::shared_ptr<const Template> load_partial(std::string_view name, std::size_t offset);
  // Render `partial` into `out` with the current document switched (for error positions).
  // `isolated`: a fresh scope chain and no access to the caller's variables (`render`).
  class PartialScope;
  const Template::Document& document() const { return *doc_; }

  const RenderOptions& options() const { return options_; }
  const RenderInfo& info() const { return info_; }
  const Environment& environment() const;

 private:
  friend class PartialScope;
  struct Scope {
    std::vector<std::pair<std::string, Value>> vars;
    const Value* find(std::string_view name) const;
    void set(std::string_view name, Value v);
  };
  // Registers are keyed by (space, key); looked up without building a key string.
  struct RegisterKey {
    std::string space;
    std::string key;
  };
  struct RegisterLess {
    using is_transparent = void;
    using View = std::pair<std::string_view, std::string_view>;
    static View view(const RegisterKey& k) { return {k.space, k.key}; }
    static View view(const View& v) { return v; }
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      return view(a) < view(b);
    }
  };
  // A bit per name class (length and end bytes): the bits of every name ever set in a scope or
  // counter of this render. A name whose bit is clear is not local, whatever the scopes hold.
  static std::uint64_t name_bit(std::string_view name) {
    unsigned h = name.empty() ? 0u
                              : static_cast<unsigned>(name.size() * 7 + static_cast<unsigned char>(name.front()) +
                                                      static_cast<unsigned char>(name.back()));
    return std::uint64_t{1} << (h & 63u);
  }
  const Value& lookup(const ast::Variable& v, std::uint32_t offset, Value& scratch);
  const Value& apply_filters(const ast::FilteredExpr& e, const Value& input, Value& scratch);
  bool compare(const ast::Comparison& c, std::uint32_t offset);

  const Template::Document* doc_;
  void tracked_text(std::string& out, std::string_view text);
  void tracked_output(std::string& out, const Value& v, const ast::FilteredExpr* e);
  // Called by Template::render_to with the buffer it renders into.
  void start(std::string& top, std::shared_ptr<const Template::Document> doc);

  const Value* globals_;
  RenderOptions options_;
  RenderInfo info_;
  std::vector<Diagnostic>* errors_;
  std::vector<Scope> scopes_;
  std::vector<decltype(Scope::vars)> spare_scopes_;  // popped scopes' storage, for the next push
  std::size_t base_depth_ = 0;  // scopes of enclosing isolated renders
  Scope counters_;
  std::uint64_t local_names_ = 0;  // see name_bit
  // "Nesting too deep" errors rendered inline so far: past a few, a template that recurses in
  // two places would take exponential time, so the error then ends the render.
  unsigned nesting_errors_ = 0;
  [[noreturn]] void nesting_too_deep();
  [[noreturn]] void output_too_large() const;
  void check_step_limits(std::uint64_t n) const;
  // A render usually has a few registers (one per `for` tag): a flat store searched in order,
  // reserved before its first slot so that adding slots moves none; past its capacity, the map.
  struct Registers {
    static constexpr std::size_t kFlatCapacity = 32;
    struct Slot {
      std::string space;
      std::string key;
      Value value;
    };
    std::vector<Slot> flat;
    std::map<RegisterKey, Value, RegisterLess> overflow;
  };
  Registers registers_;
  std::vector<std::shared_ptr<ForloopDrop>> forloops_;
  std::map<std::string, std::shared_ptr<const Template>, std::less<>> partials_;
  std::vector<Value> filter_args_;  // reused by every filter call (arguments cannot nest filters)
  std::vector<KeywordArg> filter_kwargs_;
  std::uint64_t steps_ = 0;
  std::chrono::steady_clock::time_point deadline_;
  std::unique_ptr<OutputTracker> tracker_;  // null unless escaping or origins are asked for
  bool in_partial_ = false;

  friend class Template;
};

// Switches the context to a partial's document for the lifetime of the object; with
// `isolated`, also to a fresh scope chain (the `render` tag), restored afterwards.
class Context::PartialScope {
 public:
  PartialScope(Context& ctx, const Template& partial, bool isolated);
  ~PartialScope();
  PartialScope(const PartialScope&) = delete;
  PartialScope& operator=(const PartialScope&) = delete;

 private:
  Context& ctx_;
  const Template::Document* saved_doc_;
  bool saved_in_partial_;
  bool isolated_;
  std::vector<Scope> saved_scopes_;
  std::size_t saved_base_depth_;
  std::vector<std::shared_ptr<ForloopDrop>> saved_forloops_;
  Scope saved_counters_;
  const Value* saved_globals_;
  decltype(Context::registers_) saved_registers_;
};

// The `forloop` object of for loops (and of `render ... for`).
class ForloopDrop : public Drop {
 public:
  ForloopDrop(std::string name, std::int64_t length, std::shared_ptr<ForloopDrop> parent)
      : name_(std::move(name)), length_(length), parent_(std::move(parent)) {}
  std::optional<Value> get(std::string_view key) const override;
  void increment() { ++index_; }
  std::int64_t index0() const { return index_; }
  std::int64_t length() const { return length_; }

 private:
  std::string name_;
  std::int64_t length_;
  std::int64_t index_ = 0;
  std::shared_ptr<ForloopDrop> parent_;
};

}  // namespace liquid
