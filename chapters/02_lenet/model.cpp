// Chapter 2 — LeNet-5 and its training.
#include "lenet.hpp"

#include "dl/layers/activations.hpp"
#include "dl/layers/avg_pool2d.hpp"
#include "dl/layers/flatten.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/max_pool2d.hpp"

#include <stdexcept>

namespace ch02 {

namespace {

void add_activation(dl::Sequential<float>& net, bool classic) {
    if (classic) net.add<dl::Tanh<float>>();
    else net.add<dl::ReLU<float>>();
}

void add_pool(dl::Sequential<float>& net, bool classic) {
    if (classic) net.add<dl::AvgPool2d<float>>(2);
    else net.add<dl::MaxPool2d<float>>(2);
}

}  // namespace

//! [build_lenet]
dl::Sequential<float> build_lenet(bool classic, dl::Rng& rng) {
    // He initialization suits ReLU; Xavier suits tanh (chapter 1, experiment a).
    const dl::Init init = classic ? dl::Init::xavier : dl::Init::he;
    dl::Sequential<float> net;
    auto& first = net.add<dl::Conv2d<float>>(1, 6, 5, 1, 2, init, rng);  // (N, 1, 28, 28) -> (N, 6, 28, 28)
    first.set_input_gradient_needed(false);  // its input is the images: no one needs dL/dx
    add_activation(net, classic);
    add_pool(net, classic);                                // -> (N, 6, 14, 14)
    net.add<dl::Conv2d<float>>(6, 16, 5, 1, 0, init, rng); // -> (N, 16, 10, 10)
    add_activation(net, classic);
    add_pool(net, classic);                                // -> (N, 16, 5, 5)
    net.add<dl::Flatten<float>>();                         // -> (N, 400)
    net.add<dl::Linear<float>>(400, 120, init, rng);
    add_activation(net, classic);
    net.add<dl::Linear<float>>(120, 84, init, rng);
    add_activation(net, classic);
    net.add<dl::Linear<float>>(84, 10, init, rng);         // -> (N, 10) class scores
    return net;
}
//! [build_lenet]

std::string architecture_tag(bool classic) { return classic ? "lenet5-classic" : "lenet5"; }

void use_conv_algorithm(dl::Sequential<float>& model, const std::string& algorithm) {
    if (algorithm != "gemm" && algorithm != "naive") throw std::invalid_argument("--conv: unknown algorithm '" + algorithm + "' (expected gemm or naive)");
    for (std::size_t i = 0; i < model.size(); ++i) {
        if (auto* conv = dynamic_cast<dl::Conv2d<float>*>(&model[i])) {
            conv->set_algorithm(algorithm == "naive" ? dl::ConvAlgorithm::naive : dl::ConvAlgorithm::gemm);
        }
    }
}

Outcome train_lenet(const Settings& settings, const dl::DataSplits& splits, dl::Sequential<float>& model, bool with_test) {
    use_conv_algorithm(model, settings.conv);
    return dl::train_classifier(model, settings, splits, with_test);
}

}  // namespace ch02
