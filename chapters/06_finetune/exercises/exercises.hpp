/// @file chapters/06_finetune/exercises/exercises.hpp
/// @brief Chapter 6 exercises: the functions you write. `./book check 06` tests them.
///
/// Each function has a stub in this folder that throws "not written yet". Replace the
/// stub's body with your code, then run `./book check 06`. Arrays are row-major xtensor
/// arrays in double precision; every argument's shape is given below.
#pragma once

#include "dl/layers/sequential.hpp"
#include "dl/util/random.hpp"

#include <string>
#include <vector>

/// Chapter 6 exercises.
namespace ex06 {

/// An array of doubles.
using Array = dl::Tensor<double>;

/// Exercise 6.1 — freeze a parameter group: mark every parameter of @p params whose name
/// starts with one of @p frozen_prefixes as frozen, and every other one as trainable.
/// Return the number of scalar values left trainable. (With the prefix "body." this
/// freezes the body of a dl::TransferModel.)
std::size_t freeze_by_prefix(const std::vector<dl::Parameter<double>*>& params, const std::vector<std::string>& frozen_prefixes);

/// Exercise 6.2 — build the new head that goes on a cut network:
///
///     (N, F) → BatchNorm1d(F) → Dropout(p/2) → Linear(F → hidden) → ReLU
///            → BatchNorm1d(hidden) → Dropout(p) → Linear(hidden → K) → (N, K)
///
/// Use dl::Init::he for the first linear layer and dl::Init::xavier for the last; give
/// each dropout a seed drawn from @p rng.
dl::Sequential<double> build_head(std::size_t features, std::size_t hidden, std::size_t classes, double dropout, dl::Rng& rng);

/// Exercise 6.3 — discriminative learning rates: the rates of @p groups parameter groups
/// ordered from the input to the output, spread geometrically from lr / @p ratio (the
/// first) to @p lr (the last). One group gets @p lr.
std::vector<double> discriminative_rates(std::size_t groups, double lr, double ratio);

/// The focal loss and its gradient.
struct FocalResult {
    double loss = 0;  ///< L = −(1/N) Σ (1 − p)^γ log p, p the true class's probability
    Array dlogits;    ///< (N, K): dL/dz
};

/// Exercise 6.4 — the focal loss of @p logits against @p labels, and its gradient. Compute
/// log p without underflow (log-sum-exp), and keep the gradient finite when p = 1.
/// @param logits (N, K)   @param labels (N) in [0, K)   @param gamma γ ≥ 0
FocalResult focal_loss(const Array& logits, const std::vector<int>& labels, double gamma);

/// Exercise 6.5 — F-beta per class from predictions and true labels: with precision
/// P = TP / (TP + FP) and recall R = TP / (TP + FN), F = (1 + β²)·P·R / (β²·P + R); 0 when
/// P and R are both 0 (and P or R is 0 when its denominator is).
/// @param predicted (N) and @param truth (N) class indices in [0, @p classes)
/// @return (classes) F-beta per class
std::vector<double> f_beta_per_class(const std::vector<int>& predicted, const std::vector<int>& truth, int classes, double beta);

}  // namespace ex06
