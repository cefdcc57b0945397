// Rendering one field of a definition for a record, and locating a problem in its output at
// the template position that wrote it (through liquid's origin map).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "webhook/request.hpp"

namespace webhook::detail {

// Append `field` rendered for `record` to `out` (a constant field is copied).
void render_field(const TemplateField& field, const liquid::Value& record,
                  const liquid::RenderOptions& options, std::string& out);

// The template position that wrote byte `offset` of `field`'s output for `record`:
// "<file>#<field>:line:col". The field is rendered again with an origin map, which costs
// something, so this runs only for a request that is not sent. Returns the bare template name
// when no template node wrote that byte.
std::string locate_output(const TemplateField& field, const liquid::Value& record,
                          const liquid::RenderOptions& options, std::size_t offset);

// Render the body into `body` and validate it for `content_type`. nullopt when it may be sent.
// A body with issues is rendered once more with an origin map, so that each issue names the
// template position that caused it; intended issues (a `+` written by url_encode or by form
// escaping) are dropped. Warnings go to `warnings` when it is given; without it a body with
// warnings only is not rendered again.
std::optional<Problem> render_checked_body(const RequestDefinition& def, const TemplateField& field,
                                           const liquid::Value& record,
                                           const liquid::RenderOptions& options,
                                           std::string_view content_type, std::string& body,
                                           std::vector<Problem>* warnings);

}  // namespace webhook::detail
