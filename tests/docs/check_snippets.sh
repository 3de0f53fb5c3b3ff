#!/usr/bin/env bash
# Every code block that a chapter README marks with "<!-- snippet FILE TAG -->" must equal
# the region of FILE between the two "//! [TAG]" lines (indentation aside). The docs site
# quotes the real file; this check keeps the README's copy from drifting. It also fails on
# text that touches a code fence (no blank line between), which Doxygen glues to the code.
set -euo pipefail
root=$1
status=0 checked=0
dedent() { awk '{ lines[NR] = $0; if ($0 ~ /[^ ]/) { match($0, /^ */); if (min == "" || RLENGTH < min) min = RLENGTH } }
                END { for (i = 1; i <= NR; i++) print substr(lines[i], min + 1) }'; }
for readme in "$root"/chapters/*/README.md; do
  while IFS= read -r marker; do
    line=${marker%%:*}
    read -r file tag <<<"$(sed -E 's/^[0-9]+:<!-- snippet ([^ ]+) ([^ ]+) -->$/\1 \2/' <<<"$marker")"
    copy=$(awk -v start="$line" 'NR > start + 1 && /^```/ { exit } NR > start + 1 { print }' "$readme" | dedent)
    if [ ! -f "$root/$file" ]; then
      echo "$readme:$line: snippet source $file does not exist"; status=1; continue
    fi
    original=$(awk -v tag="//! [$tag]" 'index($0, tag) { inside = !inside; next } inside { print }' "$root/$file" | dedent)
    # Braces and parentheses outside string and character literals must balance, or the
    # quoted code stops in the middle (an end marker above its function's closing brace).
    unbalanced=$(sed -E "s/\"([^\"\\\\]|\\\\.)*\"//g; s/'([^'\\\\]|\\\\.)'//g; s://.*\$::" <<<"$original" |
      awk '{ n = split($0, c, ""); for (i = 1; i <= n; i++) { if (c[i] == "{") b++; if (c[i] == "}") b--; if (c[i] == "(") p++; if (c[i] == ")") p-- } }
           END { if (b != 0) printf "%d more { than }", b; else if (p != 0) printf "%d more ( than )", p }')
    if [ -z "$original" ]; then
      echo "$readme:$line: no region '//! [$tag]' in $file"; status=1
    elif [ -n "$unbalanced" ]; then
      echo "$readme:$line: the region [$tag] of $file is cut in the middle: it has $unbalanced (is its end marker above a closing brace?)"; status=1
    elif [ "$copy" != "$original" ]; then
      echo "$readme:$line: the copy of $file [$tag] differs from the source:"
      diff <(echo "$original") <(echo "$copy") | head -10
      status=1
    fi
    checked=$((checked + 1))
  done < <(grep -n '^<!-- snippet [^ ]* [^ ]* -->$' "$readme" || true)
  # A code fence needs a blank line (or a snippet marker) above its opening line and below
  # its closing one: Doxygen glues a sentence that touches a fence to the code.
  glued=$(awk '/^```/ { if (!fenced && prev != "" && prev !~ /^<!-- snippet /) print NR ": text right above a code fence: " prev
                         fenced = !fenced; closed = !fenced; prev = $0; next }
               closed && $0 != "" { print NR ": text right below a code fence: " $0 }
               { closed = 0; prev = $0 }' "$readme")
  if [ -n "$glued" ]; then
    sed "s|^|$readme:|" <<<"$glued"
    status=1
  fi
done
echo "$checked snippet copies checked"
[ "$checked" -gt 0 ] && exit "$status"
echo "no snippet markers found: nothing was checked" >&2
exit 1
