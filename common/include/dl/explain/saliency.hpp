/// @file saliency.hpp
/// @brief Which input pixels a class's score is most sensitive to: a gradient saliency map
/// (Simonyan, Vedaldi and Zisserman, 2014).
///
/// The gradient ∂y_c/∂x of the class's score with respect to the input says how much each
/// pixel, nudged, would change the score. Its magnitude (the largest over the channels) is
/// a map at the input's full resolution: sharper than Grad-CAM's 7×7 but noisier, and
/// sensitive to the pixels' values, not only to where the evidence lies.
#pragma once

#include "dl/explain/layer_chain.hpp"

#include <vector>

namespace dl {

/// A saliency map and the gradient it was made from.
struct Saliency {
    Tensor<float> gradient;  ///< ∂y_c/∂x (1, C, H, W)
    std::vector<float> map;  ///< (H·W) max over c of |∂y_c/∂x[c]|, row-major
    int height = 0;          ///< H
    int width = 0;           ///< W
};

/// Runs the network whose layers are @p chain on the one image @p x and takes the gradient
/// of the score of class @p label back to @p x. The caller puts the network in evaluation
/// mode first. Leaves gradients accumulated in the parameters (as any backward pass does).
/// Throws std::invalid_argument if @p x is not one image (1, C, H, W) or @p label is not
/// among the scores, and std::logic_error if the first layer returns no input gradient
/// (a Conv2d with set_input_gradient_needed(false)).
/// @param chain a classifier's layers, (1, C, H, W) → (1, classes)
/// @param x one image, (1, C, H, W)
/// @param label the class whose score is differentiated
/// @return the gradient and its magnitude per pixel
Saliency saliency_map(const LayerChain& chain, const Tensor<float>& x, int label);

}  // namespace dl
