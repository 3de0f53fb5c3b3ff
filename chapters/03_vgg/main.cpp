// Chapter 3 — a small VGG on Fashion-MNIST: BatchNorm, augmentation, a global-average-pooling
// head, a one-cycle schedule.
//
//   ./book run 03                          the main run
//   ./book run 03 --head fc                the VGG-style fully connected head
//   ./book run 03 --experiment bn          BatchNorm on/off (also: head, ladder, lr, activation)
//   ./book run 03 --predict shirt.png      classify images of your own (after the main run)
//   ./book run 03 --help                   every flag
#include "vgg.hpp"

#include "dl/util/cli_help.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/io/image_grid.hpp"
#include "dl/train/confusion_report.hpp"
#include "dl/train/batch_policy.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/runtime.hpp"
#include "dl/util/table.hpp"
#include "dl/util/cli_checks.hpp"

#include <CLI/CLI.hpp>
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

void run_main(const Settings& s) {
    const dl::DataSplits splits = dl::load_fashion_mnist_splits(s.data_dir, s.val_size, s.train_size, s.seed);
    dl::Rng rng(s.seed);
    dl::Sequential<float> model = build_vgg(s.architecture, rng);
    std::cout << "Chapter 3: " << describe(s.architecture) << " on " << splits.train.size() << " training images; " << s.optimizer
              << " lr " << s.lr << " (" << s.decay << "), augmentation " << s.augment << (s.mixup > 0 ? ", mixup" : "") << ", " << dl::counted(s.epochs, "epoch")
              << "\n" << model.summary();
    const dl::TrainingOutcome outcome = dl::train_classifier(model, s, splits, true);
    dl::report_confusion(outcome.test.predictions, splits.test.labels, splits.test.class_names, dl::RunDirectory(s.out_dir).file("confusion.png"),
                         "Chapter 3 " + describe(s.architecture) + ": test images");

    dl::save_history(s.out_dir, outcome.history, "history", "Chapter 3 VGG (" + s.architecture.head + " head)");
    const dl::RunDirectory run(s.out_dir);
    save_augmented(s, splits, run.file("augmented.png"));
    dl::save_checkpoint(run.file("model.ckpt"), model, architecture_tag(s.architecture));
    const Architecture& a = s.architecture;
    const nlohmann::json results = {
        {"chapter", "03_vgg"},         {"test_accuracy", outcome.test.accuracy}, {"test_loss", outcome.test.loss},
        {"epochs", s.epochs},          {"seconds", outcome.seconds},             {"parameters", dl::parameter_count(model)},
        {"width", a.width},            {"batch_norm", a.batch_norm},             {"activation", a.activation},
        {"head", a.head},              {"dropout", a.dropout},                   {"augment", s.augment},
        {"mixup", s.mixup},            {"label_smoothing", s.label_smoothing},   {"optimizer", s.optimizer},
        {"lr", s.lr},                  {"decay", s.decay},                       {"weight_decay", s.weight_decay},
        {"batch_size", s.batch_size},  {"seed", s.seed},                         {"threads", s.threads},
        {"train_images", splits.train.size()}, {"final_val_accuracy", outcome.history.back().val_accuracy}};
    run.write("results.json", results.dump(2) + "\n");
    std::cout << "\nresults.json, history.csv, loss.png, accuracy.png, confusion.png, augmented.png and model.ckpt in " << s.out_dir << "/  ("
              << dl::fixed(outcome.seconds, 1) << " s)\n";
    std::cout << "test accuracy: " << dl::fixed(outcome.test.accuracy, 4) << "\n";
}

}  // namespace
}  // namespace ch03

int main(int argc, char** argv) {
    ch03::Settings s;
    std::string experiment = "none";
    bool no_batch_norm = false;
    CLI::App app{"Chapter 3: a small VGG on Fashion-MNIST with BatchNorm, augmentation and a global-average-pooling head"};
    dl::use_book_help(app);
    dl::add_training_flags(app, s);
    dl::add_regularization_flags(app, s);
    ch03::Architecture& a = s.architecture;
    app.add_option("--width", a.width, "channels of the first stage (the next stages have 2x and 4x)")->capture_default_str()->check(dl::whole_number(1, 512));
    app.add_flag("--no-batch-norm", no_batch_norm, "leave out every BatchNorm layer");
    app.add_option("--activation", a.activation, "relu or elu")->capture_default_str()->check(CLI::IsMember({"relu", "elu"}));
    app.add_option("--head", a.head, "gap (global average pooling + linear) or fc (flatten + 256 + linear, VGG style)")->capture_default_str()->check(CLI::IsMember({"gap", "fc"}));
    app.add_option("--dropout", a.dropout, "dropout probability before the last linear layer")->capture_default_str()->check(dl::real_number(0.0, 0.95));
    dl::add_experiment_flag(app, experiment, ch03::experiments());
    dl::PredictRequest predict;
    dl::add_predict_flags(app, predict, "runs/03_vgg/main/model.ckpt, which ./book run 03 writes");
    CLI11_PARSE(app, argc, argv);
    if (experiment == "none") dl::choose_run_folder(app, s, "03_vgg");
    a.batch_norm = !no_batch_norm;
    try {
        dl::prepare_runtime(s.threads);
        dl::check_predict_flags(app, predict, {"--experiment"});
        if (predict.wanted()) {
            ch03::run_predict(predict, s, app.count("--out") > 0 ? s.out_dir : dl::default_run_dir("03_vgg/predict"));
        } else if (experiment == "none") {
            const dl::RunDirectory checked_output(s.out_dir);  // an unwritable --out fails now, not after training
            ch03::run_main(s);
        } else {
            // Each experiment has its own budget; a flag given on the command line still wins.
            dl::apply_experiment_budget(app, dl::find_experiment(ch03::experiments(), experiment), "03_vgg", s);
            const dl::RunDirectory checked_output(s.out_dir);  // an unwritable --out fails now, not after training
            ch03::run_experiment(experiment, s);
        }
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
