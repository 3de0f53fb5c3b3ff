#!/usr/bin/env bash
# The numbers check must be able to fail: on a small made-up chapter, check_numbers passes a
# correct text and fails, naming the line, on each kind of drift it exists to catch.
#   check_numbers_catches.sh CHECK_NUMBERS_PROGRAM
set -euo pipefail
program=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
chapter="$root/chapters/01_made_up"
mkdir -p "$chapter/results"
cat >"$chapter/results/main.json" <<'JSON'
{"test_accuracy": 0.91234, "rows": [{"lr": 0.1, "acc": 0.5}, {"lr": 0.3, "acc": 0.75}],
 "run": {"command": "./book run 01", "date": "2026-12-03", "commit": "abc1234", "machine": "2 cores"}}
JSON
good='Test accuracy 0.9123<!-- from results/main.json: test_accuracy -->.

<!-- table from results/main.json: rows: lr, acc -->
| lr | acc |
|---|---|
| 0.1 | 0.50 |
| 0.3 | 0.75 |
'
failures=0
expect() {  # expect pass|fail TEXT WHAT [MESSAGE]: run the check on TEXT
  printf '%s' "$2" >"$chapter/README.md"
  local output status=0
  output=$("$program" "$root" 2>&1) || status=$?
  if [ "$1" = pass ] && [ "$status" -ne 0 ]; then echo "FAILED: $3 should pass, but: $output"; failures=1; fi
  if [ "$1" = fail ] && { [ "$status" -eq 0 ] || ! grep -qF "$4" <<<"$output"; }; then
    echo "FAILED: $3 should fail with '$4', but (exit $status): $output"; failures=1
  fi
}
expect pass "$good" "the correct text"
expect fail "${good/0.9123/0.9124}" "a marked number that differs" "the text says 0.9124"
expect fail "${good/| 0.3 | 0.75 |/| 0.3 | 0.76 |}" "a table cell that differs" "the text says 0.76"
expect fail "$good
| a | b |
|---|---|
| x | 0.93 |
" "a table of decimals without a marker" "a table shows 0.93 without saying where it comes from"
expect pass "$good
<!-- unchecked table: worked out by hand -->
| a | b |
|---|---|
| x | 0.93 |
" "a table that says why it is not checked"
expect pass "$good
| exercise | file |
|---|---|
| 1.2 | a.cpp |
" "an exercise table (its numbers are no measurements)"
[ "$failures" -eq 0 ] && echo "check_numbers caught every planted drift and passed the correct texts"
exit "$failures"
