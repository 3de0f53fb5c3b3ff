/// @file png.hpp
/// @brief Writing 8-bit images as PNG files (through stb_image_write) and reading them back (through stb_image).
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
    int bits = 8;                     ///< bits per value in the file it was read from (16-bit files are reduced to 8)
};

/// Writes @p image to @p path as PNG, through a temporary file and a rename. Throws
/// std::runtime_error naming the path if it cannot. With @p sync false the file is not
/// flushed to disk before the rename: much faster for the thousands of files of a dataset
/// that is itself written into a temporary folder and renamed into place when complete.
/// @param path the file to write
/// @param image a gray or colour image
/// @param sync whether to flush the file to disk before the rename
void write_png(const std::string& path, const Image8& image, bool sync = true);

/// The largest image read_png() accepts, in pixels (4096 x 4096): a 16,000 x 16,000 PNG
/// would decode to 256 MB for one training image of 28 x 28.
constexpr std::int64_t kMaxImagePixels = 4096LL * 4096LL;

/// Reads the PNG (or any format stb_image decodes) at @p path. Gray images (with or
/// without alpha) come back with 1 channel, colour images with 3; alpha is dropped. A
/// 16-bit file is reduced to 8 bits, and Image8::bits says it was 16.
/// Throws std::runtime_error naming @p path and the reason (a folder, larger than
/// kMaxImagePixels, or stb_image's reason) if it cannot.
/// @param path the file to read
/// @return the image, gray or RGB
Image8 read_png(const std::string& path);

}  // namespace dl
