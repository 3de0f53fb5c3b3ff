// Chapter 4 — a CIFAR-style ResNet on Fashion-MNIST: residual blocks, projection shortcuts,
// stochastic depth, and a trained checkpoint for chapter 6.
//
//   ./book run 04                                   the main run (ResNet-20)
//   ./book run 04 --blocks 9                        ResNet-56
//   ./book run 04 --plain                           the same layers without shortcuts
//   ./book run 04 --evaluate chapters/04_resnet/pretrained/resnet20.ckpt
//   ./book run 04 --experiment depth                plain vs residual (also: stochastic-depth)
//   ./book run 04 --predict shirt.png               classify images of your own
//   ./book run 04 --help                            every flag
#include "predict.hpp"
#include "resnet.hpp"

#include "dl/util/cli_help.hpp"
#include "dl/explain/feature_maps.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/train/confusion_report.hpp"
#include "dl/train/fit.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/runtime.hpp"
#include "dl/util/table.hpp"
#include "dl/util/cli_checks.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <stdexcept>

namespace ch04 {
namespace {

/// What each stage of @p model computes for the first test image, drawn into @p png_path.
void save_stage_maps(dl::Sequential<float>& model, const dl::ImageDataset& test, const std::string& png_path) {
    const dl::Tensor<float> first = dl::select(test, {0}).images;  // (1, 1, 28, 28)
    model.eval();
    dl::save_feature_maps(png_path, first, dl::feature_stages(dl::layers_of(model), first));
    std::cout << "What each stage computes for the first test image: " << png_path << "\n";
}

void run_main(const Settings& s) {
    const dl::DataSplits splits = dl::load_fashion_mnist_splits(s.data_dir, s.val_size, s.train_size, s.seed);
    dl::Rng rng(s.seed);
    dl::Sequential<float> model = build_resnet(s.architecture, rng);
    std::cout << "Chapter 4: " << describe(s.architecture) << " on " << splits.train.size() << " training images; " << s.optimizer
              << " lr " << s.lr << " (" << s.decay << "), augmentation " << s.augment << ", " << dl::counted(s.epochs, "epoch") << "\n"
              << model.summary();
    const dl::TrainingOutcome outcome = dl::train_classifier(model, s, splits, true);
    dl::report_confusion(outcome.test.predictions, splits.test.labels, splits.test.class_names, dl::RunDirectory(s.out_dir).file("confusion.png"),
                         "Chapter 4 " + describe(s.architecture) + ": test images");

    dl::save_history(s.out_dir, outcome.history, "history", "Chapter 4 " + describe(s.architecture));
    const dl::RunDirectory run(s.out_dir);
    save_stage_maps(model, splits.test, run.file("feature_maps.png"));
    dl::save_checkpoint(run.file("model.ckpt"), model, architecture_tag(s.architecture));
    const Architecture& a = s.architecture;
    const nlohmann::json results = {
        {"chapter", "04_resnet"},       {"test_accuracy", outcome.test.accuracy}, {"test_loss", outcome.test.loss},
        {"epochs", s.epochs},           {"seconds", outcome.seconds},             {"parameters", dl::parameter_count(model)},
        {"architecture", architecture_tag(a)}, {"depth", a.depth()},            {"residual", a.residual},
        {"width", a.width},             {"stochastic_depth", a.stochastic_depth}, {"augment", s.augment},
        {"mixup", s.mixup},             {"label_smoothing", s.label_smoothing},   {"optimizer", s.optimizer},
        {"lr", s.lr},                   {"decay", s.decay},                       {"weight_decay", s.weight_decay},
        {"batch_size", s.batch_size},   {"seed", s.seed},                         {"threads", s.threads},
        {"val_size", s.val_size},       {"train_size", s.train_size},
        {"train_images", splits.train.size()}, {"final_val_accuracy", outcome.history.back().val_accuracy}};
    run.write("results.json", results.dump(2) + "\n");
    std::cout << "\nresults.json, history.csv, loss.png, accuracy.png, confusion.png, feature_maps.png and model.ckpt (architecture '" << architecture_tag(a) << "') in "
              << s.out_dir << "/  (" << dl::fixed(outcome.seconds, 1) << " s)\n";
    std::cout << "test accuracy: " << dl::fixed(outcome.test.accuracy, 4) << "\n";
}

/// Loads a trained checkpoint into the network the flags describe and tests it; the
/// confusion matrix's heat map goes into @p out_dir.
void run_evaluate(const Settings& s, const std::string& out_dir) {
    dl::Rng rng(s.seed);
    dl::Sequential<float> model = build_resnet(s.architecture, rng);
    dl::load_checkpoint(s.evaluate, model, architecture_tag(s.architecture));  // refuses another architecture
    std::cout << "Chapter 4: " << describe(s.architecture) << " loaded from " << s.evaluate << "\n";
    // The split and normalization of the training run, which used the same flags.
    const dl::DataSplits splits = dl::load_fashion_mnist_splits(s.data_dir, s.val_size, s.train_size, s.seed);
    const dl::Evaluation test = dl::evaluate(model, splits.test);
    dl::report_confusion(test.predictions, splits.test.labels, splits.test.class_names, dl::RunDirectory(out_dir).file("confusion.png"),
                         "Chapter 4 " + describe(s.architecture) + " (" + std::filesystem::path(s.evaluate).filename().string() + "): test images");
    save_stage_maps(model, splits.test, dl::RunDirectory(out_dir).file("feature_maps.png"));
    save_explained_test_images(model, splits.test, test.predictions, dl::RunDirectory(out_dir).file("explained.png"));
    std::cout << "Where it looks on shirts, T-shirts and pullovers it gets right and wrong: " << out_dir << "/explained.png\n";
    std::cout << "test loss: " << dl::fixed(test.loss, 4) << "\ntest accuracy: " << dl::fixed(test.accuracy, 4) << "\n";
}

}  // namespace
}  // namespace ch04

int main(int argc, char** argv) {
    ch04::Settings s;
    std::string experiment = "none";
    bool plain = false;
    CLI::App app{"Chapter 4: a CIFAR-style ResNet on Fashion-MNIST (residual blocks, stochastic depth, a checkpoint for chapter 6)"};
    dl::use_book_help(app);
    dl::add_training_flags(app, s);
    dl::add_regularization_flags(app, s);
    ch04::Architecture& a = s.architecture;
    app.add_option("--blocks", a.blocks_per_stage, "residual blocks per stage, n: depth 6n+2 (3 = ResNet-20, 9 = ResNet-56)")->capture_default_str()->check(dl::whole_number(1, 50));
    app.add_option("--width", a.width, "channels of the first stage (the next stages have 2x and 4x)")->capture_default_str()->check(dl::whole_number(1, 512));
    app.add_flag("--plain", plain, "the same layers without shortcuts (a plain network)");
    app.add_option("--stochastic-depth", a.stochastic_depth, "drop probability of the last block (block l of L: l/L of it); 0 = off")->capture_default_str()->check(dl::real_number(0.0, 0.95));
    app.add_option("--evaluate", s.evaluate, "evaluate this checkpoint on the test set instead of training (the architecture flags must match it)")->check(dl::existing_file());
    dl::PredictRequest predict;
    dl::add_predict_flags(app, predict, "runs/04_resnet/main/model.ckpt if you trained one, else the committed one");
    dl::add_experiment_flag(app, experiment, ch04::experiments());
    CLI11_PARSE(app, argc, argv);
    if (experiment == "none") dl::choose_run_folder(app, s, "04_resnet");
    a.residual = !plain;
    try {
        dl::prepare_runtime(s.threads);
        dl::check_predict_flags(app, predict, {"--experiment", "--evaluate"});
        if (predict.wanted()) {
            ch04::run_predict(predict, app.count("--out") > 0 ? s.out_dir : dl::default_run_dir("04_resnet/predict"));
        } else if (!s.evaluate.empty()) {
            if (experiment != "none") throw std::invalid_argument("--evaluate tests a checkpoint; it cannot be combined with --experiment");
            ch04::run_evaluate(s, app.count("--out") > 0 ? s.out_dir : dl::default_run_dir("04_resnet/evaluate"));
        } else if (experiment == "none") {
            const dl::RunDirectory checked_output(s.out_dir);  // an unwritable --out fails now, not after training
            ch04::run_main(s);
        } else {
            // Each experiment has its own budget; a flag given on the command line still wins.
            dl::apply_experiment_budget(app, dl::find_experiment(ch04::experiments(), experiment), "04_resnet", s);
            // Each experiment chooses these itself; a flag that would be ignored is refused.
            if (plain) throw std::invalid_argument("--plain: --experiment " + experiment + " chooses plain or residual networks itself");
            if (experiment == "depth" && a.stochastic_depth > 0)
                throw std::invalid_argument("--stochastic-depth: --experiment depth trains without it (see --experiment stochastic-depth)");
            const dl::RunDirectory checked_output(s.out_dir);  // an unwritable --out fails now, not after training
            ch04::run_experiment(experiment, s);
        }
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
