#include "liquid/environment.hpp"

#include <algorithm>

#include "liquid/tag.hpp"
#include "tags/tags.hpp"

namespace liquid {

std::shared_ptr<Environment> Environment::empty() { return std::make_shared<Environment>(); }

std::shared_ptr<Environment> Environment::standard() {
  auto env = empty();
  for (auto family : {filters::string_filters(), filters::html_filters(), filters::url_filters(),
                      filters::base64_filters(), filters::math_filters(),
                      filters::array_filters(), filters::date_filters(),
                      filters::default_filters()})
    env->register_filters(family);
  for (auto make : {tags::assign, tags::capture, tags::case_, tags::comment, tags::cycle,
                    tags::decrement, tags::doc, tags::echo, tags::for_, tags::break_,
                    tags::continue_, tags::if_, tags::ifchanged, tags::include, tags::increment,
                    tags::inline_comment, tags::raw, tags::render, tags::tablerow, tags::unless})
    env->register_tag(make());
  return env;
}

std::shared_ptr<Environment> Environment::webhook() {
  auto env = standard();
  env->register_filters(filters::webhook_filters());
  env->register_filters(filters::timezone_filters());
  return env;
}

std::shared_ptr<const Environment> Environment::default_standard() {
  static const std::shared_ptr<const Environment> env = standard();
  return env;
}

void Environment::register_filter(FilterDef def) {
  std::string name = def.name;
  filters_[name] = std::make_unique<FilterDef>(std::move(def));
}

void Environment::register_filters(std::span<const FilterDef> defs) {
  for (const auto& d : defs) register_filter(d);
}

void Environment::register_tag(TagDef def) {
  std::string name = def.name;
  tags_[name] = std::make_unique<TagDef>(std::move(def));
}

const FilterDef* Environment::find_filter(std::string_view name) const {
  auto it = filters_.find(name);
  return it == filters_.end() ? nullptr : it->second.get();
}

const TagDef* Environment::find_tag(std::string_view name) const {
  auto it = tags_.find(name);
  return it == tags_.end() ? nullptr : it->second.get();
}

namespace {

template <typename Def, typename Registry>
std::vector<const Def*> sorted_by_name(const Registry& registry) {
  std::vector<const Def*> out;
  out.reserve(registry.size());
  for (const auto& [name, def] : registry) out.push_back(def.get());
  std::sort(out.begin(), out.end(), [](const Def* a, const Def* b) { return a->name < b->name; });
  return out;
}

}  // namespace

std::vector<const FilterDef*> Environment::filters() const { return sorted_by_name<FilterDef>(filters_); }

std::vector<const TagDef*> Environment::tags() const { return sorted_by_name<TagDef>(tags_); }

}  // namespace liquid
