/// @file softmax_cross_entropy.hpp
/// @brief Softmax and cross-entropy fused into one numerically stable loss.
#pragma once

#include "dl/tensor.hpp"

#include <vector>

namespace dl {

/// @brief softmax of each row of @p scores (N, K): exp(z − max z) / Σ exp(z − max z), (N, K).
/// @param scores (N, K)
/// @return (N, K), each row summing to 1
template <class T>
Tensor<T> softmax_rows(const Tensor<T>& scores);

/// The classification loss L = −(1/N) Σₙ log softmax(zₙ)[yₙ].
///
/// Fusing softmax into the loss gives the famously simple gradient
/// dL/dz = (softmax(z) − onehot(y)) / N, and lets the forward pass subtract each row's
/// maximum before exponentiating so that exp never overflows.
template <class T>
class SoftmaxCrossEntropy {
public:
    /// @brief Mean loss over the batch. @p logits is (N, K); @p labels holds N class indices in [0, K).
    /// @param logits (N, K) class scores
    /// @param labels (N) the true classes
    /// @return L
    T forward(const Tensor<T>& logits, const std::vector<int>& labels);

    /// Mean loss against soft targets (N, K), each row a probability distribution (from
    /// mixup or label smoothing): L = −(1/N) Σₙ Σₖ t[n][k] · log softmax(zₙ)[k].
    /// The gradient is (softmax(z) − t) / N, the same form as with hard labels.
    /// @param logits (N, K) class scores
    /// @param targets (N, K) target distributions
    /// @return L
    T forward_soft(const Tensor<T>& logits, const Tensor<T>& targets);

    /// @brief dL/dlogits (N, K) for the last forward().
    /// @return dL/dlogits (N, K)
    Tensor<T> backward() const;

    /// @brief softmax(logits) (N, K) from the last forward().
    /// @return (N, K)
    const Tensor<T>& probabilities() const { return probs_; }

private:
    Tensor<T> probs_;          // (N, K)
    std::vector<int> labels_;  // (N), for hard labels
    Tensor<T> targets_;        // (N, K), for soft targets (empty with hard labels)
};

}  // namespace dl
