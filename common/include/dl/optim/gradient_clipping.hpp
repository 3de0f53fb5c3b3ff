/// @file gradient_clipping.hpp
/// @brief The size of a whole model's gradient, and clipping it to a maximum.
#pragma once

#include "dl/layers/layer.hpp"

#include <vector>

namespace dl {

/// The L2 norm of all of @p parameters' gradients taken together, √(Σ over every
/// parameter and element of grad²): the length of the step direction. NaN or infinity as
/// soon as one gradient element is.
/// @param parameters the parameters whose gradients are measured
/// @return the norm
double global_gradient_norm(const std::vector<Parameter<float>*>& parameters);

/// Gradient clipping by norm (Pascanu, Mikolov & Bengio, 2013): when the gradients'
/// global norm @p norm (from global_gradient_norm()) exceeds @p max_norm, scales every
/// gradient by max_norm / norm, so that the step keeps its direction but not its size.
/// One exploding batch then moves the weights no further than a normal one.
/// @param parameters the gradients to scale, in place
/// @param norm their global norm, computed before
/// @param max_norm the largest norm allowed (> 0)
/// @return whether the gradients were scaled
bool clip_gradient_norm(const std::vector<Parameter<float>*>& parameters, double norm, double max_norm);

}  // namespace dl
