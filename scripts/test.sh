#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: install, build (Release, warnings as
# errors), run every test; then rebuild with AddressSanitizer + UndefinedBehaviorSanitizer and
# run the unit tests again.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DLIQUIDHOOK_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 -DLIQUIDHOOK_SANITIZE=ON \
  -DLIQUIDHOOK_BUILD_BENCH=OFF -DLIQUIDHOOK_WERROR=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan -L unit --output-on-failure -j"$jobs"
