// Lax parsing: Shopify Liquid's regexp-based parsing, reproduced by hand (no regex engine, so
// no backtracking blow-ups and no recursion on long input). Each function names the Ruby
// regexp or method it reproduces.
#include <charconv>
#include <cmath>

#include "expression_parser.hpp"
#include "lexer.hpp"
#include "liquid/environment.hpp"

namespace liquid::detail {

using lex::is_ascii_space;
using lex::is_word;

namespace {

constexpr std::size_t npos = std::string_view::npos;

std::string_view strip(std::string_view s, std::uint32_t& base) {
  while (!s.empty() && is_ascii_space(s.front())) {
    s.remove_prefix(1);
    ++base;
  }
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

ast::Expr literal(Value v, std::uint32_t offset) { return ast::make_literal(std::move(v), offset); }

// Expression.parse_number (Liquid 5.12): `-?\d+`, `-?\d+\.\d+`, and "1.2.3" -> 1.2, "1." -> 1.0.
bool parse_number(std::string_view s, Value& out) {
  if (s.empty()) return false;
  std::size_t i = 0;
  if (s[0] == '-') {
    if (s.size() < 2 || !is_digit(s[1])) return false;
    i = 1;
  } else if (!is_digit(s[0])) {
    return false;
  }
  std::size_t first_dot = npos, num_end = npos;
  for (std::size_t k = i; k < s.size(); ++k) {
    if (s[k] != '.' && !is_digit(s[k])) return false;
    if (num_end != npos) continue;
    if (s[k] == '.') {
      if (first_dot == npos)
        first_dot = k;
      else
        num_end = k;
    }
  }
  if (first_dot == npos) {
    std::int64_t v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec == std::errc()) {
      out = Value(v);
    } else {
      double d = 0;
      std::from_chars(s.data(), s.data() + s.size(), d);
      out = Value(d);
    }
    return true;
  }
  std::size_t end = num_end != npos ? num_end : s.size();
  if (end == first_dot + 1) end = first_dot;  // "123." -> "123"
  double d = 0;
  std::from_chars(s.data(), s.data() + end, d);
  out = Value(d);
  return true;
}

std::int64_t constant_bound(const Value& v) {
  if (v.is_int()) return v.as_int();
  if (v.is_float()) {
    double d = v.as_float();
    if (!std::isfinite(d)) return 0;
    if (d >= 9.2e18) return INT64_MAX;
    if (d <= -9.2e18) return INT64_MIN;
    return static_cast<std::int64_t>(d);
  }
  if (v.is_string()) {
    std::string_view s = v.as_string();
    std::size_t i = 0;
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    if (i < s.size() && s[i] == '+') ++i;
    std::int64_t out = 0;
    auto r = std::from_chars(s.data() + i, s.data() + s.size(), out);
    return r.ec == std::errc() ? out : 0;
  }
  return 0;
}

// For each '[' of `s`, the end of its balanced `[...]` (one past the ']'), or npos when it is
// never closed; computed in one pass, so that `a[a[a[...` (never closed) stays linear.
std::vector<std::size_t> match_brackets(std::string_view s) {
  std::vector<std::size_t> end(s.size(), npos);
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '[') {
      open.push_back(i);
    } else if (s[i] == ']' && !open.empty()) {
      end[open.back()] = i + 1;
      open.pop_back();
    }
  }
  return end;
}

ast::Expr parse_expression_depth(Markup m, int depth, bool operand);

// VariableLookup.parse: segments matching \[...\] (balanced) or [\w-]+\??.
ast::Expr parse_variable_lookup(Markup m, int depth) {
  std::string_view s = m.text;
  ast::Variable var;
  bool have_name = false;
  std::vector<std::size_t> bracket_end;
  if (s.find('[') != std::string_view::npos) bracket_end = match_brackets(s);
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t seg_begin = i, seg_end = npos;
    bool bracket = false;
    if (s[i] == '[') {
      seg_end = bracket_end[i];
      if (seg_end != npos && seg_end - i > 2) bracket = true;
      else seg_end = npos;
    } else if (is_word(s[i]) || s[i] == '-') {
      seg_end = i;
      while (seg_end < s.size() && (is_word(s[seg_end]) || s[seg_end] == '-')) ++seg_end;
      if (seg_end < s.size() && s[seg_end] == '?') ++seg_end;
    }
    if (seg_end == npos) {
      ++i;
      continue;
    }
    std::uint32_t off = m.base + static_cast<std::uint32_t>(seg_begin);
    if (!have_name) {
      have_name = true;
      if (bracket) {
        ast::Expr inner = parse_expression_depth(
            {s.substr(seg_begin + 1, seg_end - seg_begin - 2), off + 1}, depth + 1, false);
        if (auto* lit = std::get_if<ast::Literal>(&inner.node); lit && lit->value.is_string())
          var.name = std::string(lit->value.as_string());
        else if (auto* l2 = std::get_if<ast::Literal>(&inner.node); l2 && l2->value.is_nil())
          var.name.clear(), var.dynamic_name = std::make_unique<ast::Expr>(std::move(inner));
        else
          var.dynamic_name = std::make_unique<ast::Expr>(std::move(inner));
      } else {
        var.name = std::string(s.substr(seg_begin, seg_end - seg_begin));
      }
    } else {
      ast::Lookup l;
      l.offset = off;
      if (bracket) {
        ast::Expr inner = parse_expression_depth(
            {s.substr(seg_begin + 1, seg_end - seg_begin - 2), off + 1}, depth + 1, false);
        if (auto* lit = std::get_if<ast::Literal>(&inner.node); lit && lit->value.is_string())
          l.key = std::string(lit->value.as_string());
        else
          l.index = std::make_unique<ast::Expr>(std::move(inner));
      } else {
        l.key = std::string(s.substr(seg_begin, seg_end - seg_begin));
        l.dotted = true;
      }
      var.lookups.push_back(std::move(l));
    }
    i = seg_end;
  }
  if (!have_name) return literal(Value(), m.base);  // nothing that looks like a name: nil
  ast::Expr e;
  e.node = std::move(var);
  e.offset = m.base;
  return e;
}

// RANGES_REGEX = \A\(\s*(?>(\S+)\s*\.\.)\s*(\S+)\s*\)\z
bool match_range(std::string_view s, std::size_t& a_begin, std::size_t& a_end, std::size_t& b_begin,
                 std::size_t& b_end) {
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return false;
  std::size_t i = 1;
  while (i < s.size() && is_ascii_space(s[i])) ++i;
  std::size_t run_end = i;
  while (run_end < s.size() && !is_ascii_space(s[run_end])) ++run_end;
  // (\S+)\s*\.\. : the longest \S+ prefix after which optional spaces and ".." follow.
  std::size_t first_end = npos, after_dots = npos;
  for (std::size_t e = run_end; e > i; --e) {
    std::size_t k = e;
    while (k < s.size() && is_ascii_space(s[k])) ++k;
    if (k + 1 < s.size() && s[k] == '.' && s[k + 1] == '.') {
      first_end = e;
      after_dots = k + 2;
      break;
    }
  }
  if (first_end == npos) return false;
  std::size_t j = after_dots;
  while (j < s.size() && is_ascii_space(s[j])) ++j;
  // (\S+)\s*\)\z
  std::size_t last = s.size() - 1;  // the ')'
  std::size_t k = last;
  while (k > j && is_ascii_space(s[k - 1])) --k;
  if (k <= j) return false;
  for (std::size_t p = j; p < k; ++p)
    if (is_ascii_space(s[p])) return false;
  a_begin = i;
  a_end = first_end;
  b_begin = j;
  b_end = k;
  return true;
}

ast::Expr parse_expression_depth(Markup m, int depth, bool operand) {
  std::uint32_t base = m.base;
  std::string_view s = strip(m.text, base);
  if (depth > kMaxExpressionNesting) throw ExpressionError("Nesting too deep", base, errc::nesting_too_deep);
  if (!s.empty() && ((s.front() == '"' && s.back() == '"') || (s.front() == '\'' && s.back() == '\''))) {
    std::string_view inner = s.size() >= 2 ? s.substr(1, s.size() - 2) : std::string_view();
    return literal(Value(std::string(inner)), base);
  }
  if (operand && (s == "empty" || s == "blank")) {
    ast::Expr e;
    e.node = ast::MethodLiteral{s == "empty" ? ast::MethodLiteral::Kind::empty
                                             : ast::MethodLiteral::Kind::blank};
    e.offset = base;
    return e;
  }
  Value v;
  if (s.empty()) return literal(Value(), base);
  if (literal_word(s, v)) return literal(std::move(v), base);
  std::size_t a0, a1, b0, b1;
  if (match_range(s, a0, a1, b0, b1)) {
    ast::Expr first = parse_expression_depth({s.substr(a0, a1 - a0), base + static_cast<std::uint32_t>(a0)}, depth + 1, false);
    ast::Expr last = parse_expression_depth({s.substr(b0, b1 - b0), base + static_cast<std::uint32_t>(b0)}, depth + 1, false);
    auto* x = std::get_if<ast::Literal>(&first.node);
    auto* y = std::get_if<ast::Literal>(&last.node);
    if (x && y) return literal(Value(Range{constant_bound(x->value), constant_bound(y->value)}), base);
    ast::Expr e;
    e.node = ast::RangeExpr{std::make_unique<ast::Expr>(std::move(first)),
                            std::make_unique<ast::Expr>(std::move(last))};
    e.offset = base;
    return e;
  }
  if (parse_number(s, v)) return literal(std::move(v), base);
  return parse_variable_lookup({s, base}, depth);
}

// \b between s[i-1] and s[i]
bool word_boundary(std::string_view s, std::size_t i) {
  bool before = i > 0 && is_word(s[i - 1]);
  bool after = i < s.size() && is_word(s[i]);
  return before != after;
}

// \b(?:\s?and\s?|\s?or\s?)\b at i: the end of the match, or npos.
std::size_t match_logical_operator(std::string_view s, std::size_t i) {
  if (!word_boundary(s, i)) return npos;
  for (std::string_view word : {std::string_view("and"), std::string_view("or")}) {
    for (int lead = 1; lead >= 0; --lead) {
      std::size_t p = i;
      if (lead) {
        if (p >= s.size() || !is_ascii_space(s[p])) continue;
        ++p;
      }
      if (s.substr(p, word.size()) != word) continue;
      std::size_t q = p + word.size();
      for (int trail = 1; trail >= 0; --trail) {
        std::size_t e = q;
        if (trail) {
          if (e >= s.size() || !is_ascii_space(s[e])) continue;
          ++e;
        }
        if (word_boundary(s, e)) return e;
      }
    }
  }
  return npos;
}

// The fragment alternative of ExpressionsAndOperators at i:
// (?:\s*(?!\b(?:\s?and\s?|\s?or\s?)\b)(?:QuotedFragment|\S+)\s*)+
std::size_t match_fragments(std::string_view s, std::size_t i) {
  std::size_t j = i;
  bool any = false;
  while (true) {
    std::size_t k = j;
    while (k < s.size() && is_ascii_space(s[k])) ++k;
    // If \s* gives whitespace back to the lookahead, what follows cannot be a fragment anyway,
    // so testing the operator after all of the whitespace decides the same.
    if (k >= s.size() || match_logical_operator(s, k) != npos) break;
    std::size_t e = match_quoted_fragment(s, k);
    if (e == npos) {
      e = k;
      while (e < s.size() && !is_ascii_space(s[e])) ++e;
      if (e == k) break;
    }
    while (e < s.size() && is_ascii_space(s[e])) ++e;
    j = e;
    any = true;
  }
  return any ? j : npos;
}

struct IfParts {
  std::string_view left, op, right;
  std::size_t left_pos = 0, right_pos = 0;
  bool ok = false;
  bool has_right = false;
};

// If::Syntax = (QuotedFragment)\s*([=!<>a-z_]+)?\s*(QuotedFragment)?  (unanchored)
IfParts match_if_syntax(std::string_view s) {
  IfParts p;
  auto [b, e] = find_quoted_fragment(s, 0);
  if (b == npos) return p;
  p.ok = true;
  p.left = s.substr(b, e - b);
  p.left_pos = b;
  std::size_t i = e;
  while (i < s.size() && is_ascii_space(s[i])) ++i;
  std::size_t op_begin = i;
  while (i < s.size() && (s[i] == '=' || s[i] == '!' || s[i] == '<' || s[i] == '>' ||
                          (s[i] >= 'a' && s[i] <= 'z') || s[i] == '_'))
    ++i;
  if (i > op_begin) p.op = s.substr(op_begin, i - op_begin);
  else i = e;
  while (i < s.size() && is_ascii_space(s[i])) ++i;
  // Both trailing groups are optional, so the first (greedy) success is kept: the longest
  // operator, and a right side only if a fragment follows it.
  std::size_t r = match_quoted_fragment(s, i);
  if (r != npos) {
    p.right = s.substr(i, r - i);
    p.right_pos = i;
    p.has_right = true;
  }
  return p;
}

ast::Expr make_comparison(Markup m, const IfParts& p) {
  ast::Expr left = parse_operand_lax({p.left, m.base + static_cast<std::uint32_t>(p.left_pos)});
  if (p.op.empty()) return left;
  using O = ast::CompareOp;
  O o = O::unknown;
  if (p.op == "==") o = O::eq;
  else if (p.op == "!=" || p.op == "<>") o = O::ne;
  else if (p.op == "<") o = O::lt;
  else if (p.op == ">") o = O::gt;
  else if (p.op == "<=") o = O::le;
  else if (p.op == ">=") o = O::ge;
  else if (p.op == "contains") o = O::contains;
  ast::Expr right = !p.has_right
                        ? literal(Value(), m.base)
                        : parse_operand_lax({p.right, m.base + static_cast<std::uint32_t>(p.right_pos)});
  std::uint32_t offset = left.offset;
  ast::Expr e;
  e.node = ast::Comparison{std::make_unique<ast::Expr>(std::move(left)), o,
                           std::make_unique<ast::Expr>(std::move(right)),
                           o == O::unknown ? std::string(p.op) : std::string()};
  e.offset = offset;
  return e;
}

}  // namespace

std::size_t match_quoted_fragment(std::string_view s, std::size_t at) {
  if (at >= s.size()) return npos;
  auto quoted_end = [&](std::size_t p) -> std::size_t {
    char q = s[p];
    std::size_t close = s.find(q, p + 1);
    return close == npos ? npos : close + 1;
  };
  char c = s[at];
  if (c == '"' || c == '\'') {
    std::size_t e = quoted_end(at);
    if (e == npos) return npos;
    // "..." alone, or the start of a longer (?:[^\s,|'"]|"..."|'...')+ run; the alternation
    // tries the bare quoted string first and the regexp engine accepts that first success.
    return e;
  }
  std::size_t i = at;
  while (i < s.size()) {
    char d = s[i];
    if (is_ascii_space(d) || d == ',' || d == '|') break;
    if (d == '"' || d == '\'') {
      std::size_t e = quoted_end(i);
      if (e == npos) break;
      i = e;
      continue;
    }
    ++i;
  }
  return i > at ? i : npos;
}

std::vector<std::size_t> quoted_fragment_ends(std::string_view s, std::size_t at) {
  std::vector<std::size_t> ends;
  if (at >= s.size()) return ends;
  auto quoted_end = [&](std::size_t p) -> std::size_t {
    std::size_t close = s.find(s[p], p + 1);
    return close == npos ? npos : close + 1;
  };
  if (s[at] == '"' || s[at] == '\'') {
    std::size_t e = quoted_end(at);
    if (e != npos) ends.push_back(e);
  }
  std::vector<std::size_t> units;
  std::size_t i = at;
  while (i < s.size()) {
    char d = s[i];
    if (is_ascii_space(d) || d == ',' || d == '|') break;
    if (d == '"' || d == '\'') {
      std::size_t e = quoted_end(i);
      if (e == npos) break;
      i = e;
    } else {
      ++i;
    }
    units.push_back(i);
  }
  ends.insert(ends.end(), units.rbegin(), units.rend());
  return ends;
}

std::pair<std::size_t, std::size_t> find_quoted_fragment(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    std::size_t e = match_quoted_fragment(s, i);
    if (e != npos) return {i, e};
  }
  return {npos, npos};
}

std::vector<TagAttribute> scan_tag_attributes(std::string_view s) {
  std::vector<TagAttribute> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_word(s[i])) {
      ++i;
      continue;
    }
    std::size_t name_end = i + 1;
    while (name_end < s.size() && (is_word(s[name_end]) || s[name_end] == '-')) ++name_end;
    std::size_t k = name_end;
    while (k < s.size() && is_ascii_space(s[k])) ++k;
    if (k < s.size() && s[k] == ':') {
      ++k;
      while (k < s.size() && is_ascii_space(s[k])) ++k;
      std::size_t e = match_quoted_fragment(s, k);
      if (e != npos) {
        out.push_back(TagAttribute{s.substr(i, name_end - i), s.substr(k, e - k), k});
        i = e;
        continue;
      }
    }
    ++i;
  }
  return out;
}

ast::Expr parse_expression_lax(Markup m) { return parse_expression_depth(m, 0, false); }
ast::Expr parse_operand_lax(Markup m) { return parse_expression_depth(m, 0, true); }

ast::FilteredExpr parse_filtered_lax(Markup m, const Environment& env) {
  std::string_view s = m.text;
  ast::FilteredExpr out;
  out.offset = m.base;
  out.length = static_cast<std::uint32_t>(s.size());
  // MarkupWithQuotedFragment = (QuotedFragment)(.*)
  auto [nb, ne] = find_quoted_fragment(s, 0);
  if (nb == npos) {
    out.base = literal(Value(), m.base);
    return out;
  }
  out.base = parse_expression_lax({s.substr(nb, ne - nb), m.base + static_cast<std::uint32_t>(nb)});
  // FilterMarkupRegex = \|\s*(.*)
  std::size_t pipe = s.find('|', ne);
  if (pipe == npos) return out;
  std::size_t rest = pipe + 1;
  while (rest < s.size() && is_ascii_space(s[rest])) ++rest;
  // FilterParser = (?:\s+|QuotedFragment|,)+ : chunks between pipes (and stray quotes).
  std::size_t i = rest;
  while (i < s.size()) {
    std::size_t chunk_begin = i, j = i;
    while (j < s.size()) {
      if (is_ascii_space(s[j]) || s[j] == ',') {
        ++j;
        continue;
      }
      std::size_t e = match_quoted_fragment(s, j);
      if (e == npos) break;
      j = e;
    }
    if (j == chunk_begin) {
      ++i;
      continue;
    }
    std::string_view f = s.substr(chunk_begin, j - chunk_begin);
    i = j;
    // filtername = first \w+ in the chunk
    std::size_t w = 0;
    while (w < f.size() && !is_word(f[w])) ++w;
    if (w >= f.size()) continue;
    std::size_t we = w;
    while (we < f.size() && is_word(f[we])) ++we;
    ast::FilterCall call;
    call.name = std::string(f.substr(w, we - w));
    call.def = env.find_filter(call.name);
    call.offset = m.base + static_cast<std::uint32_t>(chunk_begin + w);
    // FilterArgsRegex = (?::|,)\s*((?:\w+\s*\:\s*)?QuotedFragment)
    std::size_t p = 0;
    while (p < f.size()) {
      if (f[p] != ':' && f[p] != ',') {
        ++p;
        continue;
      }
      std::size_t q = p + 1;
      while (q < f.size() && is_ascii_space(f[q])) ++q;
      std::size_t arg_begin = q;
      // optional `name:` prefix
      std::size_t kw_end = npos, value_begin = q;
      {
        std::size_t t = q;
        while (t < f.size() && is_word(f[t])) ++t;
        if (t > q) {
          std::size_t u = t;
          while (u < f.size() && is_ascii_space(f[u])) ++u;
          if (u < f.size() && f[u] == ':') {
            ++u;
            while (u < f.size() && is_ascii_space(f[u])) ++u;
            if (match_quoted_fragment(f, u) != npos) {
              kw_end = t;
              value_begin = u;
            }
          }
        }
      }
      std::size_t value_end = match_quoted_fragment(f, value_begin);
      if (value_end == npos) {
        p = q > p + 1 ? q : p + 1;
        continue;
      }
      std::uint32_t abs = m.base + static_cast<std::uint32_t>(chunk_begin);
      // JustTagAttributes = \A(\w[\w-]*)\s*:\s*(QuotedFragment)\z decides keyword vs positional.
      if (kw_end != npos) {
        call.kwargs.push_back(ast::KeywordArgExpr{
            std::string(f.substr(arg_begin, kw_end - arg_begin)),
            parse_expression_lax({f.substr(value_begin, value_end - value_begin),
                                  abs + static_cast<std::uint32_t>(value_begin)})});
      } else {
        call.args.push_back(parse_expression_lax(
            {f.substr(value_begin, value_end - value_begin), abs + static_cast<std::uint32_t>(value_begin)}));
      }
      p = value_end;
    }
    out.filters.push_back(std::move(call));
  }
  return out;
}

ast::Expr parse_condition_lax(Markup m) {
  std::string_view s = m.text;
  // ExpressionsAndOperators scan
  struct Chunk {
    std::string_view text;
    std::size_t pos;
  };
  std::vector<Chunk> chunks;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t e = match_logical_operator(s, i);
    if (e == npos) e = match_fragments(s, i);
    if (e == npos || e == i) {
      ++i;
      continue;
    }
    chunks.push_back(Chunk{s.substr(i, e - i), i});
    i = e;
  }
  auto fail = [&]() -> ast::Expr {
    throw ExpressionError("Syntax Error in tag 'if' - Valid syntax: if [expression]", m.base);
  };
  if (chunks.empty()) return fail();
  if (chunks.size() / 2 > kMaxLogicalOperators)
    throw ExpressionError("Nesting too deep: more than " + std::to_string(kMaxLogicalOperators) +
                              " 'and'/'or' in one condition",
                          m.base, errc::nesting_too_deep);
  auto parts_of = [&](const Chunk& c) {
    IfParts p = match_if_syntax(c.text);
    p.left_pos += c.pos;
    if (p.has_right) p.right_pos += c.pos;
    return p;
  };
  IfParts last = parts_of(chunks.back());
  if (!last.ok) return fail();
  chunks.pop_back();
  ast::Expr acc = make_comparison(m, last);
  while (!chunks.empty()) {
    std::uint32_t ob = 0;
    std::string_view op = strip(chunks.back().text, ob);
    chunks.pop_back();
    if (chunks.empty()) return fail();
    IfParts p = parts_of(chunks.back());
    chunks.pop_back();
    if (!p.ok) return fail();
    if (op != "and" && op != "or") return fail();
    ast::Expr left = make_comparison(m, p);
    std::uint32_t offset = left.offset;
    ast::Expr e;
    e.node = ast::Logical{op == "and", std::make_unique<ast::Expr>(std::move(left)),
                          std::make_unique<ast::Expr>(std::move(acc))};
    e.offset = offset;
    acc = std::move(e);
  }
  return acc;
}

}  // namespace liquid::detail
