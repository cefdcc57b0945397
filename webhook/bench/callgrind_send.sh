#!/usr/bin/env bash
# Instructions per record of `webhook send`, split by thread (callgrind --separate-threads), on
# the dispatch benchmark's zendesk workload against a local nginx. Deterministic enough to
# compare two builds on a busy machine, where wall-clock rates are not.
#
#   webhook/bench/callgrind_send.sh --webhook BUILD/webhook/webhook [--n 3000] [--c 64]
#                                   [--port 18091] [--out DIR]
#
# Prints, per thread, total Ir / N, then the inclusive Ir / N of the main thread's parts.
# Time-driven behaviour (group commits every 10 ms, how many transfers one curl poll returns)
# runs ~50x slower under valgrind, so the outbox commit share is larger here than in a real run.
# Needs: valgrind, nginx, node (data generator), ../shared/perf (the perf kit).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PERF="${PERF:-$ROOT/../shared/perf}"
WEBHOOK="" N=3000 C=64 PORT=18091
OUT="$(mktemp -d /tmp/webhook-callgrind-XXXXXX)"
while [ $# -gt 0 ]; do
  case "$1" in
    --webhook) WEBHOOK=$2; shift 2;;
    --n) N=$2; shift 2;;
    --c) C=$2; shift 2;;
    --port) PORT=$2; shift 2;;
    --out) OUT=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[ -x "$WEBHOOK" ] || { echo "--webhook must name the built webhook binary" >&2; exit 2; }
mkdir -p "$OUT/run"

if [ ! -s "$OUT/records-$N.jsonl" ]; then
  node "$PERF/kit/gen_data.js" "$OUT/data" 10000 > /dev/null 2>&1
  python3 - "$OUT/data/w1_customers.json" "$OUT/records-$N.jsonl" "$N" <<'PY'
import json, sys
customers = json.load(open(sys.argv[1]))["customers"]
with open(sys.argv[2], "w") as out:
    for i in range(int(sys.argv[3])):
        out.write(json.dumps({"customer": customers[i % len(customers)]}, separators=(",", ":")) + "\n")
PY
fi
cat > "$OUT/zendesk.json" <<JSON
{"name": "zendesk ticket", "url": "http://127.0.0.1:$PORT/hook",
 "body_file": "$PERF/kit/templates/w1/zendesk_ticket.liquid"}
JSON

sed -e "s|@RUN@|$OUT/run|g" -e "s|@PORT@|$PORT|g" -e "s|@WORKERS@|2|g" -e "s|@AFFINITY@||g" \
  "$PERF/dispatch/nginx.conf.in" > "$OUT/run/nginx.conf"
nginx -p "$OUT/run" -e "$OUT/run/error.log" -c "$OUT/run/nginx.conf"
for _ in $(seq 50); do [ -s "$OUT/run/nginx.pid" ] && break; sleep 0.1; done
NGINX_PID=$(cat "$OUT/run/nginx.pid")
trap 'kill -QUIT "$NGINX_PID" 2>/dev/null || true' EXIT

rm -f "$OUT"/state.db* "$OUT/results.jsonl" "$OUT"/callgrind.out*
valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$OUT/callgrind.out" \
  "$WEBHOOK" send "$OUT/zendesk.json" --records "$OUT/records-$N.jsonl" \
  --results "$OUT/results.jsonl" --state "$OUT/state.db" --concurrency "$C" --allow-private \
  --no-progress 2> "$OUT/valgrind.log"
delivered=$(grep -c '"status":"delivered"' "$OUT/results.jsonl" || true)
echo "records $N, delivered $delivered, concurrency $C (profiles in $OUT)"

# Thread 1 is the worker (main), thread 2 the curl loop.
for f in "$OUT"/callgrind.out-*; do
  total=$(awk '/^(summary|totals):/ {print $2; exit}' "$f")
  echo "$(basename "$f"): $((total / N)) Ir/record"
done
main_total=$(awk '/^(summary|totals):/ {print $2; exit}' "$OUT/callgrind.out-01")
callgrind_annotate --inclusive=yes "$OUT/callgrind.out-01" 2>/dev/null |
  python3 -c '
import re, sys
n = int(sys.argv[1])
parts = ["Worker::run(", "Worker::fresh_record(", "liquid::parse_json(", "webhook::prepare(",
         "render_checked_body(", "liquid::validate::validate(", "webhook::check_url(",
         "Worker::complete(", "SqliteOutbox::commit(", "TransferQueues::push_ready(",
         "TransferQueues::wait_done("]
seen = {}
for line in sys.stdin:
    m = re.match(r"\s*([\d,]+) \([^)]*\)\s+\S*?:(.*)", line)
    if not m: continue
    for p in parts:
        if p in m.group(2) and p not in seen:
            seen[p] = int(m.group(1).replace(",", ""))
for p in parts:
    if p in seen: print(f"  {p.rstrip(chr(40)):32s} {seen[p] // n:>8} Ir/record")
commit = seen.get("SqliteOutbox::commit(", 0)
print(f"main thread without the outbox commit: {(int(sys.argv[2]) - commit) // n} Ir/record")
' "$N" "$main_total"
