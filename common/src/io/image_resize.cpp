#include "dl/io/image_resize.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace dl {

Image8 to_gray(const Image8& image) {
    if (image.channels == 1) return image;
    Image8 gray{image.width, image.height, 1, std::vector<std::uint8_t>(std::size_t(image.width) * std::size_t(image.height)), image.bits};
    for (std::size_t p = 0; p < gray.pixels.size(); ++p) {
        const std::uint8_t* rgb = image.pixels.data() + 3 * p;
        gray.pixels[p] = std::uint8_t(std::lround(0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]));
    }
    return gray;
}

Image8 to_rgb(const Image8& image) {
    if (image.channels == 3) return image;
    Image8 rgb{image.width, image.height, 3, std::vector<std::uint8_t>(3 * image.pixels.size()), image.bits};
    for (std::size_t p = 0; p < image.pixels.size(); ++p) std::fill_n(rgb.pixels.data() + 3 * p, 3, image.pixels[p]);
    return rgb;
}

namespace {

/// Each 2×2 block averaged into one pixel (a last odd row or column is dropped).
Image8 halve(const Image8& image) {
    const int w = image.width / 2, h = image.height / 2, c = image.channels;
    Image8 half{w, h, c, std::vector<std::uint8_t>(std::size_t(w) * std::size_t(h) * std::size_t(c)), image.bits};
    auto at = [&](int x, int y, int k) { return int(image.pixels[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * std::size_t(c) + std::size_t(k)]); };
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int k = 0; k < c; ++k) {
                const int sum = at(2 * x, 2 * y, k) + at(2 * x + 1, 2 * y, k) + at(2 * x, 2 * y + 1, k) + at(2 * x + 1, 2 * y + 1, k);
                half.pixels[(std::size_t(y) * std::size_t(w) + std::size_t(x)) * std::size_t(c) + std::size_t(k)] = std::uint8_t((sum + 2) / 4);
            }
    return half;
}

/// Where target coordinate @p t samples a source axis of @p source_size pixels.
double source_position(int t, int source_size, int target_size) {
    const double s = (t + 0.5) * double(source_size) / double(target_size) - 0.5;
    return std::clamp(s, 0.0, double(source_size - 1));
}

Image8 bilinear(const Image8& image, int width, int height) {
    const int c = image.channels;
    Image8 out{width, height, c, std::vector<std::uint8_t>(std::size_t(width) * std::size_t(height) * std::size_t(c)), image.bits};
    auto at = [&](int x, int y, int k) { return double(image.pixels[(std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * std::size_t(c) + std::size_t(k)]); };
    for (int y = 0; y < height; ++y) {
        const double sy = source_position(y, image.height, height);
        const int y0 = int(sy), y1 = std::min(y0 + 1, image.height - 1);
        const double fy = sy - y0;
        for (int x = 0; x < width; ++x) {
            const double sx = source_position(x, image.width, width);
            const int x0 = int(sx), x1 = std::min(x0 + 1, image.width - 1);
            const double fx = sx - x0;
            for (int k = 0; k < c; ++k) {
                const double top = (1 - fx) * at(x0, y0, k) + fx * at(x1, y0, k);
                const double bottom = (1 - fx) * at(x0, y1, k) + fx * at(x1, y1, k);
                out.pixels[(std::size_t(y) * std::size_t(width) + std::size_t(x)) * std::size_t(c) + std::size_t(k)] =
                    std::uint8_t(std::lround((1 - fy) * top + fy * bottom));
            }
        }
    }
    return out;
}

}  // namespace

Image8 resize_image(const Image8& image, int width, int height) {
    if (width < 1 || height < 1) throw std::invalid_argument("resize_image: target size " + std::to_string(width) + "x" + std::to_string(height) + " must be positive");
    if (image.width == width && image.height == height) return image;
    Image8 current = image;
    while (current.width >= 2 * width && current.height >= 2 * height) current = halve(current);
    return (current.width == width && current.height == height) ? current : bilinear(current, width, height);
}

}  // namespace dl
