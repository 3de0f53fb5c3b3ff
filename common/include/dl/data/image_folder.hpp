/// @file image_folder.hpp
/// @brief Loading a classification dataset stored as one folder of images per class.
#pragma once

#include "dl/data/dataset.hpp"

#include <string>
#include <vector>

namespace dl {

/// How the images of a folder are brought to the model's input.
struct ImageFolderOptions {
    int size = 28;      ///< every image is resized to size × size
    int channels = 1;   ///< 1: converted to gray; 3: converted to RGB
};

/// @brief The class names of an image folder: its visible sub-folders, sorted by name, as
/// load_image_folder() numbers them. Throws std::runtime_error, naming @p dir, if it does
/// not exist or has no sub-folders.
/// @param dir the folder of class folders
/// @return the class names
std::vector<std::string> image_folder_classes(const std::string& dir);

/// Loads `dir/<class name>/<image>` for every sub-folder of @p dir, the classes in
/// file-name order, the images of each class in file-name order. Any format stb_image
/// reads is accepted (PNG, JPEG, BMP, GIF, TGA…); files whose names start with a dot are
/// skipped. Pixel values become floats in [0, 1], shape (N, channels, size, size).
///
/// If @p expected_classes is not empty the folder must hold exactly those classes (a
/// validation or test folder must match its training folder).
///
/// Throws std::runtime_error naming the folder or file for: a folder that does not exist
/// or has no class sub-folders (or only one), an empty class folder, an image that cannot
/// be decoded, or classes that differ from @p expected_classes.
/// @param dir the folder of class folders
/// @param options the size and channels the images are brought to
/// @param expected_classes the classes the folder must hold, or empty for any
/// @return the images (N, channels, size, size), their labels and the class names
ImageDataset load_image_folder(const std::string& dir, const ImageFolderOptions& options = {},
                               const std::vector<std::string>& expected_classes = {});

}  // namespace dl
