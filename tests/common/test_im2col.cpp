// im2col and col2im on a 4x4 image, worked out by hand; then the size-keeping fast path against them.
#include "dl/layers/im2col.hpp"
#include "dl/layers/im2col_same_size.hpp"

#include "../support/catch_compat.hpp"

#include <numeric>
#include <vector>

namespace {
std::vector<double> one_to_sixteen() {
    std::vector<double> image(16);
    std::iota(image.begin(), image.end(), 1.0);  // rows: 1 2 3 4 / 5 6 7 8 / 9 10 11 12 / 13 14 15 16
    return image;
}
}  // namespace

TEST_CASE("im2col: 4x4 image - 2x2 kernel - stride 2", "[im2col][ch02]") {
    const dl::ConvGeometry g{1, 4, 4, 2, 2, 2, 0};
    REQUIRE(g.out_h() == 2);
    REQUIRE(g.patch_size() == 4);
    std::vector<double> col(4 * 4);
    dl::im2col(one_to_sixteen().data(), g, col.data(), 4);
    // One row per kernel offset (kh, kw), one column per window (top-left, top-right, ...).
    CHECK(col == std::vector<double>{1, 3, 9, 11,     // (0,0)
                                     2, 4, 10, 12,    // (0,1)
                                     5, 7, 13, 15,    // (1,0)
                                     6, 8, 14, 16});  // (1,1)
}

TEST_CASE("im2col: 4x4 image - 3x3 kernel - padding 1", "[im2col][ch02]") {
    const dl::ConvGeometry g{1, 4, 4, 3, 3, 1, 1};
    REQUIRE(g.positions() == 16);
    std::vector<double> col(9 * 16, -1.0);
    dl::im2col(one_to_sixteen().data(), g, col.data(), 16);
    const double* top_left = col.data();            // offset (0,0): pixel (oh-1, ow-1)
    CHECK(top_left[0] == 0.0);                      // window (0,0) looks at padding
    CHECK(top_left[5] == 1.0);                      // window (1,1) sees pixel (0,0)
    CHECK(top_left[15] == 11.0);                    // window (3,3) sees pixel (2,2)
    const std::vector<double> centre(col.begin() + 4 * 16, col.begin() + 5 * 16);
    CHECK(centre == one_to_sixteen());              // offset (1,1) is the image itself
}

TEST_CASE("col2im: each pixel receives one contribution per window covering it", "[im2col][ch02]") {
    const dl::ConvGeometry g{1, 4, 4, 3, 3, 1, 1};
    const std::vector<double> ones(9 * 16, 1.0);
    std::vector<double> image(16, 0.0);
    dl::col2im(ones.data(), g, image.data(), 16);
    CHECK(image == std::vector<double>{4, 6, 6, 4,   // corners are in 4 windows,
                                       6, 9, 9, 6,   // edges in 6,
                                       6, 9, 9, 6,   // the interior in all 9
                                       4, 6, 6, 4});
}

TEST_CASE("col2im is the adjoint of im2col: <im2col(x) - c> = <x - col2im(c)>", "[im2col][ch02]") {
    const dl::ConvGeometry g{2, 5, 6, 3, 2, 2, 1};
    std::vector<double> x(2 * 5 * 6), c(std::size_t(g.patch_size() * g.positions())), col(c.size()), back(x.size(), 0.0);
    for (std::size_t i = 0; i < x.size(); ++i) x[i] = std::sin(double(i));
    for (std::size_t i = 0; i < c.size(); ++i) c[i] = std::cos(double(i) * 0.7);
    dl::im2col(x.data(), g, col.data(), std::size_t(g.positions()));
    dl::col2im(c.data(), g, back.data(), std::size_t(g.positions()));
    const double left = std::inner_product(col.begin(), col.end(), c.begin(), 0.0);
    const double right = std::inner_product(x.begin(), x.end(), back.begin(), 0.0);
    CHECK(left == Approx(right).epsilon(1e-12));
}

TEST_CASE("im2col_same_size and col2im_same_size agree with im2col and col2im over a sweep of shapes", "[im2col][ch02]") {
    struct Case {
        int channels, height, width, kernel;
    };
    // Maps from 1×1 up (a 3×3 window on a 1×1 map is all padding but its centre), non-square
    // maps, every odd window up to 7×7, and rows longer than H·W (the col_stride argument).
    for (const Case& c : {Case{1, 1, 1, 3}, Case{2, 2, 2, 3}, Case{3, 3, 5, 3}, Case{2, 7, 7, 3}, Case{1, 28, 28, 5},
                          Case{2, 4, 6, 5}, Case{1, 5, 3, 7}, Case{1, 2, 2, 7}, Case{3, 6, 6, 1}, Case{4, 14, 14, 3}}) {
        const dl::ConvGeometry g{c.channels, c.height, c.width, c.kernel, c.kernel, 1, c.kernel / 2};
        INFO("C " << c.channels << ", " << c.height << "x" << c.width << ", kernel " << c.kernel);
        REQUIRE(dl::keeps_size(g));
        const std::size_t P = std::size_t(g.positions()), stride = P + 3, rows = std::size_t(g.patch_size());
        std::vector<double> image(std::size_t(c.channels) * c.height * c.width);  // (C, H, W)
        for (std::size_t i = 0; i < image.size(); ++i) image[i] = double(i) + 1.0;  // no zeros: a missed copy shows
        std::vector<double> general(rows * stride, -1.0), fast(rows * stride, -1.0);  // (K, stride)
        dl::im2col(image.data(), g, general.data(), stride);
        dl::im2col_same_size(image.data(), g, fast.data(), stride);
        CHECK(fast == general);  // also: neither wrote past P in a row (the -1s between rows)

        std::vector<double> col(rows * stride);  // (K, stride)
        for (std::size_t i = 0; i < col.size(); ++i) col[i] = double(i % 13) - 6.0;
        std::vector<double> summed_general(image.size(), 0.5), summed_fast(image.size(), 0.5);  // accumulated into
        dl::col2im(col.data(), g, summed_general.data(), stride);
        dl::col2im_same_size(col.data(), g, summed_fast.data(), stride);
        CHECK(summed_fast == summed_general);
    }
    CHECK_FALSE(dl::keeps_size(dl::ConvGeometry{1, 8, 8, 3, 3, 2, 1}));  // stride 2
    CHECK_FALSE(dl::keeps_size(dl::ConvGeometry{1, 8, 8, 5, 5, 1, 1}));  // shrinks the map
}
