#!/usr/bin/env bash
# Called by `./book run 06 ARGS` before the program starts: fetches the book's digits on
# first use, unless ARGS point at another folder (--data) or only ask for --help.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
for arg in "$@"; do
  case "$arg" in
    --data|--data=*|-h|--help) exit 0 ;;
  esac
done
[ -d "$ROOT/datasets/digits/train" ] || "$ROOT/datasets/fetch_digits.sh" "$ROOT/datasets/digits"
