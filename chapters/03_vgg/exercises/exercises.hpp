/// @file chapters/03_vgg/exercises/exercises.hpp
/// @brief Chapter 3 exercises: the functions you write. `./book check 03` tests them.
///
/// Each function has a stub in this folder that throws "not written yet". Replace the
/// stub's body with your code, then run `./book check 03`. Arrays are row-major xtensor
/// arrays in double precision; every argument's shape is given below. Randomness is passed
/// in (as uniform draws or a permutation), so your answer can be checked exactly.
#pragma once

#include "dl/tensor.hpp"

#include <vector>

/// Chapter 3 exercises.
namespace ex03 {

/// An array of doubles.
using Array = dl::Tensor<double>;

/// Exercise 3.1 — BatchNorm forward in training mode: normalize each channel with the mean
/// and (biased) variance of the batch over N, H and W, then scale and shift.
/// @param x (N, C, H, W)   @param gamma (C)   @param beta (C)
/// @return y (N, C, H, W) = gamma_c · (x − μ_c) / √(σ²_c + epsilon) + beta_c
Array batch_norm_forward(const Array& x, const Array& gamma, const Array& beta, double epsilon);

/// The gradients BatchNorm's backward pass produces.
struct BatchNormGradients {
    Array dx;      ///< (N, C, H, W)
    Array dgamma;  ///< (C)
    Array dbeta;   ///< (C)
};

/// Exercise 3.2 — BatchNorm backward (training mode): the gradients of the loss with
/// respect to x, gamma and beta, given @p dy = dL/dy for the forward pass of exercise 3.1.
/// Remember that μ and σ² depend on every x of the channel.
/// @param x (N, C, H, W)   @param gamma (C)   @param dy (N, C, H, W)
BatchNormGradients batch_norm_backward(const Array& x, const Array& gamma, const Array& dy, double epsilon);

/// Exercise 3.3 — inverted dropout in training mode: drop x[i] where @p uniforms[i] < @p p,
/// and scale the survivors by 1/(1 − p) so that the expected value is unchanged.
/// @param x any shape   @param uniforms the same shape, draws from [0, 1)   @return y, same shape
Array dropout_forward(const Array& x, const Array& uniforms, double p);

/// Exercise 3.4 — the heart of a random crop with padding: shift an image by (@p dy, @p dx)
/// pixels, so that output pixel (y, x) is input pixel (y + dy, x + dx), or @p fill where
/// that lies outside the image.
/// @param image (C, H, W)   @return (C, H, W)
Array shift_image(const Array& image, int dy, int dx, double fill);

/// A mixed batch: blended images and blended targets.
struct Mixed {
    Array images;   ///< (N, C, H, W)
    Array targets;  ///< (N, K)
};

/// Exercise 3.5 — mixup of a batch with weight @p lambda: example i is blended with example
/// @p partner[i]: images λ·x_i + (1 − λ)·x_partner[i], targets likewise.
/// @param images (N, C, H, W)   @param targets (N, K)   @param partner (N), a permutation of 0..N−1
Mixed mixup_batch(const Array& images, const Array& targets, double lambda, const std::vector<std::size_t>& partner);

/// Exercise 3.6 — the one-cycle schedule's multiplier of the peak rate at progress t ∈ [0, 1):
/// during the first @p warmup of training it rises from 1/@p div_factor to 1 along half a
/// cosine wave; then it falls, again along half a cosine, to 1/(@p div_factor · @p final_div)
/// at t = 1. Half a cosine from a to b at fraction f is b + (a − b)·(1 + cos(π·f))/2.
double one_cycle(double t, double warmup, double div_factor, double final_div);

}  // namespace ex03
