#!/usr/bin/env bash
# Runs each exercise test of one chapter on its own, as its own process under a time limit,
# and prints a scoreboard: passed / not yet written / wrong (with what was expected) /
# crashed / too slow. One exercise that crashes or loops for ever does not stop the others.
#
#   scoreboard.sh BINARY                     exit 0 only if every exercise passes
#   scoreboard.sh BINARY --expect-unwritten  exit 0 only if every exercise reports
#                                            "not written yet" (the untouched stubs)
#   scoreboard.sh BINARY --list              the exercise names, one per line
#
# Environment: BOOK_CHECK_TIMEOUT (seconds per exercise, default 5); BOOK_CHECK_CHAPTER
# (the chapter number, for the "./book check NN --debug N.M" advice).
set -uo pipefail
binary=$1
mode=${2:-}
limit=${BOOK_CHECK_TIMEOUT:-5}
chapter=${BOOK_CHECK_CHAPTER:-NN}

# The exercise names, one per line: Catch2 2 lists them with --list-test-names-only (its exit
# status is the number of tests), Catch2 3, which calls that flag an unrecognised token, with
# --list-tests --verbosity quiet.
list_names() {
  local listed
  listed=$("$binary" --list-test-names-only 2>&1)
  if grep -q "Unrecognised token" <<<"$listed"; then "$binary" --list-tests --verbosity quiet; else echo "$listed"; fi
}
mapfile -t names < <(list_names | sed '/^[[:space:]]*$/d')
if [ "$mode" = "--list" ]; then
  printf '%s\n' "${names[@]}"
  exit 0
fi
if [ "${#names[@]}" -eq 0 ]; then
  echo "error: $binary lists no exercise tests" >&2
  exit 2
fi

if [ -t 1 ]; then green=$'\033[32m' yellow=$'\033[33m' red=$'\033[31m' plain=$'\033[0m' clear_line=$'\r\033[K'
else green='' yellow='' red='' plain='' clear_line=''; fi

# Each name is passed to the test program as a Catch test spec, where , [ ] * ~ \ and "
# have meanings: exercise test names must avoid them.
for name in "${names[@]}"; do
  if [[ "$name" == *[],[*~\\\"]* ]]; then
    echo "error: exercise test name '$name' contains one of , [ ] * ~ \\ \" which Catch reads as a test spec" >&2
    exit 2
  fi
done

# A reader's words for a signal that killed an answer.
signal_words() {
  case "$1" in
    SEGV) echo "segmentation fault: a bad pointer or an index out of range" ;;
    FPE) echo "arithmetic error: an integer division by zero?" ;;
    ABRT) echo "aborted: a failed assertion or an uncaught exception?" ;;
    BUS) echo "bus error" ;;
    ILL) echo "illegal instruction" ;;
    *) echo "signal $1" ;;
  esac
}

# Where the chapter text explains exercise N.M: the "explained in" column of its exercise
# table in chapters/NN_*/README.md (nothing when there is no such row).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
explained_in() {
  local readme section
  readme=$(ls "$here"/../../chapters/"$chapter"_*/README.md 2>/dev/null | head -1)
  [ -n "$readme" ] || return 0
  section=$(grep -E "^\| $1 \|" "$readme" | head -1 | awk -F'|' '{ gsub(/^ +| +$/, "", $(NF-1)); print $(NF-1) }')
  [ -n "$section" ] && echo "explained in chapters/$(basename "$(dirname "$readme")")/README.md, section '$section'"
}

passed=0 unwritten=0 wrong=0 broken=0
for name in "${names[@]}"; do
  number=$(sed -E 's/^Exercise ([0-9]+\.[0-9]+):.*/\1/' <<<"$name")
  [ -t 1 ] && printf 'running %s …' "$name"
  output=$(timeout --kill-after=2 "$limit" "$binary" "$name" --reporter compact 2>&1)
  status=$?
  printf '%s' "$clear_line"
  # Catch reports a fatal signal ("SIGSEGV - Segmentation violation signal"), then the
  # process dies of it (status 128 + signal).
  # Under AddressSanitizer it is "AddressSanitizer: SEGV on unknown address".
  caught_signal=$(grep -oE '(SIG|Sanitizer: )(SEGV|FPE|ABRT|BUS|ILL)' <<<"$output" | head -1 | sed -E 's/^(SIG|Sanitizer: )//')
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    printf '  %stoo slow%s         %s  (took longer than %s s — an endless loop?)\n' "$red" "$plain" "$name" "$limit"
    broken=$((broken + 1))
  elif [ -n "$caught_signal" ] || [ "$status" -gt 128 ]; then
    [ -z "$caught_signal" ] && caught_signal=$(kill -l "$((status - 128))" 2>/dev/null || echo "$((status - 128))")
    printf '  %scrashed%s          %s  (%s) — run ./book check %s --debug %s to stop in the debugger where it happens\n' \
      "$red" "$plain" "$name" "$(signal_words "$caught_signal")" "$chapter" "$number"
    broken=$((broken + 1))
  elif [ "$status" -eq 0 ]; then
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
    where=$(explained_in "$number")
    [ -n "$where" ] && echo "      $where"
    wrong=$((wrong + 1))
  fi
done
total=${#names[@]}
echo "  ${passed}/${total} passed, ${unwritten} not yet written, ${wrong} wrong$([ "$broken" -gt 0 ] && echo ", $broken crashed or too slow")"

if [ "$mode" = "--expect-unwritten" ]; then
  [ "$unwritten" -eq "$total" ]
else
  [ "$passed" -eq "$total" ]
fi
