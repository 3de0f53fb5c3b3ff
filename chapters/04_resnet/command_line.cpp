// Chapter 4 — the program's flags: read once, into Settings and a dl::Command.
#include "resnet.hpp"

#include "dl/train/run_directory.hpp"
#include "dl/util/cli_checks.hpp"
#include "dl/util/runtime.hpp"

#include <CLI/CLI.hpp>

#include <stdexcept>

namespace ch04 {

namespace {

/// An experiment's own budget (a flag given on the command line still wins), and the
/// flags it would ignore refused.
void prepare_experiment(const CLI::App& app, const std::string& experiment, bool plain, Settings& s) {
    dl::apply_experiment_budget(app, dl::find_experiment(experiments(), experiment), "04_resnet", s);
    if (plain) throw std::invalid_argument("--plain: --experiment " + experiment + " chooses plain or residual networks itself");
    if (experiment == "depth" && s.architecture.stochastic_depth > 0)
        throw std::invalid_argument("--stochastic-depth: --experiment depth trains without it (see --experiment stochastic-depth)");
}

}  // namespace

dl::Command parse_command_line(int argc, char** argv, Settings& s) {
    dl::Command command;
    bool plain = false;
    CLI::App app{"Chapter 4: a CIFAR-style ResNet on Fashion-MNIST (residual blocks, stochastic depth, a checkpoint for chapter 6)"};
    dl::add_training_flags(app, s);
    dl::add_regularization_flags(app, s);
    Architecture& a = s.architecture;
    app.add_option("--blocks", a.blocks_per_stage, "residual blocks per stage, n: depth 6n+2 (3 = ResNet-20, 9 = ResNet-56)")
        ->capture_default_str()
        ->check(dl::whole_number(1, 50));
    app.add_option("--width", a.width, "channels of the first stage (the next stages have 2x and 4x)")
        ->capture_default_str()
        ->check(dl::whole_number(1, 512));
    app.add_flag("--plain", plain, "the same layers without shortcuts (a plain network)");
    app.add_option("--stochastic-depth", a.stochastic_depth, "drop probability of the last block (block l of L: l/L of it); 0 = off")
        ->capture_default_str()
        ->check(dl::real_number(0.0, 0.95));
    app.add_option("--evaluate", s.evaluate, "evaluate this checkpoint on the test set instead of training (the architecture flags must match it)")
        ->check(dl::existing_file());
    dl::add_predict_flags(app, command.predict, "runs/04_resnet/main/model.ckpt if you trained one, else the committed one");
    dl::add_experiment_flag(app, command.experiment, experiments());
    dl::parse_flags(app, argc, argv);
    if (command.experiment == "none") dl::choose_run_folder(app, s, "04_resnet");
    a.residual = !plain;
    dl::prepare_runtime(s.threads);
    if (dl::take_predict(app, s.out_dir, "04_resnet", {"--experiment", "--evaluate"}, command)) return command;
    if (!s.evaluate.empty()) {
        if (command.experiment != "none") throw std::invalid_argument("--evaluate tests a checkpoint; it cannot be combined with --experiment");
        command.action = dl::Action::evaluate;
        command.checkpoint = s.evaluate;
        command.out_dir = dl::output_folder(app, s.out_dir, "04_resnet/evaluate");
    } else {
        if (command.experiment != "none") prepare_experiment(app, command.experiment, plain, s);
        dl::take_training(s.out_dir, command);
    }
    return command;
}

}  // namespace ch04
