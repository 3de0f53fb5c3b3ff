#!/usr/bin/env bash
# Tries the book as a new reader would, on a bare Debian made for the purpose.
#
#   tests/fresh_debian.sh SUITE [COMMAND...]
#
# SUITE is a Debian release name (bookworm = Debian 12, trixie = Debian 13). The script
#   1. makes a bare root with debootstrap (minbase, plus git, ca-certificates and sudo),
#      from the apt mirror this machine's own sources name;
#   2. adds a user, "reader", who may use sudo without a password (as on a reader's laptop:
#      the book installs its packages with sudo);
#   3. binds /proc, /sys and /dev into the root and clones this repository's current
#      commit into /home/reader/book (uncommitted changes are not part of it);
#   4. runs, as the reader, the README's two commands, `./book test` and `./book run 01`,
#      then each extra COMMAND given (for example "./book docs --check"), in that order;
#   5. prints how long each took, the test count, chapter 1's test accuracy and the
#      versions of the main packages, and fails if any command failed or chapter 1's test
#      accuracy is below the README's 0.890.
#
# Needs root (debootstrap, chroot, mount) and the network to the apt mirror. The roots live
# in $FRESH_DEBIAN_DIR (default /var/tmp/book-fresh-debian), one per suite, and are made
# anew on every run: a bare root takes under a minute, and reusing one would hide exactly
# the missing install step this script exists to find. Logs: $FRESH_DEBIAN_DIR/SUITE.log
# (everything) and SUITE.N.log (the N-th command's output).
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
die() { printf 'fresh_debian: %s\n' "$*" >&2; exit 1; }

[ $# -ge 1 ] || { usage >&2; exit 2; }
case "$1" in -h | --help) usage; exit 0 ;; esac
suite=$1
shift
[[ "$suite" =~ ^[a-z]+$ ]] || die "'$suite' is not a Debian release name (try bookworm or trixie)"
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot and mount); try: sudo $0 $suite"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
commit="$(git -C "$repo" rev-parse HEAD 2>/dev/null || true)"
work="${FRESH_DEBIAN_DIR:-/var/tmp/book-fresh-debian}"
root="$work/$suite"
log="$work/$suite.log"
minimum_accuracy=0.890

# The mirror this machine's apt installs its own release from: the URI of the first source
# (deb822 .sources stanza or one-line .list entry) whose suites include this machine's
# codename, read from /etc/os-release.
apt_mirror() {
  local codename files=() file
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] && files+=("$file")
  done
  [ -n "$codename" ] && [ "${#files[@]}" -gt 0 ] || return 0
  awk -v codename="$codename" '
    FNR == 1 { flush() }
    function flush() { if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " codename " ")) print uri; types = uri = suites = "" }
    FILENAME ~ /\.sources$/ {
      if ($0 ~ /^[[:space:]]*$/) { flush(); next }
      if ($1 == "Types:") { $1 = ""; types = $0 }
      if ($1 == "URIs:") uri = $2
      if ($1 == "Suites:") { $1 = ""; suites = $0 }
      next
    }
    $1 == "deb" {
      sub(/\[[^]]*\][[:space:]]*/, "")   # drop [options]
      if ($3 == codename) print $2
    }
    END { flush() }' "${files[@]}" | head -1
}

# Unmounts everything under the root (deepest first) so that it can be removed safely.
unmount_root() {
  local mounts
  mounts="$(findmnt -rn -o TARGET | grep -F "$root/" | sort -r || true)"
  [ -z "$mounts" ] && return 0
  local target
  while IFS= read -r target; do umount -l "$target" 2>/dev/null || true; done <<<"$mounts"
}

# Runs one command as the reader, in the clone, with a login environment; records its time,
# its exit status and its output (in $work/SUITE.N.log, N counting from 1).
declare -a names=() seconds=() statuses=()
as_reader() {
  local command=$1 start status=0 output="$work/$suite.$((${#names[@]} + 1)).log"
  printf '\n==== %s: %s\n' "$suite" "$command" | tee -a "$log"
  start=$(date +%s)
  chroot "$root" runuser -l reader -c "cd ~/book && $command" 2>&1 | tee "$output" | tee -a "$log" || status=$?
  names+=("$command")
  seconds+=($(($(date +%s) - start)))
  statuses+=("$status")
}

mirror="$(apt_mirror)"
[ -n "$mirror" ] || die "found no Debian mirror in /etc/apt/sources.list{,.d/}: this script uses the one the machine's apt uses"
command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; }
[ -e "/usr/share/debootstrap/scripts/$suite" ] || die "debootstrap does not know the suite '$suite' (it knows: $(ls /usr/share/debootstrap/scripts | tr '\n' ' '))"
if [ -z "$commit" ]; then
  echo "fresh_debian: note: $repo is not a git checkout; its files are copied instead (without build/ and runs/)" >&2
elif [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "fresh_debian: note: uncommitted changes are not tried; the root gets commit $commit" >&2
fi

mkdir -p "$work"
: >"$log"
rm -f "$work/$suite".[0-9]*.log
trap unmount_root EXIT
unmount_root
rm -rf --one-file-system "$root"

echo "fresh_debian: making a bare $suite root in $root from $mirror (log: $log)"
start=$(date +%s)
debootstrap --variant=minbase --include=git,ca-certificates,sudo "$suite" "$root" "$mirror" >>"$log" 2>&1 ||
  die "debootstrap failed (the end of $log says why)"
bare_seconds=$(($(date +%s) - start))

cp /etc/resolv.conf "$root/etc/resolv.conf"
# The root shares this machine's host name; a Debian install lists its own in /etc/hosts
# (without it, sudo warns that it cannot resolve the host).
echo "127.0.1.1 $(hostname)" >>"$root/etc/hosts"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
chroot "$root" useradd --create-home --shell /bin/bash reader
echo 'reader ALL=(ALL) NOPASSWD: ALL' >"$root/etc/sudoers.d/reader"
chmod 0440 "$root/etc/sudoers.d/reader"
if [ -n "$commit" ]; then
  git clone --quiet --no-local "$repo" "$root/home/reader/book"
  git -C "$root/home/reader/book" checkout --quiet --detach "$commit"
else
  mkdir "$root/home/reader/book"
  tar -C "$repo" --exclude=./build --exclude='./build-*' --exclude=./runs -cf - . | tar -C "$root/home/reader/book" -xf -
fi
chroot "$root" chown -R reader:reader /home/reader/book

as_reader "./book test"
as_reader "./book run 01"
for extra in "$@"; do as_reader "$extra"; done

# The summary: what ran, how long it took, and what it measured. (dpkg-query fails for a
# package the suite does not have, such as libcatch2-dev in bookworm.)
versions="$(chroot "$root" dpkg-query -W -f='${Package} ${Version}\n' g++ cmake catch2 libcatch2-dev libxtensor-dev \
  libxtensor-blas-dev libopenblas-openmp-dev doxygen 2>/dev/null | awk 'NF == 2' | tr '\n' ';' | sed 's/;$//; s/;/, /g' || true)"
tests="$(grep -oE '[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "$work/$suite.1.log" | tail -1 || true)"
accuracy="$(grep -oE 'test accuracy: [0-9.]+' "$work/$suite.2.log" | tail -1 | awk '{print $3}' || true)"
failed=0
echo
echo "==== fresh $suite root ($(cat "$root/etc/debian_version")), $([ -n "$commit" ] && echo "commit ${commit:0:12}" || echo "a copy of $repo"), $(nproc) cores"
echo "bare root: ${bare_seconds} s (debootstrap)"
for i in "${!names[@]}"; do
  printf '%-28s %5d s  %s\n' "${names[$i]}" "${seconds[$i]}" "$([ "${statuses[$i]}" -eq 0 ] && echo passed || echo "FAILED (exit ${statuses[$i]})")"
  [ "${statuses[$i]}" -eq 0 ] || failed=1
done
echo "tests: ${tests:-no ctest summary found}"
echo "chapter 1 (./book run 01): test accuracy ${accuracy:-not printed}"
echo "packages: $versions"
if [ -z "$accuracy" ] || awk -v a="$accuracy" -v m="$minimum_accuracy" 'BEGIN {exit !(a < m)}'; then
  echo "fresh_debian: chapter 1 should end with a test accuracy of at least $minimum_accuracy" >&2
  failed=1
fi
exit "$failed"
