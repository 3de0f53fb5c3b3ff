/// @file png.hpp
/// @brief Writing 8-bit images as PNG files (through stb_image_write).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dl {

/// An 8-bit image, row-major, channels interleaved (1 = gray, 3 = RGB).
struct Image8 {
    int width = 0;                    ///< columns
    int height = 0;                   ///< rows
    int channels = 1;                 ///< 1 or 3
    std::vector<std::uint8_t> pixels; ///< (height, width, channels)
};

/// Writes @p image to @p path as PNG, through a temporary file and a rename. Throws
/// std::runtime_error naming the path if it cannot.
void write_png(const std::string& path, const Image8& image);

}  // namespace dl
