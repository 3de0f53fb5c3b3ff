// Chapter 1 — a multilayer perceptron on Fashion-MNIST, with backprop written by hand.
//
//   ./book run 01                     the main run (≈0.89 test accuracy)
//   ./book run 01 --experiment init   zeros vs uniform vs Xavier vs He
//   ./book run 01 --experiment size   under- and over-fitting on a small subset
//   ./book run 01 --help              every flag
#include "mlp.hpp"

#include "dl/blas.hpp"
#include "dl/metrics/confusion_matrix.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

namespace ch01 {
namespace {

void save_main_run(const Settings& s, const Splits& splits, const Outcome& outcome) {
    dl::RunDirectory run(s.out_dir);
    run.write("history.csv", dl::history_csv(outcome.history));
    nlohmann::json results = {
        {"chapter", "01_mlp"},          {"test_accuracy", outcome.test.accuracy}, {"test_loss", outcome.test.loss},
        {"epochs", s.epochs},           {"seconds", outcome.seconds},            {"parameters", outcome.parameters},
        {"hidden", s.hidden},           {"optimizer", s.optimizer},              {"lr", s.lr}, {"decay", s.decay},
        {"batch_size", s.batch_size},   {"init", s.init},                        {"seed", s.seed},
        {"train_images", splits.train.size()}, {"validation_images", splits.validation.size()}, {"threads", s.threads},
        {"final_val_accuracy", outcome.history.back().val_accuracy}};
    run.write("results.json", results.dump(2) + "\n");
    dl::plot_history(outcome.history, run.file(""), "Chapter 1 MLP");
}

void run_main(const Settings& s) {
    const Splits splits = load_splits(s);
    std::cout << "Chapter 1: MLP 784-";
    for (std::size_t h : s.hidden) std::cout << h << "-";
    std::cout << "10 on " << splits.train.size() << " training images (" << splits.validation.size()
              << " held out for validation), " << s.optimizer << " lr " << s.lr << ", " << s.epochs << " epochs\n";
    const Outcome outcome = train_mlp(s, splits, true, s.out_dir + "/model.ckpt");
    dl::ConfusionMatrix confusion(10);
    confusion.add(outcome.test.predictions, splits.test.labels);
    std::cout << "\nConfusion matrix on the 10,000 test images:\n" << confusion.to_string(splits.test.class_names);
    save_main_run(s, splits, outcome);
    std::cout << "\nresults.json, history.csv, loss.png, accuracy.png and model.ckpt in " << s.out_dir << "/  (" << outcome.seconds << " s)\n";
    std::cout << "test accuracy: " << dl::fixed(outcome.test.accuracy, 4) << "\n";
}

}  // namespace
}  // namespace ch01

int main(int argc, char** argv) {
    ch01::Settings s;
    std::string experiment = "none";
    CLI::App app{"Chapter 1: a multilayer perceptron on Fashion-MNIST"};
    app.add_option("--epochs", s.epochs, "passes over the training data")->capture_default_str()->check(CLI::Range(1, 10000));
    app.add_option("--batch-size", s.batch_size, "images per gradient step")->capture_default_str()->check(CLI::Range(1, 60000));
    app.add_option("--lr", s.lr, "learning rate")->capture_default_str()->check(CLI::Range(1e-9, 100.0));
    app.add_option("--optimizer", s.optimizer, "adam or sgd (with --momentum)")->capture_default_str()->check(CLI::IsMember({"adam", "sgd"}));
    app.add_option("--momentum", s.momentum, "SGD momentum")->capture_default_str()->check(CLI::Range(0.0, 0.999));
    app.add_option("--decay", s.decay, "learning-rate decay: linear (to 0 at the end) or none")->capture_default_str()->check(CLI::IsMember({"linear", "none"}));
    app.add_option("--seed", s.seed, "seed for initialization, split and shuffling")->capture_default_str();
    app.add_option("--data", s.data_dir, "Fashion-MNIST folder (default: $DL_FASHION_MNIST_DIR, then the Debian package)");
    app.add_option("--hidden", s.hidden, "hidden layer widths, e.g. --hidden 256 128")->capture_default_str()->expected(1, 16)->check(CLI::Range(1, 100000));
    app.add_option("--init", s.init, "weight initialization: zeros, uniform, xavier or he")->capture_default_str()->check(CLI::IsMember({"zeros", "uniform", "xavier", "he"}));
    app.add_option("--train-size", s.train_size, "train on a random subset of this many images (0 = all)")->capture_default_str();
    app.add_option("--val-size", s.val_size, "training images held out for validation")->capture_default_str()->check(CLI::Range(1, 59999));
    app.add_option("--out", s.out_dir, "output folder for results.json, history.csv and plots")->capture_default_str();
    app.add_option("--threads", s.threads, "BLAS threads")->capture_default_str()->check(CLI::Range(1, 64));
    app.add_option("--experiment", experiment, "none, init (initialization) or size (width/depth sweep)")->capture_default_str()->check(CLI::IsMember({"none", "init", "size"}));
    CLI11_PARSE(app, argc, argv);
    // Each experiment has its own defaults; a flag given on the command line still wins.
    auto unless_given = [&app](const char* flag, auto& value, auto fallback) {
        if (app.count(flag) == 0) value = fallback;
    };
    if (experiment == "init") {
        unless_given("--optimizer", s.optimizer, std::string("sgd"));
        unless_given("--lr", s.lr, 0.01);
        unless_given("--epochs", s.epochs, 5);
        unless_given("--train-size", s.train_size, std::size_t(10000));
        unless_given("--out", s.out_dir, std::string("runs/01_mlp/init"));
    } else if (experiment == "size") {
        unless_given("--epochs", s.epochs, 40);
        unless_given("--train-size", s.train_size, std::size_t(2000));
        unless_given("--out", s.out_dir, std::string("runs/01_mlp/size"));
    }
    try {
        dl::set_blas_threads(s.threads);
        if (experiment == "init") ch01::run_init_experiment(s);
        else if (experiment == "size") ch01::run_size_experiment(s);
        else ch01::run_main(s);
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
