// NaN in, NaN out: a value that has gone bad must reach the loss, where training sees it and
// stops. A layer that turns NaN into a number (ReLU's x > 0 ? x : 0 did, max pooling's
// x > best did) hides a diverged network behind finite losses and accuracies.
#include "dl/layers/activations.hpp"
#include "dl/layers/avg_pool2d.hpp"
#include "dl/layers/batch_norm.hpp"
#include "dl/layers/concat.hpp"
#include "dl/layers/conv2d.hpp"
#include "dl/layers/conv_transpose2d.hpp"
#include "dl/layers/dropout.hpp"
#include "dl/layers/flatten.hpp"
#include "dl/layers/global_avg_pool2d.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/max_pool2d.hpp"
#include "dl/layers/residual_block.hpp"
#include "dl/layers/sequential.hpp"
#include "dl/layers/upsample.hpp"
#include "dl/losses/dice_loss.hpp"
#include "dl/losses/focal_loss.hpp"
#include "dl/losses/pixel_cross_entropy.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"

#include "../support/gradcheck.hpp"

#include "../support/catch_compat.hpp"

#include <cmath>
#include <limits>
#include <memory>

using dl::Tensor;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// Random values (N, C, H, W) with one NaN at element @p where.
Tensor<float> input_with_nan(const dl::Shape& shape, std::size_t where) {
    Tensor<float> x = xt::cast<float>(dltest::random_normal(shape, 5));
    x.data()[where] = kNaN;
    return x;
}

bool has_nan(const Tensor<float>& t) {
    for (float v : t) {
        if (std::isnan(v)) return true;
    }
    return false;
}

// The forward pass of @p layer on an input with one NaN must give at least one NaN, and a
// NaN gradient fed back must give a NaN input gradient.
void check_layer_propagates_nan(dl::Layer<float>& layer, const dl::Shape& shape, std::size_t where = 7) {
    INFO(layer.name() << ", input " << dl::shape_string(shape) << ", NaN at element " << where);
    const Tensor<float> y = layer.forward(input_with_nan(shape, where));
    CHECK(has_nan(y));
    const Tensor<float> clean = xt::cast<float>(dltest::random_normal(shape, 6));
    Tensor<float> dy = xt::ones<float>(layer.forward(clean).shape());
    dy.data()[0] = kNaN;
    CHECK(has_nan(layer.backward(dy)));
}

}  // namespace

TEST_CASE("NaN in the input comes out of every layer, forward and backward", "[nan][numerics]") {
    dl::Rng rng(3);
    const dl::Shape images{2, 4, 6, 6};
    std::vector<std::unique_ptr<dl::Layer<float>>> layers;
    layers.push_back(std::make_unique<dl::ReLU<float>>());
    layers.push_back(std::make_unique<dl::LeakyReLU<float>>());
    layers.push_back(std::make_unique<dl::ELU<float>>());
    layers.push_back(std::make_unique<dl::Sigmoid<float>>());
    layers.push_back(std::make_unique<dl::Tanh<float>>());
    layers.push_back(std::make_unique<dl::MaxPool2d<float>>(2));
    layers.push_back(std::make_unique<dl::MaxPool2d<float>>(3, 2, 1));
    layers.push_back(std::make_unique<dl::AvgPool2d<float>>(2));
    layers.push_back(std::make_unique<dl::GlobalAvgPool2d<float>>());
    layers.push_back(std::make_unique<dl::Conv2d<float>>(4, 3, 3, 1, 1, dl::Init::he, rng));
    layers.push_back(std::make_unique<dl::ConvTranspose2d<float>>(4, 3, 2, 2, 0, dl::Init::he, rng));
    layers.push_back(std::make_unique<dl::BatchNorm2d<float>>(4));
    layers.push_back(std::make_unique<dl::Dropout<float>>(0.5, 9));
    layers.push_back(std::make_unique<dl::Flatten<float>>());
    layers.push_back(std::make_unique<dl::Upsample<float>>(2));
    layers.push_back(std::make_unique<dl::ResidualBlock<float>>(4, 4, 1, rng));
    layers.push_back(std::make_unique<dl::ResidualBlock<float>>(4, 8, 2, rng));
    for (auto& layer : layers) check_layer_propagates_nan(*layer, images);

    // In evaluation mode too, where BatchNorm uses its running statistics and dropout is
    // the identity.
    dl::BatchNorm2d<float> batch_norm(4);
    batch_norm.eval();
    check_layer_propagates_nan(batch_norm, images);
    dl::Dropout<float> dropout(0.5, 9);
    dropout.eval();
    check_layer_propagates_nan(dropout, images);

    dl::Linear<float> linear(5, 3, dl::Init::he, rng);
    check_layer_propagates_nan(linear, {4, 5});
    dl::BatchNorm1d<float> batch_norm_1d(5);
    check_layer_propagates_nan(batch_norm_1d, {4, 5});

    dl::Sequential<float> net;
    net.add<dl::Conv2d<float>>(4, 4, 3, 1, 1, dl::Init::he, rng);
    net.add<dl::ReLU<float>>();
    net.add<dl::MaxPool2d<float>>(2);
    check_layer_propagates_nan(net, images);
}

TEST_CASE("max pooling keeps a NaN wherever it lies in the window, and ReLU keeps NaN", "[nan][numerics][pooling]") {
    dl::MaxPool2d<float> pool(2);
    for (std::size_t where = 0; where < 4; ++where) {  // each position of one 2x2 window
        Tensor<float> x = {{{{1.0f, 2.0f}, {3.0f, 4.0f}}}};
        x.data()[where] = kNaN;
        INFO("NaN at window position " << where);
        CHECK(std::isnan(pool.forward(x)(0, 0, 0, 0)));
    }
    dl::ReLU<float> relu;
    const Tensor<float> y = relu.forward(Tensor<float>{kNaN, -1.0f, 0.0f, 2.0f});
    CHECK(std::isnan(y(0)));
    CHECK(y(1) == 0.0f);
    CHECK(y(2) == 0.0f);
    CHECK(y(3) == 2.0f);
}

TEST_CASE("NaN logits give a NaN loss, for every loss", "[nan][numerics]") {
    Tensor<float> rows = xt::cast<float>(dltest::random_normal({3, 4}, 8));
    rows(1, 2) = kNaN;
    const std::vector<int> labels{0, 1, 3};
    dl::SoftmaxCrossEntropy<float> cross_entropy;
    CHECK(std::isnan(cross_entropy.forward(rows, labels)));
    dl::FocalLoss<float> focal(2.0);
    CHECK(std::isnan(focal.forward(rows, labels)));

    Tensor<float> maps = xt::cast<float>(dltest::random_normal({1, 3, 2, 2}, 9));
    maps(0, 1, 1, 0) = kNaN;
    const std::vector<int> pixel_labels{0, 1, 2, 1};
    dl::PixelCrossEntropy<float> pixel_cross_entropy;
    CHECK(std::isnan(pixel_cross_entropy.forward(maps, pixel_labels)));
    dl::DiceLoss<float> dice;
    CHECK(std::isnan(dice.forward(maps, pixel_labels)));
}

TEST_CASE("a NaN crosses a channel concatenation and its split", "[nan][numerics]") {
    const Tensor<float> a = input_with_nan({1, 2, 3, 3}, 4), b = xt::cast<float>(dltest::random_normal({1, 1, 3, 3}, 2));
    CHECK(has_nan(dl::concat_channels(a, b)));
    const auto [da, db] = dl::split_channels(dl::concat_channels(b, a), 1);
    CHECK(has_nan(db));
    CHECK(!has_nan(da));
}
