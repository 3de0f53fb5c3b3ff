// Chapter 2 — LeNet-5 and its training.
#include "lenet.hpp"

#include "dl/layers/activations.hpp"
#include "dl/layers/avg_pool2d.hpp"
#include "dl/layers/flatten.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/max_pool2d.hpp"

#include <stdexcept>

namespace ch02 {

void LeNet5::add_activation(bool classic) {
    if (classic)
        add<dl::Tanh<float>>();
    else
        add<dl::ReLU<float>>();
}

void LeNet5::add_pool(bool classic) {
    if (classic)
        add<dl::AvgPool2d<float>>(2);
    else
        max_pools_.push_back(&add<dl::MaxPool2d<float>>(2));
}

//! [build_lenet]
LeNet5::LeNet5(bool classic, dl::Rng& rng) {
    // He initialization suits ReLU; Xavier suits tanh (chapter 1, experiment a).
    const dl::Init init = classic ? dl::Init::xavier : dl::Init::he;
    conv1_ = &add<dl::Conv2d<float>>(1, 6, 5, 1, 2, init, rng);   // (N, 1, 28, 28) -> (N, 6, 28, 28)
    conv1_->set_input_gradient_needed(false);                     // its input is the images: no one needs dL/dx
    add_activation(classic);                                      // ReLU (tanh in the classic form)
    add_pool(classic);                                            // -> (N, 6, 14, 14)
    conv2_ = &add<dl::Conv2d<float>>(6, 16, 5, 1, 0, init, rng);  // -> (N, 16, 10, 10)
    add_activation(classic);                                      // ReLU or tanh
    add_pool(classic);                                            // -> (N, 16, 5, 5)
    add<dl::Flatten<float>>();                                    // -> (N, 400)
    add<dl::Linear<float>>(400, 120, init, rng);                  // -> (N, 120)
    add_activation(classic);                                      // ReLU or tanh
    add<dl::Linear<float>>(120, 84, init, rng);                   // -> (N, 84)
    add_activation(classic);                                      // ReLU or tanh
    add<dl::Linear<float>>(84, 10, init, rng);                    // -> (N, 10) class scores
}
//! [build_lenet]

LeNet5 build_lenet(bool classic, dl::Rng& rng) { return LeNet5(classic, rng); }

std::string architecture_tag(bool classic) { return classic ? "lenet5-classic" : "lenet5"; }

void use_conv_algorithm(LeNet5& model, const std::string& algorithm) {
    if (algorithm != "gemm" && algorithm != "naive")
        throw std::invalid_argument("--conv: unknown algorithm '" + algorithm + "' (expected gemm or naive)");
    for (dl::Conv2d<float>* conv : {&model.conv1(), &model.conv2()})
        conv->set_algorithm(algorithm == "naive" ? dl::ConvAlgorithm::naive : dl::ConvAlgorithm::gemm);
}

Outcome train_lenet(const Settings& settings, const dl::DataSplits& splits, LeNet5& model, bool with_test) {
    use_conv_algorithm(model, settings.conv);
    return dl::train_classifier(model, settings, splits, with_test);
}

}  // namespace ch02
