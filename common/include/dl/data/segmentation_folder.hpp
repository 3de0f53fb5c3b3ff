/// @file segmentation_folder.hpp
/// @brief Loading a segmentation dataset stored as two folders of PNGs: images and masks.
#pragma once

#include "dl/tensor.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dl {

/// Gray images with one class label per pixel.
struct SegmentationSet {
    Tensor<float> images;      ///< (N, 1, H, W), pixel values in [0, 1]
    std::vector<int> masks;    ///< (N·H·W) labels in [0, classes), row-major (N, H, W)
    std::vector<std::string> files;  ///< (N) the image file names, for messages and grids
    /// @brief Number of images N.
    /// @return N
    std::size_t size() const { return files.size(); }
};

/// Loads `dir/images/*.png` with their masks `dir/masks/<same name>`, in file-name order.
/// Colour images are converted to gray; masks must be single-channel with every label in
/// [0, @p classes). Throws std::runtime_error naming the file for a missing mask, an image
/// or mask that cannot be decoded, a mask whose size differs from its image's, an image
/// whose size differs from the first one's, a colour mask, or a label out of range.
/// @param dir the folder holding images/ and masks/
/// @param classes K, one more than the largest label allowed
/// @return the images (N, 1, H, W), their masks and file names
SegmentationSet load_segmentation_folder(const std::string& dir, int classes);

/// @brief The images at positions @p indices, in that order, with their masks.
/// @param data the set
/// @param indices positions in @p data; one past the end throws std::out_of_range
/// @return the chosen images, masks and file names
SegmentationSet select(const SegmentationSet& data, const std::vector<std::size_t>& indices);

}  // namespace dl
