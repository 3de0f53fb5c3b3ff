// The batch hooks of dl::fit: augmentation policies and soft targets built from the
// settings, and fit() itself using them.
#include "dl/data/mixup.hpp"
#include "dl/layers/flatten.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/sequential.hpp"
#include "dl/optim/sgd.hpp"
#include "dl/train/batch_policy.hpp"
#include "dl/train/fit.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

namespace {

/// N images (1, 4, 6) whose columns count 1..6 from the left, and their labels 0..N−1 mod 3.
dl::Batch counting_batch(std::size_t n) {
    dl::Batch batch;
    batch.images = dl::Tensor<float>::from_shape({n, 1, 4, 6});
    for (std::size_t i = 0; i < batch.images.size(); ++i) batch.images.data()[i] = float(i % 6 + 1);
    for (std::size_t i = 0; i < n; ++i) batch.labels.push_back(int(i % 3));
    return batch;
}

/// A 3-class problem of 96 points (1, 1, 6): the class is the index of the largest of the first three.
dl::ImageDataset toy_data() {
    dl::Rng rng(3);
    dl::ImageDataset data;
    data.class_names = {"a", "b", "c"};
    data.images = dl::Tensor<float>::from_shape({96, 1, 1, 6});
    for (float& v : data.images) v = float(rng.normal(0.0, 1.0));
    for (std::size_t i = 0; i < 96; ++i) {
        const float* x = data.images.data() + i * 6;
        data.labels.push_back(int(std::max_element(x, x + 3) - x));
    }
    return data;
}

std::vector<double> train_losses(const dl::FitOptions& options) {
    const dl::ImageDataset data = toy_data();
    dl::Rng rng(5);
    dl::Sequential<float> model;
    model.add<dl::Flatten<float>>();
    model.add<dl::Linear<float>>(6, 3, dl::Init::xavier, rng);
    dl::SGD<float> sgd(dl::single_group(model.parameters(), 0.1), 0.9);
    dl::DataLoader loader(data, 16, true, 7);
    std::vector<double> losses;
    for (const dl::EpochRecord& r : dl::fit(model, sgd, loader, dl::ImageDataset(), options)) losses.push_back(r.train_loss);
    return losses;
}

}  // namespace

TEST_CASE("make_augmentation: none is empty - unknown names are refused - flip mirrors whole images", "[batch_policy][ch03]") {
    CHECK_FALSE(dl::make_augmentation("none", 0.0f, 1));
    CHECK_THROWS_WITH(dl::make_augmentation("rotate", 0.0f, 1), Catch::Contains("unknown augmentation 'rotate'"));
    dl::Batch batch = counting_batch(64);
    dl::make_augmentation("flip", 0.0f, 1)(batch);
    int flipped = 0;
    for (std::size_t i = 0; i < 64; ++i) {
        const float first = batch.images(i, 0, 0, 0);
        REQUIRE((first == 1.0f || first == 6.0f));  // a row reads 1..6 or 6..1, nothing else
        for (std::size_t y = 0; y < 4; ++y)
            for (std::size_t x = 0; x < 6; ++x) CHECK(batch.images(i, 0, y, x) == (first == 1.0f ? float(x + 1) : float(6 - x)));
        flipped += first == 6.0f;
    }
    CHECK(flipped > 16);
    CHECK(flipped < 48);
}

TEST_CASE("make_augmentation: flip-crop shifts in the fill value - erase paints with it", "[batch_policy][ch03]") {
    for (const std::string policy : {"flip-crop", "flip-crop-erase"}) {
        dl::Batch batch;
        batch.images = dl::Tensor<float>(dl::Tensor<float>::shape_type{200, 1, 8, 8}, 1.0f);
        batch.labels.assign(200, 0);
        dl::make_augmentation(policy, -3.0f, 2)(batch);
        std::size_t filled = 0;
        for (float v : batch.images) {
            REQUIRE((v == 1.0f || v == -3.0f));
            filled += v == -3.0f;
        }
        // A crop shifts by 0-2 pixels each way; most images lose a border strip.
        INFO(policy);
        CHECK(filled > batch.images.size() / 20);
        CHECK(filled < batch.images.size() / 2);
    }
}

TEST_CASE("make_soft_targets: mixup blends images and targets - smoothing - none", "[batch_policy][ch03]") {
    CHECK_FALSE(dl::make_soft_targets(3, 0.0, 0.0, 1));
    dl::Batch batch = counting_batch(5);
    const dl::Tensor<float> smooth = dl::make_soft_targets(3, 0.0, 0.3, 1)(batch);  // (5, 3)
    CHECK(smooth(0, 0) == Approx(0.8f));
    CHECK(smooth(0, 1) == Approx(0.1f));
    CHECK(smooth(4, 1) == Approx(0.8f));

    // Mixup: with image i filled with the value i, a blended image holds a value between two of them.
    for (std::size_t i = 0; i < batch.images.size(); ++i) batch.images.data()[i] = float(i / 24);  // image i is all i
    const dl::Tensor<float> mixed = dl::make_soft_targets(3, 0.4, 0.0, 2)(batch);              // (5, 3)
    REQUIRE(dl::shape_of(mixed) == dl::Shape{5, 3});
    bool changed = false;
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(mixed(i, 0) + mixed(i, 1) + mixed(i, 2) == Approx(1.0f));
        changed = changed || batch.images(i, 0, 0, 0) != float(i);
    }
    CHECK(changed);
}

TEST_CASE("fit: one-hot soft targets train exactly like hard labels - the augment hook runs once per batch", "[batch_policy][fit][ch03]") {
    dl::FitOptions hard;
    hard.epochs = 3;
    hard.verbose = false;
    dl::FitOptions soft = hard;
    soft.soft_targets = [](dl::Batch& batch) { return dl::one_hot(batch.labels, 3); };
    int calls = 0;
    soft.augment = [&calls](dl::Batch&) { ++calls; };
    const std::vector<double> a = train_losses(hard), b = train_losses(soft);
    REQUIRE(a.size() == 3);
    for (std::size_t e = 0; e < 3; ++e) CHECK(b[e] == Approx(a[e]).epsilon(1e-6));
    CHECK(a.back() < a.front());
    CHECK(calls == 3 * 6);  // 96 images in batches of 16
}
