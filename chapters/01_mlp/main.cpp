// Chapter 1 — a multilayer perceptron on Fashion-MNIST, with backprop written by hand.
//
//   ./book run 01                     the main run (≈0.89 test accuracy)
//   ./book run 01 --experiment init   zeros vs uniform vs Xavier vs He
//   ./book run 01 --experiment size   under- and over-fitting on a small subset
//   ./book run 01 --predict shirt.png classify images of your own (after the main run)
//   ./book run 01 --help              every flag
#include "mlp.hpp"

#include "dl/util/cli_help.hpp"
#include "dl/util/runtime.hpp"
#include "dl/train/confusion_report.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"
#include "dl/util/cli_checks.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

namespace ch01 {
namespace {

void save_main_run(const Settings& s, const Splits& splits, const Outcome& outcome) {
    dl::save_history(s.out_dir, outcome.history, "history", "Chapter 1 MLP");
    nlohmann::json results = {
        {"chapter", "01_mlp"},          {"test_accuracy", outcome.test.accuracy}, {"test_loss", outcome.test.loss},
        {"epochs", s.epochs},           {"seconds", outcome.seconds},            {"parameters", outcome.parameters},
        {"hidden", s.hidden},           {"optimizer", s.optimizer},              {"lr", s.lr}, {"decay", s.decay},
        {"batch_size", s.batch_size},   {"init", s.init},                        {"seed", s.seed},
        {"train_images", splits.train.size()}, {"validation_images", splits.validation.size()}, {"threads", s.threads},
        {"final_val_accuracy", outcome.history.back().val_accuracy}};
    dl::RunDirectory(s.out_dir).write("results.json", results.dump(2) + "\n");
}

void run_main(const Settings& s) {
    const Splits splits = load_splits(s);
    std::cout << "Chapter 1: MLP 784-";
    for (std::size_t h : s.hidden) std::cout << h << "-";
    std::cout << "10 on " << splits.train.size() << " training images (" << splits.validation.size()
              << " held out for validation), " << s.optimizer << " lr " << s.lr << ", " << dl::counted(s.epochs, "epoch") << "\n";
    const Outcome outcome = train_mlp(s, splits, true, s.out_dir + "/model.ckpt");
    dl::report_confusion(outcome.test.predictions, splits.test.labels, splits.test.class_names, s.out_dir + "/confusion.png", "Chapter 1 MLP: test images");
    save_main_run(s, splits, outcome);
    std::cout << "\nresults.json, history.csv, loss.png, accuracy.png, confusion.png and model.ckpt in " << s.out_dir << "/  (" << outcome.seconds << " s)\n";
    std::cout << "test accuracy: " << dl::fixed(outcome.test.accuracy, 4) << "\n";
}

}  // namespace
}  // namespace ch01

int main(int argc, char** argv) {
    ch01::Settings s;
    std::string experiment = "none";
    CLI::App app{"Chapter 1: a multilayer perceptron on Fashion-MNIST"};
    dl::use_book_help(app);
    dl::add_training_flags(app, s);
    app.add_option("--hidden", s.hidden, "hidden layer widths, e.g. --hidden 256 128")->capture_default_str()->expected(1, 16)->check(dl::whole_number(1, 100000));
    app.add_option("--init", s.init, "weight initialization: zeros, uniform, xavier or he")->capture_default_str()->check(CLI::IsMember({"zeros", "uniform", "xavier", "he"}));
    app.add_option("--experiment", experiment, "none, init (initialization) or size (width/depth sweep)")->capture_default_str()->check(CLI::IsMember({"none", "init", "size"}));
    dl::PredictRequest predict;
    dl::add_predict_flags(app, predict, "runs/01_mlp/main/model.ckpt, which ./book run 01 writes");
    CLI11_PARSE(app, argc, argv);
    if (experiment == "none") dl::choose_run_folder(app, s, "01_mlp");
    // Each experiment has its own defaults; a flag given on the command line still wins.
    auto unless_given = [&app](const char* flag, auto& value, auto fallback) {
        if (app.count(flag) == 0) value = fallback;
    };
    if (experiment == "init") {
        unless_given("--optimizer", s.optimizer, std::string("sgd"));
        unless_given("--lr", s.lr, 0.01);
        unless_given("--epochs", s.epochs, 5);
        unless_given("--train-size", s.train_size, std::size_t(10000));
        unless_given("--out", s.out_dir, dl::default_run_dir("01_mlp/init"));
    } else if (experiment == "size") {
        unless_given("--epochs", s.epochs, 40);
        unless_given("--train-size", s.train_size, std::size_t(2000));
        unless_given("--out", s.out_dir, dl::default_run_dir("01_mlp/size"));
    }
    try {
        dl::prepare_runtime(s.threads);
        dl::check_predict_flags(app, predict, {"--experiment"});
        if (predict.wanted()) {
            ch01::run_predict(predict, s, app.count("--out") > 0 ? s.out_dir : dl::default_run_dir("01_mlp/predict"));
            return 0;
        }
        const dl::RunDirectory checked_output(s.out_dir);  // an unwritable --out fails now, not after training
        if (experiment == "init") ch01::run_init_experiment(s);
        else if (experiment == "size") ch01::run_size_experiment(s);
        else ch01::run_main(s);
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
