// Chapter 1 — the pieces of the MLP program that the experiments reuse.
#pragma once

#include "dl/data/dataset.hpp"
#include "dl/layers/init.hpp"
#include "dl/layers/sequential.hpp"
#include "dl/train/fit.hpp"

#include <string>
#include <vector>

namespace ch01 {

/// Every knob of the chapter-1 program; the defaults are the chapter's main run.
struct Settings {
    int epochs = 12;                            // passes over the training data
    std::size_t batch_size = 128;               // images per gradient step
    double lr = 1e-3;                           // learning rate
    std::string optimizer = "adam";             // adam | sgd (with momentum)
    double momentum = 0.9;                      // SGD momentum
    std::string decay = "linear";               // linear: lr falls to 0 by the last step; none
    std::uint64_t seed = 1;                     // one seed drives init, split and shuffling
    std::string data_dir;                       // Fashion-MNIST folder ("" = find it)
    std::vector<std::size_t> hidden = {256, 128};  // hidden layer widths
    std::string init = "he";                    // zeros | uniform | xavier | he
    std::size_t train_size = 0;                 // 0 = all 55,000 training images
    std::size_t val_size = 5000;                // held out of the 60,000 for validation
    std::string out_dir = "runs/01_mlp/main";   // where results go
    int threads = 2;                            // BLAS threads
    bool verbose = true;                        // progress bar and epoch table
};

/// Fashion-MNIST cut into the three sets every experiment needs, normalized with the
/// training set's mean and standard deviation.
struct Splits {
    dl::ImageDataset train, validation, test;
};

/// Loads, splits (seeded) and normalizes the data; train_size > 0 keeps a random subset.
Splits load_splits(const Settings& settings);

/// 784 → hidden[0] → ReLU → … → 10, weights drawn by @p init.
dl::Sequential<float> build_mlp(const std::vector<std::size_t>& hidden, dl::Init init, dl::Rng& rng);

/// What a training run produced.
struct Outcome {
    std::vector<dl::EpochRecord> history;
    dl::Evaluation test;          // on the test set (empty if not asked for)
    std::size_t parameters = 0;
    double seconds = 0;
};

/// Builds the model from @p settings, trains it on splits.train, validates on
/// splits.validation after each epoch and, if @p with_test, evaluates on splits.test.
/// If @p checkpoint is not empty, the trained weights are saved there.
Outcome train_mlp(const Settings& settings, const Splits& splits, bool with_test, const std::string& checkpoint = "");

/// The architecture tag stored in chapter-1 checkpoints, e.g. "mlp-784-256-128-10".
std::string architecture_name(const std::vector<std::size_t>& hidden);

/// Experiment (a): the same network trained from zeros, uniform, Xavier and He weights.
void run_init_experiment(Settings settings);

/// Experiment (b): train vs validation accuracy across widths and depths on a small subset.
void run_size_experiment(Settings settings);

}  // namespace ch01
