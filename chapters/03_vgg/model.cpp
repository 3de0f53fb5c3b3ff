// Chapter 3 — the VGG network.
#include "vgg.hpp"

#include "dl/layers/activations.hpp"
#include "dl/layers/batch_norm.hpp"
#include "dl/layers/conv2d.hpp"
#include "dl/layers/dropout.hpp"
#include "dl/layers/flatten.hpp"
#include "dl/layers/global_avg_pool2d.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/max_pool2d.hpp"

#include <stdexcept>

namespace ch03 {

namespace {

void add_activation(dl::Sequential<float>& net, const std::string& activation) {
    if (activation == "relu")
        net.add<dl::ReLU<float>>();
    else if (activation == "elu")
        net.add<dl::ELU<float>>(1.0f);
    else
        throw std::invalid_argument("--activation: unknown activation '" + activation + "' (expected relu or elu)");
}

//! [conv_stage]
/// Two 3×3 convolutions (with BatchNorm and the activation after each), then a 2×2 max
/// pool: (N, in, H, W) → (N, out, H/2, W/2).
void add_stage(dl::Sequential<float>& net, int in, int out, const Architecture& a, dl::Rng& rng) {
    for (int conv = 0; conv < 2; ++conv) {
        // With BatchNorm next, a bias would be cancelled by the mean subtraction: leave it out.
        net.add<dl::Conv2d<float>>(conv == 0 ? in : out, out, 3, 1, 1, dl::Init::he, rng, !a.batch_norm);
        if (a.batch_norm) net.add<dl::BatchNorm2d<float>>(std::size_t(out));
        add_activation(net, a.activation);
    }
    net.add<dl::MaxPool2d<float>>(2);
}
//! [conv_stage]

void add_dropout(dl::Sequential<float>& net, double p, dl::Rng& rng) {
    if (p > 0.0) net.add<dl::Dropout<float>>(p, rng.index(1u << 30));
}

//! [vgg_head]
/// The classifier on top of the stages' (N, 4w, 3, 3) features: → (N, 10) class scores.
void add_head(dl::Sequential<float>& net, const Architecture& a, dl::Rng& rng) {
    const int w = a.width;
    if (a.head == "gap") {
        net.add<dl::GlobalAvgPool2d<float>>();  // -> (N, 4w): one average per channel
        add_dropout(net, a.dropout, rng);
        net.add<dl::Linear<float>>(std::size_t(4 * w), 10, dl::Init::xavier, rng);
    } else if (a.head == "fc") {
        net.add<dl::Flatten<float>>();  // -> (N, 4w·3·3)
        net.add<dl::Linear<float>>(std::size_t(36 * w), 256, dl::Init::he, rng);
        if (a.batch_norm) net.add<dl::BatchNorm1d<float>>(256);
        add_activation(net, a.activation);
        add_dropout(net, a.dropout, rng);
        net.add<dl::Linear<float>>(256, 10, dl::Init::xavier, rng);
    } else {
        throw std::invalid_argument("--head: unknown head '" + a.head + "' (expected gap or fc)");
    }
}
//! [vgg_head]

}  // namespace

//! [build_vgg]
dl::Sequential<float> build_vgg(const Architecture& a, dl::Rng& rng) {
    if (a.width < 1) throw std::invalid_argument("--width must be at least 1, got " + std::to_string(a.width));
    const int w = a.width;
    dl::Sequential<float> net;
    add_stage(net, 1, w, a, rng);          // (N, 1, 28, 28) -> (N, w, 14, 14)
    add_stage(net, w, 2 * w, a, rng);      //                -> (N, 2w, 7, 7)
    add_stage(net, 2 * w, 4 * w, a, rng);  //                -> (N, 4w, 3, 3)
    add_head(net, a, rng);                 //                -> (N, 10) class scores
    return net;
}
//! [build_vgg]

std::size_t head_parameter_count(const Architecture& a) {
    dl::Rng rng(0);  // the values do not matter, only how many there are
    dl::Sequential<float> head;
    add_head(head, a, rng);
    return dl::parameter_count(head);
}

std::string architecture_tag(const Architecture& a) { return "vgg-" + std::to_string(a.width) + "-" + a.head; }

std::string describe(const Architecture& a) {
    return "VGG " + std::to_string(a.width) + "-" + std::to_string(2 * a.width) + "-" + std::to_string(4 * a.width) + ", " +
           (a.batch_norm ? "BatchNorm" : "no BatchNorm") + ", " + a.activation + ", " + a.head + " head" +
           (a.dropout > 0 ? ", dropout " + std::to_string(a.dropout).substr(0, 4) : "");
}

}  // namespace ch03
