#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what the build needs, build (Release), then
# render every example webhook body for the sample customers and check each rendered body.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target liquid_cli
LIQUID=build/liquid/liquid

echo "== rendering examples/templates/*.liquid for each record of examples/records/customers.jsonl"
status=0
for template in examples/templates/*.liquid; do
  name=$(basename "$template" .liquid)
  echo "-- $name"
  if ! "$LIQUID" render "$template" --data-lines examples/records/customers.jsonl; then
    status=1
  fi
done
exit $status
