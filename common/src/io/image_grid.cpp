#include "dl/io/image_grid.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <stdexcept>

namespace dl {

namespace {

constexpr int kGap = 4;        // pixels between cells
constexpr int kTextScale = 2;  // each font pixel drawn as 2×2
constexpr int kLineHeight = 6 * kTextScale;

// 3×5 glyphs: five rows, three bits each (4 = left, 2 = middle, 1 = right column).
const std::map<char, std::array<std::uint8_t, 5>>& font() {
    static const std::map<char, std::array<std::uint8_t, 5>> glyphs = {
        {'0', {7, 5, 5, 5, 7}}, {'1', {2, 6, 2, 2, 7}}, {'2', {7, 1, 7, 4, 7}}, {'3', {7, 1, 7, 1, 7}}, {'4', {5, 5, 7, 1, 1}},
        {'5', {7, 4, 7, 1, 7}}, {'6', {7, 4, 7, 5, 7}}, {'7', {7, 1, 1, 1, 1}}, {'8', {7, 5, 7, 5, 7}}, {'9', {7, 5, 7, 1, 7}},
        {'A', {2, 5, 7, 5, 5}}, {'B', {6, 5, 6, 5, 6}}, {'C', {3, 4, 4, 4, 3}}, {'D', {6, 5, 5, 5, 6}}, {'E', {7, 4, 6, 4, 7}},
        {'F', {7, 4, 6, 4, 4}}, {'G', {3, 4, 5, 5, 3}}, {'H', {5, 5, 7, 5, 5}}, {'I', {7, 2, 2, 2, 7}}, {'J', {1, 1, 1, 5, 2}},
        {'K', {5, 5, 6, 5, 5}}, {'L', {4, 4, 4, 4, 7}}, {'M', {5, 7, 7, 5, 5}}, {'N', {6, 5, 5, 5, 5}}, {'O', {2, 5, 5, 5, 2}},
        {'P', {6, 5, 6, 4, 4}}, {'Q', {2, 5, 5, 6, 3}}, {'R', {6, 5, 6, 5, 5}}, {'S', {3, 4, 2, 1, 6}}, {'T', {7, 2, 2, 2, 2}},
        {'U', {5, 5, 5, 5, 7}}, {'V', {5, 5, 5, 5, 2}}, {'W', {5, 5, 7, 7, 5}}, {'X', {5, 5, 2, 5, 5}}, {'Y', {5, 5, 2, 2, 2}},
        {'Z', {7, 1, 2, 4, 7}}, {':', {0, 2, 0, 2, 0}}, {'>', {4, 2, 1, 2, 4}}, {'-', {0, 0, 7, 0, 0}}, {'/', {1, 1, 2, 4, 4}},
        {'.', {0, 0, 0, 0, 2}}, {' ', {0, 0, 0, 0, 0}},
    };
    return glyphs;
}

}  // namespace

ImageGrid::ImageGrid(int rows, int cols, int cell, int caption_lines)
    : rows_(rows), cols_(cols), cell_(cell), caption_h_(caption_lines * kLineHeight) {
    if (rows < 1 || cols < 1 || cell < 1) throw std::invalid_argument("ImageGrid: rows, columns and cell size must be positive");
    sheet_.width = cols * (cell + kGap) + kGap;
    sheet_.height = rows * (cell + caption_h_ + kGap) + kGap;
    sheet_.channels = 3;
    sheet_.pixels.assign(std::size_t(sheet_.width) * sheet_.height * 3, 255);  // white background
}

void ImageGrid::place(int index, const float* values, int height, int width, const std::string& caption) {
    draw_tile(index, values, 1, height, width);
    draw_caption(index, caption);
}

void ImageGrid::place_rgb(int index, const float* planes, int height, int width, const std::string& caption) {
    draw_tile(index, planes, 3, height, width);
    draw_caption(index, caption);
}

void ImageGrid::draw_caption(int index, const std::string& caption) {
    if (caption.empty()) return;
    if (caption_h_ == 0) throw std::invalid_argument("ImageGrid: a caption was given but the grid has no caption lines");
    const int x = kGap + (index % cols_) * (cell_ + kGap), y = kGap + (index / cols_) * (cell_ + caption_h_ + kGap) + cell_ + 2;
    const std::size_t fits = std::size_t(std::max(1, cell_ / (4 * kTextScale)));  // characters per line within the cell
    std::size_t start = 0;
    for (int line = 0; line * kLineHeight < caption_h_ && start <= caption.size(); ++line) {
        const std::size_t end = std::min(caption.find('\n', start), caption.size());
        draw_text(x, y + line * kLineHeight, caption.substr(start, std::min(end - start, fits)));
        start = end + 1;
    }
}

void ImageGrid::draw_tile(int index, const float* planes, int planes_count, int height, int width) {
    if (index < 0 || index >= rows_ * cols_) throw std::out_of_range("ImageGrid: cell " + std::to_string(index) + " outside the grid");
    if (height < 1 || width < 1 || height > cell_ || width > cell_) {
        throw std::invalid_argument("ImageGrid: a " + std::to_string(height) + "x" + std::to_string(width) + " tile does not fit a " +
                                    std::to_string(cell_) + "-pixel cell");
    }
    const std::size_t count = std::size_t(planes_count) * height * width;
    const auto [lo_it, hi_it] = std::minmax_element(planes, planes + count);
    const float lo = *lo_it, range = std::max(*hi_it - *lo_it, 1e-12f);
    const int scale = std::max(1, std::min(cell_ / width, cell_ / height));
    const int x0 = kGap + (index % cols_) * (cell_ + kGap) + (cell_ - scale * width) / 2;
    const int y0 = kGap + (index / cols_) * (cell_ + caption_h_ + kGap) + (cell_ - scale * height) / 2;
    for (int y = 0; y < height * scale; ++y)
        for (int x = 0; x < width * scale; ++x)
            for (int c = 0; c < 3; ++c) {
                const int plane = planes_count == 3 ? c : 0;
                const float v = (planes[(std::size_t(plane) * height + y / scale) * width + x / scale] - lo) / range;
                sheet_.pixels[(std::size_t(y0 + y) * sheet_.width + x0 + x) * 3 + c] = std::uint8_t(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f);
            }
}

void ImageGrid::draw_text(int x, int y, const std::string& text) {
    for (char raw : text) {
        const auto glyph = font().find(char(std::toupper(static_cast<unsigned char>(raw))));
        if (glyph != font().end()) {
            for (int row = 0; row < 5; ++row)
                for (int col = 0; col < 3; ++col) {
                    if (!(glyph->second[row] & (4 >> col))) continue;
                    for (int dy = 0; dy < kTextScale; ++dy)
                        for (int dx = 0; dx < kTextScale; ++dx) {
                            const int px = x + col * kTextScale + dx, py = y + row * kTextScale + dy;
                            if (px < sheet_.width && py < sheet_.height) {
                                for (int c = 0; c < 3; ++c) sheet_.pixels[(std::size_t(py) * sheet_.width + px) * 3 + c] = 0;
                            }
                        }
                }
        }
        x += 4 * kTextScale;
    }
}

}  // namespace dl
