// Softmax cross-entropy: hand-worked values, stability at extreme logits, gradient check.
#include "dl/losses/softmax_cross_entropy.hpp"

#include "../support/gradcheck.hpp"

#include "../support/catch_compat.hpp"

#include <cmath>

using dl::Tensor;

TEST_CASE("softmax cross-entropy: two equal logits give log 2 and gradient (p - onehot)/N", "[loss]") {
    dl::SoftmaxCrossEntropy<double> loss;
    CHECK((loss.forward(Tensor<double>{{0.0, 0.0}}, {0}) == Approx(std::log(2.0))));
    CHECK((loss.backward() == Tensor<double>{{-0.5, 0.5}}));
    // Batch of two: the gradient is divided by N = 2.
    loss.forward(Tensor<double>{{0.0, 0.0}, {0.0, 0.0}}, {1, 0});
    CHECK((loss.backward() == Tensor<double>{{0.25, -0.25}, {-0.25, 0.25}}));
}

TEST_CASE("softmax cross-entropy stays finite for huge logits", "[loss]") {
    dl::SoftmaxCrossEntropy<float> loss;
    const float value = loss.forward(Tensor<float>{{1000.0f, 0.0f, -1000.0f}}, {1});
    CHECK(std::isfinite(value));
    CHECK(value == Approx(1000.0f));
    CHECK((loss.forward(Tensor<float>{{1000.0f, 0.0f}}, {0}) == Approx(0.0f).margin(1e-6)));
}

TEST_CASE("softmax cross-entropy: gradient matches finite differences", "[loss][gradcheck]") {
    const Tensor<double> logits = dltest::random_normal({5, 7}, 4) * 3.0;
    const std::vector<int> labels = {0, 6, 3, 3, 1};
    dl::SoftmaxCrossEntropy<double> loss;
    loss.forward(logits, labels);
    const Tensor<double> analytic = loss.backward();
    auto f = [&](const Tensor<double>& z) {
        dl::SoftmaxCrossEntropy<double> fresh;
        return fresh.forward(z, labels);
    };
    const auto report = dltest::compare(analytic, dltest::numeric_gradient(f, logits), "logits");
    INFO(report.where);
    CHECK(report.worst_error < 1e-7);
}

TEST_CASE("softmax cross-entropy refuses a label out of range", "[loss]") {
    dl::SoftmaxCrossEntropy<double> loss;
    CHECK_THROWS_WITH(loss.forward(Tensor<double>{{0.0, 1.0}}, {2}), dltest::contains("label 2 out of range"));
}
