// Conv2d: gradient checks in double, then the GEMM path against the naive loops in float
// over a sweep of shapes, and agreement across BLAS thread counts.
#include "dl/blas.hpp"
#include "dl/layers/conv2d.hpp"
#include "dl/layers/conv2d_naive.hpp"

#include "../support/gradcheck.hpp"
#include "../support/thread_pool.hpp"

#include "../support/catch_compat.hpp"
#include <xtensor/xrandom.hpp>

#include <cmath>

namespace {

struct Case {
    int n, c, h, w, f, k, s, p;
};

std::string describe(const Case& c) {
    return "N" + std::to_string(c.n) + " C" + std::to_string(c.c) + " " + std::to_string(c.h) + "x" + std::to_string(c.w) + " -> F" +
           std::to_string(c.f) + " k" + std::to_string(c.k) + " s" + std::to_string(c.s) + " p" + std::to_string(c.p);
}

}  // namespace

TEST_CASE("Conv2d: a 1x1 convolution worked by hand mixes channels per pixel", "[conv2d][ch02]") {
    dl::Rng rng(1);
    dl::Conv2d<double> conv(2, 1, 1, 1, 0, dl::Init::zeros, rng);
    conv.weight().value(0, 0, 0, 0) = 2.0;  // weight (1, 2, 1, 1): 2·channel 0 − channel 1
    conv.weight().value(0, 1, 0, 0) = -1.0;
    conv.bias().value = {0.5};
    const dl::Tensor<double> x = {{{{1, 2}}, {{3, 4}}}};  // (1, 2, 1, 2)
    CHECK((conv.forward(x) == dl::Tensor<double>{{{{2 * 1 - 3 + 0.5, 2 * 2 - 4 + 0.5}}}}));
}

TEST_CASE("Conv2d: gradients match finite differences", "[conv2d][gradcheck][ch02]") {
    const std::vector<Case> cases = {
        {1, 1, 5, 5, 1, 3, 1, 0},  // smallest, no padding
        {2, 3, 5, 7, 4, 3, 1, 1},  // padding, non-square, batch 2
        {2, 2, 7, 6, 3, 3, 2, 1},  // stride 2
        {3, 4, 4, 5, 2, 1, 1, 0},  // 1x1: the pointwise path without im2col
        {2, 2, 9, 8, 3, 5, 2, 2},  // 5x5 kernel, stride 2, padding 2
        {1, 3, 6, 6, 2, 1, 2, 0},  // 1x1 with stride 2 goes through im2col
    };
    for (const Case& c : cases) {
        dl::Rng rng(7);
        dl::Conv2d<double> conv(c.c, c.f, c.k, c.s, c.p, dl::Init::he, rng);
        dl::initialize(conv.bias().value, dl::Init::xavier, 1, 1, rng);
        const auto report = dltest::check_layer(conv, dltest::random_normal({std::size_t(c.n), std::size_t(c.c), std::size_t(c.h), std::size_t(c.w)}, 3));
        INFO(describe(c) << ": " << report.where);
        CHECK(report.worst_error < 1e-6);
    }
}

TEST_CASE("Conv2d: the im2col-GEMM path agrees with the naive loops over a sweep of shapes (float)", "[conv2d][ch02]") {
    const dltest::ThreadPoolSize two_threads(2);  // the per-thread buffers and partial sums, split
    const std::vector<Case> cases = {
        {1, 1, 28, 28, 6, 5, 1, 2},   {8, 6, 14, 14, 16, 5, 1, 0},   {4, 3, 11, 13, 8, 3, 1, 1},  {5, 16, 9, 9, 32, 3, 2, 1},
        {2, 64, 7, 7, 64, 3, 1, 1},   {3, 32, 8, 8, 64, 1, 1, 0},    {7, 8, 15, 9, 4, 5, 2, 2},   {1, 64, 5, 5, 1, 1, 2, 0},
        {6, 2, 17, 17, 3, 3, 2, 0},   {16, 16, 32, 32, 16, 3, 1, 1},
        {3, 4, 7, 9, 5, 3, 1, 2},     // padding wider than half the kernel
        {2, 3, 6, 5, 4, 1, 1, 1},     // 1x1 with padding: goes through im2col
    };
    double worst_overall = 0;
    for (const Case& c : cases) {
        xt::random::seed(unsigned(c.c * 100 + c.h));
        dl::Tensor<float> x = xt::random::randn<float>({std::size_t(c.n), std::size_t(c.c), std::size_t(c.h), std::size_t(c.w)});
        dl::Rng rng(5);
        dl::Conv2d<float> conv(c.c, c.f, c.k, c.s, c.p, dl::Init::he, rng);
        dl::initialize(conv.bias().value, dl::Init::xavier, 1, 1, rng);
        const dl::Tensor<float> y = conv.forward(x);
        const dl::Tensor<float> dy = xt::random::randn<float>(y.shape());
        const dl::Tensor<float> dx = conv.backward(dy);

        const dl::ConvShape shape{c.n, c.f, conv.geometry(c.h, c.w)};
        dl::Tensor<float> y_ref = dl::Tensor<float>::from_shape(y.shape()), dx_ref = dl::Tensor<float>::from_shape(x.shape());
        dl::Tensor<float> dw_ref = xt::zeros<float>(conv.weight().value.shape()), db_ref = xt::zeros<float>({std::size_t(c.f)});
        dl::conv2d_naive_forward(shape, x.data(), conv.weight().value.data(), conv.bias().value.data(), y_ref.data());
        dl::conv2d_naive_backward(shape, x.data(), conv.weight().value.data(), dy.data(), dx_ref.data(), dw_ref.data(), db_ref.data());

        auto relative = [](const dl::Tensor<float>& a, const dl::Tensor<float>& b) {
            return double(xt::amax(xt::abs(a - b))()) / std::max(1.0, double(xt::amax(xt::abs(b))()));
        };
        const double worst = std::max({relative(y, y_ref), relative(dx, dx_ref), relative(conv.weight().grad, dw_ref), relative(conv.bias().grad, db_ref)});
        worst_overall = std::max(worst_overall, worst);
        INFO(describe(c) << ": worst relative error " << worst);
        CHECK(worst < 1e-5);
    }
    WARN("worst relative error of the GEMM path against the naive loops over the sweep: " << worst_overall);
}

TEST_CASE("Conv2d: 1 and 2 BLAS threads agree within float tolerance", "[conv2d][ch02]") {
    xt::random::seed(11);
    const dl::Tensor<float> x = xt::random::randn<float>({8, 16, 14, 14});
    dl::Rng rng_a(3), rng_b(3);
    dl::Conv2d<float> a(16, 32, 3, 1, 1, dl::Init::he, rng_a), b(16, 32, 3, 1, 1, dl::Init::he, rng_b);
    // The build must have loaded OpenBLAS's OpenMP build: one pool, whose size we set.
    REQUIRE(dl::blas_uses_openmp());
    const int before = dl::blas_threads();
    dl::set_blas_threads(1);
    const dl::Tensor<float> y1 = a.forward(x);
    const dl::Tensor<float> dx1 = a.backward(y1);
    dl::set_blas_threads(2);
    REQUIRE(dl::blas_threads() == 2);
    const dl::Tensor<float> y2 = b.forward(x);
    const dl::Tensor<float> dx2 = b.backward(y2);
    dl::set_blas_threads(before);
    CHECK(double(xt::amax(xt::abs(y1 - y2))()) < 1e-4);
    CHECK(double(xt::amax(xt::abs(dx1 - dx2))()) < 1e-3);
    CHECK(double(xt::amax(xt::abs(a.weight().grad - b.weight().grad))()) < 1e-2);
}

TEST_CASE("Conv2d: wrong inputs are refused with the shapes named", "[conv2d][ch02]") {
    dl::Rng rng(1);
    dl::Conv2d<float> conv(3, 8, 5, 1, 0, dl::Init::he, rng);
    CHECK_THROWS_WITH(conv.forward(dl::Tensor<float>::from_shape({2, 1, 28, 28})), dltest::contains("(2, 1, 28, 28)") && dltest::contains("(N, 3, H, W)"));
    CHECK_THROWS_WITH(conv.forward(dl::Tensor<float>::from_shape({2, 3, 4, 4})), dltest::contains("smaller than the kernel"));
    dl::Conv2d<float> strided(1, 1, 5, 2, 0, dl::Init::he, rng);  // (4 - 5) / 2 + 1 would round to 1
    CHECK_THROWS_WITH(strided.forward(dl::Tensor<float>::from_shape({1, 1, 4, 4})), dltest::contains("smaller than the kernel"));
}

TEST_CASE("Conv2d: the naive algorithm gives the same results through the layer", "[conv2d][ch02]") {
    xt::random::seed(12);
    const dl::Tensor<double> x = xt::random::randn<double>({3, 2, 9, 8});
    dl::Rng rng_a(4), rng_b(4);
    dl::Conv2d<double> fast(2, 5, 3, 2, 1, dl::Init::he, rng_a), slow(2, 5, 3, 2, 1, dl::Init::he, rng_b);
    slow.set_algorithm(dl::ConvAlgorithm::naive);
    const dl::Tensor<double> y = fast.forward(x);
    CHECK(double(xt::amax(xt::abs(y - slow.forward(x)))()) < 1e-12);
    CHECK(double(xt::amax(xt::abs(fast.backward(y) - slow.backward(y)))()) < 1e-12);
    CHECK(double(xt::amax(xt::abs(fast.weight().grad - slow.weight().grad))()) < 1e-12);
    CHECK(double(xt::amax(xt::abs(fast.bias().grad - slow.bias().grad))()) < 1e-12);
}

TEST_CASE("Conv2d: forward_taking keeps its input without a copy and gives forward's results", "[conv2d][ch02]") {
    dl::Rng rng_a(5), rng_b(5);
    dl::Conv2d<double> copying(2, 3, 3, 1, 1, dl::Init::he, rng_a), taking(2, 3, 3, 1, 1, dl::Init::he, rng_b);
    xt::random::seed(11);
    const dl::Tensor<double> x = xt::random::randn<double>({2, 2, 5, 4});   // (N, C, H, W)
    const dl::Tensor<double> dy = xt::random::randn<double>({2, 3, 5, 4});  // (N, F, OH, OW)
    dl::Tensor<double> handed_over = x;
    const dl::Tensor<double> y_copying = copying.forward(x), y_taking = taking.forward_taking(std::move(handed_over));
    CHECK((y_taking == y_copying));
    // backward needs the kept input: the same gradients show that it was kept intact.
    CHECK((taking.backward(dy) == copying.backward(dy)));
    CHECK((taking.weight().grad == copying.weight().grad));
    CHECK((taking.bias().grad == copying.bias().grad));
}
