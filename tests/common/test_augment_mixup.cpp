// Augmentation (crop, flip, erasing), mixup, label smoothing and the soft-target loss.
#include "dl/data/augment.hpp"
#include "dl/data/mixup.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"

#include "../support/gradcheck.hpp"

#include "../support/catch_compat.hpp"
#include <xtensor/xview.hpp>

#include <cmath>

using dl::Tensor;

namespace {
// N images (1, 6, 5) with distinct, positive pixel values.
Tensor<float> numbered_images(std::size_t n) {
    Tensor<float> images = Tensor<float>::from_shape({n, 1, 6, 5});
    for (std::size_t i = 0; i < images.size(); ++i) images.data()[i] = float(i + 1);
    return images;
}
}  // namespace

TEST_CASE("random_crop shifts each image by at most the padding - filling with zeros", "[augment][ch03]") {
    const Tensor<float> original = numbered_images(20);
    Tensor<float> images = original;
    dl::Rng rng(3);
    dl::random_crop(images, 2, rng);
    int shifted = 0;
    for (std::size_t i = 0; i < 20; ++i) {
        bool explained = false;  // is image i the original moved by some (dy, dx) in [-2, 2]²?
        for (int dy = -2; dy <= 2 && !explained; ++dy)
            for (int dx = -2; dx <= 2 && !explained; ++dx) {
                bool same = true;
                for (int y = 0; y < 6 && same; ++y)
                    for (int x = 0; x < 5 && same; ++x) {
                        const int sy = y + dy, sx = x + dx;
                        const float want = (sy >= 0 && sy < 6 && sx >= 0 && sx < 5) ? original(i, 0, sy, sx) : 0.0f;
                        same = images(i, 0, y, x) == want;
                    }
                if (same) explained = true, shifted += (dy != 0 || dx != 0);
            }
        CHECK(explained);
    }
    CHECK(shifted > 10);  // most of 20 images moved (24 of 25 offsets are moves)
    CHECK_THROWS_WITH(dl::random_crop(images, -1, rng), dltest::contains("padding"));
}

TEST_CASE("random_horizontal_flip mirrors rows of about half the images", "[augment][ch03]") {
    const Tensor<float> original = numbered_images(200);
    Tensor<float> images = original;
    dl::Rng rng(4);
    dl::random_horizontal_flip(images, rng);
    int flipped = 0;
    for (std::size_t i = 0; i < 200; ++i) {
        const bool mirrored = images(i, 0, 2, 0) == original(i, 0, 2, 4) && images(i, 0, 5, 1) == original(i, 0, 5, 3);
        CHECK((mirrored || (images(i, 0, 2, 0) == original(i, 0, 2, 0))));
        flipped += mirrored;
    }
    CHECK(flipped > 70);
    CHECK(flipped < 130);
}

TEST_CASE("horizontal_flip mirrors every row of every channel, and twice is the identity", "[augment][ch05]") {
    Tensor<float> maps = xt::zeros<float>({2, 2, 1, 3});  // (N, K, H, W)
    for (std::size_t i = 0; i < maps.size(); ++i) maps.data()[i] = float(i);  // rows 0 1 2 | 3 4 5 | 6 7 8 | 9 10 11
    dl::horizontal_flip(maps);
    const float expected[] = {2, 1, 0, 5, 4, 3, 8, 7, 6, 11, 10, 9};
    for (std::size_t i = 0; i < maps.size(); ++i) CHECK(maps.data()[i] == expected[i]);
    dl::horizontal_flip(maps);
    for (std::size_t i = 0; i < maps.size(); ++i) CHECK(maps.data()[i] == float(i));
    CHECK_THROWS_WITH(dl::horizontal_flip(maps, 2), dltest::contains("image 2 of 2"));
}

TEST_CASE("random_erasing fills one rectangle and leaves the rest alone", "[augment][ch03]") {
    const Tensor<float> original = numbered_images(50);
    Tensor<float> images = original;
    dl::Rng rng(5);
    dl::random_erasing(images, rng, 1.0, 0.1, 0.3);
    for (std::size_t i = 0; i < 50; ++i) {
        int top = 6, bottom = -1, left = 5, right = -1, erased = 0;
        for (int y = 0; y < 6; ++y)
            for (int x = 0; x < 5; ++x) {
                if (images(i, 0, y, x) == 0.0f) {
                    ++erased;
                    top = std::min(top, y), bottom = std::max(bottom, y), left = std::min(left, x), right = std::max(right, x);
                } else {
                    CHECK(images(i, 0, y, x) == original(i, 0, y, x));
                }
            }
        CHECK(erased >= 1);
        CHECK(erased == (bottom - top + 1) * (right - left + 1));  // the zeros form a rectangle
    }
    CHECK_THROWS_WITH(dl::random_erasing(images, rng, 1.0, 0.3, 0.1), dltest::contains("min_area <= max_area"));
}

TEST_CASE("one_hot with label smoothing - and mixup blends images and targets alike", "[mixup][ch03]") {
    const Tensor<float> smooth = dl::one_hot({2, 0}, 4, 0.2);
    CHECK(smooth(0, 2) == Approx(0.8 + 0.05));
    CHECK(smooth(0, 1) == Approx(0.05));
    CHECK(double(xt::sum(smooth)()) == Approx(2.0));
    dl::Batch batch{numbered_images(8), {0, 1, 2, 3, 0, 1, 2, 3}};
    dl::Rng rng(6);
    const dl::MixedBatch mixed = dl::mixup(batch, 4, 0.4, rng);
    REQUIRE(mixed.lambda >= 0.0);
    REQUIRE(mixed.lambda <= 1.0);
    for (std::size_t i = 0; i < 8; ++i) {
        CHECK(double(xt::sum(xt::view(mixed.targets, i, xt::all()))()) == Approx(1.0));
        // Pixel (0,0) of every numbered image is 30·i + 1: recover the partner from it.
        const double mixed_pixel = mixed.images(i, 0, 0, 0), own = double(batch.images(i, 0, 0, 0));
        const double partner_pixel = mixed.lambda < 1.0 ? (mixed_pixel - mixed.lambda * own) / (1.0 - mixed.lambda) : own;
        const std::size_t partner = std::size_t(std::lround((partner_pixel - 1.0) / 30.0));
        REQUIRE(partner < 8);
        for (std::size_t k = 0; k < 4; ++k) {  // exactly λ·t_i + (1 − λ)·t_partner
            const double t_own = batch.labels[i] == int(k), t_partner = batch.labels[partner] == int(k);
            CHECK(mixed.targets(i, k) == Approx(mixed.lambda * t_own + (1 - mixed.lambda) * t_partner).margin(1e-6));
        }
        CHECK(mixed.images(i, 0, 3, 2) == Approx(mixed.lambda * batch.images(i, 0, 3, 2) + (1 - mixed.lambda) * batch.images(partner, 0, 3, 2)));
    }
    double sum = 0, sum_sq = 0;
    for (int k = 0; k < 20000; ++k) {
        const double b = rng.beta(0.4, 0.4);
        sum += b, sum_sq += b * b;
    }
    const double mean = sum / 20000, variance = sum_sq / 20000 - mean * mean;
    CHECK(mean == Approx(0.5).margin(0.01));                       // Beta(a, a) has mean 1/2
    CHECK(variance == Approx(1.0 / (4 * (2 * 0.4 + 1))).margin(0.005));  // and variance 1/(4(2a+1)) = 0.139 (uniform: 0.083)
    CHECK_THROWS_WITH(dl::mixup(dl::Batch{numbered_images(3), {0, 1}}, 4, 0.4, rng), dltest::contains("2 labels"));
}

TEST_CASE("soft-target cross-entropy: equals the hard loss for one-hot rows - gradient check", "[loss][mixup][ch03]") {
    const Tensor<double> logits = dltest::random_normal({4, 5}, 8) * 2.0;
    const std::vector<int> labels = {4, 0, 2, 2};
    dl::SoftmaxCrossEntropy<double> hard, soft;
    Tensor<double> one = xt::zeros<double>({4, 5});
    for (std::size_t i = 0; i < 4; ++i) one(i, std::size_t(labels[i])) = 1.0;
    CHECK(soft.forward_soft(logits, one) == Approx(hard.forward(logits, labels)));
    CHECK(double(xt::amax(xt::abs(soft.backward() - hard.backward()))()) < 1e-12);
    Tensor<double> targets = xt::abs(dltest::random_normal({4, 5}, 9));
    for (std::size_t i = 0; i < 4; ++i) xt::view(targets, i, xt::all()) /= xt::sum(xt::view(targets, i, xt::all()))();
    soft.forward_soft(logits, targets);
    auto f = [&](const Tensor<double>& z) {
        dl::SoftmaxCrossEntropy<double> fresh;
        return double(fresh.forward_soft(z, targets));
    };
    const auto report = dltest::compare(soft.backward(), dltest::numeric_gradient(f, logits), "logits");
    INFO(report.where);
    CHECK(report.worst_error < 1e-7);
}
