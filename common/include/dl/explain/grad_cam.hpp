/// @file grad_cam.hpp
/// @brief Where a classifier looks: Grad-CAM (Selvaraju et al., 2017).
///
/// Split the network after its last convolution stage: A = the stage's output (K maps of
/// H×W), y = the head applied to A (the scores). For a class c, each map k gets the weight
/// α_k = (1/HW) Σ_ij ∂y_c/∂A_k[i][j], the average gradient of the class's score over the map;
/// the class activation map is ReLU(Σ_k α_k A_k), an H×W picture of where the evidence
/// for c lies (coarse: 7×7 for ResNet-20 on 28×28 inputs).
#pragma once

#include "dl/explain/layer_chain.hpp"

#include <vector>

namespace dl {

/// Grad-CAM's pieces for one image, kept so that they can be checked and drawn.
struct GradCam {
    Tensor<float> activations;  ///< A (1, K, H, W): the output of the layers before the split
    Tensor<float> gradients;    ///< ∂y_c/∂A (1, K, H, W), through the layers after the split
    std::vector<float> weights; ///< (K) α_k: the gradients' average over each map
    std::vector<float> map;     ///< (H·W) ReLU(Σ_k α_k A_k), row-major
    int height = 0;             ///< H
    int width = 0;              ///< W
};

/// Runs the network whose layers are @p chain on the one image @p x, split before layer
/// @p split (the layers from @p split on are the head), and computes Grad-CAM for class
/// @p label. The caller puts the network in evaluation mode first. Leaves gradients
/// accumulated in the head's parameters (as any backward pass does).
/// Throws std::invalid_argument if @p x is not one image, if the split leaves no layer on
/// one side, if the output of the layers before @p split is not (1, K, H, W), or if
/// @p label is not among the scores.
/// @param chain a classifier's layers, (1, ...) → (1, classes)
/// @param x one image, (1, C, H, W)
/// @param split the index of the head's first layer
/// @param label the class to explain
/// @return the activations, their gradients, the weights and the map
GradCam grad_cam(const LayerChain& chain, const Tensor<float>& x, std::size_t split, int label);

/// The split Grad-CAM usually takes: after the last layer whose output, for the one image
/// @p x, is still a stack of maps (1, K, H, W). Runs @p x through @p chain to find it.
/// @param chain a classifier's layers
/// @param x one image, (1, C, H, W)
/// @return the index of the first layer after it, or 0 if no layer's output is 4-D or the
///         last layer's is (an MLP; a network without a head)
std::size_t grad_cam_split(const LayerChain& chain, const Tensor<float>& x);

/// @brief grad_cam() of the layers of @p model, which it puts in evaluation mode.
/// @param model a classifier, (1, ...) → (1, classes)
/// @param x one image, (1, C, H, W)
/// @param split the index of the head's first layer
/// @param label the class to explain
/// @return the activations, their gradients, the weights and the map
GradCam grad_cam(Sequential<float>& model, const Tensor<float>& x, std::size_t split, int label);

}  // namespace dl
