/// @file prediction_panel.hpp
/// @brief One PNG that shows what a classifier did with a photo: the photo, the input the
/// network saw, where it looked, and its top three classes.
#pragma once

#include "dl/explain/photo_prediction.hpp"

#include <string>
#include <vector>

namespace dl {

/// Writes a PNG of a row of cells: @p photo; the 28×28 input the network saw; that input
/// with Grad-CAM's map in red (if the prediction has one); the input with the saliency map
/// in red; bars for the three most probable classes (the first two named under them).
/// @param png_path the file to write
/// @param photo the image as it was read
/// @param p what predict_photo() said about it
/// @param classes the name of each class
void save_prediction_panel(const std::string& png_path, const Image8& photo, const PhotoPrediction& p, const std::vector<std::string>& classes);

/// @brief The 28×28 @p input in gray, dimmed to half, with @p heat (0-1) added to its red
/// channel: a map drawn over the image it explains.
/// @param input (28·28) gray values 0-255
/// @param heat (28·28) values 0-1
/// @return (3, 28, 28) red, green and blue planes, 0-1
std::vector<float> heat_overlay(const std::vector<std::uint8_t>& input, const std::vector<float>& heat);

}  // namespace dl
