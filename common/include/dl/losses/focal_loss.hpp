/// @file focal_loss.hpp
/// @brief Focal loss (Lin et al., 2017): cross-entropy that stops pushing on examples it already gets right.
#pragma once

#include "dl/tensor.hpp"

#include <vector>

namespace dl {

/// The loss L = −(1/N) Σₙ (1 − pₙ)^γ · log pₙ, where pₙ = softmax(zₙ)[yₙ] is the
/// probability given to the true class.
///
/// With γ = 0 it is softmax cross-entropy. With γ > 0 an easy example (pₙ near 1) has its
/// loss scaled down by (1 − pₙ)^γ, so the many easy examples of a common class no longer
/// drown the few hard ones of a rare class. Lin et al. used γ = 2. With
/// g(p) = −(1 − p)^γ log p and dp/dz_k = p·(δ_ky − p_k), the gradient is
///
///     dL/dz_k = (1/N) · g′(p)·p · (δ_ky − p_k),
///     g′(p)·p = γ (1 − p)^(γ−1) · p log p − (1 − p)^γ.
template <class T>
class FocalLoss {
public:
    /// @param gamma the focusing exponent γ ≥ 0.
    explicit FocalLoss(double gamma);

    /// @brief Mean loss over the batch. @p logits is (N, K); @p labels holds N classes in [0, K).
    /// @param logits (N, K) class scores
    /// @param labels (N) the true classes
    /// @return L
    T forward(const Tensor<T>& logits, const std::vector<int>& labels);

    /// @brief dL/dlogits (N, K) for the last forward().
    /// @return dL/dlogits (N, K)
    Tensor<T> backward() const;

    /// @brief γ.
    /// @return the focusing exponent γ
    double gamma() const { return gamma_; }

private:
    double gamma_;
    Tensor<T> probs_;          // (N, K) softmax of the last logits
    std::vector<T> log_p_;     // (N) log p of the true class, computed without underflow
    std::vector<int> labels_;  // (N)
};

}  // namespace dl
