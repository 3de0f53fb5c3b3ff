#include "dl/train/settings.hpp"
#include "dl/util/cli_checks.hpp"
#include "dl/util/cli_help.hpp"

#include <CLI/CLI.hpp>

#include <cctype>
#include <cstdlib>
#include <stdexcept>

namespace dl {

void add_training_flags(CLI::App& app, TrainingSettings& s) {
    use_book_help(app);
    app.add_option("--epochs", s.epochs, "passes over the training data")->capture_default_str()->check(dl::whole_number(1, 10000));
    app.add_option("--batch-size", s.batch_size, "images per gradient step")->capture_default_str()->check(dl::whole_number(1, 60000));
    app.add_option("--lr", s.lr, "learning rate (the peak, when a schedule is used)")->capture_default_str()->check(dl::real_number(1e-9, 100.0));
    app.add_option("--optimizer", s.optimizer, "adam, adamw or sgd (with --momentum)")
        ->capture_default_str()
        ->check(CLI::IsMember({"adam", "adamw", "sgd"}));
    app.add_option("--momentum", s.momentum, "SGD momentum")->capture_default_str()->check(dl::real_number(0.0, 0.999));
    app.add_option("--weight-decay", s.weight_decay, "weight decay")->capture_default_str()->check(dl::real_number(0.0, 1.0));
    app.add_option("--decay", s.decay, "learning-rate schedule: none, linear (to 0 at the end), step, cosine, cyclical or one-cycle")
        ->capture_default_str()
        ->check(CLI::IsMember({"none", "linear", "step", "cosine", "cyclical", "one-cycle"}));
    app.add_option("--clip-grad-norm", s.clip_grad_norm, "scale each step's gradients down to at most this global norm (0 = off)")
        ->capture_default_str()
        ->check(dl::real_number(0.0, 1e6));
    app.add_option("--seed", s.seed, "seed for initialization, split and shuffling")->capture_default_str()->check(dl::whole_number(0, UINT64_MAX));
    app.add_option("--data", s.data_dir, "dataset folder (default: $DL_FASHION_MNIST_DIR, then the Debian package)")->check(dl::non_empty());
    app.add_option("--train-size", s.train_size, "train on a random subset of this many images (0 = all)")
        ->capture_default_str()
        ->check(dl::whole_number(0, 100000000));
    app.add_option("--val-size", s.val_size, "training images held out for validation")->capture_default_str()->check(dl::whole_number(1, 59999));
    app.add_option(
           "--out", s.out_dir,
           "output folder for results.json, history.csv, plots and the checkpoint (default: runs/NN_name/main for the default recipe, else a folder named after the flags given)")
        ->check(dl::non_empty());
    app.add_option("--threads", s.threads, "threads (one OpenMP pool, shared with OpenBLAS)")->capture_default_str()->check(dl::whole_number(1, 64));
}

void add_regularization_flags(CLI::App& app, TrainingSettings& s) {
    app.add_option("--augment", s.augment, "training-batch augmentation: none, flip, flip-crop or flip-crop-erase")
        ->capture_default_str()
        ->check(CLI::IsMember({"none", "flip", "flip-crop", "flip-crop-erase"}));
    app.add_option("--mixup", s.mixup, "mixup's alpha: blend pairs of images and their targets (0 = off)")
        ->capture_default_str()
        ->check(dl::real_number(0.0, 10.0));
    app.add_option("--label-smoothing", s.label_smoothing, "label smoothing epsilon (0 = off)")
        ->capture_default_str()
        ->check(dl::real_number(0.0, 0.5));
}

namespace {

/// A flag's value as part of a folder name: a path's last part, and only letters, digits
/// and . + - kept ("../my data/" -> "my-data").
std::string folder_word(std::string value) {
    while (value.size() > 1 && value.back() == '/') value.pop_back();
    const std::size_t slash = value.rfind('/');
    if (slash != std::string::npos) value = value.substr(slash + 1);
    for (char& c : value)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '+' && c != '-') c = '-';
    return value;
}

}  // namespace

void choose_run_folder(const CLI::App& app, TrainingSettings& s, const std::string& chapter) {
    if (app.count("--out") > 0) return;
    std::string name;
    for (const CLI::Option* option : app.get_options()) {
        if (option->count() == 0 || option->get_lnames().empty()) continue;
        std::string word = option->get_lnames().front();  // "epochs" for --epochs
        if (word == "threads" || word == "help") continue;
        if (option->get_expected_max() != 0)  // not a flag
            for (const std::string& value : option->results()) word += "-" + folder_word(value);
        name += (name.empty() ? "" : "_") + word;
    }
    s.out_dir = default_run_dir(chapter + "/" + (name.empty() ? "main" : name));
}

std::string default_run_dir(const std::string& run) {
    const char* root = std::getenv("BOOK_RUNS_DIR");
    return (root != nullptr && *root != '\0' ? std::string(root) : std::string("runs")) + "/" + run;
}

}  // namespace dl
