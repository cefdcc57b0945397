#include "webhook/security.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

#include <string>
#include <vector>

namespace webhook {
namespace {

TEST(ControlChars, FoundAtTheirOffset) {
  EXPECT_EQ(find_control_char("abc", false), std::nullopt);
  EXPECT_EQ(find_control_char("a\r\nb", false), 1u);
  EXPECT_EQ(find_control_char(std::string_view("ab\0c", 4), false), 2u);
  EXPECT_EQ(find_control_char("a\tb", false), 1u);
  EXPECT_EQ(find_control_char("a\tb", true), std::nullopt);
  EXPECT_EQ(find_control_char("a\x7f", true), 1u);
  EXPECT_EQ(find_control_char("caf\xc3\xa9", false), std::nullopt);  // UTF-8 is not a control
}

TEST(HeaderNames, TokensOnly) {
  EXPECT_TRUE(valid_header_name("Content-Type"));
  EXPECT_TRUE(valid_header_name("X-Api_Key.v2"));
  EXPECT_FALSE(valid_header_name(""));
  EXPECT_FALSE(valid_header_name("Bad Header"));
  EXPECT_FALSE(valid_header_name("X:Y"));
  EXPECT_FALSE(valid_header_name("X\r\nInjected"));
}

TEST(Sensitive, Names) {
  for (const char* n :
       {"Authorization", "authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
        "X-Api-Key", "X-Auth-Token", "client_secret", "Api-KEY", "X-Password"})
    EXPECT_TRUE(sensitive_name(n)) << n;
  for (const char* n : {"Content-Type", "Accept", "X-Request-Id", "User-Agent", "webhook-id"})
    EXPECT_FALSE(sensitive_name(n)) << n;
}

TEST(MaskUrls, UserinfoAndQueryCredentials) {
  EXPECT_EQ(mask_urls("https://user:pass@api.example.com/v1"),
            "https://****:****@api.example.com/v1");
  EXPECT_EQ(mask_urls("https://APIKEY@app.close.io/api/v1/lead/"),
            "https://****@app.close.io/api/v1/lead/");
  EXPECT_EQ(mask_urls("https://api.trello.com/1/cards?key=K1&token=T2&idList=5"),
            "https://api.trello.com/1/cards?key=****&token=****&idList=5");
  EXPECT_EQ(mask_urls("failed: POST http://a:b@h/x (timeout); retry http://h/y"),
            "failed: POST http://****:****@h/x (timeout); retry http://h/y");
  EXPECT_EQ(mask_urls("\"https://u:p@h/p?q=1#frag\""), "\"https://****:****@h/p?q=1#frag\"");
  EXPECT_EQ(mask_urls("no url here :// at all"), "no url here :// at all");
  EXPECT_EQ(mask_urls("https://h/p"), "https://h/p");
  // A password with '@' (percent-encoded or not) is still masked entirely.
  EXPECT_EQ(mask_urls("https://u:p@ss@h/"), "https://****:****@h/");
}

TEST(MaskUrls, SecretPathSegments) {
  EXPECT_EQ(mask_urls("https://maker.ifttt.com/trigger/signup/with/key/dQw4w9WgXcQ"),
            "https://maker.ifttt.com/trigger/signup/with/key/****");
  EXPECT_EQ(mask_urls("https://h/v1/token/T1/items?x=1"), "https://h/v1/token/****/items?x=1");
  EXPECT_EQ(mask_urls("https://h/API_KEY/K/x#frag"), "https://h/API_KEY/****/x#frag");
  EXPECT_EQ(mask_urls("https://h/key/K#a?b=c"), "https://h/key/****#a?b=c");
  EXPECT_EQ(mask_urls("https://h/with/key/"), "https://h/with/key/");  // nothing to hide
  EXPECT_EQ(mask_urls("https://h/secret/S/token/T?key=K"), "https://h/secret/****/token/****?key=****");
  // Whole segment names only: these are ordinary paths.
  EXPECT_EQ(mask_urls("https://h/monkeys/42"), "https://h/monkeys/42");
  EXPECT_EQ(mask_urls("https://h/keys/42/keyboard/7"), "https://h/keys/42/keyboard/7");
  EXPECT_EQ(mask_urls("https://h/key"), "https://h/key");
}

TEST(Redact, KnownSecrets) {
  EXPECT_EQ(redact("token abcd1234 and abcd1234", {"abcd1234"}), "token **** and ****");
  EXPECT_EQ(redact("short ab", {"ab"}), "short ab");  // too short to redact safely
}

TEST(CheckUrl, UserinfoBecomesBasicAuth) {
  auto c = check_url("https://user%40mail.com:p%3Ass@api.example.com/v1?x=1");
  ASSERT_TRUE(c.ok);
  EXPECT_EQ(c.ok->url, "https://api.example.com/v1?x=1");
  EXPECT_EQ(c.ok->user, "user@mail.com");
  EXPECT_EQ(c.ok->password, "p:ss");
  EXPECT_EQ(*c.ok->basic, "Basic " + base64_encode("user@mail.com:p:ss"));
  auto lob = check_url("https://test_key:@api.lob.com/v1/postcards");
  ASSERT_TRUE(lob.ok);
  EXPECT_EQ(*lob.ok->basic, "Basic dGVzdF9rZXk6");  // "test_key:"
  EXPECT_EQ(lob.ok->url, "https://api.lob.com/v1/postcards");
  auto plain = check_url("http://127.0.0.1:8080/hook");
  ASSERT_TRUE(plain.ok);
  EXPECT_FALSE(plain.ok->basic);
}

TEST(CheckUrl, Problems) {
  EXPECT_EQ(check_url("https://h/a\r\nX-Injected: 1").problem->id, errc::url_control_char);
  EXPECT_EQ(check_url("https://h/a\r\nX").problem->offset, 11u);
  EXPECT_EQ(check_url(std::string_view("https://h/\0", 11)).problem->id, errc::url_control_char);
  EXPECT_EQ(check_url("ftp://h/file").problem->id, errc::url_scheme);
  EXPECT_EQ(check_url("file:///etc/passwd").problem->id, errc::url_scheme);
  EXPECT_EQ(check_url("gopher://h/").problem->id, errc::url_scheme);
  EXPECT_EQ(check_url("/relative/path").problem->id, errc::url_invalid);
  EXPECT_EQ(check_url("https://").problem->id, errc::url_invalid);
  EXPECT_EQ(check_url("https://exa mple.com/").problem->id, errc::url_invalid);
  EXPECT_EQ(check_url("").problem->id, errc::url_invalid);
  // What a variable that printed nothing leaves behind.
  EXPECT_EQ(check_url("https://.zendesk.com/api").problem->id, errc::url_invalid);
  EXPECT_EQ(check_url("https://.zendesk.com/api").problem->offset, 8u);
  EXPECT_EQ(check_url("https://api..example.com/").problem->id, errc::url_invalid);
  EXPECT_EQ(check_url("https://api.example../").problem->id, errc::url_invalid);
  EXPECT_EQ(check_url("https://:@app.close.io/api").problem->id, errc::url_invalid);
  EXPECT_EQ(check_url("https://:@app.close.io/api").problem->offset, 8u);
  EXPECT_TRUE(check_url("https://api.example.com./v1").ok);  // a rooted name is fine
  EXPECT_TRUE(check_url("https://key:@api.lob.com/v1").ok);
  EXPECT_TRUE(check_url("https://:pw@api.example.com/").ok);
}

TEST(UrlCheckCache, SameResultsAsCheckUrl) {
  // Repeats, changes, problems and userinfo in one stream: each answer is check_url's.
  const std::vector<std::string> urls = {"https://api.example.com/v1",
                                         "https://api.example.com/v1",
                                         "https://u:p@api.example.com/v1",
                                         "https://u:p@api.example.com/v1",
                                         "ftp://h/file",
                                         "ftp://h/file",
                                         "https://.x.com/",
                                         "https://api.example.com/v1",
                                         "",
                                         "",
                                         "https://u:q@api.example.com/v1"};
  UrlCheckCache cache;
  for (const auto& url : urls) {
    const UrlCheck expected = check_url(url);
    const UrlCheck& got = cache.check(url);
    ASSERT_EQ(got.ok.has_value(), expected.ok.has_value()) << url;
    ASSERT_EQ(got.problem.has_value(), expected.problem.has_value()) << url;
    if (expected.ok) {
      EXPECT_EQ(got.ok->url, expected.ok->url) << url;
      EXPECT_EQ(got.ok->basic, expected.ok->basic) << url;
      EXPECT_EQ(got.ok->user, expected.ok->user) << url;
      EXPECT_EQ(got.ok->password, expected.ok->password) << url;
    } else {
      EXPECT_EQ(got.problem->id, expected.problem->id) << url;
      EXPECT_EQ(got.problem->offset, expected.problem->offset) << url;
    }
  }
}

TEST(Base64, RoundTrip) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_decode("Zm9vYg=="), "foob");
  EXPECT_EQ(base64_decode("Zm9vYmE"), "fooba");
  EXPECT_EQ(base64_decode("Z"), std::nullopt);
  EXPECT_EQ(base64_decode("Zm9v!"), std::nullopt);
}

TEST(Addresses, Classes) {
  struct Case {
    const char* ip;
    AddressClass cls;
  };
  const Case cases[] = {
      {"8.8.8.8", AddressClass::public_address},
      {"127.0.0.1", AddressClass::loopback},
      {"127.255.0.9", AddressClass::loopback},
      {"10.0.0.1", AddressClass::private_network},
      {"172.16.0.1", AddressClass::private_network},
      {"172.31.255.255", AddressClass::private_network},
      {"172.32.0.1", AddressClass::public_address},
      {"192.168.1.1", AddressClass::private_network},
      {"169.254.1.1", AddressClass::link_local},
      {"169.254.169.254", AddressClass::metadata},
      {"100.64.0.1", AddressClass::cgnat},
      {"100.127.255.255", AddressClass::cgnat},
      {"100.128.0.1", AddressClass::public_address},
      {"224.0.0.1", AddressClass::multicast},
      {"239.255.255.250", AddressClass::multicast},
      {"0.0.0.0", AddressClass::unspecified},
      {"255.255.255.255", AddressClass::unspecified},
      {"::1", AddressClass::loopback},
      {"::", AddressClass::unspecified},
      {"fe80::1", AddressClass::link_local},
      {"fc00::1", AddressClass::private_network},
      {"fd12:3456::1", AddressClass::private_network},
      {"ff02::1", AddressClass::multicast},
      {"fd00:ec2::254", AddressClass::metadata},
      {"::ffff:127.0.0.1", AddressClass::loopback},
      {"::ffff:169.254.169.254", AddressClass::metadata},
      {"::ffff:8.8.8.8", AddressClass::public_address},
      {"64:ff9b::10.0.0.1", AddressClass::private_network},
      {"2002:a00:1::", AddressClass::private_network},
      {"2606:4700::1111", AddressClass::public_address},
  };
  for (const auto& c : cases) EXPECT_EQ(classify_address(c.ip), c.cls) << c.ip;
  EXPECT_EQ(classify_address("not-an-ip"), std::nullopt);
}

TEST(Addresses, SockaddrForm) {
  sockaddr_in in{};
  in.sin_family = AF_INET;
  inet_pton(AF_INET, "10.1.2.3", &in.sin_addr);
  EXPECT_EQ(classify_address(reinterpret_cast<const sockaddr*>(&in)),
            AddressClass::private_network);
  sockaddr_in6 in6{};
  in6.sin6_family = AF_INET6;
  inet_pton(AF_INET6, "::1", &in6.sin6_addr);
  EXPECT_EQ(classify_address(reinterpret_cast<const sockaddr*>(&in6)), AddressClass::loopback);
  EXPECT_EQ(classify_address(static_cast<const sockaddr*>(nullptr)), AddressClass::unspecified);
}

TEST(Guard, DefaultRefusesInternal) {
  AddressGuard g;
  EXPECT_TRUE(g.allowed("93.184.216.34"));
  for (const char* ip : {"127.0.0.1", "10.0.0.1", "169.254.169.254", "fd00:ec2::254", "::1",
                         "100.64.1.1", "224.0.0.1", "::ffff:127.0.0.1", "0.0.0.0"})
    EXPECT_FALSE(g.allowed(ip)) << ip;
}

TEST(Guard, AllowPrivateAndAllowlist) {
  AddressGuard g;
  g.allow("127.0.0.1");
  g.allow("10.1.0.0/16");
  g.allow("fd00::/8");
  EXPECT_TRUE(g.allowed("127.0.0.1"));
  EXPECT_TRUE(g.allowed("::ffff:127.0.0.1"));
  EXPECT_FALSE(g.allowed("127.0.0.2"));
  EXPECT_TRUE(g.allowed("10.1.200.3"));
  EXPECT_FALSE(g.allowed("10.2.0.1"));
  EXPECT_TRUE(g.allowed("fd99::1"));
  EXPECT_FALSE(g.allowed("169.254.169.254"));
  EXPECT_THROW(g.allow("10.0.0.0/33"), std::invalid_argument);
  EXPECT_THROW(g.allow("example.com"), std::invalid_argument);
  AddressGuard open;
  open.allow_private(true);
  EXPECT_TRUE(open.allowed("169.254.169.254"));
  EXPECT_TRUE(open.allowed("127.0.0.1"));
}

}  // namespace
}  // namespace webhook
