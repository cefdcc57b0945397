// Onigmo's [[:alpha:]] and [[:alnum:]], checked against Ruby 3.1.
#include "time/unicode_class.hpp"

#include <gtest/gtest.h>

namespace liquid::time {
namespace {

TEST(UnicodeClass, Ascii) {
  EXPECT_TRUE(unicode_alpha(U'a'));
  EXPECT_TRUE(unicode_alpha(U'Z'));
  EXPECT_FALSE(unicode_alpha(U'5'));
  EXPECT_TRUE(unicode_alnum(U'5'));
  EXPECT_FALSE(unicode_alnum(U'_'));
  EXPECT_FALSE(unicode_alnum(U' '));
  EXPECT_FALSE(unicode_alnum(U'\0'));
}

TEST(UnicodeClass, NonAscii) {
  EXPECT_TRUE(unicode_alpha(U'\u00e9'));   // é
  EXPECT_TRUE(unicode_alpha(U'\u5e74'));   // 年
  EXPECT_TRUE(unicode_alpha(U'\u3007'));   // 〇 (a letter number)
  EXPECT_TRUE(unicode_alpha(U'\u216B'));   // Ⅻ
  EXPECT_FALSE(unicode_alpha(U'\u0663'));  // Arabic-Indic three: a digit, not a letter
  EXPECT_TRUE(unicode_alnum(U'\u0663'));
  EXPECT_FALSE(unicode_alnum(U'\u00b2'));  // superscript two
  EXPECT_FALSE(unicode_alnum(U'\u0301'));  // combining acute accent
  EXPECT_FALSE(unicode_alnum(U'\u00a0'));  // no-break space
  EXPECT_FALSE(unicode_alnum(U'\u202f'));  // narrow no-break space
  EXPECT_FALSE(unicode_alnum(U'\u2013'));  // en dash
  EXPECT_FALSE(unicode_alnum(U'\U0001F600'));
  EXPECT_TRUE(unicode_alpha(U'\U00020000'));  // CJK extension B
  EXPECT_FALSE(unicode_alnum(U'\U0010FFFF'));
}

}  // namespace
}  // namespace liquid::time
