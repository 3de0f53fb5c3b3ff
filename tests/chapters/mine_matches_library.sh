#!/usr/bin/env bash
# `./book run 02 --mine` with the reference answers in place of the reader's must train the
# same network as the library: same seed, same steps, so the same losses and test accuracy
# up to float-vs-double rounding (the answers compute in double, the library in float).
# Also with --conv naive, where exercise 2.5 computes the forward pass.
#   mine_matches_library.sh LIBRARY_PROGRAM MINE_REFERENCE_PROGRAM
set -uo pipefail
library=$1 mine=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One thread: ctest runs another test program beside this one (see TEST_THREADS in ./book).
flags=(--train-size 600 --val-size 500 --epochs 2 --batch-size 50 --threads 1)
failed=0

# The last epoch's training loss (history.csv's third column) and the test accuracy.
outcome() { echo "$(tail -1 "$1/history.csv" | cut -d, -f3) $(grep -o '"test_accuracy": [0-9.]*' "$1/results.json" | cut -d' ' -f2)"; }

# The library's own run (im2col + GEMM in float) is the reference for both of the answers'
# forward passes: its float naive loops sum in another order, and on some compilers (GCC 14)
# drift further from the double-precision answers than its GEMM does.
"$library" "${flags[@]}" --out "$work/library" >"$work/library.log" 2>&1 || { cat "$work/library.log"; exit 1; }
read -r library_loss library_accuracy <<<"$(outcome "$work/library")"
for conv in gemm naive; do
  "$mine" "${flags[@]}" --conv "$conv" --mine --out "$work/mine-$conv" >"$work/mine-$conv.log" 2>&1 || { cat "$work/mine-$conv.log"; exit 1; }
  read -r mine_loss mine_accuracy <<<"$(outcome "$work/mine-$conv")"
  echo "library: train loss $library_loss, test accuracy $library_accuracy; reference answers with --conv $conv: $mine_loss, $mine_accuracy"
  if ! awk -v a="$library_loss" -v b="$mine_loss" -v c="$library_accuracy" -v d="$mine_accuracy" \
      'BEGIN { exit !((a - b < 1e-3 && b - a < 1e-3) && (c - d <= 0.002 && d - c <= 0.002) && c > 0.5) }'; then
    echo "FAILED: the run on the reference answers differs from the library's"
    failed=1
  fi
  grep -q "2.1 im2col" "$work/mine-$conv.log" || { echo "FAILED: --mine did not list the answers in use"; failed=1; }
done
grep -q "2.5 conv2d_naive         forward in 2 convolutions" "$work/mine-naive.log" || { echo "FAILED: --conv naive --mine does not say 2.5 computes the forward pass"; failed=1; }
exit "$failed"
