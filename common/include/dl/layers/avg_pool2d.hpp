/// @file avg_pool2d.hpp
/// @brief Average pooling over K×K windows.
#pragma once

#include "dl/layers/pool2d.hpp"

namespace dl {

/// y = the mean of each K×K window (padding counts as zeros, divisor always K·K).
/// Backward spreads each output gradient evenly, dy / (K·K), over its window.
template <class T>
class AvgPool2d : public Pool2d<T> {
public:
    /// @param kernel K: the window is K×K
    /// @param stride 0 means stride = kernel (non-overlapping windows).
    /// @param padding rows and columns added on every side, at most K/2
    explicit AvgPool2d(int kernel, int stride = 0, int padding = 0);
    Tensor<T> forward(const Tensor<T>& x) override;
    Tensor<T> backward(const Tensor<T>& dy) override;
};

}  // namespace dl
