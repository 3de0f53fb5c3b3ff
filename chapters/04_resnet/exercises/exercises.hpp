/// @file chapters/04_resnet/exercises/exercises.hpp
/// @brief Chapter 4 exercises: the functions you write. `./book check 04` tests them.
///
/// Each function has a stub in this folder that throws "not written yet". Replace the
/// stub's body with your code, then run `./book check 04`. Arrays are row-major xtensor
/// arrays in double precision; every argument's shape is given below. A residual branch is
/// passed in as a function, so your code works for any branch, and randomness is passed in
/// as a uniform draw, so your answer can be checked exactly.
#pragma once

#include "dl/tensor.hpp"

#include <functional>
#include <string>
#include <vector>

/// Chapter 4 exercises.
namespace ex04 {

/// An array of doubles.
using Array = dl::Tensor<double>;

/// A map from arrays to arrays of the same shape: a residual branch F, or its backward pass.
using ArrayFunction = std::function<Array(const Array&)>;

/// Exercise 4.1 — the forward pass of a residual block with an identity shortcut:
/// y = ReLU(F(x) + x).
/// @param x (N, C, H, W)   @param branch F, (N, C, H, W) → (N, C, H, W)   @return y (N, C, H, W)
Array residual_forward(const Array& x, const ArrayFunction& branch);

/// What the backward pass of a residual block produces.
struct ResidualGradients {
    Array d_sum;  ///< (N, C, H, W): dL/ds at the sum s = F(x) + x, before the ReLU
    Array dx;     ///< (N, C, H, W): dL/dx, the two paths' gradients added at the fork
};

/// Exercise 4.2 — the backward pass of the block of exercise 4.1. Given dL/dy, the sum
/// s = F(x) + x that the forward pass computed, and the branch's backward pass (which maps
/// dL/dF(x) to the gradient that reaches x through the branch), return dL/ds and dL/dx.
/// @param dy (N, C, H, W)   @param sum (N, C, H, W)   @param branch_backward (N, C, H, W) → (N, C, H, W)
ResidualGradients residual_backward(const Array& dy, const Array& sum, const ArrayFunction& branch_backward);

/// Exercise 4.3 — the projection shortcut without its BatchNorm: a 1×1 convolution with
/// stride s and no padding, which matches the channels and the size of a block that changes
/// them: y[n, f, i, j] = Σ_c W[f, c] · x[n, c, s·i, s·j].
/// @param x (N, C, H, W)   @param weight (F, C)   @return (N, F, ⌊(H − 1)/s⌋ + 1, ⌊(W − 1)/s⌋ + 1)
Array projection_shortcut(const Array& x, const Array& weight, int stride);

/// Exercise 4.4 — a residual block with stochastic depth, given its branch's output.
/// In training, the branch is dropped when @p uniform < @p p: y = ReLU(x) then, else
/// y = ReLU(F(x) + x). In evaluation the branch is always used, scaled by its survival
/// probability: y = ReLU((1 − p)·F(x) + x).
/// @param x (N, C, H, W)   @param branch_out F(x), (N, C, H, W)   @param uniform a draw from [0, 1)
/// @return y (N, C, H, W)
Array stochastic_depth_forward(const Array& x, const Array& branch_out, double p, double uniform, bool training);

/// One parameter's gradient, as a model lists them ("3.branch.0.weight", "3.branch.1.gamma" …).
struct NamedGradient {
    std::string name;  ///< the parameter's full name
    Array grad;        ///< its gradient, any shape
};

/// Exercise 4.5 — the gradient-norm probe of the depth experiment: the L2 norm √(Σ g²) of
/// every main-path weight gradient, in the order given. A main-path weight is a parameter
/// whose name ends in "weight" and does not contain "shortcut" (biases, BatchNorm's gamma
/// and beta, and projection shortcuts are left out).
std::vector<double> gradient_norm_probe(const std::vector<NamedGradient>& gradients);

/// What Grad-CAM computes from one image's maps and the gradients of a class's score.
struct GradCamMap {
    std::vector<double> weights;  ///< (K) α_k: the average of map k's gradient
    Array map;                    ///< (H, W) ReLU(Σ_k α_k A_k)
};

/// Exercise 4.6 — Grad-CAM's weights and map. Given the last stage's maps A (K, H, W) for one
/// image and the gradients ∂y_c/∂A of the class's score (K, H, W), weigh each map by its
/// gradient's average over the H·W positions, α_k = (1/HW) Σ_ij ∂y_c/∂A_k[i][j], and return
/// the weights and ReLU(Σ_k α_k A_k).
/// @param activations A (K, H, W)   @param gradients ∂y_c/∂A (K, H, W)
GradCamMap grad_cam_from_gradients(const Array& activations, const Array& gradients);

/// Exercise 4.7 — the steps that make a photo look like a Fashion-MNIST image, without the
/// scaling: given a gray photo (H, W) with values in [0, 1],
///  1. if the mean of its border (every pixel of the first and last rows and columns) is
///     above 0.5, invert it (v ↦ 1 − v), so the background is dark;
///  2. b = the border's mean after that step; t = b + (m − b)/4, m the largest value;
///  3. find the object: the smallest box holding every pixel above t (it has h rows, w columns);
///  4. return a black (side, side) image with the box's pixels, each minus b (at least 0),
///     placed with the box's top-left corner at row ⌊(side − h)/2⌋, column ⌊(side − w)/2⌋.
/// Throw std::invalid_argument if the box does not fit into side × side.
/// @param photo (H, W) values in [0, 1]   @param side the output's side   @return (side, side)
Array invert_and_centre(const Array& photo, std::size_t side);

}  // namespace ex04
