#!/usr/bin/env bash
# Copies the figures that the chapter texts show from the latest runs into the chapters'
# images/ folders, and the results their numbers come from into the chapters' results/
# folders (results.json with run.json under "run": command, date, commit, machine, and
# history.csv under "history"; an experiment's rows under "rows"), which
# tests/docs/check_numbers.cpp checks the texts against. Produce the runs first, with the
# commands each chapter text gives:
#   ./book run 01 && ./book run 01 --experiment init && ./book run 01 --experiment size
#   ./book run 02 && ./book run 02 --experiment speed
#   ./book run 02 --mine   (with the reference answers in chapters/02_lenet/exercises/)
#   ./book run 03 && for e in bn head ladder lr activation; do ./book run 03 --experiment $e; done
#   ./book run 03 --experiment ladder --epochs 40 --val-size 2000 --out runs/03_vgg/ladder-long
#   ./book run 04 && ./book run 04 --experiment depth && ./book run 04 --experiment stochastic-depth
#   ./book run 04 --evaluate chapters/04_resnet/pretrained/resnet20.ckpt && ./book predict tests/data/photos/*.png
#   ./book run 05 && ./book run 05 --experiment decoders && ./book predict tests/data/photos/scene.png --model 05
#   ./book run 06 && ./book run 06 --experiment labels && ./book run 06 --experiment imbalance
# then run docs/update_figures.sh and rebuild the site with ./book docs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# run output                                  -> chapter figure
figures=(
  "runs/01_mlp/main/accuracy.png              chapters/01_mlp/images/ch01_main_accuracy.png"
  "runs/01_mlp/main/confusion.png             chapters/01_mlp/images/ch01_confusion.png"
  "runs/01_mlp/init/init_val_accuracy.png     chapters/01_mlp/images/ch01_init_val_accuracy.png"
  "runs/01_mlp/size/size_accuracy.png         chapters/01_mlp/images/ch01_size_accuracy.png"
  "runs/01_mlp/size/size_val_loss.png         chapters/01_mlp/images/ch01_size_val_loss.png"
  "runs/02_lenet/main/accuracy.png            chapters/02_lenet/images/ch02_main_accuracy.png"
  "runs/02_lenet/main/filters.png             chapters/02_lenet/images/ch02_filters.png"
  "runs/02_lenet/main/misclassified.png       chapters/02_lenet/images/ch02_misclassified.png"
  "runs/02_lenet/main/confusion.png           chapters/02_lenet/images/ch02_confusion.png"
  "runs/02_lenet/main/feature_maps.png        chapters/02_lenet/images/ch02_feature_maps.png"
  "runs/03_vgg/main/accuracy.png              chapters/03_vgg/images/ch03_main_accuracy.png"
  "runs/03_vgg/main/augmented.png             chapters/03_vgg/images/ch03_augmented.png"
  "runs/03_vgg/main/confusion.png             chapters/03_vgg/images/ch03_confusion.png"
  "runs/03_vgg/bn/bn.png                      chapters/03_vgg/images/ch03_bn.png"
  "runs/03_vgg/head/head.png                  chapters/03_vgg/images/ch03_head.png"
  "runs/03_vgg/ladder/ladder.png              chapters/03_vgg/images/ch03_ladder.png"
  "runs/03_vgg/ladder-long/ladder.png         chapters/03_vgg/images/ch03_ladder_long.png"
  "runs/03_vgg/lr/lr_finder.png               chapters/03_vgg/images/ch03_lr_finder.png"
  "runs/03_vgg/lr/schedules.png               chapters/03_vgg/images/ch03_schedules.png"
  "runs/03_vgg/activation/activation.png      chapters/03_vgg/images/ch03_activation.png"
  "runs/04_resnet/main/accuracy.png           chapters/04_resnet/images/ch04_main_accuracy.png"
  "runs/04_resnet/depth/gradients_init.png    chapters/04_resnet/images/ch04_gradients_init.png"
  "runs/04_resnet/depth/gradients_trained.png chapters/04_resnet/images/ch04_gradients_trained.png"
  "runs/04_resnet/depth/train_accuracy.png    chapters/04_resnet/images/ch04_depth_train_accuracy.png"
  "runs/04_resnet/depth/val_accuracy.png      chapters/04_resnet/images/ch04_depth_val_accuracy.png"
  "runs/04_resnet/stochastic-depth/stochastic_depth.png chapters/04_resnet/images/ch04_stochastic_depth.png"
  "runs/04_resnet/evaluate/confusion.png      chapters/04_resnet/images/ch04_confusion.png"
  "runs/04_resnet/evaluate/feature_maps.png   chapters/04_resnet/images/ch04_feature_maps.png"
  "runs/04_resnet/evaluate/explained.png      chapters/04_resnet/images/ch04_explained.png"
  "runs/04_resnet/predict/shirt.png           chapters/04_resnet/images/ch04_predict_shirt.png"
  "runs/04_resnet/predict/digit.png           chapters/04_resnet/images/ch04_predict_digit.png"
  "runs/05_unet/main/scenes.png               chapters/05_unet/images/ch05_scenes.png"
  "runs/05_unet/main/legend.png               chapters/05_unet/images/ch05_legend.png"
  "runs/05_unet/main/predictions.png          chapters/05_unet/images/ch05_predictions.png"
  "runs/05_unet/main/miou.png                 chapters/05_unet/images/ch05_main_miou.png"
  "runs/05_unet/decoders/predictions-upsample.png  chapters/05_unet/images/ch05_decoder_upsample.png"
  "runs/05_unet/decoders/predictions-transpose.png chapters/05_unet/images/ch05_decoder_transpose.png"
  "runs/05_unet/decoders/predictions-unet.png      chapters/05_unet/images/ch05_decoder_unet.png"
  "runs/05_unet/predict/scene.png             chapters/05_unet/images/ch05_predict_scene.png"
  "runs/06_finetune/main/examples.png         chapters/06_finetune/images/ch06_examples.png"
  "runs/06_finetune/main/accuracy.png         chapters/06_finetune/images/ch06_main_accuracy.png"
  "runs/06_finetune/main/confusion.png        chapters/06_finetune/images/ch06_confusion.png"
  "runs/06_finetune/labels/labels.png         chapters/06_finetune/images/ch06_labels.png"
)
missing=0
for pair in "${figures[@]}"; do
  read -r from to <<<"$pair"
  if [ -f "$root/$from" ]; then
    mkdir -p "$(dirname "$root/$to")"
    cp "$root/$from" "$root/$to"
    echo "updated $to"
  else
    echo "missing $from: run the command that makes it (see the top of this script)" >&2
    missing=1
  fi
done
# run folder                 -> chapter results file
results=(
  "runs/01_mlp/main            chapters/01_mlp/results/main.json"
  "runs/01_mlp/init            chapters/01_mlp/results/init.json"
  "runs/01_mlp/size            chapters/01_mlp/results/size.json"
  "runs/02_lenet/main          chapters/02_lenet/results/main.json"
  "runs/02_lenet/mine          chapters/02_lenet/results/mine.json"
  "runs/02_lenet/speed         chapters/02_lenet/results/speed.json"
  "runs/03_vgg/main            chapters/03_vgg/results/main.json"
  "runs/03_vgg/bn              chapters/03_vgg/results/bn.json"
  "runs/03_vgg/head            chapters/03_vgg/results/head.json"
  "runs/03_vgg/ladder          chapters/03_vgg/results/ladder.json"
  "runs/03_vgg/lr              chapters/03_vgg/results/lr.json"
  "runs/03_vgg/activation      chapters/03_vgg/results/activation.json"
  "runs/03_vgg/ladder-long     chapters/03_vgg/results/ladder-long.json"
  "runs/04_resnet/main         chapters/04_resnet/results/main.json"
  "runs/04_resnet/depth        chapters/04_resnet/results/depth.json"
  "runs/04_resnet/stochastic-depth chapters/04_resnet/results/stochastic-depth.json"
  "runs/04_resnet/predict      chapters/04_resnet/results/predict.json"
  "runs/05_unet/main           chapters/05_unet/results/main.json"
  "runs/05_unet/decoders       chapters/05_unet/results/decoders.json"
  "runs/05_unet/predict        chapters/05_unet/results/predict.json"
  "runs/06_finetune/main       chapters/06_finetune/results/main.json"
  "runs/06_finetune/labels     chapters/06_finetune/results/labels.json"
  "runs/06_finetune/imbalance  chapters/06_finetune/results/imbalance.json"
)
for pair in "${results[@]}"; do
  read -r from to <<<"$pair"
  if [ -f "$root/$from/results.json" ] && [ -f "$root/$from/run.json" ]; then
    mkdir -p "$(dirname "$root/$to")"
    python3 -c 'import csv, json, os, sys
results = json.load(open(sys.argv[1]))
if isinstance(results, list):  # an experiment: one row per training, as its table shows them
    results = {"rows": results}
results["run"] = json.load(open(sys.argv[2]))
if os.path.exists(sys.argv[3]):  # one entry per epoch, for the tables of epochs
    results["history"] = [{key: float(value) for key, value in row.items()} for row in csv.DictReader(open(sys.argv[3]))]
json.dump(results, open(sys.argv[4], "w"), indent=2); open(sys.argv[4], "a").write("\n")' \
      "$root/$from/results.json" "$root/$from/run.json" "$root/$from/history.csv" "$root/$to"
    echo "updated $to"
  else
    echo "missing $from/results.json or run.json: run the command that makes it (see the top of this script)" >&2
    missing=1
  fi
done
exit "$missing"
