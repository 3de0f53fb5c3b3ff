/// @file flatten.hpp
/// @brief Reshapes (N, C, H, W) images into (N, C·H·W) rows for fully connected layers.
#pragma once

#include "dl/layers/layer.hpp"

namespace dl {

/// Keeps the batch axis and folds every other axis into one: (N, d1, d2, ...) -> (N, d1·d2·...).
/// Backward restores the input's shape; no values change in either direction.
template <class T>
class Flatten : public Layer<T> {
public:
    Tensor<T> forward(const Tensor<T>& x) override;
    Tensor<T> backward(const Tensor<T>& dy) override;
    std::string name() const override { return "Flatten"; }

private:
    Shape input_shape_;  // (N, d1, d2, ...) of the last forward
};

}  // namespace dl
