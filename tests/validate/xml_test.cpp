// text/xml, application/xml, */*+xml: well-formedness through expat, at exact byte offsets.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "liquid/validate.hpp"

namespace {

using liquid::Severity;
using liquid::validate::validate;
namespace ids = liquid::validate::ids;
using namespace std::string_view_literals;

std::vector<std::string> issue_list(const liquid::validate::Report& report) {
  std::vector<std::string> out;
  for (const auto& issue : report.issues) {
    out.push_back(issue.id + "@" + std::to_string(issue.offset) + " " + std::to_string(issue.line) +
                  ":" + std::to_string(issue.column));
  }
  return out;
}

std::string xml_error(std::size_t offset, int line, int column) {
  return std::string(ids::xml_invalid) + "@" + std::to_string(offset) + " " + std::to_string(line) +
         ":" + std::to_string(column);
}

TEST(Xml, ValidBodies) {
  const std::string_view bodies[] = {
      "<a/>",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a b='1' c=\"2\">text &amp; &lt;more&gt; "
      "&#x263A; &#9731; &apos;&quot;</a>\n",
      "<!-- c --><a><![CDATA[<not markup> & raw]]><?pi x?></a><!-- after -->",
      "<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>",
      "<?xml version='1.0' encoding='ISO-8859-1'?><a>caf\xE9</a>",  // declared Latin-1
      "\xEF\xBB\xBF<a>\xC3\xA9\xF0\x9F\x98\x80</a>",                // UTF-8 with BOM
      "\xFF\xFE<\0a\0/\0>\0"sv,                                     // UTF-16LE with BOM
      "<x:a xmlns:x='urn:x'><x:b/></x:a>",
      "<x:a/>",  // namespaces are not checked: well-formed XML 1.0
      "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>"
      "<m:Ping xmlns:m=\"urn:x\">1</m:Ping></soap:Body></soap:Envelope>",
      "<a>x</a >",
      "\r\n<a>\r\n</a>\r\n",
  };
  for (std::string_view body : bodies) {
    SCOPED_TRACE(testing::Message() << "body: " << testing::PrintToString(std::string(body)));
    auto report = validate(body, "application/xml");
    EXPECT_TRUE(report.validated);
    EXPECT_EQ(issue_list(report), std::vector<std::string>{});
  }
}

TEST(Xml, NotWellFormed) {
  struct Case {
    std::string_view body;
    std::size_t offset;
    int line, column;
  };
  const Case cases[] = {
      {"<a></b>", 5, 1, 6},  // mismatched end tag: at its name
      {"<a><b></a>", 8, 1, 9},
      {"", 0, 1, 1},  // empty body
      {"  ", 2, 1, 3},
      {"<a>", 3, 1, 4},  // element never closed: at the end
      {"<a><b></b>", 10, 1, 11},
      {"<a></a>junk", 7, 1, 8},  // data after the root element
      {"<a/><b/>", 4, 1, 5},     // two roots
      {"<a x='1' x='2'/>", 9, 1, 10},
      {"<a>&foo;</a>", 3, 1, 4},  // undefined entity
      {"<a>AT&T</a>", 5, 1, 6},   // bare '&': at the '&', though expat stops at '<'
      {"<a b=\"x&y\"/>", 7, 1, 8},
      {"<a href=\"x?a=1&b=2\"/>", 14, 1, 15},
      {"<a>1 < 2</a>", 5, 1, 6},  // bare '<'
      {"<1a/>", 0, 1, 1},
      {"<a>]]></a>", 3, 1, 4},
      {"<a attr=noquote/>", 8, 1, 9},
      {"<a b=\"1\"c=\"2\"/>", 8, 1, 9},
      {"<a>\x01</a>", 3, 1, 4},  // control character
      {"<a>\xFF</a>", 3, 1, 4},  // invalid UTF-8
      {"<a>\xC0\x80</a>", 3, 1, 4},
      {"<a><!-- open </a>", 3, 1, 4},
      {"<a>x</a", 4, 1, 5},
      {"<?xml version='1.0'?>", 21, 1, 22},  // no root element
      {"<?xml version='1.0' encoding='bogus'?><a/>", 30, 1, 31},
      {"<?xml version=\"1.0\"?>\n<a>\n  <b>text</c>\n</a>", 37, 3, 12},
      {"<a>\r\n<b>\r\n</c></a>", 12, 3, 3},
      {"\xFF\xFE<\0a\0>\0<\0/\0b\0>\0"sv, 12, 1, 13},  // UTF-16: offsets stay in bytes
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << "body: " << testing::PrintToString(std::string(c.body)));
    auto report = validate(c.body, "text/xml");
    EXPECT_FALSE(report.ok());
    EXPECT_EQ(issue_list(report), std::vector<std::string>{xml_error(c.offset, c.line, c.column)});
    if (!report.issues.empty()) {
      EXPECT_EQ(report.issues[0].severity, Severity::error);
      EXPECT_FALSE(report.issues[0].message.empty());
    }
  }
}

// Entity expansion is bounded (expat's amplification limit), so a tiny body cannot hang us.
TEST(Xml, BillionLaughsIsRejectedQuickly) {
  std::string body = "<!DOCTYPE l [<!ENTITY l0 \"lol\">";
  for (int level = 1; level <= 9; ++level) {
    body += "<!ENTITY l" + std::to_string(level) + " \"";
    for (int k = 0; k < 10; ++k) body += "&l" + std::to_string(level - 1) + ";";
    body += "\">";
  }
  body += "]><l>&l9;</l>";
  auto report = validate(body, "text/xml");
  ASSERT_EQ(report.issues.size(), 1u);
  EXPECT_EQ(report.issues[0].id, ids::xml_invalid);
}

TEST(Xml, DeepNesting) {
  std::string body;
  for (int k = 0; k < 100000; ++k) body += "<a>";
  for (int k = 0; k < 100000; ++k) body += "</a>";
  EXPECT_TRUE(validate(body, "text/xml").issues.empty());
  body.resize(body.size() - 4);
  EXPECT_EQ(issue_list(validate(body, "text/xml")),
            std::vector<std::string>{xml_error(body.size(), 1, static_cast<int>(body.size()) + 1)});
}

// Bodies are fed to expat in 1 MiB pieces: errors past the first piece keep exact offsets, and
// multi-byte characters split between pieces are fine.
TEST(Xml, HugeBodies) {
  std::string body = "<feed>\n";
  for (int k = 0; k < 60000; ++k) {
    body += "  <entry id=\"" + std::to_string(k) +
            "\">caf\xC3\xA9 \xF0\x9F\x98\x80 &amp; more</entry>\n";
  }
  body += "</feed>\n";
  ASSERT_GT(body.size(), 2'500'000u);
  EXPECT_TRUE(validate(body, "text/xml").issues.empty());

  std::size_t at = body.find("<entry id=\"50000\">");
  std::string broken = body;
  broken.replace(at + 1, 5, "Entry");
  std::size_t end_tag = broken.find("</entry>", at) + 2;
  int column = static_cast<int>(end_tag - broken.rfind('\n', end_tag));
  auto report = validate(broken, "text/xml");
  EXPECT_EQ(issue_list(report), std::vector<std::string>{xml_error(end_tag, 50002, column)});
}

}  // namespace
