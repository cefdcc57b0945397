#include "webhook/signing.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

#include "webhook/security.hpp"

namespace webhook {

SigningKey SigningKey::from_secret(std::string_view secret) {
  if (secret.substr(0, 6) == "whsec_") secret.remove_prefix(6);
  auto decoded = base64_decode(secret);
  if (!decoded || decoded->empty())
    throw std::invalid_argument("the signing secret is not \"whsec_\" followed by base64");
  SigningKey k;
  k.key_ = std::move(*decoded);
  return k;
}

std::string SigningKey::sign(std::string_view id, std::int64_t timestamp_s,
                             std::string_view body) const {
  const std::string ts = std::to_string(timestamp_s);
  std::string message;
  message.reserve(id.size() + ts.size() + body.size() + 2);
  message.append(id).append(".").append(ts).append(".").append(body);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  if (!HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
            reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &mac_len))
    throw std::runtime_error("HMAC-SHA256 failed");
  return "v1," + base64_encode(std::string_view(reinterpret_cast<const char*>(mac), mac_len));
}

}  // namespace webhook
