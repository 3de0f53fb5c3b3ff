/// @file layer_chain.hpp
/// @brief A classifier seen as the list of its layers in order, so that it can be cut.
///
/// Explaining a prediction needs the network in two pieces: the layers up to the last
/// convolution stage (whose maps Grad-CAM weighs) and the head after it. A Sequential is
/// such a list already; a TransferModel is its body's layers followed by its head's.
#pragma once

#include "dl/layers/transfer_model.hpp"

#include <vector>

namespace dl {

/// The layers of a network in the order its forward pass runs them (not owned).
using LayerChain = std::vector<Layer<float>*>;

/// @brief The layers of @p model, first to last.
/// @param model a network; it must outlive the chain
/// @return pointers to its layers
inline LayerChain layers_of(Sequential<float>& model) {
    LayerChain chain;
    for (std::size_t i = 0; i < model.size(); ++i) chain.push_back(&model[i]);
    return chain;
}

/// @brief The body's layers, then the head's.
/// @param model a pretrained body with a new head; it must outlive the chain
/// @return pointers to its layers
inline LayerChain layers_of(TransferModel<float>& model) {
    LayerChain chain = layers_of(model.body());
    for (Layer<float>* layer : layers_of(model.head())) chain.push_back(layer);
    return chain;
}

/// @brief Runs @p x through the layers of @p chain from @p first up to (not including) @p last.
/// @param chain the network's layers
/// @param x the first layer's input
/// @param first the index of the first layer to run
/// @param last one past the index of the last layer to run
/// @return the last layer's output
Tensor<float> forward_through(const LayerChain& chain, Tensor<float> x, std::size_t first, std::size_t last);

/// @brief Backward through the layers of @p chain from @p last − 1 down to @p first.
/// @param chain the network's layers, after a forward pass through them
/// @param dy the gradient of the output of layer @p last − 1
/// @param first the index of the first layer (the gradient returned is of its input)
/// @param last one past the index of the last layer
/// @return the gradient of layer @p first's input
Tensor<float> backward_through(const LayerChain& chain, Tensor<float> dy, std::size_t first, std::size_t last);

}  // namespace dl
