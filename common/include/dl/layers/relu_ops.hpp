/// @file relu_ops.hpp
/// @brief The ReLU and its backward pass as functions of whole tensors, for layers that
/// apply it inside themselves (the residual block, after its sum).
#pragma once

#include "dl/tensor.hpp"

namespace dl {

/// @brief max(x, 0) element by element; a NaN stays NaN. Same shape as @p x.
/// @param x any shape
/// @return max(x, 0), the shape of @p x
template <class T>
Tensor<T> relu(const Tensor<T>& x);

/// ReLU's backward pass: @p dy where @p x > 0, else 0 (or NaN where dy is NaN).
/// @p x and @p dy have the same shape; so has the result.
/// @param x the input of the ReLU
/// @param dy dL/dy at its output
/// @return dL/dx
template <class T>
Tensor<T> relu_backward(const Tensor<T>& x, const Tensor<T>& dy);

}  // namespace dl
