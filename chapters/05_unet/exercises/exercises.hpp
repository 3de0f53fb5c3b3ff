/// @file chapters/05_unet/exercises/exercises.hpp
/// @brief Chapter 5 exercises: the functions you write. `./book check 05` tests them.
///
/// Each function has a stub in this folder that throws "not written yet". Replace the
/// stub's body with your code, then run `./book check 05`. Arrays are row-major xtensor
/// arrays in double precision; every argument's shape is given below.
#pragma once

#include "dl/tensor.hpp"

#include <utility>
#include <vector>

/// Chapter 5 exercises.
namespace ex05 {

/// An array of doubles.
using Array = dl::Tensor<double>;

/// Exercise 5.1 — the forward pass of a transposed convolution for one image, without
/// bias: every input value x[c, i, j] adds x[c, i, j] · W[c, f, kh, kw] to output pixel
/// (f, i·s − p + kh, j·s − p + kw), when that pixel exists.
/// @param x (C, H, W)   @param weight (C, F, K, K)
/// @return y (F, (H − 1)·s − 2p + K, (W − 1)·s − 2p + K)
Array conv_transpose_forward(const Array& x, const Array& weight, int stride, int padding);

/// The gradients of a transposed convolution.
struct ConvTransposeGradients {
    Array dx;       ///< (C, H, W)
    Array dweight;  ///< (C, F, K, K)
};

/// Exercise 5.2 — the backward pass of exercise 5.1: given dL/dy and the forward's input
/// and weight, return dL/dx and dL/dW. (Each input value touched a K×K window of y: its
/// gradient gathers that window back.)
/// @param dy (F, OH, OW)   @param x (C, H, W)   @param weight (C, F, K, K)
ConvTransposeGradients conv_transpose_backward(const Array& dy, const Array& x, const Array& weight, int stride, int padding);

/// Exercise 5.3 — the backward pass of a channel concatenation y = concat(a, b): split
/// dL/dy into dL/da (its first @p channels_a channels) and dL/db (the rest).
/// @param dy (N, Ca + Cb, H, W)   @return {(N, Ca, H, W), (N, Cb, H, W)}
std::pair<Array, Array> concat_backward(const Array& dy, std::size_t channels_a);

/// The soft Dice loss and its gradient with respect to the probabilities.
struct DiceResult {
    double loss = 0;  ///< L = 1 − (1/K) Σ_k (2·I_k + ε) / (S_k + ε)
    Array dprobs;     ///< (N, K, H, W): dL/dp
};

/// Exercise 5.4 — the soft Dice loss of per-pixel class probabilities against labels, over
/// the whole batch: I_k = Σ p_k·t_k and S_k = Σ p_k + Σ t_k over every pixel, with t the
/// one-hot labels; and its gradient dL/dp.
/// @param probs (N, K, H, W), each pixel's K values summing to 1
/// @param labels (N·H·W) class indices in [0, K), row-major (N, H, W)
DiceResult dice_loss(const Array& probs, const std::vector<int>& labels, double smoothing);

/// Exercise 5.5 — intersection over union per class: for class k, the number of pixels
/// predicted k and labelled k, divided by the number predicted k or labelled k (0 when
/// no pixel is either).
/// @param predicted (P) and @param truth (P) class indices in [0, @p classes)
/// @return (classes) IoU per class
std::vector<double> class_iou(const std::vector<int>& predicted, const std::vector<int>& truth, int classes);

}  // namespace ex05
