// The registry of tags and filters a template is parsed against.
//
// Built-in tags and filter families register themselves through these same calls, so a user's
// own filters and tags are first-class: they can replace built-ins too.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liquid/filter.hpp"

namespace liquid {

struct TagDef;

class Environment {
 public:
  // Every standard Shopify Liquid tag and filter (no extensions).
  static std::shared_ptr<Environment> standard();
  // Standard, plus liquidhook's webhook filter family (json, hmac_sha256, ...).
  static std::shared_ptr<Environment> webhook();
  // A shared, immutable standard environment (what Template::parse uses by default).
  static std::shared_ptr<const Environment> default_standard();
  // Nothing registered.
  static std::shared_ptr<Environment> empty();

  void register_filter(FilterDef def);
  void register_filters(std::span<const FilterDef> defs);
  void register_tag(TagDef def);

  const FilterDef* find_filter(std::string_view name) const;
  const TagDef* find_tag(std::string_view name) const;

  // Sorted by name, for tools (the linter lists and checks them).
  std::vector<const FilterDef*> filters() const;
  std::vector<const TagDef*> tags() const;

 private:
  // Definitions by name, found without building a string: the parser asks once per tag and
  // filter it reads. Open addressing over a power-of-two table with an inline FNV-1a: names are
  // a few bytes, where std::unordered_map's hash call and modulo cost more than the search.
  template <typename Def>
  class Registry {
   public:
    void set(std::unique_ptr<Def> def);
    const Def* find(std::string_view name) const noexcept {
      if (slots_.empty()) return nullptr;
      const std::size_t mask = slots_.size() - 1;
      for (std::size_t i = hash(name) & mask;; i = (i + 1) & mask) {
        const std::uint32_t at = slots_[i];
        if (at == 0) return nullptr;
        const Def* def = defs_[at - 1].get();
        if (def->name == name) return def;
      }
    }
    std::vector<const Def*> sorted() const;

   private:
    static std::size_t hash(std::string_view s) noexcept {
      std::uint64_t h = 14695981039346656037ULL;
      for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
      return static_cast<std::size_t>(h ^ (h >> 32));
    }
    void rebuild();
    std::vector<std::unique_ptr<Def>> defs_;
    std::vector<std::uint32_t> slots_;  // index into defs_ + 1; 0 is free
  };
  Registry<FilterDef> filters_;
  Registry<TagDef> tags_;
};

// Filter family tables of the standard library. Each is defined in its own file under
// liquid/src/filters/ and registered by Environment::standard().
namespace filters {
std::span<const FilterDef> string_filters();   // append, upcase, replace, split, truncate, ...
std::span<const FilterDef> html_filters();     // escape, escape_once, strip_html, newline_to_br
std::span<const FilterDef> url_filters();      // url_encode, url_decode
std::span<const FilterDef> base64_filters();   // base64_encode, ... url_safe variants
std::span<const FilterDef> math_filters();     // plus, minus, times, divided_by, round, ...
std::span<const FilterDef> array_filters();    // join, first, map, where, sort, sum, ...
std::span<const FilterDef> date_filters();     // date
std::span<const FilterDef> default_filters();  // default
// liquidhook extensions (Environment::webhook()): json, hmac_sha256, hmac_sha1, sha256, sha1,
// md5, raw; and timezone (convert a date to an IANA zone).
std::span<const FilterDef> webhook_filters();
std::span<const FilterDef> timezone_filters();
}  // namespace filters

}  // namespace liquid
