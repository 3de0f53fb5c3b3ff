/// @file pixel_cross_entropy.hpp
/// @brief Segmentation's loss: softmax cross-entropy at every pixel, averaged.
#pragma once

#include "dl/losses/softmax_cross_entropy.hpp"

#include <vector>

namespace dl {

/// L = −(1/(N·H·W)) Σ over pixels of log softmax(z_pixel)[label_pixel], where z_pixel is the
/// K-vector of class scores at one pixel of @p logits (N, K, H, W).
///
/// Each pixel is one classification example, so this is SoftmaxCrossEntropy applied to
/// pixels_as_rows(logits); the gradient is (softmax − onehot) / (N·H·W) at every pixel.
template <class T>
class PixelCrossEntropy {
public:
    /// Mean loss over all pixels. @p labels holds N·H·W class indices in [0, K), in the
    /// order (n, i, j) of a row-major (N, H, W) mask.
    /// @param logits (N, K, H, W) class scores
    /// @param labels (N·H·W) the true class of each pixel
    /// @return L
    T forward(const Tensor<T>& logits, const std::vector<int>& labels);
    /// @brief dL/dlogits (N, K, H, W) for the last forward().
    /// @return dL/dlogits (N, K, H, W)
    Tensor<T> backward() const;

private:
    SoftmaxCrossEntropy<T> per_pixel_;
    Shape logits_shape_;  // (N, K, H, W)
};

}  // namespace dl
