// The GEMM wrapper against the naive loops (all transposes, odd sizes) and xtensor-blas.
#include "dl/blas.hpp"
#include "dl/tensor.hpp"

#include "../support/catch_compat.hpp"
#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xrandom.hpp>

#include <vector>

TEST_CASE("gemm: a 2x2 product worked by hand", "[blas]") {
    const std::vector<double> a = {1, 2, 3, 4}, b = {5, 6, 7, 8};
    std::vector<double> c(4, 0.0);
    dl::gemm(false, false, 2, 2, 2, 1.0, a.data(), b.data(), 0.0, c.data());
    CHECK(c == std::vector<double>{19, 22, 43, 50});
    dl::gemm(true, false, 2, 2, 2, 1.0, a.data(), b.data(), 0.0, c.data());  // aᵀb
    CHECK(c == std::vector<double>{26, 30, 38, 44});
}

TEMPLATE_TEST_CASE("gemm matches the naive loops for every transpose and odd sizes", "[blas]", float, double) {
    const double tolerance = sizeof(TestType) == 4 ? 1e-4 : 1e-12;
    for (int m : {1, 7, 33}) {
        for (int n : {1, 5, 64}) {
            for (int k : {1, 3, 129}) {
                for (bool ta : {false, true}) {
                    for (bool tb : {false, true}) {
                        xt::random::seed(unsigned(m * 1000 + n * 10 + k));
                        dl::Tensor<TestType> a = xt::random::randn<TestType>({std::size_t(m * k)});
                        dl::Tensor<TestType> b = xt::random::randn<TestType>({std::size_t(k * n)});
                        dl::Tensor<TestType> c0 = xt::random::randn<TestType>({std::size_t(m * n)});
                        dl::Tensor<TestType> fast = c0, slow = c0;
                        dl::gemm(ta, tb, m, n, k, TestType(0.5), a.data(), b.data(), TestType(2), fast.data());
                        dl::naive_gemm(ta, tb, m, n, k, TestType(0.5), a.data(), b.data(), TestType(2), slow.data());
                        INFO("m=" << m << " n=" << n << " k=" << k << " transA=" << ta << " transB=" << tb);
                        const double worst = double(xt::amax(xt::abs(fast - slow) / (1.0 + xt::abs(slow)))());
                        CHECK(worst < tolerance);
                    }
                }
            }
        }
    }
}

TEST_CASE("gemm agrees with xtensor-blas's dot - an independent implementation", "[blas]") {
    xt::random::seed(3);
    dl::Tensor<double> a = xt::random::randn<double>({17, 23});
    dl::Tensor<double> b = xt::random::randn<double>({23, 9});
    dl::Tensor<double> c = dl::Tensor<double>::from_shape({17, 9});
    dl::gemm(false, false, 17, 9, 23, 1.0, a.data(), b.data(), 0.0, c.data());
    const dl::Tensor<double> expected = xt::linalg::dot(a, b);
    CHECK((double(xt::amax(xt::abs(c - expected))()) < 1e-12));
}

TEST_CASE("naive_gemm ignores C when beta is 0 - even if it holds NaN", "[blas]") {
    const std::vector<float> a = {1, 2}, b = {3, 4};
    std::vector<float> c = {std::numeric_limits<float>::quiet_NaN()};
    dl::naive_gemm(false, false, 1, 1, 2, 1.0f, a.data(), b.data(), 0.0f, c.data());
    CHECK(c[0] == 11.0f);
}
