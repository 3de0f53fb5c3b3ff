/// @file train_classifier.hpp
/// @brief The chapters' training recipe in one call: optimizer, shuffled loader, schedule, fit, test.
#pragma once

#include "dl/data/dataset.hpp"
#include "dl/train/fit.hpp"
#include "dl/train/settings.hpp"

namespace dl {

/// What a training run produced.
struct TrainingOutcome {
    std::vector<EpochRecord> history;  ///< one record per epoch
    Evaluation test;                   ///< on the test set (empty unless asked for)
    double seconds = 0;                ///< wall time of training and testing
};

/// The loop's settings a recipe implies: its epochs, verbosity, schedule (by name,
/// make_schedule()), gradient clipping and what to do on divergence. Augmentation is left
/// to the caller: it depends on what a batch holds.
/// @param settings the recipe
/// @return the options for fit()
FitOptions fit_options(const TrainingSettings& settings);

/// Trains @p model on splits.train with the optimizer, learning rate, weight decay,
/// schedule, batch size, augmentation, mixup, label smoothing and seed of @p settings, validating after every epoch; then, if
/// @p with_test, evaluates on splits.test. The trained weights stay in @p model.
/// @param model the network, images (N, C, H, W) → scores (N, K)
/// @param settings the recipe
/// @param splits the normalized training, validation and test sets
/// @param with_test whether to evaluate on the test set
/// @return the history, the test evaluation and the time taken
TrainingOutcome train_classifier(Layer<float>& model, const TrainingSettings& settings, const DataSplits& splits, bool with_test);

/// The same with the optimizer's parameter groups given instead of one group of every
/// parameter at settings.lr (discriminative learning rates; frozen parameters stay
/// frozen), and, if @p focal_gamma is positive, the focal loss of that γ instead of
/// cross-entropy. The schedule scales every group's rate by the same factor.
/// @param model the network, images (N, C, H, W) → scores (N, K)
/// @param groups the parameter groups, with their learning rates and weight decays
/// @param settings the recipe
/// @param splits the normalized training, validation and test sets
/// @param with_test whether to evaluate on the test set
/// @param focal_gamma γ of the focal loss, or 0 for softmax cross-entropy
/// @return the history, the test evaluation and the time taken
TrainingOutcome train_classifier(Layer<float>& model, std::vector<ParamGroup<float>> groups, const TrainingSettings& settings,
                                 const DataSplits& splits, bool with_test, double focal_gamma = 0.0);

}  // namespace dl
