/// @file divergence_guard.hpp
/// @brief Stopping a training run at the first sign that it has diverged.
#pragma once

#include "dl/layers/layer.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace dl {

/// The error a diverged training run stops with; what() says where, why and what to try.
class TrainingDiverged : public std::runtime_error {
public:
    /// @param reason where and how the run diverged
    /// @param lr the learning rate in use, named in the advice
    TrainingDiverged(const std::string& reason, double lr);
    /// @brief Where and how the run diverged, without the advice.
    /// @return the reason given to the constructor
    const std::string& reason() const { return reason_; }

private:
    std::string reason_;
};

/// Watches the steps of a training run. A run has diverged when a step's loss is NaN or
/// infinite, when a gradient is, or when the loss has exploded to more than
/// @p explosion_factor times the first step's (a finite loss can still be garbage:
/// 48,824,664,531 from an MLP at --lr 100). A diverged network keeps printing numbers, so
/// without this check a run would go on and save a broken model.
class DivergenceGuard {
public:
    /// @param explosion_factor a loss above this many times the first step's loss (taken
    ///        as at least 1) counts as exploded
    explicit DivergenceGuard(double explosion_factor = 100.0);

    /// Checks one step, after backward and before the optimizer's step.
    /// @param epoch the epoch, from 1
    /// @param step the step within the epoch, from 1
    /// @param steps_per_epoch the number of steps in an epoch
    /// @param loss the step's loss
    /// @param gradient_norm the global norm of the gradients (global_gradient_norm())
    /// @param parameters the model's parameters, input side first, to name the first one
    ///        whose value or gradient is not finite
    /// @param lr the learning rate in use, for the advice
    /// @throws TrainingDiverged when the step shows divergence
    void check_step(int epoch, std::size_t step, std::size_t steps_per_epoch, double loss, double gradient_norm,
                    const std::vector<Parameter<float>*>& parameters, double lr);

    /// Checks the validation loss measured after @p epoch (NaN or infinite, or exploded
    /// against the first training step's loss).
    /// @param epoch the epoch, from 1
    /// @param validation_loss the loss on the validation set
    /// @param lr the learning rate in use, for the advice
    /// @throws TrainingDiverged when it shows divergence
    void check_validation(int epoch, double validation_loss, double lr) const;

private:
    double threshold() const;

    double explosion_factor_;
    double first_loss_;  // NaN until the first step
};

}  // namespace dl
