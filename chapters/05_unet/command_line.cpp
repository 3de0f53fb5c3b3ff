// Chapter 5 — the program's flags: read once, into Settings and a dl::Command.
#include "segmentation_task.hpp"

#include "dl/train/run_directory.hpp"
#include "dl/util/cli_checks.hpp"
#include "dl/util/runtime.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <stdexcept>

namespace ch05 {

namespace {

/// The network's shape from the flags: --levels and --width only for the plain encoder
/// (with its own defaults), --pretrained only for ResNet-20's.
void settle_architecture(const CLI::App& app, Settings& s) {
    Architecture& a = s.architecture;
    if (a.encoder == Encoder::resnet20) {
        for (const char* flag : {"--levels", "--width"})
            if (app.count(flag) > 0)
                throw std::invalid_argument(std::string(flag) + " shapes the plain encoder; the resnet20 encoder has 2 levels of 16 and 32 channels");
    } else {
        if (app.count("--pretrained") > 0)
            throw std::invalid_argument("--pretrained: the plain encoder starts from random weights (it is not chapter 4's network)");
        if (app.count("--levels") == 0) a.levels = 3;  // the plain encoder's own defaults
        if (app.count("--width") == 0) a.width = 8;
    }
    if (!s.pretrained.empty() && s.pretrained != "none" && !std::filesystem::is_regular_file(s.pretrained))
        throw std::invalid_argument("--pretrained " + s.pretrained + ": no such file (or 'none' for random weights)");
}

/// Flags that the action chosen would ignore are refused, naming them; an experiment gets its budget.
void refuse_what_would_be_ignored(const CLI::App& app, const std::string& experiment, const std::string& checkpoint, Settings& s) {
    if (!s.scenes_dir.empty()) {
        // Both only shape the book's own dataset; with --scenes they would be ignored.
        for (const char* flag : {"--train-scenes", "--data"}) {
            if (app.count(flag) > 0) throw std::invalid_argument(std::string(flag) + " describes the book's dataset; it has no effect with --scenes");
        }
    }
    if (experiment != "none") {
        // The experiment's own budget; a flag given on the command line still wins.
        dl::apply_experiment_budget(app, dl::find_experiment(experiments(), experiment), "05_unet", s);
        if (app.count("--decoder") > 0) throw std::invalid_argument("--decoder: --experiment " + experiment + " trains every decoder itself");
    }
    if (!checkpoint.empty()) {
        if (experiment != "none") throw std::invalid_argument("--evaluate measures one saved model; it does not go with --experiment");
        for (const char* flag :
             {"--epochs", "--batch-size", "--lr", "--optimizer", "--momentum", "--weight-decay", "--decay", "--augment", "--loss", "--train-size"})
            if (app.count(flag) > 0) throw std::invalid_argument(std::string(flag) + " shapes training; --evaluate does not train");
    }
}

}  // namespace

dl::Command parse_command_line(int argc, char** argv, Settings& s) {
    dl::Command command;
    CLI::App app{"Chapter 5: a U-Net segments Fashion scenes (transposed convolution, skip connections, Dice loss)"};
    dl::add_training_flags(app, s);
    app.remove_option(app.get_option("--val-size"));  // the validation scenes are their own folder
    app.get_option("--data")->description(
        "Fashion-MNIST folder, to make the scenes from on first use (default: $DL_FASHION_MNIST_DIR, then the Debian package)");
    app.get_option("--train-size")->description("train on a random subset of this many training scenes (0 = all)");
    app.add_option("--augment", s.augment, "training augmentation: none or flip (image and mask together)")
        ->capture_default_str()
        ->check(CLI::IsMember({"none", "flip"}));
    Architecture& a = s.architecture;
    app.add_option(
           "--encoder", a.encoder,
           "resnet20 (chapter 4's ResNet-20 cut before its pooling) or plain (conv blocks and max pooling; see --levels, --width) (default: resnet20)")
        ->transform(dl::one_of(encoder_names()));
    app.add_option("--pretrained", s.pretrained,
                   "resnet20 encoder: chapter 4's checkpoint, or 'none' for random weights (default: chapters/04_resnet/pretrained/resnet20.ckpt)")
        ->check(dl::existing_file("none"));
    app.add_option("--decoder", a.decoder,
                   "upsample (nearest + conv, no skips), transpose (no skips) or unet (transposed conv + skips) (default: unet)")
        ->transform(dl::one_of(decoder_names()));
    app.add_option("--levels", a.levels, "plain encoder: levels (each halves the image); default 3 with --encoder plain")
        ->capture_default_str()
        ->check(dl::whole_number(1, 5));
    app.add_option("--width", a.width, "plain encoder: channels at the first level (doubling at each deeper one); default 8 with --encoder plain")
        ->capture_default_str()
        ->check(dl::whole_number(1, 256));
    app.add_option("--loss", s.loss, "ce (pixel cross-entropy), dice, or ce+dice (default: ce+dice)")->transform(dl::one_of(loss_names()));
    app.add_option("--scenes", s.scenes_dir,
                   "a scenes folder with train/, val/ and test/, each holding images/ and masks/ (default: the book's, made on first use)")
        ->check(dl::non_empty());
    app.add_option("--train-scenes", s.scene_sizes.train, "training scenes when the book's dataset is made")
        ->capture_default_str()
        ->check(dl::whole_number(1, 1000000));
    app.add_option("--tta", s.tta, "test-time augmentation: none, or flip (average each scene's scores with its mirror image's; twice the cost)")
        ->capture_default_str()
        ->check(CLI::IsMember({"none", "flip"}));
    std::string checkpoint;
    app.add_option("--evaluate", checkpoint,
                   "measure this saved model (a model.ckpt of the same --encoder/--decoder) on the validation and test scenes; no training")
        ->check(dl::existing_file());
    dl::add_experiment_flag(app, command.experiment, experiments());
    dl::add_predict_flags(app, command.predict, "runs/05_unet/main/model.ckpt, which ./book run 05 writes");
    app.get_option("--predict")
        ->description("instead of training: label every pixel of these images (PNG, JPEG, BMP, GIF; light or dark objects on a plain background)");
    dl::parse_flags(app, argc, argv);
    if (command.experiment == "none") dl::choose_run_folder(app, s, "05_unet");
    settle_architecture(app, s);
    dl::prepare_runtime(s.threads);
    if (dl::take_predict(app, s.out_dir, "05_unet", {"--experiment", "--evaluate", "--epochs", "--lr", "--train-size"}, command)) return command;
    refuse_what_would_be_ignored(app, command.experiment, checkpoint, s);
    dl::take_training(s.out_dir, command);
    if (!checkpoint.empty()) {
        command.action = dl::Action::evaluate;
        command.checkpoint = checkpoint;
    }
    return command;
}

}  // namespace ch05
