#!/usr/bin/env bash
# End-to-end tests of the `liquid` command: output, exit codes and error positions.
# usage: liquid_cli_test.sh PATH/TO/liquid DATA_DIR
set -u
LIQUID=$1
DIR=$2/data
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

check() {  # name expected_rc expected_stdout_file_or_string actual_rc actual_stdout
  local name=$1 want_rc=$2 want_out=$3 got_rc=$4 got_out=$5
  if [[ "$got_rc" != "$want_rc" || "$got_out" != "$want_out" ]]; then
    echo "FAIL $name: rc=$got_rc (want $want_rc)"
    echo "  got:  $(printf '%q' "$got_out")"
    echo "  want: $(printf '%q' "$want_out")"
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}

expect_stderr() {  # name pattern file
  if ! grep -qE -- "$2" "$3"; then
    echo "FAIL $1: stderr lacks /$2/:"; sed 's/^/  /' "$3"; failures=$((failures + 1))
  else
    echo "ok   $1"
  fi
}

out=$("$LIQUID" render "$DIR/hello.liquid" --data "$DIR/customer.json" 2>"$TMP/err"); rc=$?
check "render with data" 0 "Hello, ADA (ada@example.com)!" "$rc" "$out"

out=$(echo '{"customer":{"first_name":"bo","email":"b@x"}}' | "$LIQUID" render "$DIR/hello.liquid" --data - 2>"$TMP/err"); rc=$?
check "data from stdin" 0 "Hello, BO (b@x)!" "$rc" "$out"

out=$("$LIQUID" render "$DIR/hello.liquid" --data-lines "$DIR/customers.jsonl" 2>"$TMP/err"); rc=$?
check "data lines" 0 $'"Hello, ADA (ada@example.com)!"\n"Hello, GRACE (grace@example.com)!"' "$rc" "$out"

out=$("$LIQUID" render "$DIR/broken.liquid" 2>"$TMP/err"); rc=$?
check "syntax error exits 1" 1 "" "$rc" "$out"
expect_stderr "syntax error position" "broken.liquid:3:1: error: 'if' tag was never closed \[unclosed-block\]" "$TMP/err"
expect_stderr "every syntax error is reported" "broken.liquid:2:1: error: Unexpected outer .endfor. tag \[unexpected-tag\]" "$TMP/err"

out=$("$LIQUID" render "$DIR/zerodiv.liquid" 2>"$TMP/err"); rc=$?
check "render error exits 1" 1 "" "$rc" "$out"
expect_stderr "render error position" "zerodiv.liquid:1:10: error: divided by 0 \[zero-division\]" "$TMP/err"

out=$("$LIQUID" render "$DIR/zerodiv.liquid" --inline-errors 2>"$TMP/err"); rc=$?
check "inline errors" 1 "a Liquid error (line 1): divided by 0 b" "$rc" "$out"

out=$("$LIQUID" render "$DIR/undefined.liquid" --strict-variables 2>"$TMP/err"); rc=$?
check "strict variables" 1 "" "$rc" "$out"
expect_stderr "strict variables id" "\[undefined-variable\]" "$TMP/err"

out=$("$LIQUID" render "$DIR/include.liquid" --partials "$DIR/partials" 2>"$TMP/err"); rc=$?
check "partials directory" 0 "[card: x]" "$rc" "$out"

out=$("$LIQUID" render "$DIR/missing_partial.liquid" --partials "$DIR/partials" 2>"$TMP/err"); rc=$?
check "missing partial" 1 "" "$rc" "$out"
expect_stderr "missing partial message" "Could not find asset nope \[missing-partial\]" "$TMP/err"

out=$("$LIQUID" render "$DIR/lax_only.liquid" --mode strict 2>"$TMP/err"); rc=$?
check "strict mode rejects" 1 "" "$rc" "$out"
out=$("$LIQUID" render "$DIR/lax_only.liquid" 2>"$TMP/err"); rc=$?
check "lax mode tolerates" 0 "" "$rc" "$out"

out=$("$LIQUID" render "$DIR/no_such_file.liquid" 2>"$TMP/err"); rc=$?
check "unreadable template exits 2" 2 "" "$rc" "$out"

out=$("$LIQUID" render "$DIR/hello.liquid" --mode nonsense 2>"$TMP/err"); rc=$?
check "bad option exits 2" 2 "" "$rc" "$out"

"$LIQUID" --help >"$TMP/help" 2>&1; rc=$?
check "help exits 0" 0 "" "$rc" ""
"$LIQUID" render --help >"$TMP/help" 2>&1
expect_stderr "help documents --data-lines" "--data-lines" "$TMP/help"

out=$(printf '%s\n' '{"name":"t","template":"{{ x | plus: 1 }}","data":{"x":41},"partials":{},"mode":"lax"}' | "$LIQUID" adapter); rc=$?
check "adapter protocol" 0 '{"output":"42"}' "$rc" "$out"

out=$("$LIQUID" render "$DIR/helpscout_seed.liquid" --content-type application/json 2>"$TMP/err"); rc=$?
check "invalid JSON body exits 1" 1 "$(cat "$DIR/helpscout_seed.liquid" | sed 's/{{customer.email}}//')" "$rc" "$out"
expect_stderr "JSON problem at its template line" "helpscout_seed.liquid:7:15: error: invalid JSON value 'MAILBOX-ID'.*\[rendered-json-invalid\] \(output 7:15\)" "$TMP/err"

out=$("$LIQUID" render "$DIR/escape.liquid" --data "$DIR/quote.json" --content-type application/json 2>"$TMP/err"); rc=$?
check "unescaped quote breaks JSON" 1 '{"note": "a"b@x.com", "n": a"b@x.com}' "$rc" "$out"
expect_stderr "broken JSON mapped to the output tag" "escape.liquid:1:14: error: .*\[rendered-json-invalid\]" "$TMP/err"

out=$("$LIQUID" render "$DIR/escape.liquid" --data "$DIR/quote.json" --escape json --content-type application/json 2>"$TMP/err"); rc=$?
check "--escape json keeps JSON valid" 0 '{"note": "a\"b@x.com", "n": "a\"b@x.com"}' "$rc" "$out"

out=$(echo '{"v":"a b&c"}' | "$LIQUID" render <(printf 'x={{ v }}') --data - --escape form --content-type x-www-form-urlencoded 2>"$TMP/err"); rc=$?
check "--escape form" 0 "x=a+b%26c" "$rc" "$out"

out=$("$LIQUID" render "$DIR/hello.liquid" --data "$DIR/customer.json" --content-type application/pdf 2>"$TMP/err"); rc=$?
check "unknown content type is not validated" 0 "Hello, ADA (ada@example.com)!" "$rc" "$out"
expect_stderr "unknown content type noted" "is not validated" "$TMP/err"

out=$("$LIQUID" render <(printf "{{ 0 | date: '%%F %%H:%%M %%Z' }}") --timezone America/New_York 2>"$TMP/err"); rc=$?
check "--timezone" 0 "1969-12-31 19:00 EST" "$rc" "$out"

if ((failures)); then echo "$failures failure(s)"; exit 1; fi
echo "all CLI tests passed"
