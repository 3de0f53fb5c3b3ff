// Chapter 1 — the data, the model and its training, shared by the main run and the experiments.
#include "mlp.hpp"

#include "dl/io/checkpoint.hpp"
#include "dl/layers/activations.hpp"
#include "dl/layers/flatten.hpp"
#include "dl/layers/linear.hpp"

namespace ch01 {

Splits load_splits(const Settings& settings) {
    return dl::load_fashion_mnist_splits(settings.data_dir, settings.val_size, settings.train_size, settings.seed);
}

//! [build_mlp]
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
//! [build_mlp]

std::string architecture_name(const std::vector<std::size_t>& hidden) {
    std::string name = "mlp-784";
    for (std::size_t h : hidden) name += "-" + std::to_string(h);
    return name + "-10";
}

Outcome train_mlp(const Settings& settings, const Splits& splits, bool with_test, const std::string& checkpoint) {
    dl::Rng rng(settings.seed);
    dl::Sequential<float> model = build_mlp(settings.hidden, settings.init, rng);
    Outcome outcome;
    static_cast<dl::TrainingOutcome&>(outcome) = dl::train_classifier(model, settings, splits, with_test);
    outcome.parameters = dl::parameter_count(model);
    if (!checkpoint.empty()) dl::save_checkpoint(checkpoint, model, architecture_name(settings.hidden));
    return outcome;
}

}  // namespace ch01
