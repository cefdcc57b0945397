// The "an invalid body is not sent" rule, kept in one place: validate a rendered body for its
// Content-Type and turn the first error into a Problem pointing into the body template.
#pragma once

#include <string_view>
#include <vector>

#include "webhook/request.hpp"

namespace webhook::detail {

// nullopt when the body may be sent; validator warnings are appended to `warnings`.
std::optional<Problem> check_body(const RequestDefinition& def, std::string_view body,
                                  std::string_view content_type, std::vector<Problem>& warnings);

}  // namespace webhook::detail
