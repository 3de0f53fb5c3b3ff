// Winograd F(2×2, 3×3): its forward pass and all three gradients against the naive loops,
// in double (where only rounding separates them) and in float, over shapes with odd and even
// sizes, every padding a 3×3 window allows, and a map smaller than one tile; then through
// Conv2d, and what it refuses.
#include "dl/layers/conv2d.hpp"
#include "dl/layers/conv2d_naive.hpp"
#include "dl/layers/winograd.hpp"

#include "../support/gradcheck.hpp"
#include "../support/thread_pool.hpp"

#include "../support/catch_compat.hpp"

#include <algorithm>
#include <cmath>

namespace {

using dl::Tensor;

struct Case {
    int n, c, h, w, f, padding;
};

std::string describe(const Case& c) {
    return "N" + std::to_string(c.n) + " C" + std::to_string(c.c) + " " + std::to_string(c.h) + "x" + std::to_string(c.w) + " -> F" +
           std::to_string(c.f) + " p" + std::to_string(c.padding);
}

// dltest::random_normal's values in scalar type T.
template <class T>
Tensor<T> random_values(const dl::Shape& shape, unsigned seed) {
    const Tensor<double> values = dltest::random_normal(shape, seed);
    Tensor<T> converted = Tensor<T>::from_shape(shape);
    std::copy(values.begin(), values.end(), converted.begin());
    return converted;
}

// The largest |a − b| relative to b's largest magnitude (at least 1).
template <class T>
double relative_error(const Tensor<T>& a, const Tensor<T>& b) {
    double worst = 0, scale = 1;
    for (std::size_t i = 0; i < b.size(); ++i) {
        worst = std::max(worst, std::abs(double(a.data()[i]) - double(b.data()[i])));
        scale = std::max(scale, std::abs(double(b.data()[i])));
    }
    return worst / scale;
}

// Runs both algorithms on one case and returns the worst relative error over y, dx, dw, db.
template <class T>
double worst_against_naive(const Case& c, unsigned seed) {
    const dl::ConvShape shape{c.n, c.f, dl::ConvGeometry{c.c, c.h, c.w, 3, 3, 1, c.padding}};
    const Tensor<T> x = random_values<T>({std::size_t(c.n), std::size_t(c.c), std::size_t(c.h), std::size_t(c.w)}, seed);  // (N, C, H, W)
    const Tensor<T> w = random_values<T>({std::size_t(c.f), std::size_t(c.c), 3, 3}, seed + 1);                              // (F, C, 3, 3)
    const Tensor<T> b = random_values<T>({std::size_t(c.f)}, seed + 2);                                                       // (F)
    const dl::Shape y_shape = {std::size_t(c.n), std::size_t(c.f), std::size_t(shape.geometry.out_h()), std::size_t(shape.geometry.out_w())};
    const Tensor<T> dy = random_values<T>(y_shape, seed + 3);  // (N, F, OH, OW)

    Tensor<T> y = Tensor<T>::from_shape(y_shape), y_ref = Tensor<T>::from_shape(y_shape);
    dl::winograd_forward(shape, x.data(), w.data(), b.data(), y.data());
    dl::conv2d_naive_forward(shape, x.data(), w.data(), b.data(), y_ref.data());

    Tensor<T> dx = Tensor<T>::from_shape(x.shape()), dx_ref = Tensor<T>::from_shape(x.shape());
    // Accumulated: both start from the same nonzero values.
    Tensor<T> dw = random_values<T>(dl::shape_of(w), seed + 4), dw_ref = dw;
    Tensor<T> db = random_values<T>(dl::shape_of(b), seed + 5), db_ref = db;
    dl::winograd_backward(shape, x.data(), w.data(), dy.data(), dx.data(), dw.data(), db.data());
    dl::conv2d_naive_backward(shape, x.data(), w.data(), dy.data(), dx_ref.data(), dw_ref.data(), db_ref.data());
    return std::max({relative_error(y, y_ref), relative_error(dx, dx_ref), relative_error(dw, dw_ref), relative_error(db, db_ref)});
}

const std::vector<Case> kCases = {
    {1, 1, 4, 4, 1, 0},  {2, 3, 5, 7, 4, 1},  {3, 4, 8, 8, 5, 1},   {2, 2, 7, 7, 3, 1},  {1, 3, 6, 9, 2, 2},
    {4, 5, 3, 3, 6, 0},  {2, 1, 1, 1, 2, 1},  {5, 8, 14, 14, 8, 1}, {2, 16, 9, 6, 4, 0}, {3, 2, 2, 5, 3, 2},
};

// Every case of kCases on two threads (the transforms and the 16 products split between
// them); each must stay within @p tolerance of the naive loops.
template <class T>
void check_every_case(unsigned seed, double tolerance) {
    const dltest::ThreadPoolSize two_threads(2);
    for (const Case& c : kCases) {
        const double worst = worst_against_naive<T>(c, seed += 10);
        INFO(describe(c) << ": worst relative error " << worst);
        CHECK(worst < tolerance);
    }
}

}  // namespace

TEST_CASE("Winograd F(2x2, 3x3): forward and all three gradients equal the naive loops (double)", "[winograd][conv2d]") {
    check_every_case<double>(10, 1e-12);
}

TEST_CASE("Winograd F(2x2, 3x3) in float stays within float rounding of the naive loops", "[winograd][conv2d]") {
    check_every_case<float>(500, 1e-5);
}

TEST_CASE("Winograd: Conv2d gives the im2col path's results and skips the input gradient of a first layer", "[winograd][conv2d]") {
    dl::Rng rng_a(4), rng_b(4);
    dl::Conv2d<double> im2col(3, 5, 3, 1, 1, dl::Init::he, rng_a), winograd(3, 5, 3, 1, 1, dl::Init::he, rng_b);
    winograd.set_algorithm(dl::ConvAlgorithm::winograd);
    const Tensor<double> x = dltest::random_normal({2, 3, 7, 6}, 8);
    const Tensor<double> y = winograd.forward(x);
    CHECK(relative_error(y, im2col.forward(x)) < 1e-12);
    const Tensor<double> dy = dltest::random_normal(dl::shape_of(y), 9);
    CHECK(relative_error(winograd.backward(dy), im2col.backward(dy)) < 1e-12);
    CHECK(relative_error(winograd.weight().grad, im2col.weight().grad) < 1e-12);
    CHECK(relative_error(winograd.bias().grad, im2col.bias().grad) < 1e-12);
    winograd.set_input_gradient_needed(false);
    winograd.forward(x);
    CHECK(winograd.backward(dy).dimension() == 0);  // no input gradient
    CHECK(relative_error(winograd.weight().grad, Tensor<double>(2.0 * im2col.weight().grad)) < 1e-12);  // accumulated twice
}

TEST_CASE("Winograd: a layer it does not fit falls back to im2col, and the functions refuse it", "[winograd][conv2d]") {
    CHECK_FALSE(dl::winograd_applies(dl::ConvGeometry{1, 8, 8, 5, 5, 1, 2}));
    CHECK_FALSE(dl::winograd_applies(dl::ConvGeometry{1, 8, 8, 3, 3, 2, 1}));
    CHECK(dl::winograd_applies(dl::ConvGeometry{1, 8, 8, 3, 3, 1, 0}));
    const dl::ConvShape strided{1, 1, dl::ConvGeometry{1, 8, 8, 3, 3, 2, 1}};
    std::vector<float> buffer(64, 0.0f);
    CHECK_THROWS_WITH(dl::winograd_forward<float>(strided, buffer.data(), buffer.data(), nullptr, buffer.data()), dltest::contains("stride 1"));
    dl::Rng rng_a(5), rng_b(5);
    dl::Conv2d<double> im2col(2, 3, 3, 2, 1, dl::Init::he, rng_a), winograd(2, 3, 3, 2, 1, dl::Init::he, rng_b);  // stride 2
    winograd.set_algorithm(dl::ConvAlgorithm::winograd);
    const Tensor<double> x = dltest::random_normal({2, 2, 7, 7}, 3);
    CHECK(relative_error(winograd.forward(x), im2col.forward(x)) < 1e-12);
}
