/// @file softmax_cross_entropy.hpp
/// @brief Softmax and cross-entropy fused into one numerically stable loss.
#pragma once

#include "dl/tensor.hpp"

#include <vector>

namespace dl {

/// softmax of each row of @p scores (N, K): exp(z − max z) / Σ exp(z − max z), (N, K).
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
    /// Mean loss over the batch. @p logits is (N, K); @p labels holds N class indices in [0, K).
    T forward(const Tensor<T>& logits, const std::vector<int>& labels);

    /// Mean loss against soft targets (N, K), each row a probability distribution (from
    /// mixup or label smoothing): L = −(1/N) Σₙ Σₖ t[n][k] · log softmax(zₙ)[k].
    /// The gradient is (softmax(z) − t) / N, the same form as with hard labels.
    T forward_soft(const Tensor<T>& logits, const Tensor<T>& targets);

    /// dL/dlogits (N, K) for the last forward().
    Tensor<T> backward() const;

    /// softmax(logits) (N, K) from the last forward().
    const Tensor<T>& probabilities() const { return probs_; }

private:
    Tensor<T> probs_;          // (N, K)
    std::vector<int> labels_;  // (N), for hard labels
    Tensor<T> targets_;        // (N, K), for soft targets (empty with hard labels)
};

}  // namespace dl
