/// @file gradient_norms.hpp
/// @brief A probe for vanishing and exploding gradients: the size of each layer's gradient.
#pragma once

#include "dl/layers/layer.hpp"

#include <string>
#include <vector>

namespace dl {

/// The L2 norm of one parameter's gradient.
struct GradientNorm {
    std::string parameter;  ///< its full name, e.g. "3.branch.0.weight"
    double norm = 0;        ///< √(Σ grad²)
};

/// The gradient norms of @p model's parameters, in the model's order (input side first),
/// as they are after a backward pass. With @p weights_only, only parameters whose name ends
/// in "weight" (convolution and linear weights, one per layer) are listed.
/// @param model the network, after a backward pass
/// @param weights_only list only the weights
/// @return one name and norm per listed parameter
std::vector<GradientNorm> gradient_norms(Layer<float>& model, bool weights_only = true);

/// The same for a chosen list of parameters, in its order.
/// @param parameters the parameters, after a backward pass
/// @param weights_only list only the weights
/// @return one name and norm per listed parameter
std::vector<GradientNorm> gradient_norms(const std::vector<Parameter<float>*>& parameters, bool weights_only = true);

}  // namespace dl
