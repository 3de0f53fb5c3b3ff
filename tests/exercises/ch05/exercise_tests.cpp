// Tests for the chapter-5 exercises: hand-worked cases from the chapter text, the
// transposed convolution against the library's ConvTranspose2d and finite differences,
// concatenation against dl::split_channels, Dice against dl::DiceLoss and finite
// differences, IoU against dl::ConfusionMatrix.
#include "exercises.hpp"

#include "dl/layers/concat.hpp"
#include "dl/layers/conv_transpose2d.hpp"
#include "dl/losses/dice_loss.hpp"
#include "dl/losses/pixel_rows.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"
#include "dl/metrics/confusion_matrix.hpp"
#include "dl/util/random.hpp"

#include "../../support/gradcheck.hpp"
#include "../../support/require_close.hpp"

#include "../../support/catch_compat.hpp"

#include <xtensor/xview.hpp>
#include <xtensor/xstrided_view.hpp>

using dltest::require_close;
using ex05::Array;

namespace {

// Probabilities (N, K, H, W): a softmax over K of random scores.
Array random_probabilities(const dl::Shape& shape, unsigned seed) {
    const Array logits = dltest::random_normal(shape, seed);
    return dl::rows_as_pixels(dl::softmax_rows(dl::pixels_as_rows(logits)), shape);
}

std::vector<int> random_labels(std::size_t n, std::size_t k, unsigned seed) {
    dl::Rng rng(seed);
    std::vector<int> labels(n);
    for (int& label : labels) label = int(rng.index(k));
    return labels;
}

}  // namespace

TEST_CASE("Exercise 5.1: transposed convolution forward", "[ex05]") {
    // Kernel 2, stride 2: each input pixel pastes a scaled copy of the kernel, no overlaps.
    const Array x = {{{1, 2}, {3, 4}}};                 // (1, 2, 2)
    const Array w = {{{{1, 10}, {100, 1000}}}};         // (1, 1, 2, 2)
    require_close(ex05::conv_transpose_forward(x, w, 2, 0),
                  Array{{{1, 10, 2, 20}, {100, 1000, 200, 2000}, {3, 30, 4, 40}, {300, 3000, 400, 4000}}}, "the 2x2 example in section 'Transposed convolution'");
    // Against the library's layer (bias 0), with overlapping windows and padding.
    dl::Rng rng(1);
    for (auto [k, s, p] : {std::tuple{3, 2, 1}, std::tuple{4, 2, 1}, std::tuple{3, 1, 0}}) {
        dl::ConvTranspose2d<double> layer(3, 2, k, s, p, dl::Init::he, rng);
        const Array input = dltest::random_normal({1, 3, 4, 5}, 2);
        const Array expected = xt::view(layer.forward(input), 0);
        require_close(ex05::conv_transpose_forward(xt::view(input, 0), layer.weight().value, s, p), expected,
                      "y against dl::ConvTranspose2d (k" + std::to_string(k) + " s" + std::to_string(s) + " p" + std::to_string(p) + ")");
    }
}

TEST_CASE("Exercise 5.2: transposed convolution backward", "[ex05]") {
    // The 2x2 example with dy = 1 everywhere: each input pixel gathers the kernel's sum.
    const Array x = {{{1, 2}, {3, 4}}}, w = {{{{1, 10}, {100, 1000}}}};
    const ex05::ConvTransposeGradients hand = ex05::conv_transpose_backward(xt::ones<double>({1, 4, 4}), x, w, 2, 0);
    require_close(hand.dx, Array{{{1111, 1111}, {1111, 1111}}}, "dx for the 2x2 example in section 'Transposed convolution'");
    require_close(hand.dweight, Array{{{{10, 10}, {10, 10}}}}, "dW for the 2x2 example in section 'Transposed convolution' (the inputs' sum)");
    // Finite differences of L = Σ r ⊙ y, overlapping windows and padding.
    const Array input = dltest::random_normal({2, 3, 4}, 3), weight = dltest::random_normal({2, 3, 3, 3}, 4);
    const Array probe = dltest::random_normal(dl::shape_of(ex05::conv_transpose_forward(input, weight, 2, 1)), 5);
    const ex05::ConvTransposeGradients got = ex05::conv_transpose_backward(probe, input, weight, 2, 1);
    const auto loss_of_x = [&](const Array& v) { return double(xt::sum(probe * ex05::conv_transpose_forward(v, weight, 2, 1))()); };
    const auto loss_of_w = [&](const Array& v) { return double(xt::sum(probe * ex05::conv_transpose_forward(input, v, 2, 1))()); };
    require_close(got.dx, dltest::numeric_gradient(loss_of_x, input), "dx against finite differences", 1e-5);
    require_close(got.dweight, dltest::numeric_gradient(loss_of_w, weight), "dW against finite differences", 1e-5);
}

TEST_CASE("Exercise 5.3: concatenation backward", "[ex05]") {
    const Array dy = xt::reshape_view(Array{1, 2, 3, 4, 5, 6}, {2, 3, 1, 1});
    const auto [da, db] = ex05::concat_backward(dy, 1);
    require_close(da, xt::reshape_view(Array{1, 4}, {2, 1, 1, 1}), "dL/da, the first channel, of the example in section 'Skip connections'");
    require_close(db, xt::reshape_view(Array{2, 3, 5, 6}, {2, 2, 1, 1}), "dL/db, the other two, of the example in section 'Skip connections'");
    const Array big = dltest::random_normal({3, 7, 2, 4}, 6);
    const auto [a2, b2] = ex05::concat_backward(big, 4);
    const auto [ea, eb] = dl::split_channels(big, 4);
    require_close(a2, ea, "dL/da against dl::split_channels");
    require_close(b2, eb, "dL/db against dl::split_channels");
}

TEST_CASE("Exercise 5.4: Dice loss and its gradient", "[ex05]") {
    // Two classes, four pixels, p = 1/2 everywhere, labels 0 1 1 0: I = 1, S = 4, D = 3/5.
    const ex05::DiceResult coin = ex05::dice_loss(xt::full_like(Array::from_shape({1, 2, 2, 2}), 0.5), {0, 1, 1, 0}, 1.0);
    CHECK(coin.loss == Approx(0.4));
    // dL/dp where t = 1: −(2·5 − 3)/(2·25) = −0.14; where t = 0: 3/50 = 0.06.
    require_close(coin.dprobs, Array{{{{-0.14, 0.06}, {0.06, -0.14}}, {{0.06, -0.14}, {-0.14, 0.06}}}}, "dL/dp for the coin flip in section 'Losses'");
    // The library's loss on logits equals the exercise's on their softmax.
    const Array logits = dltest::random_normal({2, 3, 3, 4}, 7);
    const std::vector<int> labels = random_labels(2 * 3 * 4, 3, 8);
    const Array probs = dl::rows_as_pixels(dl::softmax_rows(dl::pixels_as_rows(logits)), dl::shape_of(logits));
    dl::DiceLoss<double> library(0.5);
    CHECK(ex05::dice_loss(probs, labels, 0.5).loss == Approx(library.forward(logits, labels)).epsilon(1e-9));
    // The gradient against finite differences in p.
    const Array p = random_probabilities({2, 3, 2, 3}, 9);
    const std::vector<int> t = random_labels(2 * 2 * 3, 3, 10);
    const auto loss = [&](const Array& v) { return ex05::dice_loss(v, t, 1.0).loss; };
    require_close(ex05::dice_loss(p, t, 1.0).dprobs, dltest::numeric_gradient(loss, p), "dL/dp against finite differences", 1e-6);
}

TEST_CASE("Exercise 5.5: IoU per class", "[ex05]") {
    // truth 0 0 0 1 1 2, prediction 0 0 1 1 2 2: IoU 2/3, 1/3, 1/2, and 0 for class 3.
    const std::vector<double> hand = ex05::class_iou({0, 0, 1, 1, 2, 2}, {0, 0, 0, 1, 1, 2}, 4);
    REQUIRE(hand.size() == 4);
    CHECK(hand[0] == Approx(2.0 / 3.0));
    CHECK(hand[1] == Approx(1.0 / 3.0));
    CHECK(hand[2] == Approx(0.5));
    CHECK(hand[3] == 0.0);
    const std::vector<int> truth = random_labels(500, 5, 11), predicted = random_labels(500, 5, 12);
    dl::ConfusionMatrix matrix(5);
    matrix.add(predicted, truth);
    const std::vector<double> got = ex05::class_iou(predicted, truth, 5);
    for (int c = 0; c < 5; ++c) CHECK(got[std::size_t(c)] == Approx(matrix.iou(c)));
}
