#!/usr/bin/env bash
# How long liquid-lint takes over 1,000 templates, as a pre-commit hook runs it: the whole
# command (start-up, reading, parsing twice, every rule), median wall clock of 5 runs, without
# and with fixture data (3 records rendered per template, plus the hostile copies); and the
# instruction count of one static run under callgrind, steadier than wall clock on a shared
# machine.
# usage: bench/lint_bench.sh [BUILD_DIR] [COUNT]      (BUILD_DIR default: build, Release)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
COUNT=${2:-1000}
LINT=$BUILD/lint/liquid-lint
if [[ ! -x $LINT ]]; then
  echo "lint_bench: build liquid-lint first: cmake --build $BUILD --target liquid_lint" >&2
  exit 2
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# COUNT templates: the corrected recipes and the seed's originals in turn, each its own file.
sources=(examples/templates/*.liquid tests/lint/fixtures/*.liquid)
for ((i = 0; i < COUNT; i++)); do
  src=${sources[i % ${#sources[@]}]}
  cp "$src" "$WORK/$(printf '%04d' "$i")_$(basename "$src")"
done
cp examples/records/customers.jsonl "$WORK/records.jsonl"
types='"*twilio*.liquid": "application/x-www-form-urlencoded", "*form*.liquid": "application/x-www-form-urlencoded", "*.liquid": "application/json"'
echo "{\"content_types\": {$types}}" > "$WORK/static.json"
echo "{\"content_types\": {$types}, \"fixtures\": [\"records.jsonl\"]}" > "$WORK/fixtures.json"

median_of_5() {  # config -> median seconds
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    "$LINT" --config "$WORK/$1" "$WORK" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
  done | sort -n | sed -n 3p
}

findings=$("$LINT" --config "$WORK/static.json" --format json "$WORK" 2>/dev/null |
           python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))' || true)
static_ms=$(median_of_5 static.json)
fixture_ms=$(median_of_5 fixtures.json)
echo "liquid-lint over $COUNT templates ($findings findings without fixtures):"
echo "  static rules:             ${static_ms} ms (median of 5), $((static_ms * 1000 / COUNT)) us per template"
echo "  with 3 fixture records:   ${fixture_ms} ms (median of 5), $((fixture_ms * 1000 / COUNT)) us per template"
if command -v valgrind > /dev/null; then
  valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" \
    "$LINT" --config "$WORK/static.json" "$WORK" > /dev/null 2> "$WORK/callgrind.log" || true
  instructions=$(grep -E "Collected|refs" "$WORK/callgrind.log" | grep -oE "[0-9,]+$" | tr -d , | tail -1)
  echo "  static rules, callgrind:  ${instructions} instructions, $((instructions / COUNT)) per template"
fi
