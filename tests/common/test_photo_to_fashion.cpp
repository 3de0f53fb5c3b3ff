// prepare_like_fashion_mnist on photos drawn by hand: the answer for each is worked out
// from the steps (invert a light background, crop, take the background off, fit the longer
// side to 28, centre), not read off the function.
#include "dl/data/photo_to_fashion.hpp"

#include "../support/catch_compat.hpp"

#include <cstdint>
#include <utility>

namespace {

// A @p width × @p height gray image of @p background with a @p w × @p h rectangle of
// @p value at column @p x, row @p y.
dl::Image8 rectangle_on(int width, int height, std::uint8_t background, int x, int y, int w, int h, std::uint8_t value) {
    dl::Image8 image{width, height, 1, std::vector<std::uint8_t>(std::size_t(width) * height, background), 8};
    for (int row = y; row < y + h; ++row)
        for (int col = x; col < x + w; ++col) image.pixels[std::size_t(row) * width + col] = value;
    return image;
}

int at(const dl::Image8& image, int x, int y) { return image.pixels[std::size_t(y) * image.width + x]; }

// The rows of @p image (28×28) that hold any pixel above 0.
std::pair<int, int> lit_rows(const dl::Image8& image) {
    int first = -1, last = -1;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            if (at(image, x, y) > 0) {
                if (first < 0) first = y;
                last = y;
            }
    return {first, last};
}

}  // namespace

TEST_CASE("photo to Fashion-MNIST: a dark shirt on white is inverted, cropped, fitted and centred", "[data][predict]") {
    // 40×20 white photo, a black 10×6 object at (5, 3).
    const dl::PhotoPreparation p = dl::prepare_like_fashion_mnist(rectangle_on(40, 20, 255, 5, 3, 10, 6, 0));
    CHECK(p.inverted);
    CHECK(p.crop_x == 5);
    CHECK(p.crop_y == 3);
    CHECK(p.crop_width == 10);
    CHECK(p.crop_height == 6);
    REQUIRE(p.image.width == 28);
    REQUIRE(p.image.height == 28);
    // Longer side 10 → 28 (×2.8), so 6 rows → 17; centred: rows 5-21, every column.
    CHECK(lit_rows(p.image) == std::make_pair(5, 21));
    CHECK(at(p.image, 0, 13) == 255);   // the object, now white, reaches both sides
    CHECK(at(p.image, 27, 13) == 255);
    CHECK(at(p.image, 14, 4) == 0);     // above it: black background
    CHECK(at(p.image, 14, 22) == 0);    // below it
}

TEST_CASE("photo to Fashion-MNIST: a light object on black keeps its grays, and a tall one its aspect", "[data][predict]") {
    // 30×30 black photo, a 6×12 object of gray 200 at (20, 2).
    const dl::PhotoPreparation p = dl::prepare_like_fashion_mnist(rectangle_on(30, 30, 0, 20, 2, 6, 12, 200));
    CHECK_FALSE(p.inverted);
    CHECK(p.crop_width == 6);
    CHECK(p.crop_height == 12);
    // Longer side 12 → 28: 6 columns → 14, centred at columns 7-20, every row.
    CHECK(at(p.image, 6, 14) == 0);
    CHECK(at(p.image, 7, 14) == 200);
    CHECK(at(p.image, 20, 14) == 200);
    CHECK(at(p.image, 21, 14) == 0);
    CHECK(lit_rows(p.image) == std::make_pair(0, 27));
}

TEST_CASE("photo to Fashion-MNIST: a gray background becomes black, and the object keeps its contrast", "[data][predict]") {
    // Background 40, object 180: after taking the background off, 0 and 140.
    const dl::PhotoPreparation p = dl::prepare_like_fashion_mnist(rectangle_on(20, 20, 40, 4, 4, 12, 12, 180));
    CHECK_FALSE(p.inverted);
    CHECK(at(p.image, 14, 14) == 140);
    CHECK(at(p.image, 0, 0) == 140);  // a square object fills the whole frame
}

TEST_CASE("photo to Fashion-MNIST: a colour photo goes through gray first", "[data][predict]") {
    // White background, a pure red object: gray 0.299·255 ≈ 76, inverted to 179.
    dl::Image8 photo{16, 8, 3, std::vector<std::uint8_t>(16 * 8 * 3, 255), 8};
    for (int y = 2; y < 6; ++y)
        for (int x = 4; x < 12; ++x) {
            photo.pixels[(std::size_t(y) * 16 + x) * 3 + 1] = 0;  // green and blue off: red
            photo.pixels[(std::size_t(y) * 16 + x) * 3 + 2] = 0;
        }
    const dl::PhotoPreparation p = dl::prepare_like_fashion_mnist(photo);
    CHECK(p.inverted);
    CHECK(p.crop_width == 8);
    CHECK(p.crop_height == 4);
    CHECK(at(p.image, 14, 14) == Approx(255 - 76).margin(1));
}

TEST_CASE("photo to Fashion-MNIST: an image with no object is refused with the reason", "[data][predict]") {
    CHECK_THROWS_WITH(dl::prepare_like_fashion_mnist(rectangle_on(12, 12, 255, 0, 0, 0, 0, 0)), dltest::contains("stands out from its background"));
    CHECK_THROWS_WITH(dl::prepare_like_fashion_mnist(rectangle_on(12, 12, 100, 3, 3, 4, 4, 110)), dltest::contains("10 gray levels at most"));
    CHECK_THROWS_WITH(dl::prepare_like_fashion_mnist(dl::Image8{}), dltest::contains("empty"));
}

TEST_CASE("photo to MNIST digit: the stroke fits a 20-pixel box and its centre of mass lands in the middle", "[data][predict]") {
    // 60×50 white paper with a black "L": a 4×30 upright bar at (10, 8) and a 15×4 foot at (10, 34).
    dl::Image8 photo = rectangle_on(60, 50, 255, 10, 8, 4, 30, 0);
    for (int y = 34; y < 38; ++y)
        for (int x = 10; x < 25; ++x) photo.pixels[std::size_t(y) * 60 + std::size_t(x)] = 0;
    const dl::PhotoPreparation p = dl::prepare_like_mnist_digit(photo);
    CHECK(p.inverted);
    CHECK(p.crop_width == 15);
    CHECK(p.crop_height == 30);
    // Longer side 30 → 20 (×2/3): the L is 20 rows tall and 10 columns wide.
    const std::pair<int, int> rows = lit_rows(p.image);
    CHECK(rows.second - rows.first + 1 == 20);
    // The L's mass sits low and left of its box, so the box is moved up and right of centre:
    // the brightness-weighted centre is within half a pixel of (13.5, 13.5).
    double total = 0, sum_x = 0, sum_y = 0;
    for (int y = 0; y < 28; ++y)
        for (int x = 0; x < 28; ++x) total += at(p.image, x, y), sum_x += double(at(p.image, x, y)) * x, sum_y += double(at(p.image, x, y)) * y;
    CHECK(sum_x / total == Approx(13.5).margin(0.5));
    CHECK(sum_y / total == Approx(13.5).margin(0.5));
    CHECK(rows.first < 4);  // centring the box instead would start it at row 4
    CHECK_THROWS_WITH(dl::prepare_like_mnist_digit(rectangle_on(8, 8, 255, 0, 0, 0, 0, 0)), dltest::contains("prepare_like_mnist_digit: nothing"));
}

TEST_CASE("photo to scene: a light photo is inverted, its background set to the scenes' gray, fitted and padded", "[data][predict]") {
    // 40×20 paper of gray 250 with a black 10×6 object at (5, 3): inverted, the paper is 5
    // and the object 255; shifted so the paper is 20, the object is 255 + 15, kept at 255.
    const dl::PhotoPreparation p = dl::prepare_like_scene(rectangle_on(40, 20, 250, 5, 3, 10, 6, 0), 16, 20);
    CHECK(p.inverted);
    REQUIRE(p.image.width == 16);
    REQUIRE(p.image.height == 16);
    // Longer side 40 → 16 (×0.4): 16×8, centred: rows 4-11; the padding above and below and
    // the paper are all gray 20.
    CHECK(at(p.image, 8, 0) == 20);
    CHECK(at(p.image, 8, 15) == 20);
    CHECK(at(p.image, 0, 5) == 20);  // the paper's left edge
    // The object, at columns 2-5 and rows 1-2 of the 16×8 copy (5·0.4 = 2, 3·0.4 = 1.2), is bright.
    CHECK(at(p.image, 3, 4 + 2) > 200);
    CHECK_THROWS_WITH(dl::prepare_like_scene(rectangle_on(4, 4, 0, 0, 0, 0, 0, 0), 0, 20), dltest::contains("side must be positive"));
}
