#include "dl/explain/heat_map.hpp"

#include <algorithm>

namespace dl {

namespace {

// The planes of heat_overlay() for gray values that map to 0-1 as (v - lo) / range.
std::vector<float> overlay(const std::vector<float>& image, float lo, float range, const std::vector<float>& heat) {
    const std::size_t area = image.size();
    std::vector<float> planes(3 * area);  // (3, side, side)
    for (std::size_t i = 0; i < area; ++i) {
        const float gray = 0.5f * (image[i] - lo) / range;
        planes[i] = std::min(1.0f, gray + heat.at(i));
        planes[area + i] = planes[2 * area + i] = gray;
    }
    return planes;
}

}  // namespace

std::vector<float> unit_heat_map(const std::vector<float>& map, int height, int width, int side) {
    std::vector<float> out(std::size_t(side) * std::size_t(side), 0.0f);  // (side, side)
    const float largest = map.empty() ? 0.0f : *std::max_element(map.begin(), map.end());
    if (!(largest > 0.0f)) return out;
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            out[std::size_t(y) * std::size_t(side) + std::size_t(x)] = map[std::size_t(y * height / side) * std::size_t(width) + std::size_t(x * width / side)] / largest;
    return out;
}

std::vector<float> heat_overlay(const std::vector<float>& image, const std::vector<float>& heat) {
    const auto [lo, hi] = std::minmax_element(image.begin(), image.end());
    return overlay(image, *lo, *hi > *lo ? *hi - *lo : 1.0f, heat);
}

std::vector<float> heat_overlay(const std::vector<std::uint8_t>& image, const std::vector<float>& heat) {
    return overlay(std::vector<float>(image.begin(), image.end()), 0.0f, 255.0f, heat);
}

}  // namespace dl
