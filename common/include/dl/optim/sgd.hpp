/// @file sgd.hpp
/// @brief Stochastic gradient descent with momentum, Nesterov momentum and weight decay.
#pragma once

#include "dl/optim/optimizer.hpp"

#include <unordered_map>

namespace dl {

/// SGD in the form PyTorch uses, per parameter w with gradient g:
///
///     g ← g + λ·w                      (weight decay λ, an L2 penalty)
///     v ← μ·v + g                      (momentum μ; v starts at 0)
///     w ← w − lr·(g + μ·v)   if Nesterov,   else   w ← w − lr·v
template <class T>
class SGD : public Optimizer<T> {
public:
    /// @param groups the parameters to update, with their learning rates and weight decays
    /// @param momentum μ in [0, 1); 0 gives plain SGD.
    /// @param nesterov look ahead along the momentum before taking the gradient step.
    SGD(std::vector<ParamGroup<T>> groups, double momentum = 0.0, bool nesterov = false);
    void step() override;

private:
    double momentum_;
    bool nesterov_;
    std::unordered_map<const Parameter<T>*, Tensor<T>> velocity_;  // same shape as each value
};

}  // namespace dl
