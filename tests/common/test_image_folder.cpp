// Chapter 6's input side: colour conversion and resizing worked by hand, and the
// image-folder loader, including the folders it must refuse.
#include "dl/data/image_folder.hpp"
#include "dl/io/image_resize.hpp"

#include "../support/temp_dir.hpp"

#include "../support/catch_compat.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

dl::Image8 gray(int width, int height, std::vector<std::uint8_t> pixels) { return dl::Image8{width, height, 1, std::move(pixels)}; }

}  // namespace

TEST_CASE("to_gray uses the BT.601 weights and to_rgb copies gray into three channels", "[image][ch06]") {
    const dl::Image8 rgb{2, 1, 3, {255, 0, 0, 10, 20, 30}};
    const dl::Image8 g = dl::to_gray(rgb);
    REQUIRE(g.channels == 1);
    CHECK(int(g.pixels[0]) == 76);  // 0.299·255 = 76.2
    CHECK(int(g.pixels[1]) == 18);  // 0.299·10 + 0.587·20 + 0.114·30 = 18.15
    const dl::Image8 back = dl::to_rgb(gray(1, 1, {9}));
    CHECK(back.pixels == std::vector<std::uint8_t>{9, 9, 9});
}

TEST_CASE("resize_image: bilinear enlarging with aligned pixel centres", "[image][ch06]") {
    // Target x samples (x + 1/2)·2/4 − 1/2 = −1/4, 1/4, 3/4, 5/4, clamped to [0, 1].
    const dl::Image8 wide = dl::resize_image(gray(2, 1, {0, 100}), 4, 1);
    CHECK(wide.pixels == std::vector<std::uint8_t>{0, 25, 75, 100});
    const dl::Image8 same = dl::resize_image(gray(2, 2, {1, 2, 3, 4}), 2, 2);
    CHECK(same.pixels == std::vector<std::uint8_t>{1, 2, 3, 4});
}

TEST_CASE("resize_image: shrinking by two averages 2x2 blocks", "[image][ch06]") {
    const dl::Image8 big = gray(4, 4, {0, 4, 10, 10,  //
                                       8, 4, 10, 10,  //
                                       1, 1, 200, 0,  //
                                       1, 1, 0, 0});
    const dl::Image8 small = dl::resize_image(big, 2, 2);
    CHECK(small.pixels == std::vector<std::uint8_t>{4, 10, 1, 50});
    // A constant photo stays constant at any size.
    const dl::Image8 flat = dl::resize_image(gray(100, 60, std::vector<std::uint8_t>(6000, 77)), 28, 28);
    CHECK(flat.pixels == std::vector<std::uint8_t>(28 * 28, 77));
    CHECK_THROWS_AS(dl::resize_image(big, 0, 3), std::invalid_argument);
}

TEST_CASE("load_image_folder reads classes from folder names, in order, resized", "[data][ch06]") {
    dltest::TempDir dir("image-folder");
    namespace fs = std::filesystem;
    fs::create_directories(dir.file("cat"));
    fs::create_directories(dir.file("ant"));
    dl::write_png(dir.file("cat/b.png"), gray(2, 2, {255, 255, 255, 255}));
    dl::write_png(dir.file("cat/a.png"), dl::Image8{4, 4, 3, std::vector<std::uint8_t>(48, 0)});  // colour, larger
    dl::write_png(dir.file("ant/z.png"), gray(2, 2, {0, 51, 102, 153}));
    std::ofstream(dir.file("ant/.DS_Store")) << "not an image";  // hidden files are skipped
    std::ostringstream note;  // the loader says on stderr what it had to convert
    std::streambuf* const saved = std::cerr.rdbuf(note.rdbuf());
    const dl::ImageDataset data = dl::load_image_folder(dir.path(), {2, 1});
    std::cerr.rdbuf(saved);
    CHECK_THAT(note.str(), dltest::contains(": 1 of 3 images converted to 2x2 gray (1 from 4x4 RGB)"));
    CHECK(data.class_names == std::vector<std::string>{"ant", "cat"});
    CHECK(data.labels == std::vector<int>{0, 1, 1});
    REQUIRE(dl::shape_of(data.images) == dl::Shape{3, 1, 2, 2});
    CHECK(data.images(0, 0, 1, 1) == Approx(0.6f));  // 153/255
    CHECK(data.images(1, 0, 0, 0) == 0.0f);          // cat/a.png comes before cat/b.png
    CHECK(data.images(2, 0, 1, 0) == 1.0f);
    const dl::ImageDataset rgb = dl::load_image_folder(dir.path(), {2, 3});
    CHECK(dl::shape_of(rgb.images) == dl::Shape{3, 3, 2, 2});
    CHECK(rgb.images(0, 2, 0, 1) == Approx(0.2f));  // gray copied to blue
}

TEST_CASE("load_image_folder refuses broken folders, naming what is wrong", "[data][ch06]") {
    dltest::TempDir dir("image-folder-bad");
    namespace fs = std::filesystem;
    CHECK_THROWS_WITH(dl::load_image_folder(dir.file("missing")), dltest::contains("missing: no such folder"));
    CHECK_THROWS_WITH(dl::load_image_folder(dir.path()), dltest::contains("has no class sub-folders"));
    fs::create_directories(dir.file("one"));
    CHECK_THROWS_WITH(dl::load_image_folder(dir.path()), dltest::contains("holds one class folder ('one'); a classifier needs at least two"));
    fs::create_directories(dir.file("two"));
    dl::write_png(dir.file("one/0.png"), gray(2, 2, {1, 2, 3, 4}));
    CHECK_THROWS_WITH(dl::load_image_folder(dir.path()), dltest::contains("two: class folder is empty"));
    std::ofstream(dir.file("two/broken.png")) << "\x89PNG but then nothing";
    CHECK_THROWS_WITH(dl::load_image_folder(dir.path()), dltest::contains("two/broken.png: cannot"));
    fs::remove(dir.file("two/broken.png"));
    dl::write_png(dir.file("two/0.png"), gray(2, 2, {1, 2, 3, 4}));
    CHECK(dl::load_image_folder(dir.path()).size() == 2);
    CHECK_THROWS_WITH(dl::load_image_folder(dir.path(), {}, {"one", "three"}), dltest::contains("holds the classes {one, two} but the training folder holds {one, three}"));
}
