// Chapter 1 — the pieces of the MLP program that the experiments reuse.
#pragma once

#include "dl/data/dataset.hpp"
#include "dl/data/fashion_mnist.hpp"
#include "dl/layers/init.hpp"
#include "dl/layers/sequential.hpp"
#include "dl/train/settings.hpp"
#include "dl/train/train_classifier.hpp"

#include "dl/explain/predict_photos.hpp"
#include "dl/util/program.hpp"

#include <string>
#include <vector>

namespace ch01 {

/// Every knob of the chapter-1 program: the shared training settings plus the network's
/// shape and initialization. The defaults are the chapter's main run.
struct Settings : dl::TrainingSettings {
    std::vector<std::size_t> hidden = {256, 128};  ///< hidden layer widths
    dl::Init init = dl::Init::he;                  ///< how the weights start

    Settings() {
        epochs = 12;
        batch_size = 128;
        lr = 1e-3;
        out_dir = dl::default_run_dir("01_mlp/main");
    }
};

/// Fashion-MNIST as training, validation and test sets.
using Splits = dl::DataSplits;

/// Loads, splits (seeded) and normalizes the data; train_size > 0 keeps a random subset.
Splits load_splits(const Settings& settings);

/// 784 → hidden[0] → ReLU → … → 10, weights drawn by @p init.
dl::Sequential<float> build_mlp(const std::vector<std::size_t>& hidden, dl::Init init, dl::Rng& rng);

/// What a training run produced.
struct Outcome : dl::TrainingOutcome {
    std::size_t parameters = 0;  ///< learnable values in the model
};

/// Builds the model from @p settings, trains it on splits.train, validates on
/// splits.validation after each epoch and, if @p with_test, evaluates on splits.test.
/// If @p checkpoint is not empty, the trained weights are saved there.
Outcome train_mlp(const Settings& settings, const Splits& splits, bool with_test, const std::string& checkpoint = "");

/// The architecture tag stored in chapter-1 checkpoints, e.g. "mlp-784-256-128-10".
std::string architecture_name(const std::vector<std::size_t>& hidden);

/// `./book run 01 --predict IMAGE...`: loads the network the flags describe from
/// request.checkpoint, else from the main run's checkpoint (train it first), and runs
/// dl::predict_photos() with it: each image's three most probable classes, and a panel in
/// @p out_dir with the network's input and where it looked.
/// @param request the images, the checkpoint and the class to explain
/// @param settings the flags (the architecture, and the data split whose normalization the run used)
/// @param out_dir the folder for the panels (created if missing)
void run_predict(const dl::PredictRequest& request, const Settings& settings, const std::string& out_dir);

/// Experiment (a): the same network trained from zeros, uniform, Xavier and He weights.
void run_init_experiment(Settings settings);

/// Experiment (b): train vs validation accuracy across widths and depths on a small subset.
void run_size_experiment(Settings settings);

/// @brief Runs the experiment @p name ("init" or "size").
/// @param name the --experiment value
/// @param settings the flags, with the experiment's own defaults applied
void run_experiment(const std::string& name, const Settings& settings);

/// @brief Reads the command line into @p settings: the flags of dl::add_training_flags(),
/// the network's (--hidden, --init), --experiment and --predict. Picks the run folder,
/// applies an experiment's own defaults where no flag was given, sets the threads, and
/// refuses an unwritable --out now rather than after training.
/// @param argc argc of main
/// @param argv argv of main
/// @param settings the defaults in, the flags' values out
/// @return what to do
/// @throws dl::ProgramExit after --help or a refused flag; std::invalid_argument for flags that do not go together
dl::Command parse_command_line(int argc, char** argv, Settings& settings);

/// @brief Prints what the main run will train, on how much data, with which optimizer.
void print_plan(const Settings& settings, const Splits& splits);

/// @brief The main run's report: the confusion heat map, history.csv with its curves,
/// results.json, and the test accuracy printed last.
void report_main_run(const Settings& settings, const Splits& splits, const Outcome& outcome);

}  // namespace ch01
