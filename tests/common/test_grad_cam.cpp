// Grad-CAM: the gradients it weighs the maps by, against finite differences of the head,
// and the map rebuilt from them by hand; the gradient saliency map against finite
// differences of the whole network.
#include "dl/explain/grad_cam.hpp"
#include "dl/explain/saliency.hpp"
#include "dl/layers/activations.hpp"
#include "dl/layers/conv2d.hpp"
#include "dl/layers/flatten.hpp"
#include "dl/layers/linear.hpp"

#include "../support/catch_compat.hpp"

#include <xtensor/xrandom.hpp>

#include <algorithm>
#include <cmath>

namespace {

// A small classifier: conv → ReLU (the "stage", 3 maps of 5×4), then a head that is not
// linear and sees where things are: flatten → 60×6 → ReLU → 6×4.
dl::Sequential<float> small_classifier(dl::Rng& rng, std::size_t in_channels = 1) {
    dl::Sequential<float> model;
    model.add<dl::Conv2d<float>>(in_channels, 3, 3, 1, 1, dl::Init::he, rng);
    model.add<dl::ReLU<float>>();
    model.add<dl::Flatten<float>>();
    model.add<dl::Linear<float>>(60, 6, dl::Init::he, rng);
    model.add<dl::ReLU<float>>();
    model.add<dl::Linear<float>>(6, 4, dl::Init::he, rng);
    return model;
}

// Score @p label of the head (layers 2 on) for activations @p a.
double head_score(dl::Sequential<float>& model, const dl::Tensor<float>& a, int label) {
    dl::Tensor<float> h = a;
    for (std::size_t i = 2; i < model.size(); ++i) h = model[i].forward(h);
    return double(h(0, std::size_t(label)));
}

}  // namespace

TEST_CASE("Grad-CAM: the gradients match finite differences of the head, and the map follows from them", "[explain][gradcheck]") {
    dl::Rng rng(3);
    dl::Sequential<float> model = small_classifier(rng);
    xt::random::seed(5);
    const dl::Tensor<float> x = xt::random::randn<float>({1, 1, 5, 4});  // (1, 1, H, W)
    const int label = 2;
    const dl::GradCam cam = dl::grad_cam(model, x, 2, label);
    REQUIRE(dl::shape_of(cam.activations) == dl::Shape{1, 3, 5, 4});
    REQUIRE(cam.height == 5);
    REQUIRE(cam.width == 4);
    // Central differences, one activation at a time (the head is piecewise linear, so
    // they are exact unless a step crosses a kink of its ReLU).
    const float step = 1e-2f;
    std::vector<double> numeric(cam.activations.size());
    double worst = 0;
    for (std::size_t i = 0; i < cam.activations.size(); ++i) {
        dl::Tensor<float> up = cam.activations, down = cam.activations;
        up.data()[i] += step;
        down.data()[i] -= step;
        numeric[i] = (head_score(model, up, label) - head_score(model, down, label)) / (2.0 * step);
        worst = std::max(worst, std::abs(numeric[i] - double(cam.gradients.data()[i])));
    }
    INFO("worst difference from finite differences: " << worst);
    CHECK(worst < 1e-3);
    // The weights and the map, from the finite differences.
    for (std::size_t k = 0; k < 3; ++k) {
        double alpha = 0;
        for (std::size_t p = 0; p < 20; ++p) alpha += numeric[k * 20 + p];
        CHECK(cam.weights[k] == Approx(alpha / 20).margin(1e-4));
    }
    for (std::size_t p = 0; p < 20; ++p) {
        double sum = 0;
        for (std::size_t k = 0; k < 3; ++k) sum += double(cam.weights[k]) * double(cam.activations.data()[k * 20 + p]);
        CHECK(cam.map[p] == Approx(std::max(sum, 0.0)).margin(1e-5));
    }
}

TEST_CASE("Grad-CAM: a split that leaves no head, or a class that is not scored, is refused", "[explain]") {
    dl::Rng rng(3);
    dl::Sequential<float> model = small_classifier(rng);
    const dl::Tensor<float> x = xt::zeros<float>({1, 1, 5, 4});
    CHECK_THROWS_WITH(dl::grad_cam(model, x, model.size(), 0), dltest::contains("both sides"));
    CHECK_THROWS_WITH(dl::grad_cam(model, x, 2, 4), dltest::contains("class 4 is not among the scores"));
    CHECK_THROWS_WITH(dl::grad_cam(model, x, 3, 0), dltest::contains("not (1, K, H, W)"));
    CHECK_THROWS_WITH(dl::grad_cam(model, xt::zeros<float>({2, 1, 5, 4}), 2, 0), dltest::contains("one image"));
}

TEST_CASE("Saliency: the map is the largest |gradient| over the channels, and the gradient matches finite differences", "[explain][gradcheck]") {
    dl::Rng rng(7);
    dl::Sequential<float> model = small_classifier(rng, 2);
    model.eval();
    xt::random::seed(9);
    const dl::Tensor<float> x = xt::random::randn<float>({1, 2, 5, 4});  // (1, C, H, W)
    const int label = 1;
    const dl::Saliency s = dl::saliency_map(dl::layers_of(model), x, label);
    REQUIRE(dl::shape_of(s.gradient) == dl::Shape{1, 2, 5, 4});
    REQUIRE(s.height == 5);
    REQUIRE(s.width == 4);
    const auto score = [&](const dl::Tensor<float>& input) { return double(model.forward(input)(0, std::size_t(label))); };
    const float step = 1e-2f;
    std::vector<double> numeric(x.size());
    double worst = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        dl::Tensor<float> up = x, down = x;
        up.data()[i] += step;
        down.data()[i] -= step;
        numeric[i] = (score(up) - score(down)) / (2.0 * step);
        worst = std::max(worst, std::abs(numeric[i] - double(s.gradient.data()[i])));
    }
    INFO("worst difference from finite differences: " << worst);
    CHECK(worst < 1e-3);
    for (std::size_t p = 0; p < 20; ++p) CHECK(s.map[p] == Approx(std::max(std::abs(numeric[p]), std::abs(numeric[20 + p]))).margin(1e-3));
    CHECK_THROWS_WITH(dl::saliency_map(dl::layers_of(model), x, 4), dltest::contains("class 4 is not among the scores"));
    CHECK_THROWS_WITH(dl::saliency_map(dl::layers_of(model), xt::zeros<float>({2, 2, 5, 4}), 0), dltest::contains("one image"));
    static_cast<dl::Conv2d<float>&>(model[0]).set_input_gradient_needed(false);  // as LeNet-5's first convolution
    CHECK_THROWS_WITH(dl::saliency_map(dl::layers_of(model), x, label), dltest::contains("no gradient for the input"));
}
