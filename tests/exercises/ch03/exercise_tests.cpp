// Tests for the chapter-3 exercises: hand-worked cases from the chapter text, the
// properties each function must have, BatchNorm against the library layer, its backward
// against finite differences, and the schedule against the library's.
#include "exercises.hpp"

#include "dl/layers/batch_norm.hpp"
#include "dl/optim/schedules.hpp"
#include "dl/util/random.hpp"

#include "../../support/require_close.hpp"

#include "../../support/catch_compat.hpp"

#include <xtensor/xstrided_view.hpp>

#include <cmath>

using ex03::Array;
using dltest::require_close;

namespace {

/// The library's BatchNorm2d in training mode with the given γ and β: (N, C, H, W) → same.
Array library_batch_norm(const Array& x, const Array& gamma, const Array& beta, double epsilon) {
    dl::BatchNorm2d<double> bn(gamma.size(), 0.1, epsilon);
    bn.gamma().value = gamma;
    bn.beta().value = beta;
    return bn.forward(x);
}

Array uniforms(const dl::Shape& shape, std::uint64_t seed) {
    dl::Rng rng(seed);
    Array u = Array::from_shape(shape);
    for (double& v : u) v = rng.uniform(0.0, 1.0);
    return u;
}

/// The mistaken BatchNorm backward that treats each channel's μ and σ² as constants:
/// dx = γ·dy / √(σ² + ε), which leaves out how every x moves μ and σ². (N, C, H, W) → same.
Array backward_with_constant_statistics(const Array& x, const Array& gamma, const Array& dy, double epsilon) {
    const std::size_t n = x.shape(0), channels = x.shape(1), plane = x.shape(2) * x.shape(3);
    Array dx = Array::from_shape(dl::shape_of(x));
    for (std::size_t c = 0; c < channels; ++c) {
        double sum = 0, squares = 0;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t p = 0; p < plane; ++p) sum += x.data()[(i * channels + c) * plane + p];
        const double mean = sum / double(n * plane);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t p = 0; p < plane; ++p) squares += std::pow(x.data()[(i * channels + c) * plane + p] - mean, 2);
        const double scale = gamma(c) / std::sqrt(squares / double(n * plane) + epsilon);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t p = 0; p < plane; ++p) dx.data()[(i * channels + c) * plane + p] = scale * dy.data()[(i * channels + c) * plane + p];
    }
    return dx;
}

}  // namespace

TEST_CASE("Exercise 3.1: BatchNorm forward", "[ex03]") {
    // One channel holding 1, 2, 3, 4: mean 2.5, variance 1.25; γ = 2, β = 1, ε = 0.
    const double s = 2.0 / std::sqrt(1.25);
    require_close(ex03::batch_norm_forward(Array{{{{1, 2}, {3, 4}}}}, Array{2.0}, Array{1.0}, 0.0),
                  Array{{{{1 - 1.5 * s, 1 - 0.5 * s}, {1 + 0.5 * s, 1 + 1.5 * s}}}}, "y of the 2x2 example in section 'BatchNorm'");
    const Array x = dltest::random_normal({4, 3, 5, 6}, 1) * 3.0 + 2.0;
    const Array gamma = {0.5, -1.5, 2.0}, beta = {0.1, 0.0, -0.3};
    require_close(ex03::batch_norm_forward(x, gamma, beta, 1e-5), library_batch_norm(x, gamma, beta, 1e-5), "y for a random (4, 3, 5, 6) batch");
}

TEST_CASE("Exercise 3.2: BatchNorm backward", "[ex03]") {
    const Array x = dltest::random_normal({3, 2, 4, 3}, 2) * 2.0 + 1.0;
    const Array gamma = {1.5, -0.7}, beta = {0.2, 0.4};
    const Array dy = dltest::random_normal({3, 2, 4, 3}, 3);
    const double epsilon = 1e-5;
    const ex03::BatchNormGradients got = ex03::batch_norm_backward(x, gamma, dy, epsilon);
    // L = Σ dy ⊙ BN(x; γ, β) through the library's forward pass, differentiated numerically.
    auto loss_of_x = [&](const Array& v) { return double(xt::sum(library_batch_norm(v, gamma, beta, epsilon) * dy)()); };
    auto loss_of_gamma = [&](const Array& g) { return double(xt::sum(library_batch_norm(x, g, beta, epsilon) * dy)()); };
    auto loss_of_beta = [&](const Array& b) { return double(xt::sum(library_batch_norm(x, gamma, b, epsilon) * dy)()); };
    const std::vector<dltest::KnownMistake> known = {
        {backward_with_constant_statistics(x, gamma, dy, epsilon), "μ and σ² are treated as constants: they depend on every x of the channel, and dx must include those paths too (section 'BatchNorm')"}};
    require_close(got.dx, dltest::numeric_gradient(loss_of_x, x), "dx (finite differences)", 1e-6, known);
    require_close(got.dgamma, dltest::numeric_gradient(loss_of_gamma, gamma), "dgamma (finite differences)", 1e-6);
    require_close(got.dbeta, dltest::numeric_gradient(loss_of_beta, beta), "dbeta (finite differences)", 1e-6);
}

TEST_CASE("Exercise 3.3: inverted dropout", "[ex03]") {
    require_close(ex03::dropout_forward(Array{1, 2, 3, 4}, Array{0.1, 0.7, 0.5, 0.49}, 0.5), Array{0, 4, 6, 0}, "y of the 4-value example (p = 0.5) in section 'Fighting over-fitting, in order'");
    require_close(ex03::dropout_forward(Array{{1, -2}, {3, 4}}, Array{{0.3, 0.2}, {0.9, 0.0}}, 0.0), Array{{1, -2}, {3, 4}}, "y of the p = 0 example (nothing dropped) in section 'Fighting over-fitting, in order'");
    // Over many values the mean is preserved: E[y] = E[x].
    const Array x = xt::ones<double>({200, 100});
    const Array y = ex03::dropout_forward(x, uniforms({200, 100}, 4), 0.3);
    REQUIRE(dl::shape_of(y) == dl::shape_of(x));
    CHECK(double(xt::mean(y)()) == Approx(1.0).margin(0.02));
    const double kept = double(xt::sum(xt::cast<double>(xt::not_equal(y, 0.0)))()) / double(y.size());
    CHECK(kept == Approx(0.7).margin(0.02));
}

TEST_CASE("Exercise 3.4: shifting an image", "[ex03]") {
    const Array image = {{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}};
    require_close(ex03::shift_image(image, 1, 0, 0.0), Array{{{4, 5, 6}, {7, 8, 9}, {0, 0, 0}}}, "the 3x3 example in section 'Fighting over-fitting, in order' shifted by (dy 1, dx 0)");
    require_close(ex03::shift_image(image, -1, 1, -5.0), Array{{{-5, -5, -5}, {2, 3, -5}, {5, 6, -5}}}, "the 3x3 example in section 'Fighting over-fitting, in order' shifted by (dy -1, dx 1), fill -5");
    const Array random = dltest::random_normal({2, 6, 5}, 5);
    require_close(ex03::shift_image(random, 0, 0, 0.0), random, "a (2, 6, 5) image shifted by (0, 0)");
    // Shifting there and back restores every pixel that stayed inside the image.
    const Array back = ex03::shift_image(ex03::shift_image(random, 2, -1, 0.0), -2, 1, 0.0);
    for (std::size_t c = 0; c < 2; ++c)
        for (std::size_t y = 2; y < 6; ++y)
            for (std::size_t x = 0; x < 4; ++x) CHECK(back(c, y, x) == random(c, y, x));
    CHECK(back(0, 0, 0) == 0.0);
}

TEST_CASE("Exercise 3.5: mixup of a batch", "[ex03]") {
    const Array images = xt::reshape_view(Array{1.0, 2.0, 5.0, 10.0}, {2, 1, 1, 2});  // (2, 1, 1, 2)
    const Array targets = {{1, 0}, {0, 1}};
    const ex03::Mixed mixed = ex03::mixup_batch(images, targets, 0.25, {1, 0});
    require_close(mixed.images, Array(xt::reshape_view(Array{4.0, 8.0, 2.0, 4.0}, {2, 1, 1, 2})),
                  "images of the two-example batch in section 'Fighting over-fitting, in order' (lambda 0.25, partners swapped)");
    require_close(mixed.targets, Array{{0.25, 0.75}, {0.75, 0.25}}, "targets of the two-example batch in section 'Fighting over-fitting, in order'");
    const Array batch = dltest::random_normal({4, 2, 3, 3}, 6);
    const Array labels = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0.1, 0.8, 0.1}};
    const ex03::Mixed same = ex03::mixup_batch(batch, labels, 1.0, {2, 0, 3, 1});
    require_close(same.images, batch, "images with lambda 1 (no blending)");
    const ex03::Mixed self = ex03::mixup_batch(batch, labels, 0.3, {0, 1, 2, 3});
    require_close(self.images, batch, "images blended with themselves");
    const ex03::Mixed blended = ex03::mixup_batch(batch, labels, 0.6, {3, 2, 1, 0});
    require_close(xt::sum(blended.targets, {1}), Array{1, 1, 1, 1}, "the sums of the blended targets' rows");
    const std::size_t per_image = 2 * 3 * 3;
    for (std::size_t p = 0; p < per_image; ++p) {
        CHECK(blended.images.data()[p] == Approx(0.6 * batch.data()[p] + 0.4 * batch.data()[3 * per_image + p]));  // image 0, partner 3
    }
}

TEST_CASE("Exercise 3.6: the one-cycle schedule", "[ex03]") {
    const double start = ex03::one_cycle(0.0, 0.3, 25, 1e4);  // outside CHECK: "not written yet" is then reported as such
    CHECK(start == Approx(1.0 / 25));
    CHECK(ex03::one_cycle(0.15, 0.3, 25, 1e4) == Approx((1.0 + 1.0 / 25) / 2));
    CHECK(ex03::one_cycle(0.3, 0.3, 25, 1e4) == Approx(1.0));
    CHECK(ex03::one_cycle(0.65, 0.3, 25, 1e4) == Approx((1.0 + 1.0 / 25e4) / 2));
    CHECK(ex03::one_cycle(0.999999, 0.3, 25, 1e4) == Approx(1.0 / 25e4).margin(1e-9));
    for (auto [warmup, div, final_div] : {std::tuple{0.3, 25.0, 1e4}, std::tuple{0.1, 10.0, 100.0}}) {
        const dl::Schedule schedule = dl::one_cycle_schedule(warmup, div, final_div);
        for (int i = 0; i < 50; ++i) {
            const double t = i / 50.0;
            INFO("t = " << t << ", warmup " << warmup << ", div_factor " << div << ", final_div " << final_div);
            CHECK(ex03::one_cycle(t, warmup, div, final_div) == Approx(schedule(t)));
        }
    }
}
