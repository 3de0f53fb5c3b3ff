#!/usr/bin/env bash
# Runs each exercise test of one chapter on its own and prints a scoreboard:
#   passed / not yet written / wrong (with the failure message: what was expected).
#
#   scoreboard.sh BINARY                     exit 0 only if every exercise passes
#   scoreboard.sh BINARY --expect-unwritten  exit 0 only if every exercise reports
#                                            "not written yet" (the untouched stubs)
set -uo pipefail
binary=$1
mode=${2:-}

# The exercise names, one per line: Catch2 2 lists them with --list-test-names-only (its exit
# status is the number of tests), Catch2 3, which calls that flag an unrecognised token, with
# --list-tests --verbosity quiet.
list_names() {
  local listed
  listed=$("$binary" --list-test-names-only 2>&1)
  if grep -q "Unrecognised token" <<<"$listed"; then "$binary" --list-tests --verbosity quiet; else echo "$listed"; fi
}
mapfile -t names < <(list_names | sed '/^[[:space:]]*$/d')
if [ "${#names[@]}" -eq 0 ]; then
  echo "error: $binary lists no exercise tests" >&2
  exit 2
fi

if [ -t 1 ]; then green=$'\033[32m' yellow=$'\033[33m' red=$'\033[31m' plain=$'\033[0m'
else green='' yellow='' red='' plain=''; fi

# Each name is passed to the test program as a Catch test spec, where , [ ] * ~ \ and "
# have meanings: exercise test names must avoid them.
for name in "${names[@]}"; do
  if [[ "$name" == *[],[*~\\\"]* ]]; then
    echo "error: exercise test name '$name' contains one of , [ ] * ~ \\ \" which Catch reads as a test spec" >&2
    exit 2
  fi
done

passed=0 unwritten=0 wrong=0
for name in "${names[@]}"; do
  output=$("$binary" "$name" --reporter compact 2>&1)
  status=$?
  if [ "$status" -eq 0 ]; then
    printf '  %spassed%s           %s\n' "$green" "$plain" "$name"
    passed=$((passed + 1))
  elif grep -q "is not written yet" <<<"$output"; then
    # Catch quotes the message and may append "; expression was: ..." after it: drop both.
    hint=$(grep -o "see .*" <<<"$output" | head -1 | sed -E "s/'(; expression was: .*)?\$//")
    printf '  %snot yet written%s  %s  (%s)\n' "$yellow" "$plain" "$name" "$hint"
    unwritten=$((unwritten + 1))
  else
    printf '  %swrong%s            %s\n' "$red" "$plain" "$name"
    grep -E "failed|FAILED|error" <<<"$output" | grep -v -E "^(Failed [0-9]* test|test cases:|assertions:)" | head -3 | sed -E "s/^.*: failed: //; s/^.*with [0-9]+ messages?: '//; s/'\$//; s/^/      /"
    wrong=$((wrong + 1))
  fi
done
total=${#names[@]}
echo "  ${passed}/${total} passed, ${unwritten} not yet written, ${wrong} wrong"

if [ "$mode" = "--expect-unwritten" ]; then
  [ "$unwritten" -eq "$total" ]
else
  [ "$passed" -eq "$total" ]
fi
