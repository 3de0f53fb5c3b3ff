#include "dl/train/train_classifier.hpp"

#include "dl/optim/make_optimizer.hpp"
#include "dl/optim/schedules.hpp"
#include "dl/train/batch_policy.hpp"
#include "dl/train/classification_task.hpp"
#include "dl/util/timer.hpp"

namespace dl {

FitOptions fit_options(const TrainingSettings& settings) {
    FitOptions options;
    options.epochs = settings.epochs;
    options.verbose = settings.verbose;
    // Large steps early, small steps late: with "linear" the rate falls to 0 over training.
    options.lr_factor = make_schedule(settings.decay);
    options.clip_grad_norm = settings.clip_grad_norm;
    options.stop_when_diverged = settings.stop_when_diverged;
    return options;
}

TrainingOutcome train_classifier(Layer<float>& model, const TrainingSettings& settings, const DataSplits& splits, bool with_test) {
    return train_classifier(model, single_group(model.parameters(), settings.lr, settings.weight_decay), settings, splits, with_test);
}

TrainingOutcome train_classifier(Layer<float>& model, std::vector<ParamGroup<float>> groups, const TrainingSettings& settings,
                                 const DataSplits& splits, bool with_test, double focal_gamma) {
    Timer timer;
    auto optimizer = make_optimizer(settings.optimizer, std::move(groups), settings.momentum);
    // A last batch of a single image cannot go through BatchNorm1d (its variance is 0): skip it.
    const bool drop_last = splits.train.size() % settings.batch_size == 1;
    DataLoader loader(splits.train, settings.batch_size, true, settings.seed + 2, drop_last);
    FitOptions options = fit_options(settings);
    const float black = -splits.normalization.mean / splits.normalization.stddev;
    options.augment = make_augmentation(settings.augment, black, settings.seed + 3);
    ClassificationTask task(splits.validation);
    task.use_soft_targets(make_soft_targets(splits.train.class_names.size(), settings.mixup, settings.label_smoothing, settings.seed + 4));
    if (focal_gamma > 0) task.use_focal_loss(focal_gamma);
    TrainingOutcome outcome;
    outcome.history = fit(model, *optimizer, loader, task, options);
    if (with_test) outcome.test = evaluate(model, splits.test);
    outcome.seconds = timer.seconds();
    return outcome;
}

}  // namespace dl
