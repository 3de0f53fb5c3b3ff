/// @file pixel_rows.hpp
/// @brief Seeing a score map (N, K, H, W) as one row of K class scores per pixel.
#pragma once

#include "dl/tensor.hpp"

namespace dl {

/// Rearranges per-pixel class scores @p maps (N, K, H, W) into rows (N·H·W, K), pixel
/// (n, i, j) becoming row (n·H + i)·W + j. Every per-example tool of the classification
/// chapters (softmax cross-entropy, argmax_rows) then works on pixels unchanged.
/// @param maps (N, K, H, W)
/// @return (N·H·W, K)
template <class T>
Tensor<T> pixels_as_rows(const Tensor<T>& maps);

/// @brief The inverse of pixels_as_rows(): rows (N·H·W, K) back into maps of @p map_shape (N, K, H, W).
/// @param rows (N·H·W, K)
/// @param map_shape (N, K, H, W)
/// @return (N, K, H, W)
template <class T>
Tensor<T> rows_as_pixels(const Tensor<T>& rows, const Shape& map_shape);

}  // namespace dl
