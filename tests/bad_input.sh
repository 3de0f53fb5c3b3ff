#!/usr/bin/env bash
# Feeds every case of the bad-input corpus (tests/data/bad/, made by its make_corpus.py) and
# every bad flag value to the chapter programs. Each case must end with a non-zero exit, in
# under a minute, with a message that contains the expected words (which name the file or
# flag and what was wrong), no crash, and only printable text. (The corrupt-chunk PNG checks
# the last: Debian 12's stb_image quotes the chunk's raw type bytes in its reason; Debian
# 13's calls the file an unknown image type.)
#
#   tests/bad_input.sh BUILD_DIR [PATTERN]   (PATTERN: run only the cases whose line has it)
set -uo pipefail
build="$(cd "$1" && pwd)"
pattern=${2:-}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bad="$root/tests/data/bad"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# chapter | arguments (shell words) | words the error must contain
cases=$(cat <<EOF
01 | --train-size -1 | --train-size: '-1' is not a whole number
01 | --lr nan | --lr: 'nan' is not a finite number
01 | --lr inf | --lr: 'inf' is not a finite number
01 | --epochs abc | --epochs: 'abc' is not a whole number
01 | --epochs 0 | --epochs: 0 is out of range
01 | --batch-size 2.5 | --batch-size: '2.5' is not a whole number
01 | --hidden 256 -3 | --hidden: '-3' is not a whole number
01 | --data '' | --data: is empty
01 | --out '' | --out: is empty
01 | --momentum 1.5 | --momentum: 1.5 is out of range
01 | --data $bad/idx/garbage | $bad/idx/garbage/train-images-idx3-ubyte: bad magic number
01 | --data $bad/idx/truncated | $bad/idx/truncated/train-images-idx3-ubyte: truncated
01 | --data $bad/idx/folder-named-like-idx | train-images-idx3-ubyte: is a folder, not an IDX file
01 | --data $bad/idx/ten-images --val-size 5000 | --val-size 5000: the training file in $bad/idx/ten-images holds only 10 images
01 | --data $bad/idx/ten-images --val-size 5 --train-size 6 | --train-size 6: $bad/idx/ten-images has 5 training images
01 | --data $bad/no-such-folder | $bad/no-such-folder
01 | --train-size 100000 | --train-size 100000:
01 | --out /proc/book-test/out --epochs 1 | cannot create the output folder '/proc/book-test/out' (--out)
01 | --lr 100 --epochs 1 --train-size 2000 | training diverged at step
02 | --lr 100 --epochs 1 --train-size 2000 | training diverged at step
02 | --threads 0 | --threads: 0 is out of range
03 | --mixup nan | --mixup: 'nan' is not a finite number
03 | --label-smoothing -0.1 | --label-smoothing: -0.1 is out of range
03 | --dropout 1.5 | --dropout: 1.5 is out of range
04 | --evaluate $bad/checkpoint/garbage.ckpt | $bad/checkpoint/garbage.ckpt: not a checkpoint of this book
04 | --evaluate $bad/checkpoint/truncated.ckpt | $bad/checkpoint/truncated.ckpt
04 | --evaluate $bad/checkpoint | --evaluate: '$bad/checkpoint' is a folder, not a file
04 | --stochastic-depth nan | --stochastic-depth: 'nan' is not a finite number
04 | --blocks -1 | --blocks: '-1' is not a whole number
05 | --scenes $bad/scenes/mismatched-sizes --out $scratch/05 | $bad/scenes/mismatched-sizes/val: its scenes are 24x24 but the training scenes
05 | --scenes $bad/no-such-folder --out $scratch/05 | $bad/no-such-folder
05 | --scenes '' | --scenes: is empty
05 | --pretrained $bad/checkpoint | --pretrained: '$bad/checkpoint' is a folder, not a file
05 | --pretrained $bad/checkpoint/garbage.ckpt --scenes $bad/scenes/tiny --out $scratch/05 | $bad/checkpoint/garbage.ckpt: not a checkpoint of this book
05 | --train-size -1 | --train-size: '-1' is not a whole number
06 | --head-share nan | --head-share: 'nan' is not a finite number
06 | --labels-per-class -5 | --labels-per-class: '-5' is not a whole number
06 | --data $bad/folders/two-classes --labels-per-class 100000 --out $scratch/06 | --labels-per-class 100000: in $bad/folders/two-classes/train
06 | --data $bad/folders/two-classes --train-size 100 --out $scratch/06 | --train-size 100: $bad/folders/two-classes/train gives 5 training images
06 | --data $bad/folders/one-class --out $scratch/06 | $bad/folders/one-class/train: holds one class folder ('only'); a classifier needs at least two
06 | --data $bad/folders/huge-png --out $scratch/06 | $bad/folders/huge-png/train/a/huge.png: is 16000x16000 pixels
06 | --data $bad/folders/corrupt-chunk --out $scratch/06 | $bad/folders/corrupt-chunk/train/b/chunk.png: cannot
06 | --data $bad/folders/not-an-image --out $scratch/06 | $bad/folders/not-an-image/train/b/notes.png: cannot read image
06 | --data $bad/no-such-folder --out $scratch/06 | $bad/no-such-folder
06 | --pretrained $bad/checkpoint | --pretrained: '$bad/checkpoint' is a folder, not a file
06 | --pretrained $bad/checkpoint/garbage.ckpt --data $bad/folders/two-classes --out $scratch/06 | $bad/checkpoint/garbage.ckpt: not a checkpoint of this book
EOF
)

program_of() {
  local dir
  dir=$(cd "$root/chapters" && ls -d "$1"_*/ | head -1 | tr -d /)
  echo "$build/chapters/$dir/ch$dir"
}

failed=0 count=0
while IFS= read -r line; do
  [ -z "$line" ] && continue
  [ -n "$pattern" ] && [[ "$line" != *"$pattern"* ]] && continue
  chapter=$(sed -E 's/^ *([0-9]+) *\|.*$/\1/' <<<"$line")
  arguments=$(awk -F ' \\| ' '{print $2}' <<<"$line")
  expected=$(awk -F ' \\| ' '{print $3}' <<<"$line")
  count=$((count + 1))
  eval "words=($arguments)"
  output=$(cd "$scratch" && BOOK_RUNS_DIR="$scratch/runs" BOOK_DATASETS_DIR="$scratch/datasets" timeout 60 "$(program_of "$chapter")" "${words[@]}" 2>&1)
  status=$?
  problem=""
  if [ "$status" -eq 0 ]; then problem="exit status 0"
  elif [ "$status" -eq 124 ]; then problem="still running after 60 s"
  elif [ "$status" -eq 126 ] || [ "$status" -eq 127 ]; then problem="the program could not be run"
  elif [ "$status" -ge 128 ]; then problem="killed by signal $((status - 128))"
  elif ! grep -qF -- "$expected" <<<"$output"; then problem="the message lacks: $expected"
  elif LC_ALL=C grep -q '[^[:print:][:space:]]' <<<"$output"; then problem="the output has unprintable bytes"
  fi
  if [ -n "$problem" ]; then
    echo "FAILED  ch$chapter $arguments: $problem"
    tail -3 <<<"$output" | sed 's/^/          /'
    failed=1
  else
    echo "ok      ch$chapter $arguments  ->  $(grep -m1 -F -- "$expected" <<<"$output" | cut -c1-150)"
  fi
done <<<"$cases"
# A diverging run leaves the previous run's checkpoint as it was: a short sane run of chapter
# 2, then --lr 100 into the same folder.
if [ -z "$pattern" ] || [[ "divergence keeps the checkpoint" == *"$pattern"* ]]; then
  count=$((count + 1))
  lenet="$(program_of 02)"
  (cd "$scratch" && "$lenet" --epochs 1 --train-size 500 --out "$scratch/keep" >/dev/null 2>&1)
  before=$(md5sum <"$scratch/keep/model.ckpt" 2>/dev/null)
  (cd "$scratch" && "$lenet" --lr 100 --epochs 1 --train-size 2000 --out "$scratch/keep" >/dev/null 2>&1)
  status=$?
  after=$(md5sum <"$scratch/keep/model.ckpt" 2>/dev/null)
  if [ -z "$before" ] || [ "$status" -eq 0 ] || [ "$before" != "$after" ]; then
    echo "FAILED  ch02 --lr 100 after a good run: exit status $status, checkpoint $([ "$before" = "$after" ] && echo kept || echo "changed or missing")"
    failed=1
  else
    echo "ok      ch02 --lr 100 after a good run  ->  exit status $status, the good run's model.ckpt unchanged"
  fi
fi
echo "$count bad-input cases, $([ "$failed" -eq 0 ] && echo "all refused with a clear message" || echo "some FAILED")"
exit "$failed"
