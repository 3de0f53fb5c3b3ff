/// @file global_avg_pool2d.hpp
/// @brief Global average pooling: one number per channel, the mean over the whole image.
#pragma once

#include "dl/layers/layer.hpp"

namespace dl {

/// (N, C, H, W) → (N, C): y[n][c] = mean of x[n][c]. Backward: dx = dy / (H·W) everywhere.
/// It makes a network independent of the input size and replaces big fully connected heads.
template <class T>
class GlobalAvgPool2d : public Layer<T> {
public:
    Tensor<T> forward(const Tensor<T>& x) override;
    Tensor<T> backward(const Tensor<T>& dy) override;
    std::string name() const override { return "GlobalAvgPool2d"; }

private:
    Shape input_shape_;  // (N, C, H, W)
};

}  // namespace dl
