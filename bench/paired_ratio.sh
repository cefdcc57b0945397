#!/usr/bin/env bash
# The ratio of two kit drivers' rates on one measurement, taken in alternating pairs: on a
# machine whose speed drifts from one minute to the next (ours moved ±40 %), a ratio taken
# seconds apart, and its median over many pairs, says more than two long runs minutes apart.
#
#   bench/paired_ratio.sh [--pairs 10] [--reps 15] --perf PERF_KIT_COPY \
#       --a "NAME=COMMAND" --b "NAME=COMMAND" -- DRIVER_OPTIONS...
#
# Each COMMAND is a kit driver (../shared/perf README: same options, JSON Lines out); it gets
# `--data PERF/data --kit PERF/kit --reps R --warmup 1` and DRIVER_OPTIONS, which should select
# one measurement (e.g. --workload w1 --phases render --templates customer_object). The cpp
# ceiling takes `--data` and `--reps` only: pass it as
#   --b "ceiling=ceiling/build/w1_customer_object --data data" --ceiling-b
# Commands run from the kit folder, as kit/run.sh runs them ("ruby kit/drivers/ruby_liquid.rb
# --c" is liquid-c).
# Prints one line per pair (A ops/s, B ops/s, B / A) and the median of the ratios. Several
# templates at once (W1 without --templates) are combined as the kit's "ALL" row.
set -euo pipefail
PAIRS=10 REPS=15 PERF="" A="" B="" CEILING_B=0
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) PAIRS=$2; shift 2;;
    --reps) REPS=$2; shift 2;;
    --perf) PERF=$2; shift 2;;
    --a) A=$2; shift 2;;
    --b) B=$2; shift 2;;
    --ceiling-b) CEILING_B=1; shift;;
    --) shift; break;;
    *) echo "paired_ratio.sh: unknown option $1" >&2; exit 2;;
  esac
done
[ -n "$PERF" ] && [ -n "$A" ] && [ -n "$B" ] || { echo "need --perf, --a and --b" >&2; exit 2; }
PERF="$(cd "$PERF" && pwd)"
cd "$PERF"  # commands may be relative to the kit, as kit/run.sh's are (ruby kit/drivers/...)
export TZ=UTC LC_ALL=C.UTF-8

# The median rate of the summary line a driver prints; with several (all six W1 templates), the
# combined rate as the kit's "ALL" row counts it: operations of all of them over their time.
rate() {
  python3 -c 'import json, sys
lines = [json.loads(l) for l in sys.stdin if "\"summary\"" in l]
if not lines: sys.exit("no summary line")
ops = sum(d["iterations"] for d in lines)
print(ops / sum(d["iterations"] / d["ops_per_s_median"] for d in lines))'
}
run_a() { ${A#*=} --data "$PERF/data" --kit "$PERF/kit" --reps "$REPS" --warmup 1 "$@" 2>/dev/null | rate; }
run_b() {
  if [ "$CEILING_B" = 1 ]; then
    ${B#*=} --reps "$REPS" --warmup 1 | rate
  else
    ${B#*=} --data "$PERF/data" --kit "$PERF/kit" --reps "$REPS" --warmup 1 "$@" 2>/dev/null | rate
  fi
}

ratios=()
printf '%-5s %14s %14s %9s\n' pair "${A%%=*}" "${B%%=*}" "B / A"
for i in $(seq "$PAIRS"); do
  a=$(run_a "$@")
  b=$(run_b "$@")
  r=$(python3 -c "print('%.3f' % ($b / $a))")
  ratios+=("$r")
  printf '%-5s %14.0f %14.0f %9s\n' "$i" "$a" "$b" "$r"
done
python3 -c "
import statistics, sys
r = sorted(float(x) for x in sys.argv[1:])
print('median B / A over %d pairs: %.3f (min %.3f, max %.3f)' % (len(r), statistics.median(r), r[0], r[-1]))
" "${ratios[@]}"
