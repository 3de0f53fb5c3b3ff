// Chapter 1 — the program's flags: read once, into Settings and a dl::Command.
#include "mlp.hpp"

#include "dl/train/run_directory.hpp"
#include "dl/util/cli_checks.hpp"
#include "dl/util/runtime.hpp"

#include <CLI/CLI.hpp>

namespace ch01 {

namespace {

/// Each experiment's own recipe; a flag given on the command line still wins.
void apply_experiment_defaults(const CLI::App& app, const std::string& experiment, Settings& s) {
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
}

}  // namespace

dl::Command parse_command_line(int argc, char** argv, Settings& s) {
    dl::Command command;
    CLI::App app{"Chapter 1: a multilayer perceptron on Fashion-MNIST"};
    dl::add_training_flags(app, s);
    app.add_option("--hidden", s.hidden, "hidden layer widths, e.g. --hidden 256 128")
        ->capture_default_str()
        ->expected(1, 16)
        ->check(dl::whole_number(1, 100000));
    app.add_option("--init", s.init, "weight initialization: zeros, uniform, xavier or he (default: he)")->transform(dl::one_of(dl::init_names()));
    app.add_option("--experiment", command.experiment, "none, init (initialization) or size (width/depth sweep)")
        ->capture_default_str()
        ->check(CLI::IsMember({"none", "init", "size"}));
    dl::add_predict_flags(app, command.predict, "runs/01_mlp/main/model.ckpt, which ./book run 01 writes");
    dl::parse_flags(app, argc, argv);
    if (command.experiment == "none") dl::choose_run_folder(app, s, "01_mlp");
    apply_experiment_defaults(app, command.experiment, s);
    dl::prepare_runtime(s.threads);
    if (!dl::take_predict(app, s.out_dir, "01_mlp", {"--experiment"}, command)) dl::take_training(s.out_dir, command);
    return command;
}

}  // namespace ch01
