/// @file upsample.hpp
/// @brief Nearest-neighbour upsampling: every pixel becomes an s×s block. No parameters.
#pragma once

#include "dl/layers/layer.hpp"

namespace dl {

/// Enlarges images by an integer factor s by copying each pixel into an s×s block:
///
///     y[n, c, i, j] = x[n, c, ⌊i/s⌋, ⌊j/s⌋]           (N, C, H, W) -> (N, C, s·H, s·W)
///
/// Backward is the adjoint of copying: each input pixel receives the sum of the
/// gradients of the s² output pixels it was copied to.
template <class T>
class Upsample : public Layer<T> {
public:
    /// @param factor s ≥ 1
    explicit Upsample(int factor);

    Tensor<T> forward(const Tensor<T>& x) override;
    Tensor<T> backward(const Tensor<T>& dy) override;
    std::string name() const override { return "Upsample(nearest, x" + std::to_string(factor_) + ")"; }

private:
    int factor_;
    Shape input_shape_;  // (N, C, H, W) of the last forward
};

}  // namespace dl
