// libFuzzer target: one body validator (LIQUID_FUZZ_BODY: json, form or xml; one executable
// each). Input: the body, any bytes.
//
// Checks beyond "no crash": issues are sorted, inside the body, positioned as
// SourcePosition::locate positions them, and ok() agrees with their severities; for JSON, a body
// Boost.JSON accepts (within the depth limit) has no error, and one it rejects has one.
#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <system_error>

#include "liquid/error.hpp"
#include "liquid/validate.hpp"

#ifndef LIQUID_FUZZ_BODY
#error "define LIQUID_FUZZ_BODY (json, form or xml)"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace v = liquid::validate;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  v::Options options;
  options.max_issues = 20;
  options.max_json_depth = 200;
  const v::Report report = v::validate(body, v::BodyType::LIQUID_FUZZ_BODY, options);
  if (!report.validated || report.type != v::BodyType::LIQUID_FUZZ_BODY) std::abort();
  if (report.issues.size() > options.max_issues + 1) std::abort();

  bool has_error = false;
  std::size_t previous = 0;
  for (const auto& issue : report.issues) {
    if (issue.id.empty() || issue.message.empty() || issue.offset > size) std::abort();
    if (issue.offset < previous) std::abort();
    previous = issue.offset;
    if (issue.id != v::ids::issues_omitted) {
      const auto where = liquid::SourcePosition::locate("", body, issue.offset);
      if (where.line != issue.line || where.column != issue.column) std::abort();
    }
    if (issue.severity == liquid::Severity::error) has_error = true;
  }
  if (report.ok() == has_error) std::abort();

#if LIQUID_FUZZ_BODY_IS_JSON
  {
    boost::json::parse_options po;
    po.max_depth = options.max_json_depth;
    std::error_code ec;
    (void)boost::json::parse(body, ec, {}, po);
    bool too_deep = ec == boost::json::error::too_deep;
    for (const auto& issue : report.issues) too_deep = too_deep || issue.id == v::ids::json_too_deep;
    if (!too_deep && report.ok() == static_cast<bool>(ec)) std::abort();
  }
#endif
  return 0;
}
