#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what the build needs, build (Release), then
# on the shipped examples: lint every request definition and template (they must be clean),
# render every example body for the sample customers, and prepare every request for every
# customer with the sender in dry-run mode (rendered, validated, secrets masked, nothing sent).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target liquid_cli liquid_lint webhook_cli
LIQUID=build/liquid/liquid
LINT=build/lint/liquid-lint
WEBHOOK=build/webhook/webhook
RECORDS=examples/records/customers.jsonl

echo "== liquid-lint examples (config examples/.liquid-lint.json)"
"$LINT" --config examples/.liquid-lint.json --fail-level warning examples
echo "clean"

echo
echo "== rendering examples/templates/*.liquid for each record of $RECORDS"
status=0
for template in examples/templates/*.liquid; do
  name=$(basename "$template" .liquid)
  echo "-- $name"
  if ! "$LIQUID" render "$template" --data-lines "$RECORDS"; then
    status=1
  fi
  echo
done

echo
echo "== webhook send --dry-run: every request of examples/requests for each record"
for request in examples/requests/*.json; do
  echo "-- $(basename "$request")"
  if ! "$WEBHOOK" send "$request" --records "$RECORDS" --dry-run; then
    status=1
  fi
done
exit $status
