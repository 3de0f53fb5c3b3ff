#include "dl/data/augment.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dl {

namespace {
void check_images(const Tensor<float>& images, const char* who) {
    if (images.dimension() != 4) throw std::invalid_argument(std::string(who) + ": expected images (N, C, H, W), got " + shape_string(shape_of(images)));
}
}  // namespace

void random_crop(Tensor<float>& images, int padding, Rng& rng, float fill) {
    check_images(images, "random_crop");
    if (padding < 0) throw std::invalid_argument("random_crop: padding must not be negative, got " + std::to_string(padding));
    const std::size_t n = images.shape(0), c = images.shape(1);
    const int h = int(images.shape(2)), w = int(images.shape(3));
    std::vector<float> copy(std::size_t(h) * w);  // one channel, before the shift
    for (std::size_t i = 0; i < n; ++i) {
        // Taking the window at (dy, dx) of the padded image shifts the content by (p − dy, p − dx).
        const int dy = int(rng.index(std::size_t(2 * padding + 1))) - padding;
        const int dx = int(rng.index(std::size_t(2 * padding + 1))) - padding;
        for (std::size_t ch = 0; ch < c; ++ch) {
            float* plane = images.data() + (i * c + ch) * std::size_t(h) * w;  // (H, W)
            std::copy(plane, plane + copy.size(), copy.begin());
            for (int y = 0; y < h; ++y)
                for (int x = 0; x < w; ++x) {
                    const int sy = y + dy, sx = x + dx;
                    plane[y * w + x] = (sy >= 0 && sy < h && sx >= 0 && sx < w) ? copy[std::size_t(sy) * w + sx] : fill;
                }
        }
    }
}

void horizontal_flip(Tensor<float>& images, std::size_t index) {
    check_images(images, "horizontal_flip");
    const std::size_t c = images.shape(1), h = images.shape(2), w = images.shape(3);
    if (index >= images.shape(0)) throw std::invalid_argument("horizontal_flip: image " + std::to_string(index) + " of " + std::to_string(images.shape(0)));
    for (std::size_t row = 0; row < c * h; ++row) {
        float* start = images.data() + (index * c * h + row) * w;
        std::reverse(start, start + w);
    }
}

void horizontal_flip(Tensor<float>& images) {
    check_images(images, "horizontal_flip");
    for (std::size_t i = 0; i < images.shape(0); ++i) horizontal_flip(images, i);
}

void random_horizontal_flip(Tensor<float>& images, Rng& rng, double probability) {
    check_images(images, "random_horizontal_flip");
    for (std::size_t i = 0; i < images.shape(0); ++i)
        if (rng.uniform(0.0, 1.0) < probability) horizontal_flip(images, i);
}

void random_erasing(Tensor<float>& images, Rng& rng, double probability, double min_area, double max_area, float fill) {
    check_images(images, "random_erasing");
    if (!(0.0 < min_area && min_area <= max_area && max_area <= 1.0)) {
        throw std::invalid_argument("random_erasing: need 0 < min_area <= max_area <= 1");
    }
    const std::size_t n = images.shape(0), c = images.shape(1);
    const int h = int(images.shape(2)), w = int(images.shape(3));
    for (std::size_t i = 0; i < n; ++i) {
        if (rng.uniform(0.0, 1.0) >= probability) continue;
        const double area = rng.uniform(min_area, max_area) * h * w;
        const double aspect = std::exp(rng.uniform(std::log(0.3), std::log(1.0 / 0.3)));  // height / width
        const int eh = std::clamp(int(std::round(std::sqrt(area * aspect))), 1, h);
        const int ew = std::clamp(int(std::round(std::sqrt(area / aspect))), 1, w);
        const int top = int(rng.index(std::size_t(h - eh + 1))), left = int(rng.index(std::size_t(w - ew + 1)));
        for (std::size_t ch = 0; ch < c; ++ch)
            for (int y = top; y < top + eh; ++y) {
                float* row = images.data() + ((i * c + ch) * std::size_t(h) + y) * w;
                std::fill(row + left, row + left + ew, fill);
            }
    }
}

}  // namespace dl
