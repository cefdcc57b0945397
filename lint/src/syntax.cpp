// Whether lax mode reads the markup at a position: the difference between a construct only lax
// hosts accept and text they silently drop.
#include <functional>

#include "internal.hpp"

namespace lint::detail {

namespace ast = liquid::ast;

namespace {

constexpr std::size_t npos = std::string_view::npos;

// The end of the token that starts at `at`: a quoted string, a parenthesised range, or a
// variable path / number / name with its bracketed lookups.
std::size_t token_end(std::string_view s, std::size_t at) {
  if (at >= s.size()) return at;
  const char c = s[at];
  if (c == '"' || c == '\'') {
    std::size_t close = s.find(c, at + 1);
    return close == npos ? s.size() : close + 1;
  }
  if (c == '(') {
    std::size_t close = s.find(')', at + 1);
    return close == npos ? s.size() : close + 1;
  }
  std::size_t i = at;
  while (i < s.size()) {
    const char d = s[i];
    if (is_word_char(d) || d == '.' || d == '-' || d == '?') {
      ++i;
    } else if (d == '[') {
      int depth = 0;
      while (i < s.size()) {
        if (s[i] == '"' || s[i] == '\'') {
          std::size_t close = s.find(s[i], i + 1);
          i = close == npos ? s.size() : close + 1;
          continue;
        }
        if (s[i] == '[') ++depth;
        if (s[i] == ']' && --depth == 0) {
          ++i;
          break;
        }
        ++i;
      }
    } else {
      break;
    }
  }
  return i == at ? at + 1 : i;
}

}  // namespace

bool lax_reads_offset(const liquid::Template& lax, std::size_t offset) {
  const std::string_view s = lax.source();
  bool found = false;
  auto covers = [&](std::size_t begin) {
    if (!found && offset >= begin && offset < token_end(s, begin)) found = true;
  };
  std::function<void(const ast::Expr&)> expr = [&](const ast::Expr& e) {
    covers(e.offset);
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, ast::Variable>) {
            if (n.dynamic_name) expr(*n.dynamic_name);
            for (const auto& l : n.lookups) {
              covers(l.offset);
              if (l.index) expr(*l.index);
            }
          } else if constexpr (std::is_same_v<T, ast::RangeExpr>) {
            expr(*n.first);
            expr(*n.last);
          } else if constexpr (std::is_same_v<T, ast::Comparison> ||
                               std::is_same_v<T, ast::Logical>) {
            expr(*n.left);
            expr(*n.right);
          }
        },
        e.node);
  };
  std::function<void(const liquid::BlockBody&)> body = [&](const liquid::BlockBody& b) {
    for (const auto& node : b.nodes) {
      node->for_each_expression([&](const ast::FilteredExpr& fe) {
        expr(fe.base);
        for (const auto& f : fe.filters) {
          covers(f.offset);
          for (const auto& a : f.args) expr(a);
          for (const auto& k : f.kwargs) expr(k.value);
        }
      });
      node->for_each_body(body);
    }
  };
  body(lax.root());
  return found;
}

}  // namespace lint::detail
