// {% increment name %} / {% decrement name %}: counters separate from assigned variables.
#include "tags/tags.hpp"

namespace liquid::tags {

namespace {

class CounterNode final : public Node {
 public:
  CounterNode(std::size_t offset, std::string name, int delta)
      : Node(offset), name_(std::move(name)), delta_(delta) {}
  Flow render(Context& ctx, std::string& out) const override {
    Value& slot = ctx.counter(name_);
    // A counter seeded from a global of the same name counts from its value, as Ruby's
    // `env[name] ||= 0; env[name] + 1` does; a value Ruby cannot add 1 to fails there with a
    // TypeError or NoMethodError, which Liquid reports as "internal".
    if (slot.is_float()) {
      double value = slot.as_float();
      double shown = delta_ > 0 ? value : value - 1;
      slot = Value(value + delta_);
      ctx.write_output(out, Value(shown), nullptr);
      return Flow::normal;
    }
    if (!slot.truthy()) slot = Value(0);  // `||= 0`: nil and false count from 0
    if (!slot.is_int()) ctx.raise(errc::internal, "internal", offset());
    std::int64_t value = slot.as_int();
    if (value == (delta_ > 0 ? INT64_MAX : INT64_MIN))  // Ruby would go on in a Bignum
      ctx.raise(errc::internal, "internal", offset());
    // increment prints the value before counting, decrement after.
    std::int64_t shown = delta_ > 0 ? value : value - 1;
    slot = Value(value + delta_);
    ctx.write_output(out, Value(shown), nullptr);
    return Flow::normal;
  }
  std::string_view tag_name() const override { return delta_ > 0 ? "increment" : "decrement"; }
  void for_each_defined_name(const std::function<void(std::string_view)>& f) const override { f(name_); }

 private:
  std::string name_;
  int delta_;
};

std::unique_ptr<Node> parse_counter(TagParser& p, int delta) {
  return std::make_unique<CounterNode>(p.tag_offset(), std::string(p.markup()), delta);
}

}  // namespace

TagDef increment() {
  return TagDef{"increment", [](TagParser& p) { return parse_counter(p, 1); }, false};
}
TagDef decrement() {
  return TagDef{"decrement", [](TagParser& p) { return parse_counter(p, -1); }, false};
}

}  // namespace liquid::tags
