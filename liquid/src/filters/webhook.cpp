// Filter family: webhook (liquidhook extensions): json, hmac_sha256, hmac_sha1, sha256, sha1,
// md5, raw.
//
// Digests and HMACs take the text of their input (and key) as string filters do, and return
// lowercase hex, as Shopify's filters of the same names. They use OpenSSL 3's EVP interfaces;
// the algorithm objects are fetched once and shared between threads.
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <memory>
#include <string>
#include <string_view>

#include "filters/text.hpp"
#include "liquid/environment.hpp"
#include "liquid/error.hpp"
#include "liquid/json.hpp"

namespace liquid::filters {

namespace {

std::string hex(const unsigned char* bytes, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(n * 2, '\0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = digits[bytes[i] >> 4];
    out[2 * i + 1] = digits[bytes[i] & 15];
  }
  return out;
}

[[noreturn]] void openssl_failed(std::string_view what) {
  throw FilterError(errc::internal, "OpenSSL " + std::string(what) + " failed");
}

const EVP_MD* fetch_digest(const char* name) {
  EVP_MD* md = EVP_MD_fetch(nullptr, name, nullptr);
  if (!md) openssl_failed(std::string("fetching ") + name);
  return md;  // kept for the life of the process
}

Value digest_of(const FilterCall& call, const EVP_MD* md) {
  std::string storage;
  std::string_view text = text_of(call.input, storage);
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), out, &length, md, nullptr) != 1)
    openssl_failed("digest");
  return Value(hex(out, length));
}

struct MacCtxFree {
  void operator()(EVP_MAC_CTX* ctx) const { EVP_MAC_CTX_free(ctx); }
};

Value hmac_of(const FilterCall& call, const char* digest) {
  static EVP_MAC* const mac = [] {
    EVP_MAC* m = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (!m) openssl_failed("fetching HMAC");
    return m;
  }();
  std::string message_storage, key_storage;
  std::string_view message = text_of(call.input, message_storage);
  std::string_view key = text_of(call.arg(0), key_storage);
  std::unique_ptr<EVP_MAC_CTX, MacCtxFree> ctx(EVP_MAC_CTX_new(mac));
  if (!ctx) openssl_failed("HMAC context");
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digest), 0),
      OSSL_PARAM_construct_end()};
  // An empty key must still be a key: a null pointer would mean "no key given".
  static const unsigned char no_key = 0;
  const auto* key_bytes =
      key.empty() ? &no_key : reinterpret_cast<const unsigned char*>(key.data());
  unsigned char out[EVP_MAX_MD_SIZE];
  std::size_t length = 0;
  if (EVP_MAC_init(ctx.get(), key_bytes, key.size(), params) != 1 ||
      EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char*>(message.data()),
                     message.size()) != 1 ||
      EVP_MAC_final(ctx.get(), out, &length, sizeof out) != 1)
    openssl_failed("HMAC");
  return Value(hex(out, length));
}

Value json_filter(const FilterCall& call) {
  std::string out;
  append_json(out, call.input);
  return Value(std::move(out));
}

}  // namespace

std::span<const FilterDef> webhook_filters() {
  static const std::vector<FilterDef> table = {
      {"hmac_sha1", 1, 1, [](const FilterCall& c) { return hmac_of(c, "SHA1"); }},
      {"hmac_sha256", 1, 1, [](const FilterCall& c) { return hmac_of(c, "SHA256"); }},
      {"json", 0, 0, json_filter, false, filter_json_encodes},
      {"md5", 0, 0,
       [](const FilterCall& c) {
         static const EVP_MD* const md = fetch_digest("MD5");
         return digest_of(c, md);
       }},
      {"raw", 0, 0, [](const FilterCall& c) { return c.input; }, false, filter_raw},
      {"sha1", 0, 0,
       [](const FilterCall& c) {
         static const EVP_MD* const md = fetch_digest("SHA1");
         return digest_of(c, md);
       }},
      {"sha256", 0, 0,
       [](const FilterCall& c) {
         static const EVP_MD* const md = fetch_digest("SHA256");
         return digest_of(c, md);
       }},
  };
  return table;
}

}  // namespace liquid::filters
