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

}  // namespace dl
