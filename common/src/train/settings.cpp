#include "dl/train/settings.hpp"
#include "dl/util/cli_checks.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <stdexcept>

namespace dl {

void add_training_flags(CLI::App& app, TrainingSettings& s) {
    app.add_option("--epochs", s.epochs, "passes over the training data")->capture_default_str()->check(dl::whole_number(1, 10000));
    app.add_option("--batch-size", s.batch_size, "images per gradient step")->capture_default_str()->check(dl::whole_number(1, 60000));
    app.add_option("--lr", s.lr, "learning rate (the peak, when a schedule is used)")->capture_default_str()->check(dl::real_number(1e-9, 100.0));
    app.add_option("--optimizer", s.optimizer, "adam, adamw or sgd (with --momentum)")->capture_default_str()->check(CLI::IsMember({"adam", "adamw", "sgd"}));
    app.add_option("--momentum", s.momentum, "SGD momentum")->capture_default_str()->check(dl::real_number(0.0, 0.999));
    app.add_option("--weight-decay", s.weight_decay, "weight decay")->capture_default_str()->check(dl::real_number(0.0, 1.0));
    app.add_option("--decay", s.decay, "learning-rate schedule: none, linear (to 0 at the end), step, cosine, cyclical or one-cycle")
        ->capture_default_str()
        ->check(CLI::IsMember({"none", "linear", "step", "cosine", "cyclical", "one-cycle"}));
    app.add_option("--clip-grad-norm", s.clip_grad_norm, "scale each step's gradients down to at most this global norm (0 = off)")->capture_default_str()->check(dl::real_number(0.0, 1e6));
    app.add_option("--seed", s.seed, "seed for initialization, split and shuffling")->capture_default_str()->check(dl::whole_number(0, UINT64_MAX));
    app.add_option("--data", s.data_dir, "dataset folder (default: $DL_FASHION_MNIST_DIR, then the Debian package)")->check(dl::non_empty());
    app.add_option("--train-size", s.train_size, "train on a random subset of this many images (0 = all)")->capture_default_str()->check(dl::whole_number(0, 100000000));
    app.add_option("--val-size", s.val_size, "training images held out for validation")->capture_default_str()->check(dl::whole_number(1, 59999));
    app.add_option("--out", s.out_dir, "output folder for results.json, history.csv, plots and the checkpoint")->capture_default_str()->check(dl::non_empty());
    app.add_option("--threads", s.threads, "threads (one OpenMP pool, shared with OpenBLAS)")->capture_default_str()->check(dl::whole_number(1, 64));
}

void add_regularization_flags(CLI::App& app, TrainingSettings& s) {
    app.add_option("--augment", s.augment, "training-batch augmentation: none, flip, flip-crop or flip-crop-erase")
        ->capture_default_str()
        ->check(CLI::IsMember({"none", "flip", "flip-crop", "flip-crop-erase"}));
    app.add_option("--mixup", s.mixup, "mixup's alpha: blend pairs of images and their targets (0 = off)")->capture_default_str()->check(dl::real_number(0.0, 10.0));
    app.add_option("--label-smoothing", s.label_smoothing, "label smoothing epsilon (0 = off)")->capture_default_str()->check(dl::real_number(0.0, 0.5));
}

std::string default_run_dir(const std::string& run) {
    const char* root = std::getenv("BOOK_RUNS_DIR");
    return (root != nullptr && *root != '\0' ? std::string(root) : std::string("runs")) + "/" + run;
}



}  // namespace dl
