#include "output_tracker.hpp"

#include <algorithm>

#include "document.hpp"
#include "liquid/environment.hpp"
#include "liquid/json.hpp"

namespace liquid {

void JsonContext::feed(std::string_view text) {
  for (char c : text) {
    switch (state_) {
      case State::outside:
        if (c == '"') state_ = State::in_string;
        break;
      case State::in_string:
        if (c == '\\') state_ = State::escape;
        else if (c == '"') state_ = State::outside;
        break;
      case State::escape: state_ = State::in_string; break;
    }
  }
}

void OutputTracker::catch_up(const std::string& out) {
  if (mode_ == EscapeMode::json && scanned_ < out.size())
    json_.feed(std::string_view(out).substr(scanned_));
  scanned_ = out.size();
}

void OutputTracker::write_text(std::string& out, std::string_view text) {
  catch_up(out);
  out.append(text);
  if (mode_ == EscapeMode::json) json_.feed(text);
  scanned_ = out.size();
}

void OutputTracker::write_output(std::string& out, const Value& v, const ast::FilteredExpr* e) {
  catch_up(out);
  std::uint8_t flags = 0;
  if (e && !e->filters.empty() && e->filters.back().def) flags = e->filters.back().def->flags;
  if (flags & filter_raw) {
    // Left alone, but its bytes still move the JSON context.
    v.append_to(out);
    catch_up(out);
    return;
  }
  switch (mode_) {
    case EscapeMode::none: v.append_to(out); break;
    case EscapeMode::json:
      if (flags & filter_json_encodes) {
        v.append_to(out);
        catch_up(out);
        return;
      }
      if (json_.in_string()) {
        // Inside "...": the text, escaped for a JSON string.
        if (v.is_string()) append_json_escaped(out, v.as_string());
        else append_json_escaped(out, v.to_s());
      } else {
        // Where a value goes: a whole JSON value (strings quoted, nil as null).
        append_json(out, v);
      }
      break;
    case EscapeMode::form: {
      if (flags & filter_url_encodes) {
        v.append_to(out);
        break;
      }
      const FilterDef* encode = env_.find_filter("url_encode");
      Value text = v.is_string() ? v : Value(v.to_s());
      if (!encode) throw std::logic_error("form escaping needs a url_encode filter in the environment");
      RenderInfo info;
      encode->fn(FilterCall{text, {}, {}, info}).append_to(out);
      break;
    }
  }
  scanned_ = out.size();
}

// ---- OriginMap -----------------------------------------------------------------------------

void OriginMap::clear() {
  spans_.clear();
  owners_.clear();
}

void OriginMap::keep_alive(std::shared_ptr<const void> owner) {
  if (std::find(owners_.begin(), owners_.end(), owner) == owners_.end()) owners_.push_back(std::move(owner));
}

const OriginSpan* OriginMap::find(std::size_t offset) const {
  const OriginSpan* best = nullptr;
  for (const auto& s : spans_) {
    if (offset < s.out_begin || offset >= s.out_end) continue;
    if (!best || s.out_end - s.out_begin < best->out_end - best->out_begin) best = &s;
  }
  return best;
}

std::optional<SourcePosition> OriginMap::locate(std::size_t offset) const {
  const OriginSpan* s = find(offset);
  if (!s) {
    // Past the end (e.g. "unexpected end of input"): the last byte's origin.
    if (offset == 0 || spans_.empty()) return std::nullopt;
    s = find(offset - 1);
    if (!s) return std::nullopt;
    offset = s->out_end;
  }
  std::size_t source = s->source_offset;
  if (s->kind == OriginSpan::Kind::text) source += std::min(offset, s->out_end) - s->out_begin;
  return s->document->locate(source);
}

}  // namespace liquid
