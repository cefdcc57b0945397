#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine:
#   1. install the packages; build (Release, warnings as errors); run every test (unit, golden,
#      cli, integration, the fuzz corpora replayed);
#   2. differential test against Ruby Liquid 5.4: 2,000 seeded random templates, every
#      difference either a listed deliberate one or a failure;
#   3. rebuild with AddressSanitizer + UndefinedBehaviorSanitizer; run every test again (all but
#      the find_package consumer, which builds its own project against the installed library);
#   4. ThreadSanitizer: concurrent renders of one template, and the sender;
#   5. libFuzzer (clang, ASan+UBSan): each target for a bounded time on its committed corpus.
# LIQUIDHOOK_FUZZ_SECONDS (default 30) sets the time per fuzz target; 0 skips stage 5.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)
stage() { echo; echo "== $1 (at ${SECONDS} s)"; }

stage "Release build, every test"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DLIQUIDHOOK_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

stage "differential test against Ruby Liquid 5.4"
python3 tests/differential/differential.py --liquid build/liquid/liquid --cases 2000 --seed 1
if [[ -f ../shared/conformance/adapters/ruby_liquid.rb ]]; then
  python3 tests/differential/corpus_diff.py build/liquid/liquid | tail -1
else
  echo "SKIPPED: tests/differential/corpus_diff.py needs ../shared/conformance/adapters/ruby_liquid.rb"
fi

stage "ASan+UBSan build, every test"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 -DLIQUIDHOOK_SANITIZE=ON \
  -DLIQUIDHOOK_BUILD_BENCH=OFF -DLIQUIDHOOK_WERROR=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan -E find_package_consumer --output-on-failure -j"$jobs"

stage "ThreadSanitizer: concurrent renders, the sender"
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 -DLIQUIDHOOK_TSAN=ON \
  -DLIQUIDHOOK_BUILD_BENCH=OFF -DLIQUIDHOOK_WERROR=ON >/dev/null
cmake --build build-tsan -j"$jobs" --target liquid_threads_tests webhook_integration_tests
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$PWD/tests/sanitizers/tsan.supp"
build-tsan/tests/liquid_threads_tests
# The sender's tests, less the two whose 0.5 s per-attempt timeout is shorter than a TLS
# handshake or a scripted reply under TSan's slowdown (they run in the Release stage).
build-tsan/tests/webhook/webhook_integration_tests \
  --gtest_filter='SenderTest.*:-SenderTest.ScriptedEndpoints:SenderTest.TlsFailureIsFinal'
unset TSAN_OPTIONS

fuzz_seconds=${LIQUIDHOOK_FUZZ_SECONDS:-30}
if ((fuzz_seconds > 0)); then
  stage "libFuzzer: each target ${fuzz_seconds} s"
  scripts/fuzz.sh --time "$fuzz_seconds" --jobs "$jobs"
fi
stage "all passed"
