// ImageGrid: tiles are stretched to black..white and placed in their cells; bad tiles refused.
#include "dl/io/image_grid.hpp"

#include "../support/temp_dir.hpp"

#include "../support/catch_compat.hpp"

#include <filesystem>

TEST_CASE("ImageGrid: a 2x2 tile fills its cell from black to white", "[image_grid]") {
    dl::ImageGrid grid(1, 2, 4);  // two 4-pixel cells, 4-pixel gaps
    const float tile[4] = {-1.0f, 0.0f, 0.5f, 3.0f};
    grid.place(1, tile, 2, 2);
    const dl::Image8& image = grid.image();
    REQUIRE(image.width == 2 * (4 + 4) + 4);
    auto pixel = [&](int x, int y) { return int(image.pixels[(std::size_t(y) * image.width + x) * 3]); };
    const int x0 = 4 + (4 + 4), y0 = 4;  // second cell; each tile pixel drawn 2x2
    CHECK(pixel(x0, y0) == 0);            // the minimum is black
    CHECK(pixel(x0 + 3, y0 + 3) == 255);  // the maximum is white
    CHECK(pixel(x0 + 2, y0) == 64);       // 0 is a quarter of the way from -1 to 3
    CHECK(pixel(4, 4) == 255);            // the first cell stays white
}

TEST_CASE("ImageGrid: oversized tiles and captions without room are refused and the PNG is written", "[image_grid]") {
    dl::ImageGrid grid(1, 1, 4);
    const float big[25] = {};
    CHECK_THROWS_WITH(grid.place(0, big, 5, 5), dltest::contains("does not fit"));
    const float small[1] = {1.0f};
    CHECK_THROWS_WITH(grid.place(0, small, 1, 1, "CAPTION"), dltest::contains("no caption lines"));
    CHECK_THROWS(grid.place(1, small, 1, 1));
    dltest::TempDir dir("grid");
    grid.write(dir.file("grid.png"));
    CHECK(std::filesystem::file_size(dir.file("grid.png")) > 50);
    CHECK_THROWS_WITH(grid.write(dir.file("missing/grid.png")), dltest::contains("missing/grid.png"));
}

TEST_CASE("ImageGrid: place_rgb draws the three planes as one colour tile - with its caption", "[image_grid]") {
    dl::ImageGrid grid(1, 1, 24, 1);
    const float planes[3 * 2] = {1, 0,   // red plane:   left pixel full
                                 0, 1,   // green plane: right pixel full
                                 0, 0};  // blue plane:  empty
    grid.place_rgb(0, planes, 1, 2, "A");
    const dl::Image8& image = grid.image();
    auto rgb = [&](int x, int y, int c) { return int(image.pixels[(std::size_t(y) * image.width + x) * 3 + c]); };
    // Each tile pixel is drawn 12x12, centred in the 24-pixel cell at (4, 4): rows 10..21.
    CHECK(rgb(4, 10, 0) == 255);  // left pixel: red
    CHECK(rgb(4, 10, 1) == 0);
    CHECK(rgb(16, 10, 1) == 255);  // right pixel: green
    CHECK(rgb(16, 10, 0) == 0);
    CHECK(rgb(16, 10, 2) == 0);
    int dark = 0;  // the caption "A" is drawn in black under the cell
    for (int y = 4 + 24; y < image.height; ++y)
        for (int x = 4; x < 4 + 24; ++x) dark += rgb(x, y, 0) == 0;
    CHECK(dark > 0);
}
