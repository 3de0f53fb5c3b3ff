// Chapter 3 — the program's flags: read once, into Settings and a dl::Command.
#include "vgg.hpp"

#include "dl/train/run_directory.hpp"
#include "dl/util/cli_checks.hpp"
#include "dl/util/runtime.hpp"

#include <CLI/CLI.hpp>

namespace ch03 {

dl::Command parse_command_line(int argc, char** argv, Settings& s) {
    dl::Command command;
    bool no_batch_norm = false;
    CLI::App app{"Chapter 3: a small VGG on Fashion-MNIST with BatchNorm, augmentation and a global-average-pooling head"};
    dl::add_training_flags(app, s);
    dl::add_regularization_flags(app, s);
    Architecture& a = s.architecture;
    app.add_option("--width", a.width, "channels of the first stage (the next stages have 2x and 4x)")
        ->capture_default_str()
        ->check(dl::whole_number(1, 512));
    app.add_flag("--no-batch-norm", no_batch_norm, "leave out every BatchNorm layer");
    app.add_option("--activation", a.activation, "relu or elu")->capture_default_str()->check(CLI::IsMember({"relu", "elu"}));
    app.add_option("--head", a.head, "gap (global average pooling + linear) or fc (flatten + 256 + linear, VGG style)")
        ->capture_default_str()
        ->check(CLI::IsMember({"gap", "fc"}));
    app.add_option("--dropout", a.dropout, "dropout probability before the last linear layer")
        ->capture_default_str()
        ->check(dl::real_number(0.0, 0.95));
    dl::add_experiment_flag(app, command.experiment, experiments());
    dl::add_predict_flags(app, command.predict, "runs/03_vgg/main/model.ckpt, which ./book run 03 writes");
    dl::parse_flags(app, argc, argv);
    if (command.experiment == "none") dl::choose_run_folder(app, s, "03_vgg");
    a.batch_norm = !no_batch_norm;
    dl::prepare_runtime(s.threads);
    if (dl::take_predict(app, s.out_dir, "03_vgg", {"--experiment"}, command)) return command;
    // Each experiment has its own budget; a flag given on the command line still wins.
    if (command.experiment != "none") dl::apply_experiment_budget(app, dl::find_experiment(experiments(), command.experiment), "03_vgg", s);
    dl::take_training(s.out_dir, command);
    return command;
}

}  // namespace ch03
