// The Fashion-scenes generator and the segmentation-folder loader: determinism, what a
// scene contains, which items each split may use, and every refusal naming its file.
#include "dl/data/fashion_scenes.hpp"
#include "dl/data/idx.hpp"
#include "dl/data/segmentation_folder.hpp"
#include "dl/io/png.hpp"

#include "../support/temp_dir.hpp"

#include "../support/catch_compat.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

namespace {

// n flat 28x28 items: item i has every pixel = value and class i % 10.
dl::ImageDataset flat_items(std::size_t n, float value) {
    dl::ImageDataset items;
    items.images = xt::full_like(dl::Tensor<float>::from_shape({n, 1, 28, 28}), value);
    for (std::size_t i = 0; i < n; ++i) items.labels.push_back(int(i % 10));
    return items;
}

// Mean gray value (0..255) of the scene's pixels whose mask is (or is not) an item.
double mean_where(const dl::Scene& scene, bool item) {
    double sum = 0;
    int count = 0;
    for (std::size_t p = 0; p < scene.mask.pixels.size(); ++p) {
        if ((scene.mask.pixels[p] != 0) != item) continue;
        sum += scene.image.pixels[p];
        ++count;
    }
    return count == 0 ? -1 : sum / count;
}

void write_fake_fashion_mnist(const std::string& dir, std::size_t train, std::size_t test) {
    // Training items are gray 150, test items white 255: a scene shows which split it used.
    dl::write_idx(dir + "/train-images-idx3-ubyte", {{train, 28, 28}, std::vector<std::uint8_t>(train * 784, 150)});
    dl::write_idx(dir + "/t10k-images-idx3-ubyte", {{test, 28, 28}, std::vector<std::uint8_t>(test * 784, 255)});
    std::vector<std::uint8_t> train_labels(train), test_labels(test);
    for (std::size_t i = 0; i < train; ++i) train_labels[i] = std::uint8_t(i % 10);
    for (std::size_t i = 0; i < test; ++i) test_labels[i] = std::uint8_t(i % 10);
    dl::write_idx(dir + "/train-labels-idx1-ubyte", {{train}, train_labels});
    dl::write_idx(dir + "/t10k-labels-idx1-ubyte", {{test}, test_labels});
}

void write_gray(const std::string& path, int width, int height, std::uint8_t value) {
    dl::write_png(path, dl::Image8{width, height, 1, std::vector<std::uint8_t>(std::size_t(width) * height, value)});
}

}  // namespace

TEST_CASE("compose_scene: seeded, items drawn bright on a darker texture, labels class + 1", "[data][scenes][ch05]") {
    const dl::ImageDataset items = flat_items(20, 0.95f);
    const dl::SceneOptions options;
    dl::Rng a(5), b(5), c(6);
    const dl::Scene first = dl::compose_scene(items, options, a);
    CHECK(first.image.pixels == dl::compose_scene(items, options, b).image.pixels);
    CHECK(first.image.pixels != dl::compose_scene(items, options, c).image.pixels);
    dl::SceneOptions inverted;
    inverted.min_items = 5;  // more than max_items
    CHECK_THROWS_WITH(dl::compose_scene(items, inverted, a), dltest::contains("min_items <= max_items"));
    REQUIRE(first.image.width == 64);
    REQUIRE(first.mask.pixels.size() == 64u * 64u);
    for (int s = 0; s < 20; ++s) {
        const dl::Scene scene = dl::compose_scene(items, options, a);
        std::set<int> labels(scene.mask.pixels.begin(), scene.mask.pixels.end());
        CHECK(labels.count(0) == 1);                           // some background is always left
        CHECK(labels.size() >= 2);                             // at least one item
        CHECK(*labels.rbegin() <= 10);                         // class + 1 <= 10
        CHECK(mean_where(scene, true) == Approx(0.95 * 255).margin(5));  // items keep their value (noise averages out)
        CHECK(mean_where(scene, false) < 0.15 * 255);          // the texture stays darker than any item pixel
    }
}

TEST_CASE("split_scene_items: training and validation scenes draw on disjoint items, all of them, seeded", "[data][scenes][ch05]") {
    const dl::SceneItemSplit a = dl::split_scene_items(60000, 1), b = dl::split_scene_items(60000, 1), c = dl::split_scene_items(60000, 2);
    CHECK(a.validation.size() == 10000);
    CHECK(a.train.size() == 50000);
    std::vector<int> seen(60000, 0);
    for (std::size_t i : a.train) ++seen[i];
    for (std::size_t i : a.validation) ++seen[i];
    CHECK(std::count(seen.begin(), seen.end(), 1) == 60000);  // each index exactly once: disjoint and complete
    CHECK(a.validation == b.validation);
    CHECK(a.validation != c.validation);
}

TEST_CASE("compose_scene: an item too dark to tell from the texture gets no label", "[data][scenes][ch05]") {
    // Intensity 0.15 is below the 0.2 threshold: the mask must agree with what the image shows.
    const dl::ImageDataset dim = flat_items(20, 0.15f), bright = flat_items(20, 0.25f);
    dl::Rng rng(3);
    for (int s = 0; s < 5; ++s) {
        const dl::Scene dark_scene = dl::compose_scene(dim, dl::SceneOptions{}, rng);
        CHECK(std::set<int>(dark_scene.mask.pixels.begin(), dark_scene.mask.pixels.end()) == std::set<int>{0});
        const dl::Scene light_scene = dl::compose_scene(bright, dl::SceneOptions{}, rng);
        CHECK(std::set<int>(light_scene.mask.pixels.begin(), light_scene.mask.pixels.end()).size() >= 2);
    }
}

TEST_CASE("make_fashion_scenes: test scenes use only test items, and a second call reuses the folder", "[data][scenes][ch05]") {
    dltest::TempDir dir("scenes");
    write_fake_fashion_mnist(dir.path(), 60, 20);
    const std::string out = dir.file("scenes");
    const dl::SceneSplitSizes sizes{6, 3, 4};
    dl::make_fashion_scenes(out, dir.path(), sizes, 1, {}, nullptr);
    const dl::SegmentationSet train = dl::load_segmentation_folder(out + "/train", dl::kSceneClasses);
    const dl::SegmentationSet test = dl::load_segmentation_folder(out + "/test", dl::kSceneClasses);
    CHECK(train.size() == 6);
    CHECK(dl::load_segmentation_folder(out + "/val", dl::kSceneClasses).size() == 3);
    REQUIRE(test.size() == 4);
    // Under the masks: about 150/255 in training scenes, about 1 in test scenes.
    for (const auto& [set, expected] : {std::pair{&train, 150.0 / 255}, std::pair{&test, 1.0}}) {
        double sum = 0;
        int count = 0;
        for (std::size_t p = 0; p < set->masks.size(); ++p) {
            if (set->masks[p] == 0) continue;
            sum += set->images.data()[p];
            ++count;
        }
        CHECK(sum / count == Approx(expected).margin(0.03));
    }
    // Same settings: nothing is rewritten (a deleted image stays deleted).
    std::filesystem::remove(out + "/test/images/00000.png");
    dl::make_fashion_scenes(out, dir.path(), sizes, 1, {}, nullptr);
    CHECK_FALSE(std::filesystem::exists(out + "/test/images/00000.png"));
    // Other settings: refused, naming the manifest.
    CHECK_THROWS_WITH(dl::make_fashion_scenes(out, dir.path(), {6, 3, 5}, 1, {}, nullptr),
                      dltest::contains("scenes.txt") && dltest::contains("other settings"));
}

TEST_CASE("load_segmentation_folder reads what write_scene_folder wrote", "[data][scenes][ch05]") {
    dltest::TempDir dir("scene-folder");
    const dl::ImageDataset items = flat_items(10, 0.8f);
    dl::write_scene_folder(dir.file("s"), items, 3, {}, 9);
    const dl::SegmentationSet data = dl::load_segmentation_folder(dir.file("s"), dl::kSceneClasses);
    REQUIRE(dl::shape_of(data.images) == dl::Shape{3, 1, 64, 64});
    CHECK(data.files == std::vector<std::string>{"00000.png", "00001.png", "00002.png"});
    dl::Rng rng(9);
    for (std::size_t i = 0; i < 3; ++i) {
        const dl::Scene scene = dl::compose_scene(items, {}, rng);
        CHECK(std::equal(scene.mask.pixels.begin(), scene.mask.pixels.end(), data.masks.begin() + long(i * 4096)));
        CHECK(data.images(i, 0, 10, 20) == scene.image.pixels[10 * 64 + 20] / 255.0f);
    }
    CHECK_FALSE(std::filesystem::exists(dir.file("s.partial")));
}

TEST_CASE("load_segmentation_folder refuses broken folders, naming the file", "[data][scenes][ch05]") {
    dltest::TempDir dir("broken-scenes");
    const std::string root = dir.path();
    std::filesystem::create_directories(root + "/images");
    std::filesystem::create_directories(root + "/masks");
    write_gray(root + "/images/a.png", 8, 8, 100);
    write_gray(root + "/masks/a.png", 8, 8, 3);
    CHECK(dl::load_segmentation_folder(root, 11).masks == std::vector<int>(64, 3));

    write_gray(root + "/images/b.png", 8, 8, 100);
    CHECK_THROWS_WITH(dl::load_segmentation_folder(root, 11), dltest::contains("masks/b.png") && dltest::contains("missing"));
    write_gray(root + "/masks/b.png", 8, 6, 1);
    CHECK_THROWS_WITH(dl::load_segmentation_folder(root, 11), dltest::contains("masks/b.png") && dltest::contains("is 8x6 but its image is 8x8"));
    write_gray(root + "/masks/b.png", 8, 8, 11);
    CHECK_THROWS_WITH(dl::load_segmentation_folder(root, 11), dltest::contains("masks/b.png") && dltest::contains("label 11") && dltest::contains("[0, 11)"));
    dl::write_png(root + "/masks/b.png", dl::Image8{8, 8, 3, std::vector<std::uint8_t>(8 * 8 * 3, 1)});
    CHECK_THROWS_WITH(dl::load_segmentation_folder(root, 11), dltest::contains("masks/b.png") && dltest::contains("colour"));
    write_gray(root + "/masks/b.png", 8, 8, 1);
    write_gray(root + "/images/b.png", 16, 8, 100);
    CHECK_THROWS_WITH(dl::load_segmentation_folder(root, 11), dltest::contains("images/b.png") && dltest::contains("is 16x8 but the first image is 8x8"));
    std::ofstream(root + "/images/b.png") << "not a png at all";
    CHECK_THROWS_WITH(dl::load_segmentation_folder(root, 11), dltest::contains("images/b.png") && dltest::contains("cannot read image"));
    CHECK_THROWS_WITH(dl::load_segmentation_folder(root + "/nowhere", 11), dltest::contains("nowhere/images") && dltest::contains("no such folder"));
}
