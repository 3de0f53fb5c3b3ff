// Chapter 6's loss and metrics for imbalanced classes: focal loss against hand values,
// cross-entropy (its γ = 0 case) and finite differences; precision, recall and F-beta
// against counts worked by hand.
#include "dl/losses/focal_loss.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"
#include "dl/metrics/confusion_matrix.hpp"

#include "../support/gradcheck.hpp"

#include "../support/catch_compat.hpp"

#include <cmath>

using dl::Tensor;

TEST_CASE("focal loss: two equal logits give (1/2)^gamma * log 2", "[loss][ch06]") {
    const Tensor<double> logits = xt::reshape_view(Tensor<double>{0.0, 0.0}, {1, 2});
    const std::vector<int> labels = {0};
    for (double gamma : {0.0, 1.0, 2.0}) {
        dl::FocalLoss<double> loss(gamma);
        CHECK(loss.forward(logits, labels) == Approx(std::pow(0.5, gamma) * std::log(2.0)));
    }
}

TEST_CASE("focal loss with gamma 0 is softmax cross-entropy, value and gradient", "[loss][ch06]") {
    const Tensor<double> logits = dltest::random_normal({6, 4}, 11) * 2.0;
    const std::vector<int> labels = {3, 0, 1, 1, 2, 0};
    dl::FocalLoss<double> focal(0.0);
    dl::SoftmaxCrossEntropy<double> cross_entropy;
    CHECK(focal.forward(logits, labels) == Approx(cross_entropy.forward(logits, labels)).epsilon(1e-12));
    const auto report = dltest::compare(focal.backward(), cross_entropy.backward(), "logits", "focal", "cross-entropy");
    INFO(report.where);
    CHECK(report.worst_error < 1e-12);
}

TEST_CASE("focal loss down-weights an easy example far more than a hard one", "[loss][ch06]") {
    // p = 0.9 (easy) and p = 0.1 (hard) for the true class of a 2-class problem.
    const double z = std::log(9.0);  // softmax((z, 0))[0] = 9/10
    const Tensor<double> easy = xt::reshape_view(Tensor<double>{z, 0.0}, {1, 2}), hard = xt::reshape_view(Tensor<double>{0.0, z}, {1, 2});
    dl::FocalLoss<double> focal(2.0);
    dl::SoftmaxCrossEntropy<double> cross_entropy;
    const double easy_ratio = focal.forward(easy, {0}) / cross_entropy.forward(easy, {0});
    const double hard_ratio = focal.forward(hard, {0}) / cross_entropy.forward(hard, {0});
    CHECK(easy_ratio == Approx(0.01));  // (1 − 0.9)²
    CHECK(hard_ratio == Approx(0.81));  // (1 − 0.1)²
}

TEST_CASE("focal loss: gradient matches finite differences", "[loss][gradcheck][ch06]") {
    const Tensor<double> logits = dltest::random_normal({5, 6}, 3) * 2.0;
    const std::vector<int> labels = {5, 0, 2, 2, 4};
    for (double gamma : {0.5, 1.0, 2.0, 5.0}) {
        dl::FocalLoss<double> loss(gamma);
        loss.forward(logits, labels);
        auto f = [&](const Tensor<double>& z) { return dl::FocalLoss<double>(gamma).forward(z, labels); };
        const auto report = dltest::compare(loss.backward(), dltest::numeric_gradient(f, logits), "logits");
        INFO("gamma " << gamma << ": " << report.where);
        CHECK(report.worst_error < 1e-7);
    }
}

TEST_CASE("focal loss stays finite when the true class is certain or hopeless", "[loss][ch06]") {
    const Tensor<double> logits = {{60.0, 0.0, 0.0}, {-60.0, 0.0, 0.0}};
    dl::FocalLoss<double> loss(0.5);  // γ < 1: (1 − p)^(γ−1) alone would be infinite at p = 1
    const double value = loss.forward(logits, {0, 0});
    const Tensor<double> gradient = loss.backward();
    CHECK(std::isfinite(value));
    // The certain row adds 0; the hopeless one −log p = 60 + log 2 (softmax's sum is 2 + e⁻⁶⁰),
    // times (1 − p)^γ = 1; the mean is over two rows.
    CHECK(value == Approx((60.0 + std::log(2.0)) / 2).epsilon(1e-9));
    for (double g : gradient) CHECK(std::isfinite(g));
    CHECK(std::abs(gradient(0, 0)) < 1e-12);  // a certain example gives no gradient
}

TEST_CASE("focal loss refuses a negative gamma and a label out of range", "[loss][ch06]") {
    CHECK_THROWS_AS(dl::FocalLoss<float>(-1.0), std::invalid_argument);
    dl::FocalLoss<float> loss(2.0);
    const Tensor<float> logits = {{1.0f, 2.0f}};
    CHECK_THROWS_WITH(loss.forward(logits, {2}), dltest::contains("label 2 out of range [0, 2)"));
}

TEST_CASE("precision, recall and F-beta from a confusion matrix", "[metrics][ch06]") {
    // Class 1: 4 true examples, 3 found (TP 3, FN 1); 6 predictions of 1 (FP 3).
    dl::ConfusionMatrix confusion(2);
    confusion.add({1, 1, 1, 0, 1, 1, 1, 0, 0, 0}, {1, 1, 1, 1, 0, 0, 0, 0, 0, 0});
    CHECK(confusion.precision(1) == Approx(0.5));   // 3 / 6
    CHECK(confusion.recall(1) == Approx(0.75));     // 3 / 4
    CHECK(confusion.f_beta(1, 1.0) == Approx(0.6)); // 2·0.5·0.75 / 1.25
    CHECK(confusion.f_beta(1, 2.0) == Approx(5 * 0.5 * 0.75 / (4 * 0.5 + 0.75)));  // 0.6818…, recall weighs more
    CHECK(confusion.f_beta(1, 2.0) > confusion.f_beta(1, 1.0));
    CHECK(confusion.precision(0) == Approx(0.75));  // 3 of 4 predicted 0 are 0
    dl::ConfusionMatrix never_predicted(2);
    never_predicted.add({0, 0}, {1, 0});
    CHECK(never_predicted.precision(1) == 0.0);
    CHECK(never_predicted.f_beta(1, 1.0) == 0.0);
}
