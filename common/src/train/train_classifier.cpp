#include "dl/train/train_classifier.hpp"

#include "dl/optim/make_optimizer.hpp"
#include "dl/optim/schedules.hpp"
#include "dl/util/timer.hpp"

namespace dl {

TrainingOutcome train_classifier(Layer<float>& model, const TrainingSettings& settings, const DataSplits& splits, bool with_test) {
    Timer timer;
    auto optimizer = make_optimizer(settings.optimizer, single_group(model.parameters(), settings.lr, settings.weight_decay), settings.momentum);
    DataLoader loader(splits.train, settings.batch_size, true, settings.seed + 2);
    FitOptions options;
    options.epochs = settings.epochs;
    options.verbose = settings.verbose;
    // Large steps early, small steps late: with "linear" the rate falls to 0 over training.
    options.lr_factor = make_schedule(settings.decay);
    TrainingOutcome outcome;
    outcome.history = fit(model, *optimizer, loader, splits.validation, options);
    if (with_test) outcome.test = evaluate(model, splits.test);
    outcome.seconds = timer.seconds();
    return outcome;
}

}  // namespace dl
