// Tests for the chapter-1 exercises. Each compares the reader's function with the
// library on random inputs, and gradients with finite differences of the library's
// forward pass, so a test cannot pass by agreeing with a wrong forward of the reader's.
#include "exercises.hpp"

#include "dl/layers/linear.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"

#include "../../support/require_close.hpp"

#include "../../support/catch_compat.hpp"

#include <cmath>

using ex01::Matrix;

using dltest::require_close;

namespace {

// Fails with the worst mismatch named: what was expected and what came back.

double weighted_sum(const Matrix& y, const Matrix& r) { return double(xt::sum(y * r)()); }

}  // namespace

TEST_CASE("Exercise 1.1: Linear forward", "[ex01]") {
    const Matrix x = {{1, 2}}, w = {{1, 0}, {0, 1}, {1, 1}}, b = {0.5, -0.5, 0};
    require_close(ex01::linear_forward(x, w, b), Matrix{{1.5, 1.5, 3}}, "y for the hand-worked case in the text");
    const Matrix xr = dltest::random_normal({4, 7}, 1), wr = dltest::random_normal({5, 7}, 2), br = dltest::random_normal({5}, 3);
    dl::Rng unused(0);
    dl::Linear<double> reference(7, 5, dl::Init::zeros, unused);
    reference.weight().value = wr;
    reference.bias().value = br;
    require_close(ex01::linear_forward(xr, wr, br), reference.forward(xr), "y for random x (4, 7), W (5, 7)");
}

TEST_CASE("Exercise 1.2: Linear backward", "[ex01]") {
    const Matrix x = dltest::random_normal({3, 6}, 4), w = dltest::random_normal({4, 6}, 5), b = dltest::random_normal({4}, 6);
    const Matrix r = dltest::random_normal({3, 4}, 7);  // dL/dy for L = Σ r ⊙ y
    const ex01::LinearGradients g = ex01::linear_backward(x, w, r);
    dl::Rng unused(0);
    auto loss = [&](const Matrix& xx, const Matrix& ww, const Matrix& bb) {
        dl::Linear<double> layer(6, 4, dl::Init::zeros, unused);
        layer.weight().value = ww;
        layer.bias().value = bb;
        return weighted_sum(layer.forward(xx), r);
    };
    require_close(g.dx, dltest::numeric_gradient([&](const Matrix& v) { return loss(v, w, b); }, x), "dx");
    require_close(g.dw, dltest::numeric_gradient([&](const Matrix& v) { return loss(x, v, b); }, w), "dW");
    require_close(g.db, dltest::numeric_gradient([&](const Matrix& v) { return loss(x, w, v); }, b), "db");
}

TEST_CASE("Exercise 1.3: ReLU backward", "[ex01]") {
    require_close(ex01::relu_backward(Matrix{-1.0, 0.0, 2.0}, Matrix{5, 6, 7}), Matrix{0, 0, 7},
                  "dx for the ReLU section's example x = (-1, 0, 2), dy = (5, 6, 7): at exactly 0 the slope is 0, so x > 0, not x >= 0");
    const Matrix x = dltest::random_away_from_zero({2, 3, 4}, 8), dy = dltest::random_normal({2, 3, 4}, 9);
    auto relu_loss = [&](const Matrix& v) { return weighted_sum(xt::maximum(v, 0.0), dy); };
    require_close(ex01::relu_backward(x, dy), dltest::numeric_gradient(relu_loss, x), "dx for random x (2, 3, 4)");
}

TEST_CASE("Exercise 1.4: softmax cross-entropy", "[ex01]") {
    Matrix d;
    const double two_equal = ex01::softmax_cross_entropy(Matrix{{0.0, 0.0}}, {0}, d);
    if (std::abs(two_equal - std::log(2.0)) > 1e-9) FAIL("loss for logits (0, 0), label 0: got " << two_equal << ", expected log 2 = " << std::log(2.0));
    const double huge = ex01::softmax_cross_entropy(Matrix{{1000.0, 0.0}}, {1}, d);
    if (!(std::abs(huge - 1000.0) < 1e-6)) FAIL("loss for logits (1000, 0), label 1: got " << huge << ", expected 1000 (subtract the row maximum before exp)");
    const Matrix logits = dltest::random_normal({5, 4}, 10) * 3.0;
    const std::vector<int> labels = {3, 0, 1, 1, 2};
    Matrix dlogits;
    const double value = ex01::softmax_cross_entropy(logits, labels, dlogits);
    dl::SoftmaxCrossEntropy<double> reference;
    const double expected = reference.forward(logits, labels);
    if (std::abs(value - expected) > 1e-9) FAIL("loss for random logits (5, 4): got " << value << ", expected " << expected);
    auto f = [&](const Matrix& z) {
        dl::SoftmaxCrossEntropy<double> fresh;
        return double(fresh.forward(z, labels));
    };
    require_close(dlogits, dltest::numeric_gradient(f, logits), "dlogits");
}

TEST_CASE("Exercise 1.5: SGD with momentum", "[ex01]") {
    Matrix w = {1.0, -2.0}, v = {0.0, 0.0};
    const Matrix g = {0.5, 1.0};
    ex01::sgd_momentum_step(w, g, v, 0.1, 0.9);  // v = g, w = w - 0.1 g
    require_close(v, Matrix{0.5, 1.0}, "velocity after step 1 of the Optimizers section's example");
    require_close(w, Matrix{0.95, -2.1}, "w after step 1 of the Optimizers section's example");
    ex01::sgd_momentum_step(w, g, v, 0.1, 0.9);  // v = 0.9 g + g = 1.9 g
    require_close(v, Matrix{0.95, 1.9}, "velocity after step 2 of the Optimizers section's example");
    require_close(w, Matrix{0.855, -2.29}, "w after step 2 of the Optimizers section's example");
}

TEST_CASE("Exercise 1.6: He initialization", "[ex01]") {
    dl::Rng rng(11);
    const Matrix w = ex01::he_normal(300, 500, rng);
    if (dl::shape_of(w) != dl::Shape{300, 500}) FAIL("shape " << dl::shape_string(dl::shape_of(w)) << ", expected (300, 500) = (fan_out, fan_in)");
    const double mean = double(xt::mean(w)()), sd = double(xt::stddev(w)());
    const double want = std::sqrt(2.0 / 500);
    if (std::abs(mean) > 0.003) FAIL("mean " << mean << ", expected about 0");
    if (std::abs(sd / want - 1) > 0.02) FAIL("standard deviation " << sd << ", expected sqrt(2/fan_in) = " << want);
    const double within = double(xt::mean(xt::cast<double>(xt::abs(w) < sd))());
    if (std::abs(within - 0.6827) > 0.015) FAIL(within << " of the entries lie within one standard deviation; a normal distribution has 0.683 (uniform: 0.577)");
    dl::Rng same(11);
    require_close(ex01::he_normal(300, 500, same), w, "a second draw from the same seed");
}
