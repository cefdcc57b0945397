#include "webhook/signing.hpp"

#include <gtest/gtest.h>

namespace webhook {
namespace {

// The published test vector of the Standard Webhooks specification.
TEST(Signing, StandardWebhooksVector) {
  const auto key = SigningKey::from_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  EXPECT_EQ(key.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, R"({"test": 2432232314})"),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
}

TEST(Signing, BareBase64SecretAndChangedInputs) {
  const auto key = SigningKey::from_secret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  const std::string good = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  EXPECT_EQ(key.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, R"({"test": 2432232314})"), good);
  EXPECT_NE(key.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331, R"({"test": 2432232314})"), good);
  EXPECT_NE(key.sign("msg_p5jXN8AQM9LWM0D4loKWxJel", 1614265330, R"({"test": 2432232314})"), good);
}

TEST(Signing, BadSecretsAreRejectedWithoutEchoingThem) {
  for (const char* secret : {"whsec_", "whsec_not base64!", "", "whsec_a"}) {
    try {
      SigningKey::from_secret(secret);
      ADD_FAILURE() << "accepted " << secret;
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()).find("not base64!"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace webhook
