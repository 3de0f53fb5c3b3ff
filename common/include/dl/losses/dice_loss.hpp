/// @file dice_loss.hpp
/// @brief Soft Dice loss: one minus the mean overlap between predicted and true class regions.
#pragma once

#include "dl/tensor.hpp"

#include <vector>

namespace dl {

/// The soft Dice loss over K classes of a batch of score maps (N, K, H, W). With p the
/// per-pixel softmax and t the one-hot labels, summed over every pixel of the batch:
///
///     I_k = Σ p_k·t_k,   S_k = Σ p_k + Σ t_k,   D_k = (2·I_k + ε) / (S_k + ε)
///     L   = 1 − (1/K) Σ_k D_k
///
/// D_k is 1 when class k's predicted region equals its true region and near 0 when they
/// do not overlap. Each class counts equally however few pixels it has, which is why
/// Dice helps small objects that cross-entropy (where every pixel counts equally) lets
/// the background drown out. ε = 1 keeps an absent class from dividing by zero.
///
/// Gradient, first with respect to the probabilities, then through the softmax:
///
///     dL/dp_k = −(1/K) · (2·t_k·(S_k + ε) − (2·I_k + ε)) / (S_k + ε)²
///     dL/dz_j = p_j · (dL/dp_j − Σ_k p_k · dL/dp_k)
template <class T>
class DiceLoss {
public:
    /// @param smoothing ε > 0 (throws std::invalid_argument otherwise)
    explicit DiceLoss(T smoothing = T(1));

    /// The loss for @p logits (N, K, H, W) against @p labels (N·H·W class indices in
    /// [0, K), row-major (N, H, W) order).
    /// @param logits (N, K, H, W) class scores
    /// @param labels (N·H·W) the true class of each pixel
    /// @return L
    T forward(const Tensor<T>& logits, const std::vector<int>& labels);
    /// @brief dL/dlogits (N, K, H, W) for the last forward().
    /// @return dL/dlogits (N, K, H, W)
    Tensor<T> backward() const;

private:
    T smoothing_;
    Shape logits_shape_;       // (N, K, H, W)
    Tensor<T> probs_;          // (N·H·W, K), softmax per pixel
    std::vector<int> labels_;  // (N·H·W)
    std::vector<T> overlap_;   // (K) I_k
    std::vector<T> total_;     // (K) S_k
};

}  // namespace dl
