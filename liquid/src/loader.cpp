#include "liquid/loader.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

namespace liquid {

std::optional<std::string> MemoryLoader::load(std::string_view name) const {
  auto it = sources_.find(name);
  if (it == sources_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::filesystem::path> DirectoryLoader::resolve(std::string_view name) const {
  // A NUL byte would cut the name short at the system call: another file than the one named.
  if (name.empty() || name.find('\0') != std::string_view::npos) return std::nullopt;
  std::filesystem::path rel(name);
  if (rel.is_absolute()) return std::nullopt;
  for (const auto& part : rel)
    if (part == "..") return std::nullopt;
  std::error_code ec;
  for (auto candidate : {root_ / rel, root_ / (std::string(name) + ".liquid")}) {
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

std::optional<std::string> DirectoryLoader::load(std::string_view name) const {
  auto path = resolve(name);
  if (!path) return std::nullopt;
  std::ifstream in(*path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string DirectoryLoader::display_name(std::string_view name) const {
  auto path = resolve(name);
  return path ? path->string() : std::string(name);
}

std::shared_ptr<const Template> PartialCache::find(const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto it = map_.find(key);
  return it == map_.end() ? nullptr : it->second;
}

void PartialCache::insert(const std::string& key, std::shared_ptr<const Template> t) {
  std::lock_guard lock(mutex_);
  map_.emplace(key, std::move(t));
}

}  // namespace liquid
