#!/usr/bin/env python3
"""Add one clean fuzzing run to tests/fuzz/LEDGER.md (the README quotes its totals).

    python3 tests/fuzz/ledger.py TARGET CPU_SECONDS EXECUTIONS [--date YYYY-MM-DD]

Only clean runs (no crash, leak, timeout or out-of-memory) are recorded: scripts/fuzz.sh
--ledger calls this after a target exits 0.
"""
import argparse
import datetime
import pathlib
import re

LEDGER = pathlib.Path(__file__).resolve().parent / "LEDGER.md"
HEADER = """# Fuzzing ledger

How long each fuzz target has run clean, in total, on this project's code (CPU time of the
libFuzzer process, ASan+UBSan on; clean means the run ended without a crash, sanitizer report,
leak, timeout or out-of-memory). `scripts/fuzz.sh --ledger` adds each clean run; CI runs (a
bounded time per target on every submission) are not counted here. Findings and their
regression tests are listed below the table.

| target | clean CPU seconds | hours | executions | runs | last run |
|---|---:|---:|---:|---:|---|
"""
ROW = re.compile(r"^\| (\S+) \| ([\d,]+) \| [\d.]+ \| ([\d,]+) \| (\d+) \| (\S+) \|$")


def read():
    rows, tail = {}, ""
    if LEDGER.exists():
        text = LEDGER.read_text()
        table_end = text.find("\n\n", text.find("|---|"))
        tail = text[table_end + 2:] if table_end >= 0 else ""
        for line in text.splitlines():
            m = ROW.match(line)
            if m:
                rows[m.group(1)] = [int(m.group(2).replace(",", "")), int(m.group(3).replace(",", "")),
                                    int(m.group(4)), m.group(5)]
    return rows, tail


def write(rows, tail):
    lines = [HEADER.rstrip("\n")]
    total_seconds = total_execs = 0
    for target in sorted(rows):
        seconds, execs, runs, date = rows[target]
        total_seconds += seconds
        total_execs += execs
        lines.append(f"| {target} | {seconds:,} | {seconds / 3600:.2f} | {execs:,} | {runs} | {date} |")
    lines.append(f"| total | {total_seconds:,} | {total_seconds / 3600:.2f} | {total_execs:,} | | |")
    LEDGER.write_text("\n".join(lines) + "\n\n" + (tail or "## Findings\n\nNone yet.\n"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target")
    parser.add_argument("cpu_seconds", type=float)
    parser.add_argument("executions", type=int)
    parser.add_argument("--date", default=datetime.date.today().isoformat())
    args = parser.parse_args()
    rows, tail = read()
    rows.pop("total", None)
    seconds, execs, runs, _ = rows.get(args.target, [0, 0, 0, ""])
    rows[args.target] = [seconds + round(args.cpu_seconds), execs + args.executions, runs + 1, args.date]
    write(rows, tail)


if __name__ == "__main__":
    main()
