// The one translation unit that compiles stb_image_write's implementation.
#include "dl/io/png.hpp"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace dl {

void write_png(const std::string& path, const Image8& image) {
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
    written = file != nullptr && std::fflush(file) == 0 && ::fsync(fileno(file)) == 0 && written;
    if (file != nullptr) written = std::fclose(file) == 0 && written;
    STBIW_FREE(png);
    std::error_code error;
    if (written) std::filesystem::rename(temporary, path, error);
    if (!written || error) {
        std::filesystem::remove(temporary, error);
        throw std::runtime_error(path + ": could not write PNG (disk full or folder not writable?); any earlier file is unchanged");
    }
}

}  // namespace dl
