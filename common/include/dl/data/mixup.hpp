/// @file mixup.hpp
/// @brief Soft targets: one-hot labels with optional smoothing, and mixup (Zhang et al., 2018).
#pragma once

#include "dl/data/loader.hpp"

namespace dl {

/// Targets (N, K) for @p labels: 1 − ε + ε/K for the true class and ε/K elsewhere, where ε =
/// @p smoothing (label smoothing; 0 gives plain one-hot rows).
/// @param labels (N) classes in [0, @p classes)
/// @param classes K
/// @param smoothing ε in [0, 1)
/// @return (N, K), each row summing to 1
Tensor<float> one_hot(const std::vector<int>& labels, std::size_t classes, double smoothing = 0.0);

/// A batch of blended images with matching blended targets.
struct MixedBatch {
    Tensor<float> images;   ///< (N, C, H, W): λ·x + (1 − λ)·x[perm]
    Tensor<float> targets;  ///< (N, K): λ·t + (1 − λ)·t[perm]
    double lambda = 1.0;    ///< the mixing weight drawn from Beta(α, α)
};

/// Mixup: draws λ ~ Beta(@p alpha, @p alpha) and a random pairing of the batch, and blends
/// each image and its (optionally smoothed) one-hot target with its partner's. Train with
/// SoftmaxCrossEntropy::forward_soft(logits, targets).
/// @param batch the images (N, C, H, W) and labels (N), left unchanged
/// @param classes K
/// @param alpha α > 0
/// @param rng the random source of λ and of the pairing
/// @param smoothing ε of label smoothing, in [0, 1)
/// @return the blended images (N, C, H, W), targets (N, K) and λ
MixedBatch mixup(const Batch& batch, std::size_t classes, double alpha, Rng& rng, double smoothing = 0.0);

}  // namespace dl
