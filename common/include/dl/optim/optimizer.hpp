/// @file optimizer.hpp
/// @brief Parameter groups and the interface every optimizer shares.
#pragma once

#include "dl/layers/layer.hpp"

#include <string>
#include <vector>

namespace dl {

/// A set of parameters that share a learning rate and weight decay. Several groups let
/// earlier layers learn more slowly than later ones (discriminative learning rates).
template <class T>
struct ParamGroup {
    std::vector<Parameter<T>*> params;  ///< The parameters this group updates.
    double lr = 0.01;                   ///< Learning rate for these parameters.
    double weight_decay = 0.0;          ///< L2 penalty (SGD, Adam) or decoupled decay (AdamW).
    std::string name = "all";           ///< Shown in logs.
};

/// Updates parameters from their gradients. Frozen parameters are left untouched.
template <class T>
class Optimizer {
public:
    /// @brief An optimizer over the given groups.
    /// @param groups the parameters to update, with their learning rates and weight decays
    explicit Optimizer(std::vector<ParamGroup<T>> groups) : groups_(std::move(groups)) {}
    virtual ~Optimizer() = default;

    /// Applies one update to every parameter that is not frozen.
    virtual void step() = 0;

    /// Sets every gradient to zero; call before each backward pass.
    void zero_grad();

    /// @brief The groups, e.g. to change their learning rates during training.
    /// @return the groups, modifiable
    std::vector<ParamGroup<T>>& groups() { return groups_; }

    /// @brief Sets the learning rate of every group to @p lr.
    /// @param lr the new learning rate
    void set_lr(double lr);

protected:
    std::vector<ParamGroup<T>> groups_;  ///< What this optimizer updates.
};

/// @brief One group holding all of @p params with learning rate @p lr and weight decay @p wd.
/// @param params the parameters, e.g. a model's parameters()
/// @param lr the learning rate
/// @param wd the weight decay
/// @return a list of one group, named "all"
template <class T>
std::vector<ParamGroup<T>> single_group(std::vector<Parameter<T>*> params, double lr, double wd = 0.0) {
    return {ParamGroup<T>{std::move(params), lr, wd, "all"}};
}

}  // namespace dl
