/// @file settings.hpp
/// @brief The knobs every chapter's training run shares, and their command-line flags.
#pragma once

#include <cstdint>
#include <string>

namespace CLI {
class App;  // CLI11, included only by settings.cpp and the chapter programs
}

namespace dl {

/// Settings common to every chapter program. A chapter extends it with its own fields.
struct TrainingSettings {
    int epochs = 10;                 ///< passes over the training data
    std::size_t batch_size = 128;    ///< images per gradient step
    double lr = 1e-3;                ///< (peak) learning rate
    std::string optimizer = "adam";  ///< adam | adamw | sgd
    double momentum = 0.9;           ///< SGD momentum
    double weight_decay = 0.0;       ///< L2 (adam, sgd) or decoupled (adamw) weight decay
    std::string decay = "linear";    ///< learning-rate schedule, by name (see make_schedule())
    std::uint64_t seed = 1;          ///< one seed drives initialization, split and shuffling
    std::string data_dir;            ///< dataset folder ("" = find it)
    std::size_t train_size = 0;      ///< 0 = every training image; else a random subset
    std::size_t val_size = 5000;     ///< training images held out for validation
    std::string out_dir;             ///< where results, plots and checkpoints go
    int threads = 2;                 ///< BLAS threads
    bool verbose = true;             ///< progress bar and epoch table
    std::string augment = "none";    ///< none | flip | flip-crop | flip-crop-erase (see make_augmentation())
    double mixup = 0.0;              ///< mixup's α (0 = off)
    double label_smoothing = 0.0;    ///< ε of label smoothing (0 = plain one-hot targets)
    double clip_grad_norm = 0.0;     ///< largest global gradient norm of a step (0 = no clipping)
    bool stop_when_diverged = true;  ///< false: a diverged run ends and is recorded as such (experiments)
};

/// The folder for a run's outputs: $BOOK_RUNS_DIR/@p run (the `book` script sets it to
/// the repository's runs/ folder), or runs/@p run relative to the current folder.
/// @param run the run's path below runs/, e.g. "02_lenet/main"
/// @return the folder's path
std::string default_run_dir(const std::string& run);

/// Where a chapter's main run writes, so that a trial never overwrites it: the --out folder
/// when given; else runs/@p chapter/main when no flag changed what is trained; else a folder
/// named after the flags given, in the order --help lists them, such as
/// runs/02_lenet/epochs-1_lr-0.1 or runs/02_lenet/classic. --threads does not count: it
/// changes the speed, not the recipe. Call after @p app has parsed the command line.
/// @param app the parsed command line
/// @param settings whose out_dir is set
/// @param chapter the chapter's folder under runs/, e.g. "02_lenet"
void choose_run_folder(const CLI::App& app, TrainingSettings& settings, const std::string& chapter);

/// Gives @p app the book's help (use_book_help()), then adds --epochs, --batch-size, --lr, --optimizer, --momentum, --weight-decay, --decay,
/// --clip-grad-norm, --seed, --data, --train-size, --val-size, --out and --threads to @p app, bound to
/// @p settings (whose current values are shown as the defaults).
/// @param app the chapter program's command line
/// @param settings receives the values given
void add_training_flags(CLI::App& app, TrainingSettings& settings);

/// Adds --augment, --mixup and --label-smoothing (chapter 3 on) to @p app, bound to
/// @p settings.
/// @param app the chapter program's command line
/// @param settings receives the values given
void add_regularization_flags(CLI::App& app, TrainingSettings& settings);

}  // namespace dl
