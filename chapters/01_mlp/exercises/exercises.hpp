/// @file chapters/01_mlp/exercises/exercises.hpp
/// @brief Chapter 1 exercises: the functions you write. `./book check 01` tests them.
///
/// Each function has a stub in this folder that throws "not written yet". Replace the
/// stub's body with your code, then run `./book check 01`. Matrices are row-major
/// xtensor arrays in double precision; every argument's shape is given below.
#pragma once

#include "dl/tensor.hpp"
#include "dl/util/random.hpp"

#include <vector>

/// Chapter 1 exercises.
namespace ex01 {

/// A matrix of doubles.
using Matrix = dl::Tensor<double>;

/// Exercise 1.1 — Linear forward: y = x Wᵀ + b.
/// @param x (N, in)   @param w (out, in)   @param b (out)   @return y (N, out)
Matrix linear_forward(const Matrix& x, const Matrix& w, const Matrix& b);

/// The three gradients of a Linear layer.
struct LinearGradients {
    Matrix dx;  ///< (N, in)
    Matrix dw;  ///< (out, in)
    Matrix db;  ///< (out)
};

/// Exercise 1.2 — Linear backward: given dy = dL/dy, return dx = dy W, dW = dyᵀ x, db = Σₙ dy.
/// @param x (N, in)   @param w (out, in)   @param dy (N, out)
LinearGradients linear_backward(const Matrix& x, const Matrix& w, const Matrix& dy);

/// Exercise 1.3 — ReLU backward: dx = dy where x > 0, else 0.
/// @param x any shape (the forward input)   @param dy same shape   @return dx same shape
Matrix relu_backward(const Matrix& x, const Matrix& dy);

/// Exercise 1.4 — softmax cross-entropy, forward and backward in one.
/// @param logits (N, K)   @param labels N class indices in [0, K)
/// @param dlogits output: (N, K), the gradient of the returned mean loss
/// @return the mean over the batch of −log softmax(logits)[label]
double softmax_cross_entropy(const Matrix& logits, const std::vector<int>& labels, Matrix& dlogits);

/// Exercise 1.5 — one SGD step with momentum, in place: v ← μv + g, then w ← w − lr·v.
/// @param w any shape   @param grad same shape   @param velocity same shape (starts at 0)
void sgd_momentum_step(Matrix& w, const Matrix& grad, Matrix& velocity, double lr, double momentum);

/// Exercise 1.6 — He initialization: a (fan_out, fan_in) matrix drawn from N(0, 2 / fan_in).
/// Use rng.normal(mean, stddev) for each entry.
Matrix he_normal(std::size_t fan_out, std::size_t fan_in, dl::Rng& rng);

}  // namespace ex01
