// Where `{% include %}` and `{% render %}` find partials.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace liquid {

class Template;

class PartialLoader {
 public:
  virtual ~PartialLoader() = default;
  // The source of partial `name` (exactly as written in the tag), or nullopt if there is none.
  virtual std::optional<std::string> load(std::string_view name) const = 0;
  // A name for diagnostics (a file path, or the name itself).
  virtual std::string display_name(std::string_view name) const { return std::string(name); }
};

// Partials in memory: name -> source.
class MemoryLoader : public PartialLoader {
 public:
  MemoryLoader() = default;
  explicit MemoryLoader(std::map<std::string, std::string, std::less<>> sources)
      : sources_(std::move(sources)) {}
  void add(std::string name, std::string source) { sources_[std::move(name)] = std::move(source); }
  std::optional<std::string> load(std::string_view name) const override;

 private:
  std::map<std::string, std::string, std::less<>> sources_;
};

// Partials in a directory: `name` as written, then `name.liquid`. Names that would leave the
// directory (absolute, or with a `..` segment) are not found.
class DirectoryLoader : public PartialLoader {
 public:
  explicit DirectoryLoader(std::filesystem::path root) : root_(std::move(root)) {}
  std::optional<std::string> load(std::string_view name) const override;
  std::string display_name(std::string_view name) const override;

 private:
  std::optional<std::filesystem::path> resolve(std::string_view name) const;
  std::filesystem::path root_;
};

// Parsed partials shared between renders (thread-safe). Keyed by name and parse mode.
class PartialCache {
 public:
  std::shared_ptr<const Template> find(const std::string& key) const;
  void insert(const std::string& key, std::shared_ptr<const Template> t);

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Template>> map_;
};

}  // namespace liquid
