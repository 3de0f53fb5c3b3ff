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
#  - "](images/" becomes "](" because Doxygen finds images by name in IMAGE_PATH;
#  - in a chapter text, the marks that tie a number or a table to its results file
#    ("<!-- from results/... -->", a line "<!-- table from results/... -->" or
#    "<!-- unchecked table: why -->", read by tests/docs/check_numbers.cpp) are dropped outside code: Doxygen would also drop the
#    space after a comment and glue the words. (The top README shows a mark in inline code.)
#  - every page ends with docs/page_probe.html, a small script that measures the rendered
#    page for `./book docs --check`: the height of its content (for a full-page screenshot),
#    the images that overflow the text column or failed to load, literal backticks outside
#    code, and sidebar titles cut off.
set -euo pipefail
file=$1
page_probe="$(cat "$(dirname "$0")/page_probe.html")"
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
  printf '\n%s\n' "$page_probe"
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

awk -v label="ch$number" -v chapter="$((10#$number))" -v nav="$navigation" '
  BEGIN { titled = 0; skipping = 0; pending = "" }
  skipping == 1 { if ($0 ~ /^```/ && seen_open) { skipping = 0; seen_open = 0; next } if ($0 ~ /^```/) { seen_open = 1 } next }
  /^<!-- snippet [^ ]+ [^ ]+ -->$/ { print "\\snippet{lineno} " $3 " " $4; skipping = 1; seen_open = 0; next }
  !titled && /^# / { print $0 " {#" label "}"; print ""; print nav; titled = 1; next }
  /^```/ { fenced = !fenced }
  !fenced && /^<!-- (table from|unchecked table:) [^>]* -->$/ { next }
  !fenced { gsub(/<!-- from [^>]* -->/, "") }
  # Every section gets a label, chNN-its-title, so that the exercise table can link to it.
  !fenced && /^##+ / {
    title = $0; sub(/^#+ +/, "", title)
    section = section_label(title)
    labels[title] = section
    short = title; if (sub(/:.*$/, "", short)) labels[short] = section
    print $0 " {#" section "}"; next
  }
  # An exercise row: | N.M | file | what | explained in |. The last cell becomes a link.
  !fenced && $0 ~ ("^\\| " chapter "\\.[0-9]+ \\|") {
    n = split($0, cells, "|"); where = cells[n - 1]; gsub(/^ +| +$/, "", where)
    if (where in labels) { cells[n - 1] = " @ref " labels[where] " \"" where "\" "; line = cells[1]; for (i = 2; i <= n; i++) line = line "|" cells[i]; print line; next }
    printf "%s: exercise%s: its \"explained in\" cell names no section above it: %s\n", FILENAME, cells[2], where > "/dev/stderr"
  }
  { gsub(/\]\(images\//, "]("); print }
  function section_label(title,   slug) {
    slug = tolower(title); gsub(/[^a-z0-9]+/, "-", slug); gsub(/^-|-$/, "", slug)
    slug = label "-" slug
    if (slug in used) { used[slug]++; slug = slug "-" used[slug] } else used[slug] = 1
    return slug
  }
  END { print ""; print nav }
' "$file"
printf '\n%s\n' "$page_probe"
