// The one translation unit that compiles stb_image's and stb_image_write's implementations.
#include "dl/io/png.hpp"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace dl {

void write_png(const std::string& path, const Image8& image, bool sync) {
    if (image.pixels.size() != std::size_t(image.width) * image.height * image.channels) {
        throw std::invalid_argument(path + ": image buffer does not match its " + std::to_string(image.width) + "x" + std::to_string(image.height) + " size");
    }
    // Encode in memory, then write with every error checked: stb's own file writer does not
    // report a failed write, which on a full disk would rename a truncated file into place.
    int length = 0;
    unsigned char* png = stbi_write_png_to_mem(image.pixels.data(), image.width * image.channels, image.width, image.height, image.channels, &length);
    if (png == nullptr) throw std::runtime_error(path + ": could not encode PNG");
    const std::string temporary = path + ".tmp" + std::to_string(::getpid());
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    bool written = file != nullptr && std::fwrite(png, 1, std::size_t(length), file) == std::size_t(length);
    written = file != nullptr && std::fflush(file) == 0 && (!sync || ::fsync(fileno(file)) == 0) && written;
    if (file != nullptr) written = std::fclose(file) == 0 && written;
    STBIW_FREE(png);
    std::error_code error;
    if (written) std::filesystem::rename(temporary, path, error);
    if (!written || error) {
        std::filesystem::remove(temporary, error);
        throw std::runtime_error(path + ": could not write PNG (disk full or folder not writable?); any earlier file is unchanged");
    }
}

namespace {

// stb_image's reason for a failure, printable: for an unknown PNG chunk it copies the
// chunk's four type bytes, which can be any byte, into its message.
std::string failure_reason() {
    std::string reason;
    for (const char* c = stbi_failure_reason(); c != nullptr && *c != '\0'; ++c) {
        const auto byte = static_cast<unsigned char>(*c);
        if (byte >= 0x20 && byte < 0x7f) {
            reason += char(byte);
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", unsigned(byte));
            reason += escaped;
        }
    }
    return reason.empty() ? "unknown reason" : reason;
}

}  // namespace

Image8 read_png(const std::string& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) throw std::runtime_error(path + ": is a folder, not an image");
    int width = 0, height = 0, channels_in_file = 0;
    if (!stbi_info(path.c_str(), &width, &height, &channels_in_file)) {
        throw std::runtime_error(path + ": cannot read image (" + failure_reason() + ")");
    }
    if (std::int64_t(width) * std::int64_t(height) > kMaxImagePixels) {
        throw std::runtime_error(path + ": is " + std::to_string(width) + "x" + std::to_string(height) + " pixels; the book reads images of up to " +
                                 std::to_string(kMaxImagePixels / 1000000) + " million pixels (4096x4096): make it smaller first");
    }
    const int channels = channels_in_file <= 2 ? 1 : 3;  // drop alpha
    unsigned char* pixels = stbi_load(path.c_str(), &width, &height, &channels_in_file, channels);
    if (pixels == nullptr) throw std::runtime_error(path + ": cannot decode image (" + failure_reason() + ")");
    Image8 image{width, height, channels, std::vector<std::uint8_t>(pixels, pixels + std::size_t(width) * height * channels),
                 stbi_is_16_bit(path.c_str()) ? 16 : 8};
    stbi_image_free(pixels);
    return image;
}

}  // namespace dl
