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

/// Trains @p model on splits.train with the optimizer, learning rate, weight decay,
/// schedule, batch size, augmentation, mixup, label smoothing and seed of @p settings, validating after every epoch; then, if
/// @p with_test, evaluates on splits.test. The trained weights stay in @p model.
TrainingOutcome train_classifier(Layer<float>& model, const TrainingSettings& settings, const DataSplits& splits, bool with_test);

/// The same with the optimizer's parameter groups given instead of one group of every
/// parameter at settings.lr (discriminative learning rates; frozen parameters stay
/// frozen), and, if @p loss is set, that loss instead of cross-entropy (see FitOptions::loss).
/// The schedule scales every group's rate by the same factor.
TrainingOutcome train_classifier(Layer<float>& model, std::vector<ParamGroup<float>> groups, const TrainingSettings& settings,
                                 const DataSplits& splits, bool with_test, decltype(FitOptions::loss) loss = {});

}  // namespace dl
