// The decoder's layers: ConvTranspose2d, Upsample and channel concatenation. Hand-worked
// cases, an independent scatter loop, the adjoint relation to Conv2d, and gradient checks.
#include "dl/layers/concat.hpp"
#include "dl/layers/conv2d.hpp"
#include "dl/layers/conv_transpose2d.hpp"
#include "dl/layers/upsample.hpp"

#include "../support/gradcheck.hpp"
#include "../support/thread_pool.hpp"

#include "../support/catch_compat.hpp"

using dl::Tensor;

namespace {

// The definition of a transposed convolution, as plain loops: every input value x[c, i, j]
// adds x·W[c, f, kh, kw] to output pixel (f, i·s − p + kh, j·s − p + kw), if it exists.
Tensor<double> scatter_reference(const Tensor<double>& x, const Tensor<double>& w, const Tensor<double>& b, int s, int p) {
    const int n = int(x.shape(0)), c_in = int(x.shape(1)), h = int(x.shape(2)), wd = int(x.shape(3));
    const int f_out = int(w.shape(1)), k = int(w.shape(2));
    const int oh = (h - 1) * s - 2 * p + k, ow = (wd - 1) * s - 2 * p + k;
    Tensor<double> y = Tensor<double>::from_shape({std::size_t(n), std::size_t(f_out), std::size_t(oh), std::size_t(ow)});
    for (int i = 0; i < n; ++i)
        for (int f = 0; f < f_out; ++f)
            for (int r = 0; r < oh; ++r)
                for (int q = 0; q < ow; ++q) y(i, f, r, q) = b(f);
    for (int i = 0; i < n; ++i)
        for (int c = 0; c < c_in; ++c)
            for (int r = 0; r < h; ++r)
                for (int q = 0; q < wd; ++q)
                    for (int f = 0; f < f_out; ++f)
                        for (int kh = 0; kh < k; ++kh)
                            for (int kw = 0; kw < k; ++kw) {
                                const int yr = r * s - p + kh, yq = q * s - p + kw;
                                if (yr >= 0 && yr < oh && yq >= 0 && yq < ow) y(i, f, yr, yq) += x(i, c, r, q) * w(c, f, kh, kw);
                            }
    return y;
}

// Concatenation as a layer for the gradient check: y = concat(x, 3·x), so the input
// gradient must be da + 3·db, which only holds if the split hands each half back correctly.
class ConcatWithScaledCopy : public dl::Layer<double> {
public:
    Tensor<double> forward(const Tensor<double>& x) override {
        channels_ = x.shape(1);
        return dl::concat_channels<double>(x, 3.0 * x);
    }
    Tensor<double> backward(const Tensor<double>& dy) override {
        const auto [da, db] = dl::split_channels(dy, channels_);
        return da + 3.0 * db;
    }
    std::string name() const override { return "concat(x, 3x)"; }

private:
    std::size_t channels_ = 0;
};

}  // namespace

TEST_CASE("ConvTranspose2d: kernel 2 stride 2 pastes a weighted copy of the kernel per pixel, by hand", "[conv_transpose][ch05]") {
    dl::Rng rng(1);
    dl::ConvTranspose2d<double> up(1, 1, 2, 2, 0, dl::Init::zeros, rng);
    up.weight().value = Tensor<double>{{{{1, 10}, {100, 1000}}}};  // (1, 1, 2, 2)
    up.bias().value = {0.5};
    const Tensor<double> x = {{{{1, 2}, {3, 4}}}};  // (1, 1, 2, 2)
    const Tensor<double> expected = {{{{1.5, 10.5, 2.5, 20.5},
                                       {100.5, 1000.5, 200.5, 2000.5},
                                       {3.5, 30.5, 4.5, 40.5},
                                       {300.5, 3000.5, 400.5, 4000.5}}}};
    CHECK((up.forward(x) == expected));
    // Backward: each input pixel gathers its 2x2 block of dy weighted by the kernel.
    const Tensor<double> dy = xt::ones<double>({1, 1, 4, 4});
    CHECK((up.backward(dy) == Tensor<double>{{{{1111, 1111}, {1111, 1111}}}}));
    CHECK(up.bias().grad(0) == 16.0);
}

TEST_CASE("ConvTranspose2d: the GEMM path matches the scatter loops, with overlaps and padding", "[conv_transpose][ch05]") {
    const dltest::ThreadPoolSize two_threads(2);  // the images split between threads
    struct Case { int n, c, h, w, f, k, s, p; };
    for (const Case& t : {Case{1, 1, 3, 3, 1, 3, 1, 0}, Case{2, 3, 4, 5, 2, 3, 2, 1}, Case{2, 2, 3, 3, 3, 4, 2, 1}, Case{1, 4, 2, 3, 2, 2, 2, 0}}) {
        dl::Rng rng(3);
        dl::ConvTranspose2d<double> up(t.c, t.f, t.k, t.s, t.p, dl::Init::he, rng);
        up.bias().value = dltest::random_normal({std::size_t(t.f)}, 5);
        const Tensor<double> x = dltest::random_normal({std::size_t(t.n), std::size_t(t.c), std::size_t(t.h), std::size_t(t.w)}, 9);
        const Tensor<double> expected = scatter_reference(x, up.weight().value, up.bias().value, t.s, t.p);
        const auto report = dltest::compare(up.forward(x), expected, "output", "gemm", "loops");
        INFO(up.name() << ": " << report.where);
        CHECK(report.worst_error < 1e-12);
    }
}

TEST_CASE("ConvTranspose2d's forward is Conv2d's input gradient with the same weights", "[conv_transpose][ch05]") {
    dl::Rng rng(4);
    // Conv2d(4 -> 3, k3, s2, p1) maps (2, 4, 7, 7) to (2, 3, 4, 4); its weight is (3, 4, 3, 3).
    dl::Conv2d<double> conv(4, 3, 3, 2, 1, dl::Init::he, rng);
    dl::ConvTranspose2d<double> up(3, 4, 3, 2, 1, dl::Init::zeros, rng);
    up.weight().value = conv.weight().value;  // the transpose reads it as (C=3, F=4, 3, 3)
    conv.forward(dltest::random_normal({2, 4, 7, 7}, 1));
    const Tensor<double> x = dltest::random_normal({2, 3, 4, 4}, 2);
    const auto report = dltest::compare(up.forward(x), conv.input_gradient(x), "output", "transpose", "conv dx");
    INFO(report.where);
    CHECK(report.worst_error < 1e-12);
}

TEST_CASE("ConvTranspose2d: gradients match finite differences", "[conv_transpose][gradcheck][ch05]") {
    dl::Rng rng(6);
    dl::ConvTranspose2d<double> up2(3, 2, 2, 2, 0, dl::Init::he, rng), up3(2, 3, 3, 2, 1, dl::Init::he, rng);
    for (auto [layer, x] : {std::pair{&up2, dltest::random_normal({2, 3, 3, 4}, 1)}, std::pair{&up3, dltest::random_normal({2, 2, 4, 3}, 2)}}) {
        const auto report = dltest::check_layer(*layer, x);
        INFO(layer->name() << ": " << report.where);
        CHECK(report.worst_error < 1e-6);
    }
}

TEST_CASE("ConvTranspose2d refuses a wrong channel count and a gradient of the wrong shape", "[conv_transpose][ch05]") {
    dl::Rng rng(1);
    dl::ConvTranspose2d<double> up(2, 1, 2, 2, 0, dl::Init::he, rng);
    CHECK_THROWS_WITH(up.forward(xt::zeros<double>({1, 3, 4, 4})), dltest::contains("expected input (N, 2, H, W)"));
    up.forward(xt::zeros<double>({1, 2, 4, 4}));
    CHECK_THROWS_WITH(up.backward(xt::zeros<double>({1, 1, 4, 4})), dltest::contains("does not match the last output"));
}

TEST_CASE("Upsample copies each pixel into an s x s block and sums the block's gradient, by hand", "[upsample][ch05]") {
    dl::Upsample<double> up(2);
    const Tensor<double> x = {{{{1, 2}, {3, 4}}}};
    CHECK((up.forward(x) == Tensor<double>{{{{1, 1, 2, 2}, {1, 1, 2, 2}, {3, 3, 4, 4}, {3, 3, 4, 4}}}}));
    const Tensor<double> dy = {{{{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}}}};
    CHECK((up.backward(dy) == Tensor<double>{{{{1 + 2 + 5 + 6, 3 + 4 + 7 + 8}, {9 + 10 + 13 + 14, 11 + 12 + 15 + 16}}}}));
    dl::Upsample<double> up3(3);
    const auto report = dltest::check_layer(up3, dltest::random_normal({2, 3, 2, 3}, 3));
    INFO(report.where);
    CHECK(report.worst_error < 1e-6);
}

TEST_CASE("concat_channels stacks channels and split_channels hands each input its own gradient", "[concat][ch05]") {
    const Tensor<double> a = {{{{1, 2}}}, {{{3, 4}}}};                  // (2, 1, 1, 2)
    const Tensor<double> b = {{{{5, 6}}, {{7, 8}}}, {{{9, 10}}, {{11, 12}}}};  // (2, 2, 1, 2)
    const Tensor<double> joined = dl::concat_channels(a, b);           // (2, 3, 1, 2)
    CHECK((joined == Tensor<double>{{{{1, 2}}, {{5, 6}}, {{7, 8}}}, {{{3, 4}}, {{9, 10}}, {{11, 12}}}}));
    const auto [da, db] = dl::split_channels(joined, 1);
    CHECK((da == a));
    CHECK((db == b));
    CHECK_THROWS_WITH(dl::concat_channels<double>(a, xt::zeros<double>({2, 1, 2, 2})), dltest::contains("N, H and W must agree"));
    ConcatWithScaledCopy layer;
    const auto report = dltest::check_layer(layer, dltest::random_normal({2, 3, 2, 2}, 4));
    INFO(report.where);
    CHECK(report.worst_error < 1e-6);
}
