// The one translation unit that compiles stb_image_write's implementation.
#include "dl/io/png.hpp"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <filesystem>
#include <stdexcept>
#include <unistd.h>

namespace dl {

void write_png(const std::string& path, const Image8& image) {
    if (image.pixels.size() != std::size_t(image.width) * image.height * image.channels) {
        throw std::invalid_argument(path + ": image buffer does not match its " + std::to_string(image.width) + "x" + std::to_string(image.height) + " size");
    }
    const std::string temporary = path + ".tmp" + std::to_string(::getpid());
    if (stbi_write_png(temporary.c_str(), image.width, image.height, image.channels, image.pixels.data(), image.width * image.channels) == 0) {
        std::filesystem::remove(temporary);
        throw std::runtime_error(path + ": could not write PNG");
    }
    std::filesystem::rename(temporary, path);
}

}  // namespace dl
