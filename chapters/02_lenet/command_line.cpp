// Chapter 2 — the program's flags: read once, into Settings and a dl::Command.
#include "lenet.hpp"

#include "dl/train/run_directory.hpp"
#include "dl/util/cli_checks.hpp"
#include "dl/util/runtime.hpp"

#include <CLI/CLI.hpp>

#include <stdexcept>

namespace ch02 {

dl::Command parse_command_line(int argc, char** argv, Settings& s) {
    dl::Command command;
    CLI::App app{"Chapter 2: LeNet-5 on Fashion-MNIST, convolution through im2col + GEMM"};
    dl::add_training_flags(app, s);
    app.add_flag("--classic", s.classic, "the 1998 form: tanh activations and average pooling");
    app.add_option("--conv", s.conv, "convolution algorithm: gemm (im2col + GEMM) or naive (nested loops)")
        ->capture_default_str()
        ->check(CLI::IsMember({"gemm", "naive"}));
    app.add_option("--experiment", command.experiment, "none, or speed (one epoch: naive loops vs im2col + GEMM)")
        ->capture_default_str()
        ->check(CLI::IsMember({"none", "speed"}));
    app.add_flag(
        "--mine", s.mine,
        "train on your own answers to exercises 2.1-2.5 in place of the library's convolution and max-pool backward (./book run 02 --mine scores them first)");
    dl::add_predict_flags(app, command.predict, "runs/02_lenet/main/model.ckpt, which ./book run 02 writes");
    dl::parse_flags(app, argc, argv);
    if (command.experiment == "speed") {  // its own budget; a flag given on the command line still wins
        if (app.count("--train-size") == 0) s.train_size = 2000;
        if (app.count("--out") == 0) s.out_dir = dl::default_run_dir("02_lenet/speed");
    }
    if (command.experiment == "none") dl::choose_run_folder(app, s, "02_lenet");
    if (s.mine && command.experiment != "none")
        throw std::invalid_argument("--mine trains the main run; --experiment " + command.experiment + " uses the library's layers");
    dl::prepare_runtime(s.threads);
    if (!dl::take_predict(app, s.out_dir, "02_lenet", {"--experiment", "--mine"}, command)) dl::take_training(s.out_dir, command);
    return command;
}

}  // namespace ch02
