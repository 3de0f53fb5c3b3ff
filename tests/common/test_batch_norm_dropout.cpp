// BatchNorm (1d and 2d) and Dropout: hand-worked values, gradient checks in both modes,
// running statistics saved by checkpoints; dropout's mask statistics and backward.
#include "dl/data/loader.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/layers/batch_norm.hpp"
#include "dl/layers/dropout.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/sequential.hpp"

#include "../support/gradcheck.hpp"
#include "../support/temp_dir.hpp"

#include "../support/catch_compat.hpp"

#include <xtensor/xmath.hpp>

#include <algorithm>
#include <cmath>

using dl::Tensor;

TEST_CASE("BatchNorm1d: four values worked by hand - and the running statistics", "[batch_norm][ch03]") {
    dl::BatchNorm1d<double> bn(1, 0.1, 0.0);
    Tensor<double> x = Tensor<double>::from_shape({4, 1});
    for (std::size_t i = 0; i < 4; ++i) x(i, 0) = double(i + 1);  // 1 2 3 4: mean 2.5, variance 1.25
    const Tensor<double> y = bn.forward(x);
    CHECK(y(0, 0) == Approx(-1.5 / std::sqrt(1.25)));
    CHECK(y(3, 0) == Approx(1.5 / std::sqrt(1.25)));
    CHECK(bn.running_mean().value(0) == Approx(0.1 * 2.5));
    CHECK(bn.running_var().value(0) == Approx(0.9 * 1.0 + 0.1 * 1.25 * 4.0 / 3.0));  // unbiased: 5/3
    bn.eval();  // now the running statistics are used
    const double expected = (1.0 - 0.25) / std::sqrt(0.9 + 0.1 * 5.0 / 3.0);
    CHECK(bn.forward(x)(0, 0) == Approx(expected));
}

TEST_CASE("BatchNorm in float matches double on a channel whose mean is 200 times its spread", "[batch_norm][numerics][ch03]") {
    // Unnormalized images: mean 1000, standard deviation 5. E[x^2] - mean^2 cancels almost
    // every digit of float here (the one-pass formula was off by 8.4e-4 relative).
    const std::size_t n = 16, channels = 2, side = 16;
    const Tensor<double> reference_input = dltest::random_normal({n, channels, side, side}, 7) * 5.0 + 1000.0;
    const Tensor<float> input = xt::cast<float>(reference_input);
    const Tensor<double> exact_input = xt::cast<double>(input);  // the same float values, in double
    dl::BatchNorm2d<float> in_float(channels, 1.0);              // momentum 1: running = this batch's
    dl::BatchNorm2d<double> in_double(channels, 1.0);
    const Tensor<float> y_float = in_float.forward(input);
    const Tensor<double> y_double = in_double.forward(exact_input);
    for (std::size_t c = 0; c < channels; ++c) {
        const double var_double = in_double.running_var().value(c), var_float = in_float.running_var().value(c);
        INFO("channel " << c << ": variance " << var_float << " in float, " << var_double << " in double");
        CHECK(std::abs(var_float - var_double) <= 1e-5 * var_double);
        CHECK(std::abs(double(in_float.running_mean().value(c)) - in_double.running_mean().value(c)) <= 1e-5 * 1000.0);
    }
    double worst = 0;
    for (std::size_t i = 0; i < y_float.size(); ++i) worst = std::max(worst, std::abs(double(y_float.data()[i]) - y_double.data()[i]));
    INFO("worst difference of the normalized outputs: " << worst);
    CHECK(worst <= 1e-5);
}

TEST_CASE("BatchNorm: gradients match finite differences in training and evaluation mode", "[batch_norm][gradcheck][ch03]") {
    dl::BatchNorm2d<double> bn2(3);
    dl::BatchNorm1d<double> bn1(5);
    for (dl::BatchNorm<double>* bn : std::initializer_list<dl::BatchNorm<double>*>{&bn2, &bn1}) {
        bn->gamma().value = dltest::random_normal({bn->gamma().value.size()}, 1) + 1.0;
        bn->beta().value = dltest::random_normal({bn->beta().value.size()}, 2);
    }
    const Tensor<double> images = dltest::random_normal({4, 3, 3, 5}, 3) * 2.0 + 1.0;
    const Tensor<double> rows = dltest::random_normal({6, 5}, 4) * 2.0 - 1.0;
    for (bool training : {true, false}) {
        bn2.train(training);
        bn1.train(training);
        const auto r2 = dltest::check_layer(bn2, images), r1 = dltest::check_layer(bn1, rows);
        INFO((training ? "training" : "evaluation") << ": " << r2.where << " / " << r1.where);
        CHECK(r2.worst_error < 1e-6);
        CHECK(r1.worst_error < 1e-6);
    }
    CHECK_THROWS_WITH(bn2.forward(rows), dltest::contains("expected (N, C, H, W)"));
    CHECK_THROWS_WITH(bn1.forward(images), dltest::contains("expected (N, C)"));
}

TEST_CASE("BatchNorm: running statistics travel in checkpoints", "[batch_norm][checkpoint][ch03]") {
    dltest::TempDir dir("bn-ckpt");
    auto make = [] {
        dl::Rng rng(1);
        dl::Sequential<float> net;
        net.add<dl::Linear<float>>(3, 4, dl::Init::he, rng);
        net.add<dl::BatchNorm1d<float>>(4);
        return net;
    };
    dl::Sequential<float> trained = make(), fresh = make();
    trained.forward(Tensor<float>{{1, 2, 3}, {4, 5, 6}, {7, 8, 10}});  // moves the running statistics
    REQUIRE(trained.buffers()[0]->name == "1.running_mean");
    dl::save_checkpoint(dir.file("bn.ckpt"), trained, "bn");
    dl::load_checkpoint(dir.file("bn.ckpt"), fresh, "bn");
    CHECK((fresh.buffers()[0]->value == trained.buffers()[0]->value));
    CHECK((fresh.buffers()[1]->value == trained.buffers()[1]->value));
    CHECK(double(xt::amax(xt::abs(fresh.buffers()[0]->value))()) > 0.0);
}

TEST_CASE("Dropout: drops about p of the values, keeps the mean, identity in evaluation", "[dropout][ch03]") {
    dl::Dropout<double> dropout(0.3, 7);
    const Tensor<double> x = xt::ones<double>({200, 100});
    const Tensor<double> y = dropout.forward(x);
    const double dropped = double(xt::sum(xt::equal(y, 0.0))()) / double(y.size());
    CHECK(dropped == Approx(0.3).margin(0.01));
    CHECK(double(xt::mean(y)()) == Approx(1.0).margin(0.02));  // survivors scaled by 1/0.7
    dropout.eval();
    CHECK((dropout.forward(x) == x));
    const Tensor<double> dy = dltest::random_normal({200, 100}, 5);
    CHECK((dropout.backward(dy) == dy));  // evaluation: the gradient passes unchanged
    CHECK_THROWS_WITH(dl::Dropout<double>(1.0, 1), dltest::contains("[0, 1)"));
}

TEST_CASE("Dropout: backward applies the forward mask - and the same seed gives the same mask", "[dropout][ch03]") {
    dl::Dropout<double> a(0.5, 11), b(0.5, 11);
    const Tensor<double> x = dltest::random_away_from_zero({8, 16}, 2);
    const Tensor<double> y = a.forward(x);
    CHECK((y == b.forward(x)));
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double kept = y.data()[i] / x.data()[i];  // the mask: exactly 0 or 1/(1 − p) = 2
        CHECK((kept == 0.0 || kept == Approx(2.0).epsilon(1e-15)));
    }
    const Tensor<double> dy = dltest::random_normal({8, 16}, 3);
    // Each element was multiplied by y/x (0 or 2), so its gradient is dy·y/x.
    const Tensor<double> expected = dy * (y / x);
    CHECK(double(xt::amax(xt::abs(a.backward(dy) - expected))()) < 1e-12);
}

TEST_CASE("BatchNorm: backward follows the mode of the last forward - DataLoader can drop a last batch of 1", "[batch_norm][ch03]") {
    dl::BatchNorm1d<double> a(3), b(3);
    const Tensor<double> x = dltest::random_normal({5, 3}, 6), dy = dltest::random_normal({5, 3}, 7);
    a.forward(x);
    b.forward(x);
    b.eval();  // switched after forward: backward must still use the batch statistics
    CHECK(double(xt::amax(xt::abs(a.backward(dy) - b.backward(dy)))()) < 1e-12);

    dl::ImageDataset data;
    data.images = xt::zeros<float>({9, 1, 1, 1});
    data.labels.assign(9, 0);
    dl::DataLoader loader(data, 4, false, 1, true);
    CHECK(loader.batches_per_epoch() == 2);
    loader.start_epoch();
    dl::Batch batch;
    int batches = 0;
    while (loader.next(batch)) {
        CHECK(batch.labels.size() == 4);
        ++batches;
    }
    CHECK(batches == 2);
}
