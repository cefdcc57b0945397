#!/usr/bin/env bash
# Build the libFuzzer targets (clang, ASan+UBSan) and run each for a bounded time on its
# committed corpus (tests/fuzz/corpus/<target>/, plus tests/fuzz/regressions/<target>/: inputs
# that once failed, never merged away). Exit 1 on any crash, sanitizer report, leak,
# timeout or out-of-memory; the input that caused it is kept and its path printed.
#
#   scripts/fuzz.sh [--time SECONDS] [--jobs N] [--ledger] [--merge] [--build-only] [TARGET...]
#
#   --time S      seconds per target (default 30)
#   --jobs N      targets fuzzed at once (default 1); each runs under `nice -n 19`
#   --ledger      add each clean run to tests/fuzz/LEDGER.md (CPU time, executions)
#   --merge       after the run, fold the new inputs into the committed corpus, minimised
#                 (libFuzzer -merge=1: only inputs that add coverage are kept)
#   --build-only  build the targets and stop
#   TARGET...     fuzz_parse_lax fuzz_parse_strict fuzz_parse_strict2 fuzz_render fuzz_json_parse
#                 fuzz_validate_json fuzz_validate_form fuzz_validate_xml fuzz_definition
#                 fuzz_response_mapping (default: all)
#
# Build tree: build-fuzz (override with LIQUIDHOOK_FUZZ_BUILD). New inputs found during a run go
# to <build>/fuzz-work/<target>/, crash inputs to <build>/fuzz-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

time_per_target=30
jobs=1
ledger=0
merge=0
build_only=0
targets=()
while (($#)); do
  case "$1" in
    --time) time_per_target="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --ledger) ledger=1; shift ;;
    --merge) merge=1; shift ;;
    --build-only) build_only=1; shift ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
all_targets=(fuzz_parse_lax fuzz_parse_strict fuzz_parse_strict2 fuzz_render fuzz_json_parse fuzz_validate_json
             fuzz_validate_form fuzz_validate_xml fuzz_definition fuzz_response_mapping)
((${#targets[@]})) || targets=("${all_targets[@]}")

build=${LIQUIDHOOK_FUZZ_BUILD:-build-fuzz}
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="-O1 -Wno-unknown-warning-option" \
  -DLIQUIDHOOK_FUZZ=ON -DLIQUIDHOOK_SANITIZE=ON -DLIQUIDHOOK_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"
((build_only)) && exit 0

dict_of() {
  case "$1" in
    fuzz_parse_*|fuzz_render) echo tests/fuzz/dict/liquid.dict ;;
    fuzz_json_parse|fuzz_validate_json|fuzz_response_mapping) echo tests/fuzz/dict/json.dict ;;
    fuzz_validate_form) echo tests/fuzz/dict/form.dict ;;
    fuzz_validate_xml) echo tests/fuzz/dict/xml.dict ;;
    fuzz_definition) echo tests/fuzz/dict/definition.dict ;;
  esac
}

# One target: fuzz for $time_per_target seconds; print one summary line; 0 if clean.
fuzz_one() {
  local target=$1 bin="$build/tests/fuzz/$1" corpus="tests/fuzz/corpus/$1"
  local work="$build/fuzz-work/$target" artifacts="$build/fuzz-artifacts"
  local log="$build/fuzz-logs/$target.log"
  mkdir -p "$work" "$artifacts" "$build/fuzz-logs" "$corpus"
  local TIMEFORMAT='%U %S' cpu rc=0 extra=()
  [[ -d tests/fuzz/regressions/$target ]] && extra+=("tests/fuzz/regressions/$target")
  # New inputs go to the first directory (scratch); the committed corpus is only read.
  { time ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      nice -n 19 "$bin" -max_total_time="$time_per_target" -timeout=10 -rss_limit_mb=2560 \
        -max_len=16384 -dict="$(dict_of "$target")" -print_final_stats=1 \
        -artifact_prefix="$artifacts/$target-" "$work" "$corpus" "${extra[@]}" >"$log" 2>&1; } \
    2>"$log.time" || rc=$?
  cpu=$(awk '{print $1 + $2}' "$log.time")
  local execs
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  execs=${execs:-0}
  if ((rc == 0)); then
    printf 'fuzz %-22s clean  %6.0f s CPU  %10s executions\n' "$target" "$cpu" "$execs"
    ((ledger)) && python3 tests/fuzz/ledger.py "$target" "$cpu" "$execs"
  else
    printf 'fuzz %-22s FAILED (exit %d) after %.0f s CPU; log: %s\n' "$target" "$rc" "$cpu" "$log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written|.*runtime error)' "$log" | head -8 | sed 's/^/    /'
    echo "    reproduce: $bin <the crash-/timeout-/oom-/leak- file above>"
  fi
  return "$rc"
}

failed=0
running=0
declare -A pids=()
for target in "${targets[@]}"; do
  fuzz_one "$target" &
  pids[$!]=$target
  running=$((running + 1))
  if ((running >= jobs)); then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while ((running > 0)); do
  wait -n || failed=1
  running=$((running - 1))
done

if ((merge)); then
  for target in "${targets[@]}"; do
    corpus="tests/fuzz/corpus/$target" merged="$build/fuzz-merged/$target"
    rm -rf "$merged" && mkdir -p "$merged"
    nice -n 19 "$build/tests/fuzz/$target" -merge=1 -timeout=10 -rss_limit_mb=2560 -max_len=16384 \
      "$merged" "$corpus" "$build/fuzz-work/$target" >"$build/fuzz-logs/$target.merge.log" 2>&1
    rm -rf "$corpus" && mv "$merged" "$corpus"
    echo "merge $target: $(ls "$corpus" | wc -l) inputs"
  done
fi
exit "$failed"
