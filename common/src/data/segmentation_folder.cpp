#include "dl/data/segmentation_folder.hpp"

#include "dl/io/image_resize.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace dl {

namespace {

std::vector<std::string> image_files(const std::filesystem::path& folder) {
    if (!std::filesystem::is_directory(folder)) throw std::runtime_error(folder.string() + ": no such folder (expected images/ and masks/ inside)");
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.is_regular_file() && entry.path().extension() == ".png") names.push_back(entry.path().filename().string());
    }
    if (names.empty()) throw std::runtime_error(folder.string() + ": no .png images in it");
    std::sort(names.begin(), names.end());
    return names;
}

std::string size_string(const Image8& image) { return std::to_string(image.width) + "x" + std::to_string(image.height); }

}  // namespace

SegmentationSet load_segmentation_folder(const std::string& dir, int classes) {
    namespace fs = std::filesystem;
    const fs::path image_dir = fs::path(dir) / "images", mask_dir = fs::path(dir) / "masks";
    SegmentationSet data;
    data.files = image_files(image_dir);
    std::size_t height = 0, width = 0;
    for (std::size_t i = 0; i < data.files.size(); ++i) {
        const std::string image_path = (image_dir / data.files[i]).string(), mask_path = (mask_dir / data.files[i]).string();
        if (!fs::exists(mask_path)) throw std::runtime_error(mask_path + ": missing (every image needs a mask of the same name)");
        const Image8 image = to_gray(read_png(image_path)), mask = read_png(mask_path);
        if (i == 0) {
            height = std::size_t(image.height), width = std::size_t(image.width);
            data.images = Tensor<float>::from_shape({data.files.size(), 1, height, width});
            data.masks.resize(data.files.size() * height * width);
        } else if (std::size_t(image.height) != height || std::size_t(image.width) != width) {
            throw std::runtime_error(image_path + ": is " + size_string(image) + " but the first image is " + std::to_string(width) + "x" + std::to_string(height));
        }
        if (mask.width != image.width || mask.height != image.height) {
            throw std::runtime_error(mask_path + ": is " + size_string(mask) + " but its image is " + size_string(image));
        }
        if (mask.channels != 1) {
            throw std::runtime_error(mask_path + ": a mask must be an 8-bit gray image of labels; this one has colour (a paletted mask must be saved as gray)");
        }
        if (mask.bits != 8) throw std::runtime_error(mask_path + ": a mask must be an 8-bit gray image of labels; this one has " + std::to_string(mask.bits) + " bits per value");
        float* pixels = data.images.data() + i * height * width;  // (H, W)
        int* labels = data.masks.data() + i * height * width;     // (H, W)
        for (std::size_t p = 0; p < height * width; ++p) {
            pixels[p] = image.pixels[p] / 255.0f;
            labels[p] = mask.pixels[p];
            if (labels[p] >= classes) {
                throw std::runtime_error(mask_path + ": label " + std::to_string(labels[p]) + " at pixel (" + std::to_string(p % width) + ", " +
                                         std::to_string(p / width) + ") is out of range [0, " + std::to_string(classes) + ")");
            }
        }
    }
    return data;
}

SegmentationSet select(const SegmentationSet& data, const std::vector<std::size_t>& indices) {
    const std::size_t h = data.images.shape(2), w = data.images.shape(3), plane = h * w;
    SegmentationSet out;
    out.images = Tensor<float>::from_shape({indices.size(), 1, h, w});
    out.masks.resize(indices.size() * plane);
    for (std::size_t k = 0; k < indices.size(); ++k) {
        const std::size_t i = indices.at(k);
        if (i >= data.size()) throw std::out_of_range("select: index " + std::to_string(i) + " of a set of " + std::to_string(data.size()));
        std::copy_n(data.images.data() + i * plane, plane, out.images.data() + k * plane);
        std::copy_n(data.masks.data() + i * plane, plane, out.masks.data() + k * plane);
        out.files.push_back(data.files[i]);
    }
    return out;
}

}  // namespace dl
