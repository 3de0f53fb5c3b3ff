// The batch hooks of dl::fit: augmentation policies and soft targets built from the
// settings, and fit() itself using them.
#include "dl/data/mixup.hpp"
#include "dl/layers/flatten.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/sequential.hpp"
#include "dl/optim/sgd.hpp"
#include "dl/train/batch_policy.hpp"
#include "dl/train/classification_task.hpp"
#include "dl/train/fit.hpp"

#include "../support/catch_compat.hpp"

#include <algorithm>
#include <cmath>

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

std::vector<double> train_losses(const dl::FitOptions& options, dl::SoftTargets soft_targets = {}) {
    const dl::ImageDataset data = toy_data();
    dl::Rng rng(5);
    dl::Sequential<float> model;
    model.add<dl::Flatten<float>>();
    model.add<dl::Linear<float>>(6, 3, dl::Init::xavier, rng);
    dl::SGD<float> sgd(dl::single_group(model.parameters(), 0.1), 0.9);
    dl::DataLoader loader(data, 16, true, 7);
    const dl::ImageDataset no_validation;
    dl::ClassificationTask task(no_validation);
    task.use_soft_targets(std::move(soft_targets));
    std::vector<double> losses;
    for (const dl::EpochRecord& r : dl::fit(model, sgd, loader, task, options)) losses.push_back(r.train_loss);
    return losses;
}

}  // namespace

TEST_CASE("make_augmentation: none is empty - unknown names are refused - flip mirrors whole images", "[batch_policy][ch03]") {
    CHECK_FALSE(dl::make_augmentation("none", 0.0f, 1));
    CHECK_THROWS_WITH(dl::make_augmentation("rotate", 0.0f, 1), dltest::contains("unknown augmentation 'rotate'"));
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

TEST_CASE("make_augmentation: flip-crop shifts in the fill value - erase paints more of it", "[batch_policy][ch03]") {
    std::size_t filled[2] = {0, 0};
    const std::string policies[2] = {"flip-crop", "flip-crop-erase"};
    for (int k = 0; k < 2; ++k) {
        dl::Batch batch;
        batch.images = dl::Tensor<float>(dl::Tensor<float>::shape_type{200, 1, 8, 8}, 1.0f);
        batch.labels.assign(200, 0);
        dl::make_augmentation(policies[k], -3.0f, 2)(batch);  // same seed: the same flips and crops
        for (float v : batch.images) {
            REQUIRE((v == 1.0f || v == -3.0f));
            filled[k] += v == -3.0f;
        }
    }
    // A crop shifts by 0-2 pixels each way: most images lose a border strip, none loses half.
    CHECK(filled[0] > 200 * 64 / 20);
    CHECK(filled[0] < 200 * 64 / 2);
    // Erasing then blanks 2-25% of the area in about half the images: on average ~7% of
    // all pixels more (some of the rectangle may fall on already-filled border).
    INFO("filled by flip-crop " << filled[0] << ", by flip-crop-erase " << filled[1]);
    CHECK(filled[1] > filled[0] + 200 * 64 / 50);
}

TEST_CASE("make_soft_targets: mixup blends images and targets - smoothing - none", "[batch_policy][ch03]") {
    CHECK_FALSE(dl::make_soft_targets(3, 0.0, 0.0, 1));
    dl::Batch batch = counting_batch(5);
    const dl::Tensor<float> smooth = dl::make_soft_targets(3, 0.0, 0.3, 1)(batch);  // (5, 3)
    CHECK(smooth(0, 0) == Approx(0.8f));
    CHECK(smooth(0, 1) == Approx(0.1f));
    CHECK(smooth(4, 1) == Approx(0.8f));

    // Mixup: image i is filled with the value i and labelled i mod 3. After mixing, image i
    // holds λ·i + (1 − λ)·j for one partner j and one λ shared by the batch, and its target
    // row is λ·onehot(i mod 3) + (1 − λ)·onehot(j mod 3).
    for (std::size_t i = 0; i < batch.images.size(); ++i) batch.images.data()[i] = float(i / 24);  // image i is all i
    const dl::Tensor<float> mixed = dl::make_soft_targets(3, 0.4, 0.0, 2)(batch);                  // (5, 3)
    REQUIRE(dl::shape_of(mixed) == dl::Shape{5, 3});
    bool changed = false;
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(mixed(i, 0) + mixed(i, 1) + mixed(i, 2) == Approx(1.0f));
        const float value = batch.images(i, 0, 0, 0);
        bool explained = false;  // by some partner j and the weight λ its target row implies
        for (std::size_t j = 0; j < 5 && !explained; ++j) {
            if (j == i) {
                explained = value == float(i);
                continue;
            }
            const double lambda = (double(value) - double(j)) / (double(i) - double(j));
            dl::Tensor<float> expected = dl::one_hot({int(i % 3)}, 3) * float(lambda) + dl::one_hot({int(j % 3)}, 3) * float(1 - lambda);
            explained = lambda >= 0 && lambda <= 1 && std::abs(mixed(i, 0) - expected(0, 0)) < 1e-5 &&
                        std::abs(mixed(i, 1) - expected(0, 1)) < 1e-5 && std::abs(mixed(i, 2) - expected(0, 2)) < 1e-5;
        }
        CHECK(explained);
        changed = changed || value != float(i);
    }
    CHECK(changed);
}

TEST_CASE("fit: one-hot soft targets train exactly like hard labels - the augment hook runs once per batch", "[batch_policy][fit][ch03]") {
    dl::FitOptions hard;
    hard.epochs = 3;
    hard.verbose = false;
    dl::FitOptions soft = hard;
    int calls = 0;
    soft.augment = [&calls](dl::Batch&) { ++calls; };
    const std::vector<double> a = train_losses(hard), b = train_losses(soft, [](dl::Batch&batch) { return dl::one_hot(batch.labels, 3); });
    REQUIRE(a.size() == 3);
    for (std::size_t e = 0; e < 3; ++e) CHECK(b[e] == Approx(a[e]).epsilon(1e-6));
    CHECK(a.back() < a.front());
    CHECK(calls == 3 * 6);  // 96 images in batches of 16
}
