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

template <typename Def>
void Environment::Registry<Def>::set(std::unique_ptr<Def> def) {
  if (slots_.empty()) rebuild();
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash(def->name) & mask;
  for (; slots_[i] != 0; i = (i + 1) & mask) {
    auto& existing = defs_[slots_[i] - 1];
    if (existing->name == def->name) {  // a user's definition replaces a built-in in place
      existing = std::move(def);
      return;
    }
  }
  defs_.push_back(std::move(def));
  if (defs_.size() * 2 > slots_.size())
    rebuild();  // grown past half full
  else
    slots_[i] = static_cast<std::uint32_t>(defs_.size());
}

template <typename Def>
void Environment::Registry<Def>::rebuild() {
  std::size_t size = 16;
  while (size < defs_.size() * 2) size *= 2;  // at most half full: short probes
  slots_.assign(size, 0);
  const std::size_t mask = size - 1;
  for (std::size_t d = 0; d < defs_.size(); ++d) {
    std::size_t i = hash(defs_[d]->name) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = static_cast<std::uint32_t>(d + 1);
  }
}

template <typename Def>
std::vector<const Def*> Environment::Registry<Def>::sorted() const {
  std::vector<const Def*> out;
  out.reserve(defs_.size());
  for (const auto& def : defs_) out.push_back(def.get());
  std::sort(out.begin(), out.end(), [](const Def* a, const Def* b) { return a->name < b->name; });
  return out;
}

void Environment::register_filter(FilterDef def) { filters_.set(std::make_unique<FilterDef>(std::move(def))); }

void Environment::register_filters(std::span<const FilterDef> defs) {
  for (const auto& d : defs) register_filter(d);
}

void Environment::register_tag(TagDef def) { tags_.set(std::make_unique<TagDef>(std::move(def))); }

const FilterDef* Environment::find_filter(std::string_view name) const { return filters_.find(name); }

const TagDef* Environment::find_tag(std::string_view name) const { return tags_.find(name); }

std::vector<const FilterDef*> Environment::filters() const { return filters_.sorted(); }

std::vector<const TagDef*> Environment::tags() const { return tags_.sorted(); }

}  // namespace liquid
