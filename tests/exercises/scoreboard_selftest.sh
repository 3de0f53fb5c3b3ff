#!/usr/bin/env bash
# The scoreboard on five planted outcomes (scoreboard_selftest.cpp): each must be reported
# as such, the crash and the endless loop must not stop the others, and the exit status must
# say that not every exercise passed.
set -uo pipefail
binary=$1
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
start=$(date +%s)
output=$(BOOK_CHECK_TIMEOUT=2 BOOK_CHECK_CHAPTER=09 "$here/scoreboard.sh" "$binary" 2>&1)
status=$?
echo "$output"
failed=0
expect() {
  if ! grep -qF -- "$1" <<<"$output"; then echo "MISSING: $1"; failed=1; fi
}
expect "passed           Exercise 9.1: an answer that passes"
expect "not yet written  Exercise 9.2: an answer not written yet  (see tests/exercises/scoreboard_selftest.cpp, section 'none')"
expect "crashed          Exercise 9.3: an answer that writes through a null pointer  (segmentation fault"
expect "run ./book check 09 --debug 9.3 to stop in the debugger"
expect "too slow         Exercise 9.4: an answer that never ends  (took longer than 2 s — an endless loop?)"
expect "wrong            Exercise 9.5: an answer that forgot to divide by the batch size"
expect "your answer is 64 times the expected one everywhere"
expect "1/5 passed, 1 not yet written, 1 wrong, 2 crashed or too slow"
[ "$status" -ne 0 ] || { echo "MISSING: a non-zero exit status"; failed=1; }
elapsed=$(($(date +%s) - start))
[ "$elapsed" -lt 30 ] || { echo "TOO SLOW: the scoreboard took $elapsed s"; failed=1; }
exit "$failed"
