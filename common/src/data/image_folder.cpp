#include "dl/data/image_folder.hpp"

#include "dl/io/image_resize.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <stdexcept>

namespace dl {

namespace {

namespace fs = std::filesystem;

bool hidden(const fs::path& path) { return path.filename().string().rfind('.', 0) == 0; }

/// The visible sub-folders of @p dir, sorted by name.
std::vector<std::string> class_folders(const fs::path& dir) {
    if (!fs::is_directory(dir)) throw std::runtime_error(dir.string() + ": no such folder (expected one sub-folder of images per class)");
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_directory() && !hidden(entry.path())) names.push_back(entry.path().filename().string());
    if (names.empty()) throw std::runtime_error(dir.string() + ": has no class sub-folders (expected e.g. " + (dir / "cat").string() + "/001.png)");
    std::sort(names.begin(), names.end());
    return names;
}

/// The visible files of one class folder, sorted by name; refuses an empty folder.
std::vector<fs::path> image_files(const fs::path& folder) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file() && !hidden(entry.path())) files.push_back(entry.path());
    if (files.empty()) throw std::runtime_error(folder.string() + ": class folder is empty (every class needs at least one image)");
    std::sort(files.begin(), files.end());
    return files;
}

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
    return text;
}

/// "64x64 RGB" or "28x28 gray, 16-bit": what a file held before conversion.
std::string describe(const Image8& image) {
    return std::to_string(image.width) + "x" + std::to_string(image.height) + (image.channels == 1 ? " gray" : " RGB") +
           (image.bits == 16 ? ", 16-bit" : "");
}

/// One line on standard error when some images were not already what the network takes:
/// how many, and from what (at most three kinds named).
void report_conversions(const std::string& dir, const std::map<std::string, std::size_t>& converted, std::size_t total,
                        const ImageFolderOptions& options) {
    std::size_t count = 0;
    for (const auto& kind : converted) count += kind.second;
    if (count == 0) return;
    std::string from;
    std::size_t shown = 0;
    for (const auto& [kind, n] : converted) {
        if (shown++ == 3) {
            from += ", and " + std::to_string(converted.size() - 3) + " more kinds";
            break;
        }
        from += (from.empty() ? "" : ", ") + std::to_string(n) + " from " + kind;
    }
    std::cerr << "note: " << dir << ": " << count << " of " << total << " images converted to " << options.size << "x" << options.size
              << (options.channels == 1 ? " gray" : " RGB") << " (" << from << ")\n";
}

/// @p image as floats in [0, 1], written channel-major into @p out (C, size, size).
void copy_pixels(const Image8& image, float* out) {
    const std::size_t plane = std::size_t(image.width) * std::size_t(image.height), c = std::size_t(image.channels);
    for (std::size_t p = 0; p < plane; ++p)
        for (std::size_t k = 0; k < c; ++k) out[k * plane + p] = image.pixels[p * c + k] / 255.0f;
}

}  // namespace

ImageDataset load_image_folder(const std::string& dir, const ImageFolderOptions& options, const std::vector<std::string>& expected_classes) {
    if (options.channels != 1 && options.channels != 3) throw std::invalid_argument("load_image_folder: channels must be 1 or 3, got " + std::to_string(options.channels));
    if (options.size < 1) throw std::invalid_argument("load_image_folder: size must be positive, got " + std::to_string(options.size));
    ImageDataset data;
    data.class_names = class_folders(dir);
    if (data.class_names.size() < 2) {
        throw std::runtime_error(dir + ": holds one class folder ('" + data.class_names[0] + "'); a classifier needs at least two");
    }
    if (!expected_classes.empty() && data.class_names != expected_classes) {
        throw std::runtime_error(dir + ": holds the classes {" + joined(data.class_names) + "} but the training folder holds {" + joined(expected_classes) + "}");
    }
    std::vector<fs::path> files;
    for (std::size_t c = 0; c < data.class_names.size(); ++c) {
        for (const fs::path& file : image_files(fs::path(dir) / data.class_names[c])) {
            files.push_back(file);
            data.labels.push_back(int(c));
        }
    }
    const std::size_t size = std::size_t(options.size), channels = std::size_t(options.channels);
    data.images = Tensor<float>::from_shape({files.size(), channels, size, size});
    std::map<std::string, std::size_t> converted;  // "64x64 RGB" -> how many
    for (std::size_t i = 0; i < files.size(); ++i) {
        Image8 image = read_png(files[i].string());  // names the file if it cannot be decoded
        if (image.width != options.size || image.height != options.size || std::size_t(image.channels) != channels || image.bits != 8) {
            ++converted[describe(image)];
        }
        image = channels == 1 ? to_gray(image) : to_rgb(image);
        copy_pixels(resize_image(image, options.size, options.size), data.images.data() + i * channels * size * size);
    }
    report_conversions(dir, converted, files.size(), options);
    return data;
}

std::vector<std::string> image_folder_classes(const std::string& dir) { return class_folders(dir); }

}  // namespace dl
