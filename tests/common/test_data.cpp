// Splits, subsets, the loader and normalization on a small synthetic dataset; the
// Fashion-MNIST locator and loader on fake folders.
#include "dl/data/fashion_mnist.hpp"
#include "dl/data/idx.hpp"
#include "dl/data/loader.hpp"
#include "dl/data/normalize.hpp"

#include "../support/temp_dir.hpp"

#include "../support/catch_compat.hpp"

#include <cstdlib>
#include <set>

namespace {

// N images of shape (1, 2, 2) whose pixels all equal the image's index; label = index % 3.
dl::ImageDataset numbered(std::size_t n) {
    dl::ImageDataset data;
    data.images = dl::Tensor<float>::from_shape({n, 1, 2, 2});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t p = 0; p < 4; ++p) data.images.data()[i * 4 + p] = float(i);
        data.labels.push_back(int(i % 3));
    }
    data.class_names = {"a", "b", "c"};
    return data;
}

std::set<int> ids(const dl::ImageDataset& d) {
    std::set<int> out;
    for (std::size_t i = 0; i < d.size(); ++i) out.insert(int(d.images(i, 0, 0, 0)));
    return out;
}

}  // namespace

TEST_CASE("split_validation: disjoint - complete - seeded", "[data]") {
    const auto data = numbered(100);
    const auto a = dl::split_validation(data, 20, 1), b = dl::split_validation(data, 20, 1), c = dl::split_validation(data, 20, 2);
    CHECK(a.train.size() == 80);
    CHECK(a.validation.size() == 20);
    std::set<int> all = ids(a.train);
    for (int id : ids(a.validation)) CHECK(all.insert(id).second);  // never in both
    CHECK(all.size() == 100);
    CHECK(ids(a.validation) == ids(b.validation));
    CHECK(ids(a.validation) != ids(c.validation));
    for (std::size_t i = 0; i < a.train.size(); ++i) CHECK(a.train.labels[i] == int(a.train.images(i, 0, 1, 1)) % 3);  // labels travel with images
    CHECK_THROWS_WITH(dl::split_validation(data, 100, 1), dltest::contains("cannot hold out 100 of 100"));
}

TEST_CASE("per_class_subset: n of each class, labels travelling with images, seeded", "[data][ch06]") {
    const auto data = numbered(30);  // 10 of each class
    const auto a = dl::per_class_subset(data, 4, 1), b = dl::per_class_subset(data, 4, 1), c = dl::per_class_subset(data, 4, 2);
    REQUIRE(a.size() == 12);
    int per_class[3] = {0, 0, 0};
    for (std::size_t i = 0; i < a.size(); ++i) {
        ++per_class[a.labels[i]];
        CHECK(a.labels[i] == int(a.images(i, 0, 0, 0)) % 3);
    }
    CHECK((per_class[0] == 4 && per_class[1] == 4 && per_class[2] == 4));
    CHECK(ids(a) == ids(b));
    CHECK(ids(a) != ids(c));
    CHECK(dl::per_class_subset(data, 10, 1).size() == 30);  // every example of every class
    // More than a class has is an error, not a silently smaller set.
    CHECK_THROWS_WITH(dl::per_class_subset(data, 11, 1), dltest::contains("11 examples per class were asked, but class"));
    CHECK_THROWS_WITH(dl::random_subset(data, 31, 1), dltest::contains("a random subset of 31 examples was asked of 30"));
}

TEST_CASE("reduce_class keeps a fraction of one class and all of the others", "[data][ch06]") {
    const auto data = numbered(300);  // 100 of each class
    const auto thin = dl::reduce_class(data, 1, 0.05, 3);
    CHECK(thin.size() == 205);
    int ones = 0;
    for (std::size_t i = 0; i < thin.size(); ++i) {
        ones += thin.labels[i] == 1;
        CHECK(thin.labels[i] == int(thin.images(i, 0, 0, 0)) % 3);
    }
    CHECK(ones == 5);
    CHECK(dl::reduce_class(data, 2, 0.001, 3).size() == 201);  // at least one is kept
    CHECK_THROWS_WITH(dl::reduce_class(data, 7, 0.5, 3), dltest::contains("class 7 has no examples"));
    CHECK_THROWS_AS(dl::reduce_class(data, 1, 0.0, 3), std::invalid_argument);
}

TEST_CASE("DataLoader: every example once per epoch - reshuffled - seeded - last batch smaller", "[data]") {
    const auto data = numbered(10);
    dl::DataLoader loader(data, 4, true, 5), twin(data, 4, true, 5);
    CHECK(loader.batches_per_epoch() == 3);
    std::vector<int> first_epoch;
    for (int epoch = 0; epoch < 2; ++epoch) {
        loader.start_epoch();
        twin.start_epoch();
        std::vector<int> seen, twin_seen;
        std::vector<std::size_t> sizes;
        dl::Batch batch, twin_batch;
        while (loader.next(batch)) {
            sizes.push_back(batch.labels.size());
            for (std::size_t i = 0; i < batch.labels.size(); ++i) seen.push_back(int(batch.images(i, 0, 0, 0)));
        }
        while (twin.next(twin_batch)) {
            for (std::size_t i = 0; i < twin_batch.labels.size(); ++i) twin_seen.push_back(int(twin_batch.images(i, 0, 0, 0)));
        }
        CHECK(sizes == std::vector<std::size_t>{4, 4, 2});
        CHECK(std::set<int>(seen.begin(), seen.end()).size() == 10);
        CHECK(seen == twin_seen);  // same seed, same order
        if (epoch == 0)
            first_epoch = seen;
        else
            CHECK(seen != first_epoch);  // a new order each epoch
    }
}

TEST_CASE("normalization gives mean 0 and standard deviation 1", "[data]") {
    auto data = numbered(50);
    const dl::Normalization norm = dl::fit_normalization(data.images);
    CHECK(norm.mean == Approx(24.5));
    dl::normalize(data.images, norm);
    const auto after = dl::fit_normalization(data.images);
    CHECK(after.mean == Approx(0.0).margin(1e-5));
    CHECK(after.stddev == Approx(1.0).epsilon(1e-5));
}

TEST_CASE("Fashion-MNIST: the locator names a missing folder and honours the environment", "[data][fashion_mnist]") {
    CHECK_THROWS_WITH(dl::locate_fashion_mnist("/nonexistent/fmnist"), dltest::contains("/nonexistent/fmnist") && dltest::contains("--data"));
    dltest::TempDir dir("fmnist-env");
    ::setenv(dl::kFashionMnistEnv, dir.path().c_str(), 1);
    CHECK(dl::locate_fashion_mnist() == dir.path());
    CHECK_THROWS_WITH(dl::locate_fashion_mnist("/explicit/flag/wins"), dltest::contains("/explicit/flag/wins"));
    ::unsetenv(dl::kFashionMnistEnv);
}

TEST_CASE("Fashion-MNIST: a fake folder loads - and mismatched files are refused by name", "[data][fashion_mnist]") {
    dltest::TempDir dir("fmnist-fake");
    dl::IdxArray images{{3, 28, 28}, std::vector<std::uint8_t>(3 * 28 * 28, 255)};
    dl::IdxArray labels{{3}, {0, 9, 4}};
    dl::write_idx(dir.file("t10k-images-idx3-ubyte"), images);
    dl::write_idx(dir.file("t10k-labels-idx1-ubyte"), labels);
    const dl::ImageDataset test = dl::load_fashion_mnist(dir.path(), false);
    CHECK(dl::shape_of(test.images) == dl::Shape{3, 1, 28, 28});
    CHECK(test.images(2, 0, 27, 27) == 1.0f);
    CHECK(test.labels == std::vector<int>{0, 9, 4});
    CHECK(test.class_names[9] == "Ankle boot");

    dl::write_idx(dir.file("t10k-labels-idx1-ubyte"), dl::IdxArray{{2}, {0, 1}});
    CHECK_THROWS_WITH(dl::load_fashion_mnist(dir.path(), false), dltest::contains("3 images") && dltest::contains("2 labels"));
    dl::write_idx(dir.file("t10k-labels-idx1-ubyte"), dl::IdxArray{{3}, {0, 1, 12}});
    CHECK_THROWS_WITH(dl::load_fashion_mnist(dir.path(), false), dltest::contains("label 12"));
    CHECK_THROWS_WITH(dl::load_fashion_mnist(dir.path(), true), dltest::contains("train-images-idx3-ubyte") && dltest::contains("not found"));
}

TEST_CASE("DataLoader over masks: each image's labels travel with it - labels that do not divide are refused", "[data][ch05]") {
    // 5 images (1, 2, 3) whose pixels all hold the image's index, and masks (5·2·3) whose
    // labels are 10·index + pixel: a batch is right when every image's pixels and labels agree.
    dl::Tensor<float> images = dl::Tensor<float>::from_shape({5, 1, 2, 3});
    std::vector<int> masks;
    for (std::size_t i = 0; i < 5; ++i)
        for (std::size_t p = 0; p < 6; ++p) {
            images.data()[i * 6 + p] = float(i);
            masks.push_back(int(10 * i + p));
        }
    dl::DataLoader loader(images, masks, 2, true, 3);
    CHECK(loader.batches_per_epoch() == 3);
    loader.start_epoch();
    dl::Batch batch;
    std::set<int> seen;
    while (loader.next(batch)) {
        const std::size_t b = batch.images.shape(0);
        REQUIRE(batch.labels.size() == b * 6);
        for (std::size_t i = 0; i < b; ++i) {
            const int index = int(batch.images.data()[i * 6]);
            seen.insert(index);
            for (std::size_t p = 0; p < 6; ++p) CHECK(batch.labels[i * 6 + p] == 10 * index + int(p));
        }
    }
    CHECK(seen.size() == 5);
    const std::vector<int> seven(7, 0);
    CHECK_THROWS_WITH(dl::DataLoader(images, seven, 2, false, 0), dltest::contains("7 labels do not divide among 5 images"));
}
