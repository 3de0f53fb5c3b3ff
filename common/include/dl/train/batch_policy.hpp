/// @file batch_policy.hpp
/// @brief Turns the regularization settings (augmentation, mixup, label smoothing) into
/// the batch hooks of FitOptions.
#pragma once

#include "dl/data/loader.hpp"

#include <cstdint>
#include <functional>
#include <string>

namespace dl {

/// The augmentation named by a command-line flag, as an in-place batch transform:
///
///   - "none": empty (batches are used as loaded);
///   - "flip": random_horizontal_flip with probability 0.5;
///   - "flip-crop": then random_crop with padding 2 (shifts of up to ±2 pixels);
///   - "flip-crop-erase": then random_erasing with probability 0.5.
///
/// @p fill is the value of a black pixel in the normalized images (DataSplits::normalization);
/// crops pad and erasing paints with it. Throws std::invalid_argument naming an unknown policy.
/// @param policy "none", "flip", "flip-crop" or "flip-crop-erase"
/// @param fill the value of a black pixel
/// @param seed the seed of the random choices
/// @return the transform, empty for "none"
std::function<void(Batch&)> make_augmentation(const std::string& policy, float fill, std::uint64_t seed);

/// The soft-target hook for @p classes classes: mixup with weight α = @p mixup_alpha if it
/// is positive (blends the images too), else label smoothing by @p smoothing if it is
/// positive, else empty (hard labels).
/// @param classes K
/// @param mixup_alpha mixup's α (0: no mixup)
/// @param smoothing ε of label smoothing (0: none)
/// @param seed the seed of mixup's draws
/// @return the hook, which returns the batch's (B, K) targets; or empty
std::function<Tensor<float>(Batch&)> make_soft_targets(std::size_t classes, double mixup_alpha, double smoothing, std::uint64_t seed);

}  // namespace dl
