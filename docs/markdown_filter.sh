#!/usr/bin/env bash
# Doxygen input filter for a chapter's README.md (chapters/NN_name/README.md), so that the
# same file reads well on a code host and in the generated book:
#  - the first heading gets the page label chNN, and previous/next links follow it and end
#    the page;
#  - a line "<!-- snippet FILE TAG -->" followed by a fenced code block becomes
#    "\snippet FILE TAG": the site quotes the real source, which cannot drift, while the
#    plain README keeps its copy for readers without the site;
#  - the top README's first heading gets the label mainpage (every file is called
#    README.md, so Doxygen cannot be told the main page by name), and its links to the
#    chapter texts, "](chapters/NN_name/README.md)", become "](@ref chNN)";
#  - "](images/" becomes "](" because Doxygen finds images by name in IMAGE_PATH.
set -euo pipefail
file=$1
if [ "$(basename "$(dirname "$(realpath "$file")")")" = "$(basename "$(realpath "$(dirname "$0")/..")")" ]; then
  # The top README: the book's main page.
  # Its links to chapter texts become references to their labels, which every Doxygen
  # resolves (1.9.8 cannot resolve a link to a README.md file by its path).
  awk '!done && /^# / { print $0 " {#mainpage}"; done = 1; next }
       { print chapter_links_as_refs($0) }
       function chapter_links_as_refs(line,   out, start) {
         out = ""
         while (match(line, /\]\(chapters\/[0-9][0-9]_[^)\/]*\/README\.md\)/)) {
           start = substr(line, RSTART + 11, 2)
           out = out substr(line, 1, RSTART - 1) "](@ref ch" start ")"
           line = substr(line, RSTART + RLENGTH)
         }
         return out line
       }' "$file"
  exit 0
fi
number=$(basename "$(dirname "$file")" | cut -c1-2)
chapters_dir=$(dirname "$(dirname "$file")")
# Only chapters with a text yet: a chapter folder whose README is still to come gets no link.
mapfile -t numbers < <(ls "$chapters_dir"/[0-9][0-9]_*/README.md | xargs -n1 dirname | xargs -n1 basename | cut -c1-2)
previous="" next=""
for i in "${!numbers[@]}"; do
  if [ "${numbers[$i]}" = "$number" ]; then
    [ "$i" -gt 0 ] && previous=${numbers[$((i - 1))]}
    [ "$((i + 1))" -lt "${#numbers[@]}" ] && next=${numbers[$((i + 1))]}
  fi
done
navigation="<div class=\"chapter-nav\">"
[ -n "$previous" ] && navigation+="&larr; @ref ch$previous \"Chapter $((10#$previous))\" &nbsp;|&nbsp; "
navigation+="@ref index \"Contents\""
[ -n "$next" ] && navigation+=" &nbsp;|&nbsp; @ref ch$next \"Chapter $((10#$next))\" &rarr;"
navigation+="</div>"

awk -v label="ch$number" -v nav="$navigation" '
  BEGIN { titled = 0; skipping = 0; pending = "" }
  skipping == 1 { if ($0 ~ /^```/ && seen_open) { skipping = 0; seen_open = 0; next } if ($0 ~ /^```/) { seen_open = 1 } next }
  /^<!-- snippet [^ ]+ [^ ]+ -->$/ { print "\\snippet{lineno} " $3 " " $4; skipping = 1; seen_open = 0; next }
  !titled && /^# / { print $0 " {#" label "}"; print ""; print nav; titled = 1; next }
  { gsub(/\]\(images\//, "]("); print }
  END { print ""; print nav }
' "$file"
