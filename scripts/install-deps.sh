#!/usr/bin/env bash
# Install the Debian 12 packages liquidhook needs to build and test. Idempotent: installs only
# what is missing (one `apt-get update`, then `apt-get install -y`). Run as root or with sudo.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake make git pkg-config python3
  # engine
  tao-pegtl-dev            # PEGTL 3.2: the expression grammar
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev  # Boost.JSON/URL (1.74 has none)
  libhowardhinnant-date-dev tzdata  # IANA time zones for date/timezone filters
  libssl-dev               # OpenSSL: digests and HMAC filters, webhook signatures
  libexpat1-dev            # XML well-formedness validation
  libsimdjson-dev          # JSON records and bodies on the hot path (SIMD; Boost.JSON words errors)
  libcli11-dev             # command lines
  libgoogle-perftools-dev  # tcmalloc for the command-line tools (allocation-heavy rendering)
  # sender
  libcurl4-openssl-dev libsqlite3-dev libcpp-httplib-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev  # libFuzzer targets
  ruby ruby-liquid          # reference engine for differential tests
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
