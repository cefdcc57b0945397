// Unicode letter and digit classes as Ruby's regexps have them (internal).
#pragma once

namespace liquid::time {

// /[[:alpha:]]/ for one code point.
bool unicode_alpha(char32_t cp);
// /[[:alnum:]]/ for one code point.
bool unicode_alnum(char32_t cp);

}  // namespace liquid::time
