// Chapter 3 — what the main run shows and keeps: the plan, the curves, the augmented
// images, the checkpoint and the results.
#include "vgg.hpp"

#include "dl/io/checkpoint.hpp"
#include "dl/io/image_grid.hpp"
#include "dl/train/batch_policy.hpp"
#include "dl/train/confusion_report.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

namespace ch03 {

namespace {

/// Eight training images (top row) and the same images after one draw of the run's
/// augmentation (bottom row): what the network is shown instead of the originals.
void save_augmented(const Settings& s, const dl::DataSplits& splits, const std::string& path) {
    const std::size_t n = std::min<std::size_t>(8, splits.train.size());
    if (n == 0) return;
    dl::Batch batch;
    batch.images = dl::Tensor<float>::from_shape({n, 1, 28, 28});  // (n, 1, 28, 28)
    std::copy(splits.train.images.data(), splits.train.images.data() + batch.images.size(), batch.images.data());
    batch.labels.assign(splits.train.labels.begin(), splits.train.labels.begin() + std::ptrdiff_t(n));
    dl::ImageGrid grid(2, int(n), 84);
    for (std::size_t i = 0; i < n; ++i) grid.place(int(i), batch.images.data() + i * 784, 28, 28);
    const auto augment = dl::make_augmentation(s.augment, -splits.normalization.mean / splits.normalization.stddev, s.seed + 3);
    if (augment) augment(batch);
    const auto mix = dl::make_soft_targets(10, s.mixup, s.label_smoothing, s.seed + 4);
    if (mix) mix(batch);
    for (std::size_t i = 0; i < n; ++i) grid.place(int(n + i), batch.images.data() + i * 784, 28, 28);
    grid.write(path);
}

}  // namespace

void print_plan(const Settings& s, const dl::DataSplits& splits, dl::Sequential<float>& model) {
    std::cout << "Chapter 3: " << describe(s.architecture) << " on " << splits.train.size() << " training images; " << s.optimizer << " lr " << s.lr
              << " (" << s.decay << "), augmentation " << s.augment << (s.mixup > 0 ? ", mixup" : "") << ", " << dl::counted(s.epochs, "epoch")
              << "\n"
              << model.summary();
}

void report_main_run(const Settings& s, const dl::DataSplits& splits, dl::Sequential<float>& model, const dl::TrainingOutcome& outcome) {
    dl::report_confusion(outcome.test.predictions, splits.test.labels, splits.test.class_names, dl::RunDirectory(s.out_dir).file("confusion.png"),
                         "Chapter 3 " + describe(s.architecture) + ": test images");

    dl::save_history(s.out_dir, outcome.history, "history", "Chapter 3 VGG (" + s.architecture.head + " head)");
    const dl::RunDirectory run(s.out_dir);
    save_augmented(s, splits, run.file("augmented.png"));
    dl::save_checkpoint(run.file("model.ckpt"), model, architecture_tag(s.architecture));
    const Architecture& a = s.architecture;
    const nlohmann::json results = {{"chapter", "03_vgg"},
                                    {"test_accuracy", outcome.test.accuracy},
                                    {"test_loss", outcome.test.loss},
                                    {"epochs", s.epochs},
                                    {"seconds", outcome.seconds},
                                    {"parameters", dl::parameter_count(model)},
                                    {"width", a.width},
                                    {"batch_norm", a.batch_norm},
                                    {"activation", a.activation},
                                    {"head", a.head},
                                    {"dropout", a.dropout},
                                    {"augment", s.augment},
                                    {"mixup", s.mixup},
                                    {"label_smoothing", s.label_smoothing},
                                    {"optimizer", s.optimizer},
                                    {"lr", s.lr},
                                    {"decay", s.decay},
                                    {"weight_decay", s.weight_decay},
                                    {"batch_size", s.batch_size},
                                    {"seed", s.seed},
                                    {"threads", s.threads},
                                    {"train_images", splits.train.size()},
                                    {"final_val_accuracy", outcome.history.back().val_accuracy}};
    run.write("results.json", results.dump(2) + "\n");
    std::cout << "\nresults.json, history.csv, loss.png, accuracy.png, confusion.png, augmented.png and model.ckpt in " << s.out_dir << "/  ("
              << dl::fixed(outcome.seconds, 1) << " s)\n";
    std::cout << "test accuracy: " << dl::fixed(outcome.test.accuracy, 4) << "\n";
}

}  // namespace ch03
