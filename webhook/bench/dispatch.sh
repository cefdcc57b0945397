#!/usr/bin/env bash
# End-to-end dispatch benchmark of `webhook send` (render, validate, durable outbox, results)
# against a local nginx, side by side with the bare libcurl-multi client of the shared perf kit,
# at several concurrencies, in one run.
#
#   webhook/bench/dispatch.sh --webhook BUILD/webhook/webhook [--n 100000] [--conns "64 256 600"]
#                             [--repeat 1] [--wrk-seconds 10] [--out DIR]
#
# At each concurrency: wrk (the machine's ceiling; --wrk-seconds 0 skips it), the bare libcurl
# client, then `webhook send` over N records.
# Needs: nginx, wrk, node (data generator), gcc + libcurl headers, ../shared/perf (the perf kit).
# Everything listens on 127.0.0.1 only; nginx is stopped by its PID on exit. Prints one JSON
# line per measurement and a summary table.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PERF="${PERF:-$ROOT/../shared/perf}"
WEBHOOK="" N=100000 CONNS="64 256 600" REPEAT=1 PORT=18090 WRK_SECONDS=10
OUT="$(mktemp -d /tmp/webhook-dispatch-XXXXXX)"
while [ $# -gt 0 ]; do
  case "$1" in
    --webhook) WEBHOOK=$2; shift 2;;
    --n) N=$2; shift 2;;
    --conns) CONNS=$2; shift 2;;
    --repeat) REPEAT=$2; shift 2;;
    --wrk-seconds) WRK_SECONDS=$2; shift 2;;
    --out) OUT=$2; shift 2;;
    --port) PORT=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[ -x "$WEBHOOK" ] || { echo "--webhook must name the built webhook binary" >&2; exit 2; }
mkdir -p "$OUT/run"
ulimit -n 20000 2>/dev/null || true

# ---- data: N records cycling over the kit's 10,000 generated customers
node "$PERF/kit/gen_data.js" "$OUT/data" 10000 > /dev/null
python3 - "$OUT/data/w1_customers.json" "$OUT/records.jsonl" "$N" <<'PY'
import json, sys
customers = json.load(open(sys.argv[1]))["customers"]
with open(sys.argv[2], "w") as out:
    for i in range(int(sys.argv[3])):
        out.write(json.dumps({"customer": customers[i % len(customers)]}, separators=(",", ":")) + "\n")
PY
cat > "$OUT/zendesk.json" <<JSON
{"name": "zendesk ticket", "url": "http://127.0.0.1:$PORT/hook",
 "body_file": "$PERF/kit/templates/w1/zendesk_ticket.liquid"}
JSON
# the bare client posts one rendered body of the same template
"$WEBHOOK" send "$OUT/zendesk.json" --records <(head -1 "$OUT/records.jsonl") --dry-run 2>/dev/null |
  awk 'body {print} /^$/ && !body {body=1}' | sed '/^$/d' > "$OUT/body.json"
gcc -O2 -o "$OUT/curl_multi_post" "$PERF/dispatch/curl_multi_post.c" -lcurl

# ---- nginx (2 workers, nothing pinned: the perf kit's "shared" layout)
# `reuseport` gives each worker its own listening socket, so that the kernel spreads a client's
# connections over both workers. Without it one worker may accept the whole burst of connections
# a client opens at start (multi_accept), and that run is held to one nginx core: in 5 bare
# client runs (c = 64) one worker did all the work and the rate was 24,700-28,300 req/s; with
# reuseport the two workers shared every run (27,800-38,100 req/s in 10 runs, same minutes).
sed -e "s|@RUN@|$OUT/run|g" -e "s|@PORT@|$PORT|g" -e "s|@WORKERS@|2|g" -e "s|@AFFINITY@||g" \
  -e "s|listen 127.0.0.1:$PORT backlog=4096;|listen 127.0.0.1:$PORT backlog=4096 reuseport;|" \
  "$PERF/dispatch/nginx.conf.in" > "$OUT/run/nginx.conf"
grep -q reuseport "$OUT/run/nginx.conf" || { echo "dispatch.sh: the kit's nginx.conf.in changed" >&2; exit 1; }
nginx -p "$OUT/run" -e "$OUT/run/error.log" -c "$OUT/run/nginx.conf"
for _ in $(seq 50); do [ -s "$OUT/run/nginx.pid" ] && break; sleep 0.1; done
NGINX_PID=$(cat "$OUT/run/nginx.pid")
trap 'kill -QUIT "$NGINX_PID" 2>/dev/null || true' EXIT

for r in $(seq "$REPEAT"); do
  for c in $CONNS; do
    if [ "$WRK_SECONDS" != 0 ]; then
      BODY_FILE="$OUT/body.json" timeout $((WRK_SECONDS + 20)) wrk -t2 -c"$c" -d"${WRK_SECONDS}s" \
        -s "$PERF/dispatch/post.lua" "http://127.0.0.1:$PORT/hook" > "$OUT/wrk-$c.txt" 2>&1 || true
      rps=$(awk '/^Requests\/sec:/ {print $2}' "$OUT/wrk-$c.txt")
      non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/wrk-$c.txt")
      echo "{\"tool\":\"wrk\",\"c\":$c,\"rep\":$r,\"req_per_s\":${rps:-0},\"non2xx\":${non2xx:-0}}" | tee -a "$OUT/results.jsonl"
    fi
    line=$("$OUT/curl_multi_post" --url "http://127.0.0.1:$PORT/hook" --n "$N" --c "$c" --timeout-ms 4000 \
      --body "$OUT/body.json" --max-seconds 150)
    echo "$line" | python3 -c "import json,sys; d=json.load(sys.stdin); print(json.dumps({'tool':'curl_multi_post','c':$c,'rep':$r,'req_per_s':d['req_per_s'],'errors':d['errors'],'p50_ms':d['lat_p50_ms'],'p99_ms':d['lat_p99_ms']}))" | tee -a "$OUT/results.jsonl"
    rm -f "$OUT/state.db"* "$OUT/results-$c.jsonl"
    /usr/bin/time -f '%e %U %S %M' -o "$OUT/time.txt" "$WEBHOOK" send "$OUT/zendesk.json" \
      --records "$OUT/records.jsonl" --results "$OUT/results-$c.jsonl" --state "$OUT/state.db" \
      --concurrency "$c" --allow-private --no-progress 2> "$OUT/webhook-$c.log"
    read -r wall user sys rss < "$OUT/time.txt"
    delivered=$(grep -c '"status":"delivered"' "$OUT/results-$c.jsonl" || true)
    # Latency as the bare client measures it: each attempt from its hand-over to libcurl to its
    # completion (the results' attempts[].ms).
    python3 - "$OUT/results-$c.jsonl" <<PY | tee -a "$OUT/results.jsonl"
import json, sys
ms = sorted(a["ms"] for line in open(sys.argv[1]) for a in json.loads(line).get("attempts", []))
pct = lambda p: round(ms[min(len(ms) - 1, int(p * len(ms)))], 3) if ms else None
print(json.dumps({"tool": "webhook send", "c": $c, "rep": $r, "req_per_s": round($N / $wall, 1),
                  "delivered": $delivered, "cpu_s_per_1000": round(($user + $sys) / $N * 1000, 4),
                  "peak_rss_mb": round($rss / 1024, 1), "p50_ms": pct(0.50), "p99_ms": pct(0.99)}))
PY
  done
done
echo "results: $OUT/results.jsonl" >&2
