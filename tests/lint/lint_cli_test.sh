#!/usr/bin/env bash
# End-to-end tests of `liquid-lint`: whole outputs of every format on the seed's original recipes
# (fixtures/), exit codes, config and fixture errors, --fix, colour, inline control.
# usage: lint_cli_test.sh PATH/TO/liquid-lint TESTS_LINT_DIR
# UPDATE_EXPECTED=1 rewrites expected/ from the current outputs (review the diff before committing).
set -u
LINT=$(realpath "$1")
DIR=$(realpath "$2")
FIXTURES=$DIR/fixtures
EXPECTED=$DIR/expected
EXAMPLES=$(realpath "$DIR/../../examples")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
unset NO_COLOR

pass() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }

expect_rc() {  # name want got
  if [[ "$3" == "$2" ]]; then pass "$1"; else fail "$1: exit $3, want $2"; fi
}

expect_file() {  # name expected_file actual_file
  if [[ "${UPDATE_EXPECTED:-}" == 1 ]]; then cp "$3" "$2"; fi
  if diff -u "$2" "$3" > "$TMP/diff"; then pass "$1"; else
    fail "$1: output differs from $2"; sed 's/^/  /' "$TMP/diff" | head -40
  fi
}

expect_grep() {  # name pattern file
  if grep -qE -- "$2" "$3"; then pass "$1"; else fail "$1: no /$2/ in:"; sed 's/^/  /' "$3" | head -20; fi
}

expect_no_grep() {  # name pattern file
  if grep -qE -- "$2" "$3"; then fail "$1: unexpected /$2/ in:"; sed 's/^/  /' "$3" | head -20; else pass "$1"; fi
}

# ---- every format on the seed's originals, compared whole ----------------------------------
for format in text json sarif github; do
  (cd "$FIXTURES" && "$LINT" --format "$format" > "$TMP/out.$format" 2> "$TMP/err.$format"); rc=$?
  expect_rc "fixtures $format: exit 1 (errors)" 1 "$rc"
  expect_file "fixtures $format: whole output" "$EXPECTED/fixtures.$format" "$TMP/out.$format"
  expect_file "fixtures $format: nothing on stderr" /dev/null "$TMP/err.$format"
done
# The SARIF is JSON with the shape GitHub code scanning reads.
python3 - "$TMP/out.sarif" > "$TMP/sarif.check" 2>&1 <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["version"] == "2.1.0" and s["$schema"].endswith("sarif-2.1.0.json")
run = s["runs"][0]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
for r in run["results"]:
    assert r["ruleId"] == rules[r["ruleIndex"]]
    assert r["level"] in ("error", "warning", "note") and r["message"]["text"]
    loc = r["locations"][0]["physicalLocation"]
    assert not loc["artifactLocation"]["uri"].startswith("/")
    assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
print("ok", len(run["results"]))
EOF
expect_grep "fixtures sarif: valid for code scanning" "^ok [0-9]+" "$TMP/sarif.check"

# The acceptance positions, in the text output.
for want in \
  "zendesk_ticket.liquid:5:52: error: .*\[liquid-syntax\]" \
  "zendesk_ticket.liquid:5:75: error: .*\[liquid-syntax\]" \
  "helpscout_conversation.liquid:10:15: error: .*MAILBOX-ID.*\[json-skeleton-invalid\]" \
  "twilio_whatsapp.liquid:2:33: error: 'escape' is HTML escaping.*\[form-unencoded-interpolation\]" \
  "twilio_whatsapp.liquid:2:16: warning: .*'\+'.*\[form-literal-plus\]" \
  "customer_dump.liquid:3:19: error: .*\[ruby-hash-dump\]"; do
  expect_grep "fixtures: $want" "$want" "$TMP/out.text"
done

# ---- exit codes and --fail-level -------------------------------------------------------------
printf '{%% assign unused = 1 %%}{{ a }}' > "$TMP/warn.liquid"
"$LINT" --no-config "$TMP/warn.liquid" > "$TMP/out" 2>&1; rc=$?
expect_rc "warnings only: exit 0" 0 "$rc"
expect_grep "warnings only: reported" "warn.liquid:1:1: warning: 'unused' is assigned but never used \[unused-assign\]" "$TMP/out"
"$LINT" --no-config --fail-level warning "$TMP/warn.liquid" > /dev/null 2>&1; rc=$?
expect_rc "--fail-level warning: exit 1" 1 "$rc"
"$LINT" --no-config --rule unused-assign=off --fail-level warning "$TMP/warn.liquid" > "$TMP/out" 2>&1; rc=$?
expect_rc "--rule off: exit 0" 0 "$rc"
expect_file "--rule off: silent" /dev/null "$TMP/out"
"$LINT" --no-config --rule unused-assign=error "$TMP/warn.liquid" > /dev/null 2>&1; rc=$?
expect_rc "--rule error: exit 1" 1 "$rc"
"$LINT" --no-config --rule unused-asign=off "$TMP/warn.liquid" > /dev/null 2> "$TMP/err"; rc=$?
expect_rc "--rule with an unknown rule: exit 2" 2 "$rc"
expect_grep "--rule unknown: did you mean" "did you mean 'unused-assign'" "$TMP/err"
"$LINT" --no-config --rule unused-assign "$TMP/warn.liquid" > /dev/null 2> "$TMP/err"; rc=$?
expect_rc "--rule without a level: exit 2" 2 "$rc"

# ---- inline control ---------------------------------------------------------------------------
printf '{%% # liquid-lint-disable-next-line unused-assign %%}\n{%% assign unused = 1 %%}' > "$TMP/quiet.liquid"
"$LINT" --no-config --fail-level warning "$TMP/quiet.liquid" > "$TMP/out" 2>&1; rc=$?
expect_rc "disable-next-line: exit 0" 0 "$rc"

# ---- input, config and fixture errors: exit 2, said plainly -----------------------------------
"$LINT" --no-config "$TMP/missing.liquid" > /dev/null 2> "$TMP/err"; rc=$?
expect_rc "missing file: exit 2" 2 "$rc"
expect_grep "missing file: said" "missing.liquid: no such file or directory" "$TMP/err"
echo '{"rules": {"placeholder-text": "loud"}}' > "$TMP/bad.json"
"$LINT" --config "$TMP/bad.json" "$TMP/warn.liquid" > /dev/null 2> "$TMP/err"; rc=$?
expect_rc "bad config: exit 2" 2 "$rc"
expect_grep "bad config: names the setting" "bad.json: rules.placeholder-text: expected" "$TMP/err"
"$LINT" --config "$TMP/nope.json" "$TMP/warn.liquid" > /dev/null 2> "$TMP/err"; rc=$?
expect_rc "missing config: exit 2" 2 "$rc"
printf '{"a": 1}\n{broken\n' > "$TMP/bad.jsonl"
"$LINT" --no-config --fixtures "$TMP/bad.jsonl" "$TMP/warn.liquid" > /dev/null 2> "$TMP/err"; rc=$?
expect_rc "bad fixtures: exit 2" 2 "$rc"
expect_grep "bad fixtures: file and line" "bad.jsonl:2: fixture is not valid JSON" "$TMP/err"
echo '{"customer": 1}' > "$TMP/data.json"
"$LINT" --no-config "$TMP/data.json" > /dev/null 2> "$TMP/err"; rc=$?
expect_rc "not a definition: exit 2" 2 "$rc"
expect_grep "not a definition: said" "not a request definition" "$TMP/err"
"$LINT" --no-config --format yaml "$TMP/warn.liquid" > /dev/null 2>&1; rc=$?
expect_rc "bad format: exit 2" 2 "$rc"
head -c 3000 /dev/urandom > "$TMP/noise.liquid"
"$LINT" --no-config --content-type application/json "$TMP/noise.liquid" > /dev/null 2>&1; rc=$?
if [[ $rc == 0 || $rc == 1 ]]; then pass "binary noise: no crash"; else fail "binary noise: exit $rc"; fi

# ---- help and rules ---------------------------------------------------------------------------
"$LINT" --help > "$TMP/help" 2>&1; rc=$?
expect_rc "--help: exit 0" 0 "$rc"
for opt in --config --no-config --format --fail-level --content-type --fixtures --rule --fix \
           --list-rules --color --output liquid-lint-disable-next-line "Exit status"; do
  expect_grep "--help documents $opt" "$opt" "$TMP/help"
done
"$LINT" --list-rules > "$TMP/rules" 2>&1; rc=$?
expect_rc "--list-rules: exit 0" 0 "$rc"
for rule in liquid-syntax lax-only-construct unknown-filter unknown-tag filter-arity undefined-variable \
            unused-assign json-skeleton-invalid placeholder-text json-unescaped-interpolation \
            ruby-hash-dump form-unencoded-interpolation form-literal-plus content-type-mismatch \
            double-encoding header-injection credentials-in-template rendered-json-invalid \
            rendered-form-invalid rendered-xml-invalid nil-in-output injection resource-limit; do
  expect_grep "--list-rules: $rule" "^$rule +(error|warning|note) +[A-Za-z]" "$TMP/rules"
done

# ---- colour: only on a terminal, NO_COLOR respected -------------------------------------------
"$LINT" --no-config "$TMP/warn.liquid" > "$TMP/out" 2>&1
expect_no_grep "no colour in a pipe" $'\033' "$TMP/out"
"$LINT" --no-config --color always "$TMP/warn.liquid" > "$TMP/out" 2>&1
expect_grep "--color always" $'\033\\[1;35mwarning' "$TMP/out"
script -qec "$LINT --no-config $TMP/warn.liquid" /dev/null > "$TMP/tty" 2>&1
expect_grep "colour on a terminal" $'\033\\[1;35mwarning' "$TMP/tty"
NO_COLOR=1 script -qec "$LINT --no-config $TMP/warn.liquid" /dev/null > "$TMP/tty" 2>&1
expect_no_grep "NO_COLOR on a terminal" $'\033' "$TMP/tty"

# ---- -o writes the report to a file ------------------------------------------------------------
(cd "$FIXTURES" && "$LINT" --format sarif -o "$TMP/report.sarif" > "$TMP/out" 2>&1)
expect_file "-o: stdout empty" /dev/null "$TMP/out"
expect_file "-o: the report" "$EXPECTED/fixtures.sarif" "$TMP/report.sarif"

# ---- --fix: safe fixes applied and reported, then linted again ---------------------------------
cp -r "$FIXTURES" "$TMP/fix"
(cd "$TMP/fix" && "$LINT" --fix > "$TMP/fixed" 2>&1)
expect_grep "--fix: escape -> url_encode" \
  "twilio_whatsapp.liquid:2:33: fixed: \| escape -> \| url_encode \[form-unencoded-interpolation\]" "$TMP/fixed"
expect_grep "--fix: quoted output -> | json" \
  'simple_json.liquid:2:11: fixed: "\{\{customer.id\}\}" -> \{\{ customer.id \| json \}\} \[json-unescaped-interpolation\]' "$TMP/fixed"
expect_grep "--fix: twilio body changed" '^&To=whatsapp%3A\{\{customer.phone\|url_encode\}\}$' "$TMP/fix/twilio_whatsapp.liquid"
expect_grep "--fix: simple body changed" '"id":\{\{ customer.id \| json \}\},' "$TMP/fix/simple_json.liquid"
# Findings with a safe fix are all fixed: the report that follows offers none.
expect_no_grep "--fix: no fix left on offer" "fix available" "$TMP/fixed"
(cd "$TMP/fix" && "$LINT" --fix > "$TMP/fixed2" 2>&1)
expect_no_grep "--fix: nothing left to fix" ": fixed: " "$TMP/fixed2"

# ---- the corrected examples lint clean --------------------------------------------------------
(cd "$EXAMPLES/.." && "$LINT" --config examples/.liquid-lint.json --fail-level warning examples > "$TMP/out" 2>&1); rc=$?
expect_rc "examples: clean (exit 0)" 0 "$rc"
expect_file "examples: no findings" /dev/null "$TMP/out"

echo "$failures failure(s)"
[[ $failures == 0 ]]
