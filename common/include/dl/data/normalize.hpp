/// @file normalize.hpp
/// @brief Shifting and scaling pixels so the network sees inputs of mean 0 and variance 1.
#pragma once

#include "dl/tensor.hpp"

namespace dl {

/// A per-dataset affine map x ← (x − mean) / stddev.
struct Normalization {
    float mean = 0.0f;    ///< Subtracted from every value.
    float stddev = 1.0f;  ///< Then every value is divided by it.
};

/// The mean and standard deviation over every value of @p images (any shape).
/// Fit it on the training images only, then apply the same map to every split.
/// @param images any shape
/// @return their mean and standard deviation
Normalization fit_normalization(const Tensor<float>& images);

/// @brief Applies @p norm to @p images in place.
/// @param images any shape, changed in place
/// @param norm the map, usually from fit_normalization()
void normalize(Tensor<float>& images, const Normalization& norm);

}  // namespace dl
