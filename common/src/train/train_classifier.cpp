#include "dl/train/train_classifier.hpp"

#include "dl/optim/make_optimizer.hpp"
#include "dl/optim/schedules.hpp"
#include "dl/train/batch_policy.hpp"
#include "dl/util/timer.hpp"

namespace dl {

TrainingOutcome train_classifier(Layer<float>& model, const TrainingSettings& settings, const DataSplits& splits, bool with_test) {
    return train_classifier(model, single_group(model.parameters(), settings.lr, settings.weight_decay), settings, splits, with_test);
}

TrainingOutcome train_classifier(Layer<float>& model, std::vector<ParamGroup<float>> groups, const TrainingSettings& settings,
                                 const DataSplits& splits, bool with_test, decltype(FitOptions::loss) loss) {
    Timer timer;
    auto optimizer = make_optimizer(settings.optimizer, std::move(groups), settings.momentum);
    // A last batch of a single image cannot go through BatchNorm1d (its variance is 0): skip it.
    const bool drop_last = splits.train.size() % settings.batch_size == 1;
    DataLoader loader(splits.train, settings.batch_size, true, settings.seed + 2, drop_last);
    FitOptions options;
    options.epochs = settings.epochs;
    options.verbose = settings.verbose;
    // Large steps early, small steps late: with "linear" the rate falls to 0 over training.
    options.lr_factor = make_schedule(settings.decay);
    const float black = -splits.normalization.mean / splits.normalization.stddev;
    options.augment = make_augmentation(settings.augment, black, settings.seed + 3);
    options.loss = std::move(loss);
    options.clip_grad_norm = settings.clip_grad_norm;
    options.stop_when_diverged = settings.stop_when_diverged;
    options.soft_targets = make_soft_targets(splits.train.class_names.size(), settings.mixup, settings.label_smoothing, settings.seed + 4);
    TrainingOutcome outcome;
    outcome.history = fit(model, *optimizer, loader, splits.validation, options);
    if (with_test) outcome.test = evaluate(model, splits.test);
    outcome.seconds = timer.seconds();
    return outcome;
}

}  // namespace dl
