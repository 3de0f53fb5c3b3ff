// Segmentation's losses and metrics: pixel-wise cross-entropy, soft Dice, IoU. Hand-worked
// values, then gradients against finite differences.
#include "dl/losses/dice_loss.hpp"
#include "dl/losses/pixel_cross_entropy.hpp"
#include "dl/losses/pixel_rows.hpp"
#include "dl/metrics/accuracy.hpp"
#include "dl/metrics/confusion_matrix.hpp"

#include "dl/util/random.hpp"

#include "../support/gradcheck.hpp"

#include "../support/catch_compat.hpp"

#include <cmath>

using dl::Tensor;

namespace {

// Random labels in [0, k) for n pixels, seeded.
std::vector<int> random_labels(std::size_t n, int k, unsigned seed) {
    dl::Rng rng(seed);
    std::vector<int> labels(n);
    for (int& label : labels) label = int(rng.index(std::size_t(k)));
    return labels;
}

}  // namespace

TEST_CASE("pixels_as_rows puts pixel (n, i, j)'s K scores in row (n*H + i)*W + j", "[loss][ch05]") {
    // (1, 2, 1, 2): class 0 scores {1, 2}, class 1 scores {3, 4} at the two pixels.
    const Tensor<double> maps = {{{{1, 2}}, {{3, 4}}}};
    const Tensor<double> rows = dl::pixels_as_rows(maps);
    CHECK((rows == Tensor<double>{{1, 3}, {2, 4}}));
    CHECK((dl::rows_as_pixels(rows, dl::shape_of(maps)) == maps));
    // (2, 2, 2, 2): value = 1000·n + 100·k + 10·i + j, so each row must read (n, i, j) in order.
    Tensor<double> big = Tensor<double>::from_shape({2, 2, 2, 2});
    for (std::size_t n = 0; n < 2; ++n)
        for (std::size_t k = 0; k < 2; ++k)
            for (std::size_t i = 0; i < 2; ++i)
                for (std::size_t j = 0; j < 2; ++j) big(n, k, i, j) = 1000.0 * n + 100.0 * k + 10.0 * i + j;
    const Tensor<double> big_rows = dl::pixels_as_rows(big);
    REQUIRE(dl::shape_of(big_rows) == dl::Shape{8, 2});
    CHECK(big_rows(0, 0) == 0);      // n 0, i 0, j 0, class 0
    CHECK(big_rows(1, 1) == 101);    // n 0, i 0, j 1, class 1
    CHECK(big_rows(2, 0) == 10);     // n 0, i 1, j 0
    CHECK(big_rows(6, 1) == 1110);   // n 1, i 1, j 0, class 1
    CHECK(big_rows(7, 0) == 1011);   // n 1, i 1, j 1, class 0
    CHECK((dl::rows_as_pixels(big_rows, {2, 2, 2, 2}) == big));
}

TEST_CASE("pixel cross-entropy by hand: log K for equal scores, -log(3/4) for odds 3 to 1", "[loss][ch05]") {
    dl::PixelCrossEntropy<double> loss;
    CHECK(loss.forward(xt::zeros<double>({2, 5, 3, 3}), random_labels(18, 5, 1)) == Approx(std::log(5.0)));
    // One image, two classes, two pixels: scores (0, log 3) at both; labels 1 then 0.
    const Tensor<double> logits = {{{{0, 0}}, {{std::log(3.0), std::log(3.0)}}}};
    CHECK(loss.forward(logits, {1, 0}) == Approx((-std::log(0.75) - std::log(0.25)) / 2));
    // Gradient (p − onehot) / 2 at each pixel, p = (1/4, 3/4).
    CHECK((xt::allclose(loss.backward(), Tensor<double>{{{{0.125, -0.375}}, {{-0.125, 0.375}}}})));
}

TEST_CASE("pixel cross-entropy: gradient matches finite differences", "[loss][gradcheck][ch05]") {
    const Tensor<double> logits = dltest::random_normal({2, 4, 3, 5}, 2) * 2.0;
    const std::vector<int> labels = random_labels(2 * 3 * 5, 4, 3);
    dl::PixelCrossEntropy<double> loss;
    loss.forward(logits, labels);
    auto f = [&](const Tensor<double>& z) { return dl::PixelCrossEntropy<double>().forward(z, labels); };
    const auto report = dltest::compare(loss.backward(), dltest::numeric_gradient(f, logits), "logits");
    INFO(report.where);
    CHECK(report.worst_error < 1e-7);
    CHECK_THROWS_WITH(loss.forward(logits, {0, 1}), dltest::contains("do not match 2 pixel labels"));
    std::vector<int> bad = labels;
    bad[3 * 5 + 2 * 5 + 4] = 4;  // image 1, pixel (4, 2)
    CHECK_THROWS_WITH(loss.forward(logits, bad), dltest::contains("label 4 of image 1, pixel (4, 2)"));
}

TEST_CASE("Dice loss by hand: 0 for a confident perfect prediction, 0.4 for a coin flip", "[loss][dice][ch05]") {
    CHECK_THROWS_WITH(dl::DiceLoss<double>(0.0), dltest::contains("epsilon must be positive"));
    dl::DiceLoss<double> dice;  // ε = 1
    const std::vector<int> labels = {0, 1, 1, 0};
    // Score 50 for the true class, 0 for the other: p is one-hot to 2e-22, every D_k = (2·2 + 1)/(4 + 1).
    Tensor<double> confident = xt::zeros<double>({1, 2, 2, 2});
    for (std::size_t p = 0; p < 4; ++p) confident.data()[std::size_t(labels[p]) * 4 + p] = 50.0;
    CHECK(dice.forward(confident, labels) == Approx(0.0).margin(1e-12));
    // Equal scores: p = 1/2 everywhere. I_k = 2·1/2 = 1, S_k = 2 + 2, D_k = 3/5, L = 0.4.
    CHECK(dice.forward(xt::zeros<double>({1, 2, 2, 2}), labels) == Approx(0.4));
    CHECK_THROWS_WITH(dice.forward(xt::zeros<double>({1, 2, 2, 2}), {0, 2, 1, 0}), dltest::contains("label 2 out of range"));
}

TEST_CASE("Dice loss: gradient matches finite differences", "[loss][dice][gradcheck][ch05]") {
    const Tensor<double> logits = dltest::random_normal({2, 3, 4, 3}, 5) * 2.0;
    const std::vector<int> labels = random_labels(2 * 4 * 3, 3, 6);
    for (double smoothing : {1.0, 0.1}) {
        dl::DiceLoss<double> dice(smoothing);
        dice.forward(logits, labels);
        auto f = [&](const Tensor<double>& z) { return dl::DiceLoss<double>(smoothing).forward(z, labels); };
        const auto report = dltest::compare(dice.backward(), dltest::numeric_gradient(f, logits), "logits");
        INFO("epsilon " << smoothing << ": " << report.where);
        CHECK(report.worst_error < 1e-7);
    }
}

TEST_CASE("IoU by hand: overlap over union per class, mean over the classes that occur", "[metrics][ch05]") {
    dl::ConfusionMatrix matrix(4);
    // truth:      0 0 0 1 1 2
    // prediction: 0 0 1 1 2 2      class 3 never occurs and is left out of the mean.
    matrix.add({0, 0, 1, 1, 2, 2}, {0, 0, 0, 1, 1, 2});
    CHECK(matrix.iou(0) == Approx(2.0 / 3.0));  // TP 2, union {3 true} ∪ {2 predicted} = 3
    CHECK(matrix.iou(1) == Approx(1.0 / 3.0));  // TP 1, truth 2 + predicted 2 − 1
    CHECK(matrix.iou(2) == Approx(1.0 / 2.0));  // TP 1, truth 1 + predicted 2 − 1
    CHECK(matrix.iou(3) == 0.0);
    CHECK(matrix.mean_iou() == Approx((2.0 / 3.0 + 1.0 / 3.0 + 0.5) / 3.0));
    CHECK(matrix.accuracy() == Approx(4.0 / 6.0));  // pixel accuracy
}

TEST_CASE("per-pixel predictions are the argmax over channels", "[metrics][ch05]") {
    // (1, 3, 1, 2): pixel 0 scores (0.1, 0.7, 0.2), pixel 1 scores (0.5, 0.1, 0.9).
    const Tensor<double> maps = {{{{0.1, 0.5}}, {{0.7, 0.1}}, {{0.2, 0.9}}}};
    CHECK(dl::argmax_rows(dl::pixels_as_rows(maps)) == std::vector<int>{1, 2});
}
