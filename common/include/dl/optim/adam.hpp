/// @file adam.hpp
/// @brief Adam (Kingma & Ba, 2015) and AdamW (Loshchilov & Hutter, 2019).
#pragma once

#include "dl/optim/optimizer.hpp"

#include <unordered_map>

namespace dl {

/// Adam keeps running averages of each gradient (m) and of its square (v), and divides
/// one by the root of the other, so every weight gets a step of similar size:
///
///     m ← β₁m + (1−β₁)g,   v ← β₂v + (1−β₂)g²,   m̂ = m/(1−β₁ᵗ),   v̂ = v/(1−β₂ᵗ)
///     w ← w − lr·m̂/(√v̂ + ε)
///
/// Weight decay: Adam adds λ·w to g (an L2 penalty, which the division then weakens);
/// AdamW instead shrinks the weight directly, w ← w − lr·λ·w ("decoupled").
/// The step count t is kept per parameter, so a parameter that was frozen for a while
/// gets the same bias correction on its first update as it would have at the start.
template <class T>
class Adam : public Optimizer<T> {
public:
    /// @param groups the parameters to update, with their learning rates and weight decays
    /// @param beta1 β₁, the decay of the gradient's average m
    /// @param beta2 β₂, the decay of the squared gradient's average v
    /// @param eps ε, added to √v̂ so that the division stays finite
    /// @param decoupled_weight_decay true for AdamW.
    explicit Adam(std::vector<ParamGroup<T>> groups, double beta1 = 0.9, double beta2 = 0.999,
                  double eps = 1e-8, bool decoupled_weight_decay = false);
    void step() override;

private:
    struct Moments {
        Tensor<T> m, v;  // same shape as the parameter
        long steps = 0;  // updates so far: a parameter unfrozen late starts its own count
    };
    double beta1_, beta2_, eps_;
    bool decoupled_;
    std::unordered_map<const Parameter<T>*, Moments> moments_;
};

/// AdamW: Adam with decoupled weight decay.
template <class T>
class AdamW : public Adam<T> {
public:
    /// @brief Same arguments as Adam, with decoupled weight decay switched on.
    /// @param groups the parameters to update, with their learning rates and weight decays
    /// @param beta1 β₁, the decay of the gradient's average m
    /// @param beta2 β₂, the decay of the squared gradient's average v
    /// @param eps ε, added to √v̂ so that the division stays finite
    explicit AdamW(std::vector<ParamGroup<T>> groups, double beta1 = 0.9, double beta2 = 0.999,
                   double eps = 1e-8)
        : Adam<T>(std::move(groups), beta1, beta2, eps, true) {}
};

}  // namespace dl
