#!/usr/bin/env python3
"""Differential test: random templates and data rendered by liquidhook and by Ruby Liquid 5.4.

    differential.py --liquid build/liquid/liquid [--cases 2000] [--seed 1] [--only INDEX]
                    [--known tests/differential/known_differences.txt] [--show 10]
                    [--json-out FILE] [--no-minimize]

Both engines run once for the whole batch: `liquid adapter` and tests/differential/ruby_runner.rb,
each reading one JSON request per line and answering one line. A case agrees when both render
the same output byte for byte (inline error messages included), or both fail to parse / raise.
A difference is minimised (template pieces, filters, data keys and partials removed while the
engines still disagree the same way) and then checked against the known differences
(known_differences.txt: features newer than 5.4, bignums, invalid UTF-8, each with its reason).
Exit status: 0 when every difference is a known one, 1 otherwise, 2 on a usage error.
"""
import argparse
import collections
import json
import os
import pathlib
import re
import select
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generator import Generator  # noqa: E402

TOKEN = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|[^{]+|\{", re.S)


class Engine:
    """A persistent JSON-lines process; one request, one answer, with a timeout."""

    def __init__(self, name, argv, timeout):
        self.name, self.argv, self.timeout = name, argv, timeout
        self.proc = None
        self.restarts = -1
        self.start()

    def start(self):
        if self.proc:
            self.proc.kill()
            self.proc.wait()
        env = dict(os.environ, TZ="UTC")
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=env)
        self.buffer = bytearray()
        self.restarts += 1

    def send(self, case):
        request = {k: case[k] for k in ("template", "data", "partials", "mode")}
        try:
            self.proc.stdin.write(json.dumps(request, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass

    def receive(self):
        deadline = time.monotonic() + self.timeout
        fd = self.proc.stdout.fileno()
        # An answer can be tens of megabytes: append in place and search only the new bytes.
        scanned = 0
        while (newline := self.buffer.find(b"\n", scanned)) < 0:
            scanned = len(self.buffer)
            left = deadline - time.monotonic()
            ready = select.select([fd], [], [], max(left, 0))[0] if left > 0 else []
            if not ready:
                self.start()
                return {"timeout": True}
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                self.start()
                return {"crash": f"{self.name} exited with status {self.proc.wait()}"}
            self.buffer += chunk
        line = bytes(self.buffer[:newline])
        del self.buffer[:newline + 1]
        try:
            return json.loads(line.decode("utf-8", "replace"))
        except json.JSONDecodeError as e:
            return {"crash": f"{self.name} answered with bad JSON: {e}"}

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def kind(answer):
    if "timeout" in answer:
        return "timeout"
    if "crash" in answer:
        return "crash"
    return "error" if "error" in answer else "output"


def verdict(ruby, ours):
    """'agree', 'skip' (Ruby timed out) or the kind of difference."""
    rk, ok = kind(ruby), kind(ours)
    if rk == "timeout":
        return "skip"
    if ok in ("crash", "timeout"):
        return ok
    if rk == ok == "error":
        return "agree"
    if rk == ok == "output":
        return "agree" if ruby["output"] == ours["output"] else "output"
    return f"{rk}-vs-{ok}"


class KnownDifferences:
    """Blocks of `id:`, `reason:` and `when: FIELD ~ REGEX` lines (all must hold)."""

    FIELDS = ("template", "data", "partials", "ruby", "ours")

    def __init__(self, path):
        self.rules = []
        if not path:
            return
        rule = None
        for number, line in enumerate(pathlib.Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            key, _, value = line.partition(":")
            key, value = key.strip(), value.strip()
            if key == "id":
                rule = {"id": value, "reason": "", "when": []}
                self.rules.append(rule)
            elif rule is None:
                raise SystemExit(f"{path}:{number}: a rule starts with 'id:'")
            elif key == "reason":
                rule["reason"] = (rule["reason"] + " " + value).strip()
            elif key == "when":
                field, _, regex = value.partition("~")
                if field.strip() not in self.FIELDS:
                    raise SystemExit(f"{path}:{number}: unknown field '{field.strip()}'")
                rule["when"].append((field.strip(), re.compile(regex.strip(), re.S)))
            else:
                raise SystemExit(f"{path}:{number}: unknown key '{key}'")
        for rule in self.rules:
            if not rule["when"] or not rule["reason"]:
                raise SystemExit(f"{path}: rule {rule['id']} needs a reason and at least one 'when'")

    def match(self, case, ruby, ours):
        fields = {"template": case["template"], "data": json.dumps(case["data"], ensure_ascii=False),
                  "partials": json.dumps(case["partials"], ensure_ascii=False),
                  "ruby": json.dumps(ruby, ensure_ascii=False), "ours": json.dumps(ours, ensure_ascii=False)}
        for rule in self.rules:
            if all(regex.search(fields[field]) for field, regex in rule["when"]):
                return rule["id"]
        return None


class Differ:
    def __init__(self, ruby, ours):
        self.ruby, self.ours = ruby, ours
        self.evaluations = 0

    def run(self, case):
        self.ruby.send(case)
        self.ours.send(case)
        ruby, ours = self.ruby.receive(), self.ours.receive()
        self.evaluations += 1
        return ruby, ours

    def minimize(self, case, difference, budget=600):
        """Smaller case, same kind of difference: drop template pieces (ddmin), then filters and
        markup words inside the remaining pieces, then data keys and partials."""
        start = self.evaluations

        def still(candidate):
            if self.evaluations - start >= budget:
                return False
            return verdict(*self.run(candidate)) == difference

        case = dict(case)
        tokens = TOKEN.findall(case["template"])
        tokens = ddmin(tokens, lambda ts: still(dict(case, template="".join(ts))))
        tokens = drop_blocks(tokens, lambda ts: still(dict(case, template="".join(ts))))
        case["template"] = "".join(tokens)
        # Inside each tag or output: drop `| filter: args` segments, then words.
        changed = True
        while changed:
            changed = False
            tokens = TOKEN.findall(case["template"])
            for i, token in enumerate(tokens):
                if not token.startswith(("{{", "{%")):
                    continue
                for smaller in shrink_markup(token):
                    candidate = dict(case, template="".join(tokens[:i] + [smaller] + tokens[i + 1:]))
                    if still(candidate):
                        case, changed = candidate, True
                        break
                if changed:
                    break
        case["data"] = shrink_value(case["data"], lambda d: still(dict(case, data=d)))
        for name in sorted(case["partials"]):
            partials = {k: v for k, v in case["partials"].items() if k != name}
            if still(dict(case, partials=partials)):
                case["partials"] = partials
        return case


def ddmin(items, test):
    """Zeller's delta debugging: a 1-minimal sublist of `items` for which `test` holds."""
    n = 2
    while len(items) >= 2:
        chunk = max(len(items) // n, 1)
        subsets = [items[i:i + chunk] for i in range(0, len(items), chunk)]
        reduced = False
        for i in range(len(subsets)):
            complement = [x for j, s in enumerate(subsets) if j != i for x in s]
            if test(complement):
                items, n, reduced = complement, max(n - 1, 2), True
                break
        if not reduced:
            if n >= len(items):
                break
            n = min(n * 2, len(items))
    return items


BLOCK_TAGS = {"if", "unless", "case", "for", "tablerow", "capture", "comment", "raw", "ifchanged", "doc"}
TAG_NAME = re.compile(r"\{%-?\s*(\w+)")


def drop_blocks(tokens, test):
    """Remove whole blocks (`{% if %}...{% endif %}`), or only their opening and closing tags,
    which token-wise deletion cannot do without breaking the nesting."""
    changed = True
    while changed:
        changed = False
        stack = []
        pairs = []
        for i, token in enumerate(tokens):
            m = TAG_NAME.match(token)
            if not m:
                continue
            name = m.group(1)
            if name in BLOCK_TAGS:
                stack.append((name, i))
            elif name.startswith("end") and stack and stack[-1][0] == name[3:]:
                pairs.append((stack.pop()[1], i))
        for begin, end in sorted(pairs, key=lambda p: p[0] - p[1]):
            for candidate in (tokens[:begin] + tokens[end + 1:],
                              tokens[:begin] + tokens[begin + 1:end] + tokens[end + 1:]):
                if test(candidate):
                    tokens, changed = candidate, True
                    break
            if changed:
                break
    return tokens


def shrink_markup(token):
    """Candidates smaller than one `{{ }}` / `{% %}` token, largest cut first."""
    opening, closing = token[:2], token[-2:]
    inner = token[2:-2]
    pipes = [m.start() for m in re.finditer(r"\|", inner)]
    out = []
    for p in pipes:  # drop one filter (up to the next pipe)
        nxt = inner.find("|", p + 1)
        out.append(opening + inner[:p] + (inner[nxt:] if nxt >= 0 else "") + closing)
    words = inner.split(" ")
    for i in range(len(words)):
        if words[i]:
            out.append(opening + " ".join(words[:i] + words[i + 1:]) + closing)
    return [c for c in out if c != token]


def shrink_value(value, test):
    """Remove hash keys and array items (recursively) while `test` holds."""
    if isinstance(value, dict):
        for key in list(value):
            smaller = {k: v for k, v in value.items() if k != key}
            if test(smaller):
                value = smaller
        for key in list(value):
            value = dict(value)
            value[key] = shrink_value(value[key], lambda v, k=key, base=value: test({**base, k: v}))
    elif isinstance(value, list):
        i = 0
        while i < len(value):
            smaller = value[:i] + value[i + 1:]
            if test(smaller):
                value = smaller
            else:
                i += 1
    return value


def describe(case, ruby, ours):
    return (f"  mode:     {case['mode']}\n"
            f"  template: {json.dumps(case['template'], ensure_ascii=False)}\n"
            f"  data:     {json.dumps(case['data'], ensure_ascii=False)}\n"
            + (f"  partials: {json.dumps(case['partials'], ensure_ascii=False)}\n" if case["partials"] else "")
            + f"  ruby:     {json.dumps(ruby, ensure_ascii=False)}\n"
            f"  ours:     {json.dumps(ours, ensure_ascii=False)}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--liquid", required=True, help="the liquid CLI (runs `liquid adapter`)")
    parser.add_argument("--ruby", default=f"ruby {HERE / 'ruby_runner.rb'}", help="reference command")
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", default="1")
    parser.add_argument("--only", type=int, action="append", help="run only this case index (repeatable)")
    parser.add_argument("--known", default=str(HERE / "known_differences.txt"))
    parser.add_argument("--show", type=int, default=10, help="new differences to print in full")
    parser.add_argument("--show-known", type=int, default=0, help="known differences to print per id")
    parser.add_argument("--json-out", help="write every difference (minimised) as JSON")
    parser.add_argument("--no-minimize", action="store_true")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per case and engine")
    args = parser.parse_args()

    known = KnownDifferences(args.known)
    ruby = Engine("ruby", args.ruby.split(), args.timeout)
    ours = Engine("liquidhook", [args.liquid, "adapter"], args.timeout)
    differ = Differ(ruby, ours)
    generator = Generator(args.seed)
    indices = args.only or range(args.cases)
    counts = collections.Counter()
    known_counts = collections.Counter()
    new, shown_known, report = [], collections.Counter(), []
    started = time.monotonic()

    for index in indices:
        case = generator.case(index)
        r, o = differ.run(case)
        v = verdict(r, o)
        counts[v if v in ("agree", "skip") else "differ"] += 1
        if v in ("agree", "skip"):
            continue
        rule = known.match(case, r, o)
        small, sr, so = case, r, o
        if not rule and not args.no_minimize:
            small = differ.minimize(case, v)
            sr, so = differ.run(small)
            rule = known.match(small, sr, so)
        entry = {"index": index, "seed": args.seed, "kind": v, "known": rule, "case": small,
                 "ruby": sr, "ours": so}
        report.append(entry)
        if rule:
            known_counts[rule] += 1
            if shown_known[rule] < args.show_known:
                shown_known[rule] += 1
                print(f"known difference '{rule}' (case {index}, {v}):\n" + describe(small, sr, so))
        else:
            new.append(entry)
            if len(new) <= args.show:
                print(f"NEW DIFFERENCE (case {index}, {v}; reproduce: --seed {args.seed} --only {index}):\n"
                      + describe(small, sr, so))

    ruby.close()
    ours.close()
    total = sum(counts.values())
    print(f"differential: {total} cases (seed {args.seed}) in {time.monotonic() - started:.1f} s: "
          f"{counts['agree']} agree, {counts['differ'] - len(new)} known differences, "
          f"{len(new)} new differences, {counts['skip']} skipped (Ruby timed out)")
    for rule in sorted(known_counts):
        print(f"  known {rule}: {known_counts[rule]}")
    if ruby.restarts or ours.restarts:
        print(f"  engine restarts: ruby {ruby.restarts}, liquidhook {ours.restarts}")
    if args.json_out:
        pathlib.Path(args.json_out).write_text(json.dumps(report, ensure_ascii=False, indent=1))
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
