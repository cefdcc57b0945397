#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "lint/rule.hpp"

namespace lint {

void register_builtin_rules(Registry& registry);  // generated from lint/rules/*.cpp

Registry Registry::builtin() {
  Registry r;
  register_builtin_rules(r);
  return r;
}

void Registry::add(Rule rule) {
  if (rule.id.empty()) throw std::invalid_argument("a lint rule needs an id");
  if (!rule.check_template && !rule.check_definition)
    throw std::invalid_argument("lint rule '" + rule.id + "' has no check function");
  auto at = std::lower_bound(rules_.begin(), rules_.end(), rule.id,
                             [](const Rule& r, const std::string& id) { return r.id < id; });
  if (at != rules_.end() && at->id == rule.id)
    throw std::invalid_argument("lint rule '" + rule.id + "' is registered twice");
  rules_.insert(at, std::move(rule));
}

const Rule* Registry::find(std::string_view id) const {
  auto at = std::lower_bound(rules_.begin(), rules_.end(), id,
                             [](const Rule& r, std::string_view key) { return r.id < key; });
  return at != rules_.end() && at->id == id ? &*at : nullptr;
}

namespace {

// Lower case without `_` and `-`: firstName, first_name and First-Name compare equal.
std::string fold(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '_' && c != '-') out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

// Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

}  // namespace

std::vector<std::string> did_you_mean(std::string_view name,
                                      const std::vector<std::string>& candidates) {
  const std::string folded = fold(name);
  // Names up to this far away are plausible typos: one edit for short names, a third of the
  // length for longer ones.
  const std::size_t limit = std::max<std::size_t>(1, name.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& c : candidates) {
    if (c == name) continue;
    std::size_t score;
    if (fold(c) == folded)
      score = 0;
    else if (std::size_t d = edit_distance(folded, fold(c)); d <= limit)
      score = d;
    else
      continue;
    scored.emplace_back(score, c);
  }
  std::sort(scored.begin(), scored.end());
  scored.erase(std::unique(scored.begin(), scored.end()), scored.end());
  std::vector<std::string> out;
  for (const auto& [score, c] : scored) {
    // Only the closest names: a case or separator difference beats any typo, one edit beats two.
    if (out.size() == 3 || score > scored.front().first) break;
    out.push_back(c);
  }
  return out;
}

std::string suggestion_text(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  std::string s = " (did you mean ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) s += i + 1 == names.size() ? " or " : ", ";
    s += "'" + names[i] + "'";
  }
  return s + "?)";
}

}  // namespace lint
