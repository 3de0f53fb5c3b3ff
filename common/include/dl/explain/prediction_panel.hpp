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

/// @brief @p photo in gray, as floats 0-255, scaled down (keeping its aspect ratio) to fit a
/// @p cell × @p cell panel cell if it is larger: a panel's first cell.
/// @param photo any image
/// @param cell the cell's side
/// @param height receives the result's rows
/// @param width receives the result's columns
/// @return (height, width) gray values
std::vector<float> gray_fitted_to(const Image8& photo, int cell, int& height, int& width);

}  // namespace dl
