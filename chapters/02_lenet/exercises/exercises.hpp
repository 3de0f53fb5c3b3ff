/// @file chapters/02_lenet/exercises/exercises.hpp
/// @brief Chapter 2 exercises: the functions you write. `./book check 02` tests them.
///
/// Each function has a stub in this folder that throws "not written yet". Replace the
/// stub's body with your code, then run `./book check 02`. Arrays are row-major xtensor
/// arrays in double precision; every argument's shape is given below.
#pragma once

#include "dl/tensor.hpp"

/// Chapter 2 exercises.
namespace ex02 {

/// An array of doubles.
using Array = dl::Tensor<double>;

/// Exercise 2.1 — im2col: unfold every K×K window of @p image into a column.
/// @param image (C, H, W)   @return col (C·K·K, OH·OW), row (c, kh, kw), column oh·OW + ow,
/// with zeros where a window covers padding. OH = (H + 2p − K)/s + 1, likewise OW.
Array im2col(const Array& image, int kernel, int stride, int padding);

/// Exercise 2.2 — col2im: fold columns back, adding every entry onto the pixel it came from.
/// @param col (C·K·K, OH·OW)   @return image (C, H, W); overlapping windows add up.
Array col2im(const Array& col, int channels, int height, int width, int kernel, int stride, int padding);

/// Exercise 2.3 — convolution forward as one matrix product per image: y = W·im2col(x) + b.
/// @param x (N, C, H, W)   @param w (F, C, K, K)   @param b (F)   @return y (N, F, OH, OW)
/// You may call dl::im2col and dl::gemm from the library.
Array conv2d_forward_gemm(const Array& x, const Array& w, const Array& b, int stride, int padding);

/// Exercise 2.4 — max-pool backward for non-overlapping K×K windows (stride = K).
/// @param x (N, C, H, W) the forward input   @param dy (N, C, H/K, W/K)
/// @return dx (N, C, H, W): each dy goes to the position of its window's maximum.
Array maxpool_backward(const Array& x, const Array& dy, int kernel);

/// Exercise 2.5 — convolution forward as seven nested loops (no im2col, no GEMM).
/// @param x (N, C, H, W)   @param w (F, C, K, K)   @param b (F)   @return y (N, F, OH, OW)
Array conv2d_naive(const Array& x, const Array& w, const Array& b, int stride, int padding);

}  // namespace ex02
