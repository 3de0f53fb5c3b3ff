/// @file prefix_names.hpp
/// @brief How a layer made of parts names their parameters: "encoder.0.1.weight".
#pragma once

#include "dl/layers/layer.hpp"

#include <string>

namespace dl {

/// Prefixes the names of @p layer's parameters and buffers with @p prefix. A composite
/// layer calls it once per part when it builds them, so that checkpoints and gradient-norm
/// reports can tell the parts apart.
/// @param layer the part whose parameter and buffer names change
/// @param prefix put before each name, e.g. "encoder.0."
template <class T>
void prefix_names(Layer<T>& layer, const std::string& prefix) {
    for (Parameter<T>* p : layer.parameters()) p->name = prefix + p->name;
    for (Buffer<T>* b : layer.buffers()) b->name = prefix + b->name;
}

}  // namespace dl
