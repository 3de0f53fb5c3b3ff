// Chapter 1 — the data, the model and its training, shared by the main run and the experiments.
#include "mlp.hpp"

#include "dl/data/fashion_mnist.hpp"
#include "dl/data/normalize.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/layers/activations.hpp"
#include "dl/layers/flatten.hpp"
#include "dl/layers/linear.hpp"
#include "dl/optim/adam.hpp"
#include "dl/optim/sgd.hpp"
#include "dl/util/timer.hpp"

#include <memory>

namespace ch01 {

Splits load_splits(const Settings& settings) {
    const std::string dir = dl::locate_fashion_mnist(settings.data_dir);
    const dl::TrainValidation parts = dl::split_validation(dl::load_fashion_mnist(dir, true), settings.val_size, settings.seed);
    Splits splits{parts.train, parts.validation, dl::load_fashion_mnist(dir, false)};
    if (settings.train_size > 0) splits.train = dl::random_subset(splits.train, settings.train_size, settings.seed + 1);
    // Statistics come from the training images only: the test set stays unseen.
    const dl::Normalization norm = dl::fit_normalization(splits.train.images);
    for (dl::ImageDataset* part : {&splits.train, &splits.validation, &splits.test}) dl::normalize(part->images, norm);
    return splits;
}

dl::Sequential<float> build_mlp(const std::vector<std::size_t>& hidden, dl::Init init, dl::Rng& rng) {
    dl::Sequential<float> net;
    net.add<dl::Flatten<float>>();  // (N, 1, 28, 28) -> (N, 784)
    std::size_t width = 28 * 28;
    for (std::size_t h : hidden) {
        net.add<dl::Linear<float>>(width, h, init, rng);  // (N, width) -> (N, h)
        net.add<dl::ReLU<float>>();
        width = h;
    }
    net.add<dl::Linear<float>>(width, 10, init, rng);  // (N, width) -> (N, 10) class scores
    return net;
}

namespace {

std::unique_ptr<dl::Optimizer<float>> make_optimizer(const Settings& s, dl::Layer<float>& model) {
    auto groups = dl::single_group(model.parameters(), s.lr);
    if (s.optimizer == "adam") return std::make_unique<dl::Adam<float>>(groups);
    if (s.optimizer == "sgd") return std::make_unique<dl::SGD<float>>(groups, s.momentum);
    throw std::invalid_argument("--optimizer: unknown optimizer '" + s.optimizer + "' (expected adam or sgd)");
}

}  // namespace

std::string architecture_name(const std::vector<std::size_t>& hidden) {
    std::string name = "mlp-784";
    for (std::size_t h : hidden) name += "-" + std::to_string(h);
    return name + "-10";
}

Outcome train_mlp(const Settings& settings, const Splits& splits, bool with_test, const std::string& checkpoint) {
    dl::Timer timer;
    dl::Rng rng(settings.seed);
    dl::Sequential<float> model = build_mlp(settings.hidden, dl::parse_init(settings.init), rng);
    auto optimizer = make_optimizer(settings, model);
    dl::DataLoader loader(splits.train, settings.batch_size, true, settings.seed + 2);
    dl::FitOptions options;
    options.epochs = settings.epochs;
    options.verbose = settings.verbose;
    if (settings.decay == "linear") {
        // Large steps early, small steps late: the rate falls linearly to 0 over training.
        const double total_steps = double(settings.epochs) * double(loader.batches_per_epoch());
        options.before_step = [&, total_steps](int epoch, std::size_t step, std::size_t steps_per_epoch) {
            const double done = double(epoch - 1) * double(steps_per_epoch) + double(step);
            optimizer->set_lr(settings.lr * (1.0 - done / total_steps));
        };
    }
    Outcome outcome;
    outcome.parameters = dl::parameter_count(model);
    outcome.history = dl::fit(model, *optimizer, loader, splits.validation, options);
    if (with_test) outcome.test = dl::evaluate(model, splits.test);
    if (!checkpoint.empty()) dl::save_checkpoint(checkpoint, model, architecture_name(settings.hidden));
    outcome.seconds = timer.seconds();
    return outcome;
}

}  // namespace ch01
