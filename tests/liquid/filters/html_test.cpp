// Tests of liquid/src/filters/html.cpp. Expected values are what Shopify Liquid 5.13 on Ruby
// gives for the same input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "filter_test_util.hpp"
#include "liquid/environment.hpp"

namespace {

using liquid::Array;
using liquid::Value;

Value run(std::string_view filter, const Value& input) {
  return liquid::testing::apply(liquid::filters::html_filters(), filter, input);
}

struct Row {
  std::string_view filter;
  Value input;
  Value expected;
};

// Compared through Ruby's inspect form, which tells nil from "" and shows bad bytes.
void check_rows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    SCOPED_TRACE(std::string(row.filter) + " of " + row.input.inspect());
    EXPECT_EQ(run(row.filter, row.input).inspect(), row.expected.inspect());
  }
}

TEST(HtmlFilters, TableHasEveryFilterWithItsFlags) {
  auto family = liquid::filters::html_filters();
  EXPECT_EQ(family.size(), 5u);
  for (const char* name : {"escape", "h", "escape_once", "strip_html", "newline_to_br"}) {
    const auto& def = liquid::testing::find_filter(family, name);
    EXPECT_EQ(def.min_args, 0) << name;
    EXPECT_EQ(def.max_args, 0) << name;
    bool escapes = std::string_view(name) == "escape" || std::string_view(name) == "h" ||
                   std::string_view(name) == "escape_once";
    EXPECT_EQ((def.flags & liquid::filter_html_escapes) != 0, escapes) << name;
  }
}

TEST(HtmlFilters, Escape) {
  check_rows({
      {"escape", "<p>test</p>", "&lt;p&gt;test&lt;/p&gt;"},
      {"escape", "Tom & \"Jerry\" 'x'", "Tom &amp; &quot;Jerry&quot; &#39;x&#39;"},
      {"escape", "&amp;", "&amp;amp;"},  // escape escapes again; escape_once does not
      {"escape", "é<日>", "é&lt;日&gt;"},
      {"escape", "a\xFF<", "a\xFF&lt;"},
      {"escape", "", ""},
      {"escape", 5, "5"},
      {"escape", false, "false"},
      {"escape", Value(Array{"<"}), "[&quot;&lt;&quot;]"},
      {"escape", Value(), Value()},  // nil stays nil (prints as "")
      {"h", "<b>", "&lt;b&gt;"},
      {"h", Value(), Value()},
  });
  Value plain("nothing to escape in this long text");
  EXPECT_EQ(run("escape", plain).shared_address(), plain.shared_address());
}

TEST(HtmlFilters, EscapeOnce) {
  check_rows({
      {"escape_once", "&lt;p&gt;test&lt;/p&gt;", "&lt;p&gt;test&lt;/p&gt;"},
      {"escape_once", "&lt;p&gt;test&lt;/p&gt;<p>test</p>",
       "&lt;p&gt;test&lt;/p&gt;&lt;p&gt;test&lt;/p&gt;"},
      {"escape_once", "&amp; & &#39; &#x27; &#; &; &1; &a1;",
       "&amp; &amp; &#39; &amp;#x27; &amp;#; &amp;; &amp;1; &amp;a1;"},
      {"escape_once", "&copy;&nbsp;&", "&copy;&nbsp;&amp;"},
      {"escape_once", "&lt", "&amp;lt"},  // no ';', so not an entity
      {"escape_once", "\"'<>", "&quot;&#39;&lt;&gt;"},
      {"escape_once", 5, "5"},
      {"escape_once", Value(), ""},  // unlike escape, nil becomes ""
  });
}

TEST(HtmlFilters, StripHtml) {
  check_rows({
      {"strip_html", "<div>test</div>", "test"},
      {"strip_html", "<div id='test'>test</div>", "test"},
      {"strip_html", "<div\nclass='multiline'>test</div>", "test"},
      {"strip_html", "<!-- foo bar \n test -->test", "test"},
      {"strip_html", "<script type='text/javascript'>document.write('x');</script>", ""},
      {"strip_html", "<style type='text/css'>foo bar</style>", ""},
      {"strip_html", "Have <em>you</em> read <strong>Ulysses</strong> &amp; &#20;?",
       "Have you read Ulysses &amp; &#20;?"},
      {"strip_html", "<!-- Have --><em>you</em> read", "you read"},
      {"strip_html", "a<script>x</script>b<script>y</script>c", "abc"},  // shortest blocks
      {"strip_html", "<script>x", "x"},           // unclosed block: only the tag goes
      {"strip_html", "<SCRIPT>x</SCRIPT>", "x"},  // blocks are case-sensitive
      {"strip_html", "<scr<!-- -->ipt>alert</script>", "alert"},  // two passes, as Ruby
      {"strip_html", "<!-->x-->y", "y"},
      {"strip_html", "1 < 2 and 3 > 2", "1  2"},
      {"strip_html", "a < b", "a < b"},
      {"strip_html", "a > b", "a > b"},
      {"strip_html", "<<a>>", ">"},
      {"strip_html", "<>", ""},
      {"strip_html", "é<b>日</b>", "é日"},
      {"strip_html", 5, "5"},
      {"strip_html", Value(), ""},
  });
  Value plain("no tags in this long text");
  EXPECT_EQ(run("strip_html", plain).shared_address(), plain.shared_address());
}

TEST(HtmlFilters, NewlineToBr) {
  check_rows({
      {"newline_to_br", "a\nb\nc", "a<br />\nb<br />\nc"},
      {"newline_to_br", "a\r\nb\nc", "a<br />\nb<br />\nc"},
      {"newline_to_br", "- apples\n- oranges\n", "- apples<br />\n- oranges<br />\n"},
      {"newline_to_br", "a\rb", "a\rb"},
      {"newline_to_br", "\r\r\n", "\r<br />\n"},
      {"newline_to_br", "\n", "<br />\n"},
      {"newline_to_br", 5, "5"},
      {"newline_to_br", Value(), ""},
  });
}

}  // namespace
