// Chapter 2 — LeNet-5 on Fashion-MNIST, with convolution computed as im2col + GEMM.
//
//   ./book run 02                      the main run (modern LeNet: ReLU, max pooling)
//   ./book run 02 --classic            the 1998 form: tanh, average pooling
//   ./book run 02 --experiment speed   one epoch with naive loops vs im2col + GEMM
//   ./book run 02 --mine               the main run on your own exercise answers
//   ./book run 02 --predict shirt.png  classify images of your own (after the main run)
//   ./book run 02 --help               every flag
#include "lenet.hpp"
#include "mine.hpp"

#include "dl/util/runtime.hpp"
#include "dl/explain/feature_maps.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/io/image_grid.hpp"
#include "dl/train/confusion_report.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/cli_help.hpp"
#include "dl/util/table.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <stdexcept>

namespace ch02 {
namespace {

// Short upper-case names that fit under a 28-pixel image in the grid's font.
const char* kShortNames[10] = {"T-SHIRT", "TROUSER", "PULLOVER", "DRESS", "COAT", "SANDAL", "SHIRT", "SNEAKER", "BAG", "BOOT"};

/// The first convolution's filters (6, 1, 5, 5), one per cell, black = most negative weight.
void save_filters(dl::Sequential<float>& model, const std::string& path) {
    const dl::Tensor<float>& w = model.parameters().front()->value;  // "0.weight", (6, 1, 5, 5)
    dl::ImageGrid grid(1, int(w.shape(0)), 100);
    for (std::size_t f = 0; f < w.shape(0); ++f) grid.place(int(f), w.data() + f * 25, 5, 5);
    grid.write(path);
}

/// Up to 32 misclassified test images, captioned with their true (T) and predicted (P) class.
void save_misclassified(const dl::ImageDataset& test, const std::vector<int>& predicted, const std::string& path) {
    dl::ImageGrid grid(4, 8, 84, 2);
    int shown = 0;
    for (std::size_t i = 0; i < test.size() && shown < 32; ++i) {
        if (predicted[i] == test.labels[i]) continue;
        const std::string caption = std::string("T:") + kShortNames[test.labels[i]] + "\nP:" + kShortNames[predicted[i]];
        grid.place(shown++, test.images.data() + i * 28 * 28, 28, 28, caption);
    }
    grid.write(path);
}

void run_main(const Settings& s) {
    const dl::DataSplits splits = dl::load_fashion_mnist_splits(s.data_dir, s.val_size, s.train_size, s.seed);
    dl::Rng rng(s.seed);
    LeNet5 model = build_lenet(s.classic, rng);
    if (s.mine) {
        const std::vector<std::string> in_use = use_reader_code(model, s.conv);
        std::cout << "Your exercise answers at work (chapters/02_lenet/exercises/):\n";
        for (const std::string& line : in_use) std::cout << "  " << line << "\n";
        std::cout << "The rest is the library's. Your answers work in double precision, one image at a time: slower than the library.\n\n";
    }
    std::cout << "Chapter 2: LeNet-5 (" << (s.classic ? "1998 form: tanh, average pooling" : "modern form: ReLU, max pooling") << ", "
              << s.conv << " convolution) on " << splits.train.size() << " training images, " << s.optimizer << " lr " << s.lr << ", "
              << dl::counted(s.epochs, "epoch") << "\n" << model.summary();
    const Outcome outcome = train_lenet(s, splits, model, true);
    dl::report_confusion(outcome.test.predictions, splits.test.labels, splits.test.class_names, dl::RunDirectory(s.out_dir).file("confusion.png"),
                         std::string("Chapter 2 LeNet-5") + (s.classic ? " (1998)" : "") + ": test images");

    dl::save_history(s.out_dir, outcome.history, "history", std::string("Chapter 2 LeNet-5") + (s.classic ? " (1998)" : ""));
    const dl::RunDirectory run(s.out_dir);
    save_filters(model, run.file("filters.png"));
    save_misclassified(splits.test, outcome.test.predictions, run.file("misclassified.png"));
    const dl::Tensor<float> first = dl::select(splits.test, {0}).images;  // (1, 1, 28, 28): the first test image
    model.eval();
    dl::save_feature_maps(run.file("feature_maps.png"), first, dl::feature_stages(dl::layers_of(model), first));
    dl::save_checkpoint(run.file("model.ckpt"), model, architecture_tag(s.classic));
    const nlohmann::json results = {
        {"chapter", "02_lenet"},        {"test_accuracy", outcome.test.accuracy}, {"test_loss", outcome.test.loss},
        {"epochs", s.epochs},           {"seconds", outcome.seconds},             {"parameters", dl::parameter_count(model)},
        {"classic", s.classic},         {"conv", s.conv},                         {"mine", s.mine},                         {"optimizer", s.optimizer},
        {"lr", s.lr},                   {"decay", s.decay},                       {"batch_size", s.batch_size},
        {"seed", s.seed},               {"threads", s.threads},                   {"train_images", splits.train.size()},
        {"final_val_accuracy", outcome.history.back().val_accuracy}};
    run.write("results.json", results.dump(2) + "\n");
    std::cout << "\nresults.json, history.csv, loss.png, accuracy.png, confusion.png, filters.png, misclassified.png, feature_maps.png (what each stage computes for the first test image) and model.ckpt in " << s.out_dir
              << "/  (" << dl::fixed(outcome.seconds, 1) << " s)\n";
    std::cout << "test accuracy: " << dl::fixed(outcome.test.accuracy, 4) << "\n";
}

}  // namespace
}  // namespace ch02

int main(int argc, char** argv) {
    ch02::Settings s;
    std::string experiment = "none";
    CLI::App app{"Chapter 2: LeNet-5 on Fashion-MNIST, convolution through im2col + GEMM"};
    dl::use_book_help(app);
    dl::add_training_flags(app, s);
    app.add_flag("--classic", s.classic, "the 1998 form: tanh activations and average pooling");
    app.add_option("--conv", s.conv, "convolution algorithm: gemm (im2col + GEMM) or naive (nested loops)")->capture_default_str()->check(CLI::IsMember({"gemm", "naive"}));
    app.add_option("--experiment", experiment, "none, or speed (one epoch: naive loops vs im2col + GEMM)")->capture_default_str()->check(CLI::IsMember({"none", "speed"}));
    app.add_flag("--mine", s.mine, "train on your own answers to exercises 2.1-2.5 in place of the library's convolution and max-pool backward (./book run 02 --mine scores them first)");
    dl::PredictRequest predict;
    dl::add_predict_flags(app, predict, "runs/02_lenet/main/model.ckpt, which ./book run 02 writes");
    CLI11_PARSE(app, argc, argv);
    if (experiment == "speed") {
        if (app.count("--train-size") == 0) s.train_size = 2000;
        if (app.count("--out") == 0) s.out_dir = dl::default_run_dir("02_lenet/speed");
    }
    if (experiment == "none") dl::choose_run_folder(app, s, "02_lenet");
    try {
        if (s.mine && experiment != "none") throw std::invalid_argument("--mine trains the main run; --experiment " + experiment + " uses the library's layers");
        dl::prepare_runtime(s.threads);
        dl::check_predict_flags(app, predict, {"--experiment", "--mine"});
        if (predict.wanted()) {
            ch02::run_predict(predict, s, app.count("--out") > 0 ? s.out_dir : dl::default_run_dir("02_lenet/predict"));
            return 0;
        }
        const dl::RunDirectory checked_output(s.out_dir);  // an unwritable --out fails now, not after training
        if (experiment == "speed") ch02::run_speed_experiment(s);
        else ch02::run_main(s);
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
