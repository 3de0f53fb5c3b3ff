// Chapter 4 — the trained network on a photo of your own: `./book run 04 --predict IMAGE...`.
#pragma once

#include "dl/data/normalize.hpp"
#include "dl/data/photo_to_fashion.hpp"
#include "dl/layers/sequential.hpp"

#include <string>
#include <vector>

namespace ch04 {

/// One class and the probability the network gives it.
struct ClassProbability {
    int label = 0;             ///< the class index, 0-9
    float probability = 0.0f;  ///< softmax of the network's scores
};

/// What the network says about one photo.
struct PhotoPrediction {
    dl::PhotoPreparation prepared;         ///< the 28×28 input the network saw, and how it was made
    std::vector<ClassProbability> ranked;  ///< every class, the most probable first
    int explained = 0;                     ///< the class Grad-CAM explains
    std::vector<float> where;              ///< (28·28) Grad-CAM of that class, 0-1, enlarged from 7×7
};

/// Prepares @p photo like a Fashion-MNIST image (dl::prepare_like_fashion_mnist), scales it
/// to [0, 1] and normalizes it with @p normalization, as the training images were, and runs
/// @p model on it in evaluation mode; also computes Grad-CAM (dl::grad_cam) of class
/// @p explain, or of the most probable class, at the last stage's output (the head being
/// global average pooling and the linear layer, the model's last two layers).
/// @param model a network mapping (1, 1, 28, 28) to (1, 10) scores
/// @param normalization the training images' mean and standard deviation
/// @param photo any gray or colour image of one object
/// @param explain the class for Grad-CAM, or -1 for the most probable one
/// @return the prepared input, the classes ranked by probability and the map
PhotoPrediction predict_photo(dl::Sequential<float>& model, const dl::Normalization& normalization, const dl::Image8& photo, int explain = -1);

/// Writes a PNG of four cells: @p photo, the 28×28 input the network saw, that input with
/// Grad-CAM's map in red (where the network found evidence for the class it explains),
/// and bars for the three most probable classes (the first two named under them).
/// @param png_path the file to write
/// @param photo the image as it was read
/// @param p what predict_photo() said about it
void save_prediction_panel(const std::string& png_path, const dl::Image8& photo, const PhotoPrediction& p);

/// `./book run 04 --predict IMAGE...`: loads @p checkpoint (empty: the main run's
/// runs/04_resnet/main/model.ckpt if you trained one, else the committed checkpoint) into
/// ResNet-20 and prints, for each image, the three most probable classes and what the
/// preparation did, and saves its panel (save_prediction_panel()) in @p out_dir, named after
/// the image. Throws, naming the file, for an image that cannot be read or has no object.
/// @param images paths of PNG, JPEG, BMP or GIF files
/// @param checkpoint a ResNet-20 checkpoint, or empty
/// @param out_dir the folder for the panels (created if missing)
/// @param explain the class Grad-CAM explains (a name of dl::fashion_mnist_classes()), or
///        empty for each image's most probable class
void run_predict(const std::vector<std::string>& images, const std::string& checkpoint, const std::string& out_dir, const std::string& explain = "");

}  // namespace ch04
