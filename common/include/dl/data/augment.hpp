/// @file augment.hpp
/// @brief Random changes to a batch of images that keep their labels true: more data, for free.
#pragma once

#include "dl/tensor.hpp"
#include "dl/util/random.hpp"

namespace dl {

/// Pads each image of @p images (N, C, H, W) by @p padding pixels of @p fill on every side
/// and cuts an H×W window at a random position: a random shift of up to ±padding pixels
/// in each direction. In place.
/// @param images (N, C, H, W), changed in place
/// @param padding the largest shift in pixels, at least 0
/// @param rng the random source of the shifts
/// @param fill the value of the pixels shifted in
void random_crop(Tensor<float>& images, int padding, Rng& rng, float fill = 0.0f);

/// @brief Mirrors image @p index of @p images (N, C, H, W) left-to-right, every channel. In place.
/// @param images (N, C, H, W), changed in place
/// @param index the image, below N
void horizontal_flip(Tensor<float>& images, std::size_t index);

/// Mirrors every image of @p images (N, C, H, W) left-to-right; works as well on score
/// maps (N, K, H, W). In place; doing it twice gives the input back.
/// @param images (N, C, H, W), changed in place
void horizontal_flip(Tensor<float>& images);

/// @brief Mirrors each image left-to-right with probability @p probability. In place.
/// @param images (N, C, H, W), changed in place
/// @param rng the random source of the choices
/// @param probability the chance that an image is mirrored
void random_horizontal_flip(Tensor<float>& images, Rng& rng, double probability = 0.5);

/// With probability @p probability, fills a random rectangle of each image, covering a
/// fraction of its area between @p min_area and @p max_area, with @p fill (Zhong et al.,
/// 2020, "random erasing"): the network must not rely on any single part. In place.
/// @param images (N, C, H, W), changed in place
/// @param rng the random source of the choices, sizes and places
/// @param probability the chance that an image gets a rectangle
/// @param min_area the smallest fraction of the area, above 0
/// @param max_area the largest fraction of the area, from @p min_area to 1
/// @param fill the value the rectangle is painted with
void random_erasing(Tensor<float>& images, Rng& rng, double probability = 0.5, double min_area = 0.02, double max_area = 0.25, float fill = 0.0f);

}  // namespace dl
