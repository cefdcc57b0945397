#include "liquid/context.hpp"

#include <cmath>
#include <cstring>
#include <new>

#include "document.hpp"
#include "liquid/environment.hpp"
#include "liquid/loader.hpp"
#include "output_tracker.hpp"
#include "utf8.hpp"

namespace liquid {

namespace {

const Value kNil;

// Nodes rendered inside each other (blocks, partials) beyond this would risk the C++ stack;
// Limits::max_depth (scopes, as Ruby counts them) normally stops templates long before.
constexpr std::size_t kMaxErrorsRecorded = 1000;

// Ruby's String#to_i: optional whitespace, sign, digits (with single underscores); else 0.
std::int64_t string_to_i(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) ++i;
  bool neg = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
  std::int64_t v = 0;
  bool any = false;
  for (; i < s.size(); ++i) {
    if (s[i] == '_' && any && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') continue;
    if (s[i] < '0' || s[i] > '9') break;
    any = true;
    int d = s[i] - '0';
    if (v > (INT64_MAX - d) / 10) return neg ? INT64_MIN : INT64_MAX;
    v = v * 10 + d;
  }
  return neg ? -v : v;
}

// Ruby's `blank?` as Liquid 5.12 implements it for values without ActiveSupport.
bool liquid_blank(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::nil: return true;
    case Value::Kind::boolean: return !v.as_bool();
    case Value::Kind::string: {
      for (char c : v.as_string())
        if (!(c == ' ' || (c >= '\t' && c <= '\r'))) return false;
      return true;
    }
    case Value::Kind::array: return v.as_array().empty();
    case Value::Kind::hash: return v.as_hash().empty();
    default: return false;
  }
}

// Whether printing `v` could take more than `budget` bytes. Arrays built by filters share their
// elements, so a few doublings with `concat` make a small array that prints as gigabytes; each
// element counts kArrayElementBytes plus its own size, and the walk stops once over budget.
bool exceeds_budget(const Value& v, std::size_t& budget) {
  auto spend = [&budget](std::size_t n) {
    if (n > budget) return true;
    budget -= n;
    return false;
  };
  switch (v.kind()) {
    case Value::Kind::string: return spend(v.as_string().size());
    case Value::Kind::array:
      for (const Value& item : v.as_array())
        if (spend(kArrayElementBytes) || exceeds_budget(item, budget)) return true;
      return false;
    case Value::Kind::hash:
      for (const auto& [key, item] : v.as_hash())
        if (spend(kArrayElementBytes + key.size()) || exceeds_budget(item, budget)) return true;
      return false;
    default: return false;
  }
}

bool larger_than(const Value& v, std::size_t limit) {
  if (v.is_string()) return v.as_string().size() > limit;
  if (!v.is_array()) return false;  // hashes and drops come from the data, not from filters
  return exceeds_budget(v, limit);
}

bool liquid_empty(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::string: return v.as_string().empty();
    case Value::Kind::array: return v.as_array().empty();
    case Value::Kind::hash: return v.as_hash().empty();
    default: return false;
  }
}

const Value& plain(const Value& v, Value& scratch) {
  if (!v.is_drop()) return v;
  auto inner = v.as_drop().to_value();
  if (!inner) return v;
  scratch = std::move(*inner);
  return scratch;
}

std::string ruby_class(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::nil: return "nil";
    case Value::Kind::boolean: return v.as_bool() ? "true" : "false";
    case Value::Kind::integer: return "Integer";
    case Value::Kind::floating: return "Float";
    case Value::Kind::string: return "String";
    case Value::Kind::array: return "Array";
    case Value::Kind::hash: return "Hash";
    case Value::Kind::range: return "Range";
    case Value::Kind::drop: return "Drop";
  }
  return "Object";
}

}  // namespace

// ---- scopes ---------------------------------------------------------------------------------

const Value* Context::Scope::find(std::string_view name) const {
  for (const auto& [k, v] : vars)
    if (detail::same_key(k, name)) return &v;
  return nullptr;
}

void Context::Scope::set(std::string_view name, Value v) {
  for (auto& [k, existing] : vars) {
    if (k == name) {
      existing = std::move(v);
      return;
    }
  }
  vars.emplace_back(std::string(name), std::move(v));
}

Context::Context(const Template::Document& doc, const Value& globals, const RenderOptions& options,
                 std::vector<Diagnostic>* errors)
    : doc_(&doc), globals_(&globals), options_(options), errors_(errors) {
  scopes_.reserve(8);  // loops nest a few deep: no regrowth in the usual render
  scopes_.emplace_back();
  info_.now = options.now ? *options.now : std::chrono::system_clock::now();
  info_.timezone = options_.timezone;
  info_.max_result_bytes = options_.limits.max_output_bytes;
  if (options_.limits.max_time.count() > 0)
    deadline_ = std::chrono::steady_clock::now() + options_.limits.max_time;
}

Context::~Context() = default;

const Environment& Context::environment() const { return *doc_->env; }

const Value* Context::find_variable(std::string_view name) {
  static const HashHint no_hint;
  return find_variable(name, no_hint);
}

const Value* Context::find_variable(std::string_view name, const HashHint& hint) {
  // Most names read are globals: skip the scopes when no local can have this name.
  if (local_names_ & name_bit(name)) {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it)
      if (const Value* v = it->find(name)) return v;
    if (const Value* v = counters_.find(name)) return v;
  }
  if (globals_->is_hash()) return globals_->as_hash().find(name, hint);
  return nullptr;
}

void Context::assign(std::string_view name, Value value) {
  local_names_ |= name_bit(name);
  scopes_.front().set(name, std::move(value));
}

void Context::set_local(std::string_view name, Value value) {
  local_names_ |= name_bit(name);
  scopes_.back().set(name, std::move(value));
}

void Context::nesting_too_deep() {
  // An ordinary render error, as Ruby's StackLevelError: in inline-error mode the enclosing
  // node prints it and the render goes on, each level unwinding once.
  constexpr unsigned kMaxNestingErrors = 64;
  Diagnostic d = doc_->diagnostic(errc::nesting_too_deep, "Nesting too deep", 0);
  if (++nesting_errors_ > kMaxNestingErrors) throw LimitError(std::move(d));
  throw RenderError(std::move(d));
}

void Context::push_scope() {
  if (base_depth_ + scopes_.size() > options_.limits.max_depth) nesting_too_deep();
  scopes_.emplace_back();
  if (!spare_scopes_.empty()) {
    scopes_.back().vars = std::move(spare_scopes_.back());
    spare_scopes_.pop_back();
  }
}

void Context::pop_scope() {
  if (scopes_.size() <= 1) return;
  // Keep the storage: loops push and pop a scope for every render of their block.
  auto& vars = scopes_.back().vars;
  vars.clear();
  spare_scopes_.push_back(std::move(vars));
  scopes_.pop_back();
}

Value& Context::counter(std::string_view name) {
  for (auto& [k, v] : counters_.vars)
    if (k == name) return v;
  // A counter starts from the global of the same name when there is one (Ruby keeps counters
  // in the render's first environment, which is the globals hash).
  const Value* initial = globals_->is_hash() ? globals_->as_hash().find(name) : nullptr;
  local_names_ |= name_bit(name);
  counters_.vars.emplace_back(std::string(name), initial ? *initial : Value());
  return counters_.vars.back().second;
}

Value& Context::register_slot(std::string_view space, std::string_view key) {
  auto& flat = registers_.flat;
  for (auto& slot : flat)
    if (detail::same_key(slot.key, key) && detail::same_key(slot.space, space)) return slot.value;
  auto& overflow = registers_.overflow;
  if (!overflow.empty()) {
    if (auto it = overflow.find(RegisterLess::View{space, key}); it != overflow.end()) return it->second;
  }
  if (flat.size() < Registers::kFlatCapacity) {
    if (flat.capacity() < Registers::kFlatCapacity) flat.reserve(Registers::kFlatCapacity);
    return flat.emplace_back(Registers::Slot{std::string(space), std::string(key), Value()}).value;
  }
  return overflow.emplace(RegisterKey{std::string(space), std::string(key)}, Value()).first->second;
}

// ---- evaluation -----------------------------------------------------------------------------

const Value& Context::lookup(const ast::Variable& var, std::uint32_t offset, Value& scratch) {
  const Value* obj = nullptr;
  if (var.dynamic_name) {
    Value tmp;
    const Value& name = evaluate(*var.dynamic_name, tmp);
    if (name.is_string()) obj = find_variable(name.as_string());
    if (!obj) {
      if (options_.strict_variables)
        raise(errc::undefined_variable, "undefined variable " + name.to_s(), offset);
      return kNil;
    }
  } else {
    obj = find_variable(var.name, var.hint);
    if (!obj) {
      if (options_.strict_variables) raise(errc::undefined_variable, "undefined variable " + var.name, offset);
      return kNil;
    }
  }
  if (var.lookups.empty()) return *obj;

  // A step that computes its object (a drop property, `size`) keeps it in `scratch`, which the
  // caller owns; objects found by reference stay where they are.
  Value& holder = scratch;
  for (const auto& step : var.lookups) {
    // The common step: a static key of a hash, where the record's shape gives the position.
    if (!step.index && obj->is_hash()) {
      if (const Value* found = obj->as_hash().find(step.key, step.hint)) {
        obj = found;
        continue;
      }
    }
    Value key_scratch;
    const Value* key = nullptr;
    if (step.index) {
      key = &evaluate(*step.index, key_scratch);
      if (key->is_drop()) {
        Value unwrapped;
        const Value& p = plain(*key, unwrapped);
        if (&p == &unwrapped) {
          key_scratch = std::move(unwrapped);
          key = &key_scratch;
        }
      }
    }
    std::string_view skey = step.index ? (key->is_string() ? key->as_string() : std::string_view())
                                       : std::string_view(step.key);
    bool string_key = !step.index || key->is_string();
    const Value* next = nullptr;
    Value made;
    bool have_made = false;
    auto command = [&](std::string_view name) { return step.dotted && skey == name; };

    switch (obj->kind()) {
      case Value::Kind::hash: {
        const Hash& h = obj->as_hash();
        if (string_key) next = h.find(skey);
        if (!next && step.dotted) {
          if (skey == "size") {
            made = Value(static_cast<std::int64_t>(h.size()));
            have_made = true;
          } else if (skey == "first") {
            // Hash#first: the first [key, value] pair.
            if (h.empty()) {
              next = &kNil;
            } else {
              made = Value(Array{Value(h.at(0).first), h.at(0).second});
              have_made = true;
            }
          }
        }
        break;
      }
      case Value::Kind::array: {
        const Array& a = obj->as_array();
        if (step.index && key->is_int()) {
          std::int64_t i = key->as_int();
          std::int64_t n = static_cast<std::int64_t>(a.size());
          if (i < 0) i += n;
          next = (i >= 0 && i < n) ? &a[static_cast<std::size_t>(i)] : &kNil;
        } else if (command("size")) {
          made = Value(static_cast<std::int64_t>(a.size()));
          have_made = true;
        } else if (command("first")) {
          next = a.empty() ? &kNil : &a.front();
        } else if (command("last")) {
          next = a.empty() ? &kNil : &a.back();
        }
        break;
      }
      case Value::Kind::string:
        if (command("size")) {
          made = Value(static_cast<std::int64_t>(utf8::length(obj->as_string())));
          have_made = true;
        }
        break;
      case Value::Kind::range: {
        Range r = obj->as_range();
        if (command("size")) {
          made = Value(r.size());
          have_made = true;
        } else if (command("first")) {
          made = Value(r.first);
          have_made = true;
        } else if (command("last")) {
          made = Value(r.last);
          have_made = true;
        }
        break;
      }
      case Value::Kind::integer:
        if (command("size")) {  // Integer#size: bytes in the machine representation
          made = Value(std::int64_t{8});
          have_made = true;
        }
        break;
      case Value::Kind::drop: {
        std::string key_text = string_key ? std::string() : key->to_s();
        auto got = obj->as_drop().get(string_key ? skey : std::string_view(key_text));
        if (got) {
          made = std::move(*got);
          have_made = true;
        }
        break;
      }
      default: break;
    }
    if (have_made) {
      holder = std::move(made);
      obj = &holder;
    } else if (next) {
      obj = next;
    } else {
      if (options_.strict_variables) {
        std::string k = string_key ? std::string(skey) : key->to_s();
        raise(errc::undefined_variable, "undefined variable " + k, step.offset ? step.offset : offset);
      }
      return kNil;
    }
  }
  return *obj;
}

const Value& Context::evaluate(const ast::Expr& e, Value& scratch) {
  switch (e.node.index()) {
    case 0: return std::get<ast::Literal>(e.node).value;
    case 2: return lookup(std::get<ast::Variable>(e.node), e.offset, scratch);
    default: break;
  }
  if (auto* m = std::get_if<ast::MethodLiteral>(&e.node)) {
    (void)m;
    static const Value empty_string{std::string()};
    return empty_string;  // outside a comparison, `empty` and `blank` are ''
  }
  if (auto* r = std::get_if<ast::RangeExpr>(&e.node)) {
    auto bound = [&](const ast::Expr& b) -> std::int64_t {
      Value tmp;
      const Value& v = evaluate(b, tmp);
      switch (v.kind()) {
        case Value::Kind::integer: return v.as_int();
        case Value::Kind::nil: return 0;
        case Value::Kind::string: return string_to_i(v.as_string());
        default: break;
      }
      // Anything else goes through Integer(obj.to_s), which rejects "1.5".
      std::string s = v.to_s();
      std::int64_t out = string_to_i(s);
      bool digits_only = !s.empty();
      for (std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') digits_only = false;
      if (!digits_only) raise(errc::invalid_value, "invalid integer", b.offset);
      return out;
    };
    std::int64_t first = bound(*r->first);
    std::int64_t last = bound(*r->last);
    scratch = Value(Range{first, last});
    return scratch;
  }
  scratch = Value(truthy(e));
  return scratch;
}

bool Context::truthy(const ast::Expr& e) {
  if (auto* l = std::get_if<ast::Logical>(&e.node)) {
    bool left = truthy(*l->left);
    if (l->is_and) return left && truthy(*l->right);
    return left || truthy(*l->right);
  }
  if (auto* c = std::get_if<ast::Comparison>(&e.node)) return compare(*c, e.offset);
  if (std::holds_alternative<ast::MethodLiteral>(e.node)) return true;
  Value scratch;
  const Value& v = evaluate(e, scratch);
  if (v.is_drop()) {
    Value tmp;
    return plain(v, tmp).truthy();
  }
  return v.truthy();
}

bool Context::compare(const ast::Comparison& c, std::uint32_t offset) {
  using O = ast::CompareOp;
  if (c.op == O::unknown) raise(errc::comparison, "Unknown operator " + c.unknown_operator, offset);
  auto* lm = std::get_if<ast::MethodLiteral>(&c.left->node);
  auto* rm = std::get_if<ast::MethodLiteral>(&c.right->node);
  Value ls, rs, lp, rp;
  const Value* left = lm ? nullptr : &plain(evaluate(*c.left, ls), lp);
  const Value* right = rm ? nullptr : &plain(evaluate(*c.right, rs), rp);

  if (c.op == O::eq || c.op == O::ne) {
    bool eq;
    if (lm || rm) {
      const ast::MethodLiteral* m = lm ? lm : rm;
      const Value* other = lm ? right : left;
      if (!other) {
        eq = false;  // `empty == blank`: a literal has no empty?/blank? method
      } else {
        eq = m->kind == ast::MethodLiteral::Kind::empty ? liquid_empty(*other) : liquid_blank(*other);
      }
    } else {
      eq = *left == *right;
    }
    return c.op == O::eq ? eq : !eq;
  }
  // `"x" contains blank`: Ruby's contains turns its right operand into a string when the left
  // is one, and a method literal's to_s is '', which every string includes. Otherwise method
  // literals have no <, > or include?.
  if (c.op == O::contains && rm && left) return left->is_string();
  if (!left || !right) return false;
  if (c.op == O::contains) {
    if (!left->truthy() || !right->truthy()) return false;
    switch (left->kind()) {
      case Value::Kind::string: {
        // Ruby's to_s: an array or hash on the right is its inspect form ("[]" is not in "bar").
        std::string needle =
            right->is_array() || right->is_hash() ? right->inspect() : right->to_s();
        return left->as_string().find(needle) != std::string_view::npos;
      }
      case Value::Kind::array:
        for (const auto& item : left->as_array())
          if (item == *right) return true;
        return false;
      case Value::Kind::hash:
        return right->is_string() && left->as_hash().contains(right->as_string());
      case Value::Kind::range: {
        if (!right->is_number()) return false;
        Range r = left->as_range();
        double x = right->to_double();
        return x >= static_cast<double>(r.first) && x <= static_cast<double>(r.last);
      }
      default: return false;
    }
  }
  // <, >, <=, >=: numbers with numbers, strings with strings; other mixes raise like Ruby's
  // Comparable, and values without an order (nil, booleans, arrays, hashes) are just false.
  auto ordered = [](const Value& v) { return v.is_number() || v.is_string(); };
  if (!ordered(*left) || !ordered(*right)) return false;
  int cmp;
  if (left->is_number() && right->is_number()) {
    if (left->is_int() && right->is_int()) {
      cmp = left->as_int() < right->as_int() ? -1 : left->as_int() > right->as_int() ? 1 : 0;
    } else {
      double a = left->to_double(), b = right->to_double();
      if (std::isnan(a) || std::isnan(b)) return false;
      cmp = a < b ? -1 : a > b ? 1 : 0;
    }
  } else if (left->is_string() && right->is_string()) {
    int r = left->as_string().compare(right->as_string());
    cmp = r < 0 ? -1 : r > 0 ? 1 : 0;
  } else {
    // Ruby's rb_cmperr: the right operand by its inspect when it is an immediate (nil, true,
    // false, a small Integer) or a Float, by its class otherwise ("with String").
    const bool immediate = right->is_nil() || right->is_bool() || right->is_number();
    raise(errc::comparison,
          "comparison of " + ruby_class(*left) + " with " +
              (immediate ? right->inspect() : ruby_class(*right)) + " failed",
          offset);
  }
  switch (c.op) {
    case O::lt: return cmp < 0;
    case O::gt: return cmp > 0;
    case O::le: return cmp <= 0;
    case O::ge: return cmp >= 0;
    default: return false;
  }
}

const Value& Context::evaluate(const ast::FilteredExpr& e, Value& scratch) {
  const Value& base = evaluate(e.base, scratch);
  if (e.filters.empty()) return base;
  return apply_filters(e, base, scratch);
}

const Value& Context::apply_filters(const ast::FilteredExpr& e, const Value& input, Value& scratch) {
  // The first filter reads the input where it lives: copying it costs an atomic increment on a
  // control block the render has not touched yet (a cache miss per output, 10 % of a render).
  const Value* current = &input;
  Value result;
  std::vector<Value>& args = filter_args_;
  std::vector<KeywordArg>& kwargs = filter_kwargs_;
  for (const auto& f : e.filters) {
    if (!f.def) {
      if (options_.strict_filters) raise(errc::undefined_filter, "undefined filter " + f.name, f.offset);
      continue;  // Ruby ignores an unknown filter: the input passes through
    }
    args.clear();
    kwargs.clear();
    for (const auto& a : f.args) args.push_back(evaluate(a));
    for (const auto& k : f.kwargs) kwargs.push_back(KeywordArg{k.name, evaluate(k.value)});
    // Arity as Ruby counts it: the input, the positional arguments, and the keyword hash as one
    // more positional argument when the filter does not take keywords.
    std::size_t given = args.size() + ((!kwargs.empty() && !f.def->keywords) ? 1 : 0);
    bool too_few = static_cast<int>(given) < f.def->min_args;
    bool too_many = f.def->max_args != FilterDef::unbounded && static_cast<int>(given) > f.def->max_args;
    if (too_few || too_many) {
      std::string expected = std::to_string(f.def->min_args + 1);
      if (f.def->max_args == FilterDef::unbounded)
        expected += "+";
      else if (f.def->max_args != f.def->min_args)
        expected += ".." + std::to_string(f.def->max_args + 1);
      raise(errc::filter_arguments,
            "wrong number of arguments (given " + std::to_string(given + 1) + ", expected " + expected + ")",
            f.offset);
    }
    std::span<const KeywordArg> kw = f.def->keywords ? std::span<const KeywordArg>(kwargs)
                                                     : std::span<const KeywordArg>();
    try {
      result = f.def->fn(FilterCall{*current, args, kw, info_});
      current = &result;
    } catch (const FilterError& err) {
      if (err.id() == errc::output_limit) throw LimitError(doc_->diagnostic(err.id(), err.what(), f.offset));
      raise(err.id(), err.what(), f.offset);
    } catch (const Error&) {
      throw;
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& ex) {
      raise(errc::internal, std::string("filter '") + f.name + "' failed: " + ex.what(), f.offset);
    }
    // Every filter result is held to the output limit, so no chain of filters can grow past it
    // one bounded step at a time (`concat` doubling an array in a loop, `append` on itself).
    if (larger_than(result, info_.max_result_bytes)) [[unlikely]]
      throw LimitError(doc_->diagnostic(errc::output_limit,
                                        "result of filter '" + f.name + "' is larger than the output limit of " +
                                            std::to_string(info_.max_result_bytes) + " bytes",
                                        f.offset));
  }
  if (current == &input) return input;  // only unknown filters, skipped
  scratch = std::move(result);
  return scratch;
}

// ---- output, limits, errors -----------------------------------------------------------------

void Context::start(std::string& top, std::shared_ptr<const Template::Document> doc) {
  if (options_.escape == EscapeMode::none && !options_.origins) return;
  tracker_ = std::make_unique<OutputTracker>(options_.escape, options_.origins, top, *doc->env);
  if (options_.origins) options_.origins->keep_alive(std::move(doc));
}

void Context::tracked_text(std::string& out, std::string_view text) {
  if (tracker_->is_top(out))
    tracker_->write_text(out, text);
  else
    out.append(text);
}

void Context::tracked_output(std::string& out, const Value& v, const ast::FilteredExpr* e) {
  if (tracker_->is_top(out))
    tracker_->write_output(out, v, e);
  else
    v.append_to(out);
}

OutputTracker* Context::origin_tracker(const std::string& out) const {
  return tracker_ && tracker_->records_origins() && tracker_->is_top(out) ? tracker_.get() : nullptr;
}

void Context::output_too_large() const {
  throw LimitError(doc_->diagnostic(errc::output_limit,
                                    "output is larger than the limit of " +
                                        std::to_string(options_.limits.max_output_bytes) + " bytes",
                                    0));
}

void Context::check_step_limits(std::uint64_t n) const {
  if (steps_ > options_.limits.max_steps)
    throw LimitError(doc_->diagnostic(errc::step_limit,
                                      "render took more than " +
                                          std::to_string(options_.limits.max_steps) + " steps",
                                      0));
  if (options_.limits.max_time.count() > 0 && (steps_ & 1023) < n &&
      std::chrono::steady_clock::now() > deadline_)
    throw LimitError(doc_->diagnostic(errc::time_limit,
                                      "render took longer than " +
                                          std::to_string(options_.limits.max_time.count()) + " ms",
                                      0));
}

void Context::check_assign_size(const Value& v, std::size_t offset) {
  if (v.is_string() && v.as_string().size() > options_.limits.max_output_bytes)
    throw LimitError(doc_->diagnostic(errc::output_limit,
                                      "assigned string is larger than the output limit", offset));
}

void Context::raise(std::string_view id, const std::string& message, std::size_t offset) {
  throw RenderError(doc_->diagnostic(id, message, offset));
}

void Context::handle_error(std::string& out, bool blank_node) {
  try {
    throw;
  } catch (const LimitError&) {
    throw;
  } catch (const Error& e) {
    if (!options_.inline_errors) throw;
    if (errors_ && errors_->size() < kMaxErrorsRecorded) errors_->push_back(e.diagnostic());
    if (e.id() == errc::undefined_variable || e.id() == errc::undefined_filter) return;
    if (!blank_node) {
      const auto& d = e.diagnostic();
      out += dynamic_cast<const SyntaxError*>(&e) ? "Liquid syntax error (" : "Liquid error (";
      if (in_partial_) {
        out += d.where.name;
        out += ' ';
      }
      out += "line ";
      out += std::to_string(d.where.line);
      out += "): ";
      out += d.message;
    }
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    if (!options_.inline_errors) throw;
    if (errors_ && errors_->size() < kMaxErrorsRecorded)
      errors_->push_back(doc_->diagnostic(errc::internal, e.what(), 0));
    if (!blank_node) out += "Liquid error: internal";
  }
}

// ---- partials -------------------------------------------------------------------------------

std::shared_ptr<const Template> Context::load_partial(std::string_view name, std::size_t offset) {
  if (auto it = partials_.find(name); it != partials_.end()) return it->second;
  std::string key;
  key.reserve(name.size() + 1);
  key.push_back(static_cast<char>('0' + static_cast<int>(doc_->mode)));
  key.append(name);
  std::shared_ptr<const Template> t = options_.cache ? options_.cache->find(key) : nullptr;
  if (!t) {
    std::optional<std::string> source = options_.partials ? options_.partials->load(name) : std::nullopt;
    if (!source) raise(errc::missing_partial, "Could not find asset " + std::string(name), offset);
    ParseOptions po;
    po.mode = doc_->mode;
    po.name = options_.partials->display_name(name);
    po.max_depth = doc_->max_depth;
    t = std::make_shared<const Template>(Template::parse(std::move(*source), po, doc_->env));
    if (options_.cache) options_.cache->insert(key, t);
  }
  partials_.emplace(std::string(name), t);
  if (options_.origins) options_.origins->keep_alive(t);
  return t;
}

Context::PartialScope::PartialScope(Context& ctx, const Template& partial, bool isolated)
    : ctx_(ctx), saved_doc_(ctx.doc_), saved_in_partial_(ctx.in_partial_), isolated_(isolated),
      saved_base_depth_(ctx.base_depth_), saved_globals_(ctx.globals_) {
  if (isolated) {
    // Ruby's new_isolated_subcontext: fresh scopes, counters and loops, no globals; one more
    // level toward the nesting limit.
    if (ctx.base_depth_ + 2 > ctx.options_.limits.max_depth)
      ctx.nesting_too_deep();
    ctx.base_depth_ += 1;
    saved_scopes_ = std::move(ctx.scopes_);
    ctx.scopes_.clear();
    ctx.scopes_.emplace_back();
    saved_forloops_ = std::move(ctx.forloops_);
    ctx.forloops_.clear();
    saved_counters_ = std::move(ctx.counters_);
    ctx.counters_.vars.clear();
    ctx.globals_ = &kNil;
    // Ruby layers the registers (StaticRegisters): the partial reads the caller's cycle and
    // for-offset positions, and what it writes is gone when it returns.
    saved_registers_ = ctx.registers_;
  } else {
    ctx.push_scope();  // Ruby's context.stack: counts toward the nesting limit
  }
  ctx.doc_ = partial.doc_.get();
  ctx.in_partial_ = true;
}

Context::PartialScope::~PartialScope() {
  if (isolated_) {
    ctx_.scopes_ = std::move(saved_scopes_);
    ctx_.forloops_ = std::move(saved_forloops_);
    ctx_.counters_ = std::move(saved_counters_);
    ctx_.globals_ = saved_globals_;
    ctx_.registers_ = std::move(saved_registers_);
  } else {
    ctx_.pop_scope();
  }
  ctx_.base_depth_ = saved_base_depth_;
  ctx_.doc_ = saved_doc_;
  ctx_.in_partial_ = saved_in_partial_;
}

// ---- forloop --------------------------------------------------------------------------------

std::optional<Value> ForloopDrop::get(std::string_view key) const {
  if (key == "index") return Value(index_ + 1);
  if (key == "index0") return Value(index_);
  if (key == "rindex") return Value(length_ - index_);
  if (key == "rindex0") return Value(length_ - index_ - 1);
  if (key == "first") return Value(index_ == 0);
  if (key == "last") return Value(index_ == length_ - 1);
  if (key == "length") return Value(length_);
  if (key == "name") return Value(name_);
  if (key == "parentloop") return parent_ ? Value(std::shared_ptr<const Drop>(parent_)) : Value();
  return std::nullopt;
}

}  // namespace liquid
