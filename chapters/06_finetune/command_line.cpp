// Chapter 6 — the program's flags: read once, into Settings and a dl::Command.
#include "finetune.hpp"

#include "dl/train/run_directory.hpp"
#include "dl/util/cli_checks.hpp"
#include "dl/util/runtime.hpp"

#include <CLI/CLI.hpp>

#include <stdexcept>

namespace ch06 {

namespace {

/// Flags that the method or the experiment would ignore are refused, naming them; an
/// experiment gets its budget.
void refuse_what_would_be_ignored(const CLI::App& app, const std::string& experiment, Settings& s) {
    if (s.method == Method::finetune && s.head_share > 0 && s.epochs < 2)
        throw std::invalid_argument("--epochs 1 leaves no epoch to fine-tune the body after the head's; give 2 or more, or --head-share 0");
    if (app.count("--focal-gamma") > 0 && s.loss != Loss::focal) throw std::invalid_argument("--focal-gamma is used only with --loss focal");
    if (s.method != Method::finetune) {
        for (const char* flag : {"--head-share", "--finetune-lr", "--lr-ratio"})
            if (app.count(flag) > 0) throw std::invalid_argument(std::string(flag) + " is used only with --method finetune");
    }
    if (s.method == Method::scratch && app.count("--pretrained") > 0)
        throw std::invalid_argument("--pretrained: --method scratch starts from random weights");
    if (experiment != "none") {
        // The experiment's own budget; a flag given on the command line still wins.
        dl::apply_experiment_budget(app, dl::find_experiment(experiments(), experiment), "06_finetune", s);
        for (const char* flag : {"--method", "--labels-per-class"})
            if (app.count(flag) > 0) throw std::invalid_argument(std::string(flag) + ": --experiment " + experiment + " chooses it itself");
    }
}

}  // namespace

dl::Command parse_command_line(int argc, char** argv, Settings& s) {
    dl::Command command;
    CLI::App app{"Chapter 6: fine-tune chapter 4's ResNet-20 (trained on Fashion-MNIST) on handwritten digits, or on any image folder"};
    dl::add_training_flags(app, s);
    app.remove_option(app.get_option("--val-size"));  // the validation images are their own folder
    app.get_option("--data")->description(
        "image folder with train/, test/ and optionally val/, one sub-folder per class (default: the book's digits, fetched on first use)");
    app.get_option("--lr")->description("peak learning rate of the head while the body is frozen, and of every layer with --method scratch");
    app.add_option(
           "--method", s.method,
           "scratch (random weights), head (pretrained body frozen throughout) or finetune (frozen, then all with discriminative rates) (default: finetune)")
        ->transform(dl::one_of(method_names()));
    app.add_option("--pretrained", s.pretrained, "chapter 4's ResNet-20 checkpoint (default: chapters/04_resnet/pretrained/resnet20.ckpt)")
        ->check(dl::existing_file());
    app.add_option("--labels-per-class", s.labels_per_class, "train on this many labelled images of each class (0 = all)")
        ->capture_default_str()
        ->check(dl::whole_number(0, 100000000));
    app.add_option("--head-share", s.head_share,
                   "finetune: the fraction of the epochs with the body frozen, at least one (0: unfreeze from the start)")
        ->capture_default_str()
        ->check(dl::real_number(0.0, 0.9));
    app.add_option("--finetune-lr", s.finetune_lr,
                   "finetune, after unfreezing: the head's peak rate; the body's three groups get down to it / --lr-ratio")
        ->capture_default_str()
        ->check(dl::real_number(1e-9, 10.0));
    app.add_option("--lr-ratio", s.lr_ratio, "finetune: how much slower the first layers learn than the head (1 = all the same)")
        ->capture_default_str()
        ->check(dl::real_number(1.0, 1e6));
    app.add_option("--hidden", s.hidden, "width of the new head's hidden layer")->capture_default_str()->check(dl::whole_number(1, 4096));
    app.add_option("--dropout", s.dropout, "dropout before the head's last layer (half of it before the first)")
        ->capture_default_str()
        ->check(dl::real_number(0.0, 0.9));
    app.add_option("--loss", s.loss, "ce (cross-entropy) or focal (default: ce)")->transform(dl::one_of(loss_names()));
    app.add_option("--focal-gamma", s.focal_gamma, "gamma of the focal loss")->capture_default_str()->check(dl::real_number(0.0, 10.0));
    dl::add_experiment_flag(app, command.experiment, experiments());
    dl::add_predict_flags(app, command.predict, "runs/06_finetune/main/model.ckpt, which ./book run 06 writes");
    dl::parse_flags(app, argc, argv);
    if (command.experiment == "none") dl::choose_run_folder(app, s, "06_finetune");
    dl::prepare_runtime(s.threads);
    if (dl::take_predict(app, s.out_dir, "06_finetune", {"--experiment", "--method", "--labels-per-class", "--pretrained"}, command)) return command;
    refuse_what_would_be_ignored(app, command.experiment, s);
    dl::take_training(s.out_dir, command);
    return command;
}

}  // namespace ch06
