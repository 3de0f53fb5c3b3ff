/// @file feature_maps.hpp
/// @brief What a convolutional network has learned to see: the maps each stage computes
/// for one image, drawn as a sheet.
#pragma once

#include "dl/explain/layer_chain.hpp"

#include <string>
#include <vector>

namespace dl {

/// The maps of one stage: the output of the last layer that works at one resolution.
struct FeatureStage {
    std::size_t layer = 0;  ///< the index of that layer in the chain
    Tensor<float> maps;     ///< (1, K, H, W) its output
};

/// Runs the one image @p x through @p chain (in the mode the layers are in) and keeps, for
/// each run of consecutive layers whose outputs are (1, K, H, W) maps of the same size, the
/// output of the last one: one stage per resolution, as a stage is usually understood
/// (a stride-2 convolution or a pooling layer starts the next). Layers whose output is not
/// 4-D (flatten, the head) end the search.
/// Throws std::invalid_argument if @p x is not one image (1, C, H, W).
/// @param chain a network's layers
/// @param x one image, (1, C, H, W)
/// @return the stages, input side first
std::vector<FeatureStage> feature_stages(const LayerChain& chain, const Tensor<float>& x);

/// Writes a PNG with one row per stage: the input, then up to @p per_row maps of each stage
/// (the first ones), each map stretched from its own minimum (black) to its maximum
/// (white); the first cell of a row says the maps' size, how many are drawn and how many
/// the stage has ("7X7" over "16/64").
/// @param png_path the file to write
/// @param x the image, (1, C, H, W); its first channel is drawn
/// @param stages from feature_stages()
/// @param per_row the most maps drawn of one stage
void save_feature_maps(const std::string& png_path, const Tensor<float>& x, const std::vector<FeatureStage>& stages, int per_row = 12);

}  // namespace dl
