// Tests for the chapter-2 exercises: hand-worked cases from the chapter text, then the
// reader's functions against the library on random inputs, and max-pool backward against
// finite differences.
#include "exercises.hpp"

#include "dl/layers/conv2d_naive.hpp"
#include "dl/layers/im2col.hpp"
#include "dl/layers/max_pool2d.hpp"
#include "dl/util/random.hpp"

#include "../../support/require_close.hpp"

#include "../../support/catch_compat.hpp"

using ex02::Array;

using dltest::require_close;

namespace {


Array one_to_sixteen() {
    Array image = Array::from_shape({1, 4, 4});
    for (std::size_t i = 0; i < 16; ++i) image.data()[i] = double(i + 1);
    return image;
}

Array reference_conv(const Array& x, const Array& w, const Array& b, int stride, int padding) {
    const dl::ConvShape s{int(x.shape(0)), int(w.shape(0)), {int(x.shape(1)), int(x.shape(2)), int(x.shape(3)), int(w.shape(2)), int(w.shape(3)), stride, padding}};
    Array y = Array::from_shape({x.shape(0), w.shape(0), std::size_t(s.geometry.out_h()), std::size_t(s.geometry.out_w())});
    dl::conv2d_naive_forward(s, x.data(), w.data(), b.data(), y.data());
    return y;
}

}  // namespace

TEST_CASE("Exercise 2.1: im2col", "[ex02]") {
    require_close(ex02::im2col(one_to_sixteen(), 2, 2, 0), Array{{1, 3, 9, 11}, {2, 4, 10, 12}, {5, 7, 13, 15}, {6, 8, 14, 16}},
                  "col of the 4x4 example in section 'Convolution as a matrix product' (kernel 2, stride 2)");
    for (auto [k, s, p] : {std::tuple{3, 1, 1}, std::tuple{3, 2, 0}, std::tuple{5, 2, 2}}) {
        const Array image = dltest::random_normal({3, 7, 6}, unsigned(k * 10 + s + p));
        const dl::ConvGeometry g{3, 7, 6, k, k, s, p};
        Array expected = Array::from_shape({std::size_t(g.patch_size()), std::size_t(g.positions())});
        dl::im2col(image.data(), g, expected.data(), std::size_t(g.positions()));
        require_close(ex02::im2col(image, k, s, p), expected, "col of a random (3, 7, 6) image, kernel " + std::to_string(k) + " stride " + std::to_string(s) + " padding " + std::to_string(p));
    }
}

TEST_CASE("Exercise 2.2: col2im", "[ex02]") {
    const Array ones = xt::ones<double>({9, 16});
    require_close(ex02::col2im(ones, 1, 4, 4, 3, 1, 1), Array{{{4, 6, 6, 4}, {6, 9, 9, 6}, {6, 9, 9, 6}, {4, 6, 6, 4}}},
                  "image folded from all-ones columns (kernel 3, padding 1): how many windows cover each pixel");
    const dl::ConvGeometry g{2, 6, 5, 3, 3, 2, 1};
    const Array col = dltest::random_normal({std::size_t(g.patch_size()), std::size_t(g.positions())}, 3);
    Array expected = xt::zeros<double>({2, 6, 5});
    dl::col2im(col.data(), g, expected.data(), std::size_t(g.positions()));
    require_close(ex02::col2im(col, 2, 6, 5, 3, 2, 1), expected, "image folded from random columns (2 channels, 6x5, kernel 3, stride 2, padding 1)");
}

TEST_CASE("Exercise 2.3: convolution through GEMM", "[ex02]") {
    for (auto [k, s, p] : {std::tuple{5, 1, 2}, std::tuple{3, 2, 1}, std::tuple{1, 1, 0}}) {
        const Array x = dltest::random_normal({2, 3, 8, 7}, 4), w = dltest::random_normal({4, 3, std::size_t(k), std::size_t(k)}, 5);
        const Array b = dltest::random_normal({4}, 6);
        require_close(ex02::conv2d_forward_gemm(x, w, b, s, p), reference_conv(x, w, b, s, p),
                      "y for x (2, 3, 8, 7), w (4, 3, " + std::to_string(k) + ", " + std::to_string(k) + "), stride " + std::to_string(s) + ", padding " + std::to_string(p));
    }
    const Array one_image = dltest::random_normal({1, 2, 5, 5}, 7), w = dltest::random_normal({3, 2, 3, 3}, 8), b = dltest::random_normal({3}, 9);
    require_close(ex02::conv2d_forward_gemm(one_image, w, b, 1, 1), reference_conv(one_image, w, b, 1, 1), "y for a batch of one image, x (1, 2, 5, 5), w (3, 2, 3, 3), padding 1");
}

TEST_CASE("Exercise 2.4: max-pool backward", "[ex02]") {
    Array x = Array::from_shape({1, 1, 4, 4});
    for (std::size_t i = 0; i < 16; ++i) x.data()[i] = double(i + 1);
    require_close(ex02::maxpool_backward(x, Array{{{{1, 2}, {3, 4}}}}, 2), Array{{{{0, 0, 0, 0}, {0, 1, 0, 2}, {0, 0, 0, 0}, {0, 3, 0, 4}}}},
                  "dx of the Pooling section's 4x4 example");
    const Array tied = {{{{7, 7, 1, 5}, {7, 2, 5, 5}}}};  // (1, 1, 2, 4): 7 three times in window 1, 5 three times in window 2
    require_close(ex02::maxpool_backward(tied, Array{{{{10, 20}}}}, 2), Array{{{{10, 0, 0, 20}, {0, 0, 0, 0}}}},
                  "dx of the Pooling section's tie example: a maximum that appears more than once gets the gradient at its first place in row order");
    // Distinct values 0.1 apart: no ties, so the gradient is well defined.
    Array xr = Array::from_shape({2, 3, 6, 8});
    dl::Rng rng(9);
    const auto order = rng.permutation(xr.size());
    for (std::size_t i = 0; i < xr.size(); ++i) xr.data()[i] = 0.1 * double(order[i]);
    const Array dy = dltest::random_normal({2, 3, 3, 4}, 10);
    auto loss = [&](const Array& v) {
        dl::MaxPool2d<double> pool(2);
        return double(xt::sum(pool.forward(v) * dy)());
    };
    require_close(ex02::maxpool_backward(xr, dy, 2), dltest::numeric_gradient(loss, xr), "dx for a random (2, 3, 6, 8) input", 1e-6);
}

TEST_CASE("Exercise 2.5: naive convolution", "[ex02]") {
    // Hand-worked: a 2x2 kernel of ones sums each window; bias 0.5.
    const Array x = {{{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}}};
    const Array w = xt::ones<double>({1, 1, 2, 2});
    require_close(ex02::conv2d_naive(x, w, Array{0.5}, 1, 0), Array{{{{12.5, 16.5}, {24.5, 28.5}}}}, "y of the 3x3 example in section 'Convolution, the definition'");
    for (auto [k, s, p] : {std::tuple{3, 1, 1}, std::tuple{5, 2, 2}}) {
        const Array xr = dltest::random_normal({2, 2, 9, 7}, 11), wr = dltest::random_normal({3, 2, std::size_t(k), std::size_t(k)}, 12);
        const Array br = dltest::random_normal({3}, 13);
        require_close(ex02::conv2d_naive(xr, wr, br, s, p), reference_conv(xr, wr, br, s, p),
                      "y for x (2, 2, 9, 7), kernel " + std::to_string(k) + ", stride " + std::to_string(s) + ", padding " + std::to_string(p));
    }
}
