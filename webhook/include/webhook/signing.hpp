// Standard Webhooks signatures (https://www.standardwebhooks.com/):
//   webhook-id:        the delivery id, the same on every retry
//   webhook-timestamp: Unix seconds of this attempt
//   webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">
// keyed with the base64-decoded part of a "whsec_..." secret.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace webhook {

class SigningKey {
 public:
  // "whsec_<base64>" (or bare base64). Throws std::invalid_argument, without quoting the
  // secret, when it is not valid base64 or decodes to nothing.
  static SigningKey from_secret(std::string_view secret);
  // "v1,<base64>"
  std::string sign(std::string_view id, std::int64_t timestamp_s, std::string_view body) const;
  const std::string& key() const { return key_; }

 private:
  std::string key_;  // raw key bytes
};

}  // namespace webhook
