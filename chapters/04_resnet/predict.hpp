// Chapter 4 — the trained network on a photo of your own: `./book run 04 --predict IMAGE...`.
#pragma once

#include "dl/data/dataset.hpp"
#include "dl/explain/predict_photos.hpp"
#include "dl/layers/sequential.hpp"

#include <string>
#include <vector>

namespace ch04 {

/// `./book run 04 --predict IMAGE...`: loads ResNet-20 from request.checkpoint, else from
/// the main run's runs/04_resnet/main/model.ckpt if you trained one, else from the committed
/// checkpoint, and runs dl::predict_photos() with it: for each image, the three most
/// probable classes, and a panel in @p out_dir with the network's input, Grad-CAM and the
/// saliency map.
/// @param request the images, the checkpoint and the class to explain
/// @param out_dir the folder for the panels (created if missing)
void run_predict(const dl::PredictRequest& request, const std::string& out_dir);

/// Where the network looks on the upper-body classes it mixes up (T-shirt/top, Pullover,
/// Shirt): writes a PNG of test images, the first @p correct it gets right and the first
/// @p wrong it takes for another of the three, each as three cells: the image, Grad-CAM
/// of the class it chose, and Grad-CAM of the other class that matters (the true class of a
/// mistake; the runner-up of a correct answer), captioned with the probabilities.
/// @param model the trained network
/// @param test the normalized test images
/// @param predictions the network's class for each test image
/// @param png_path the file to write
/// @param correct how many correct answers to show (even)
/// @param wrong how many mistakes to show (even)
void save_explained_test_images(dl::Sequential<float>& model, const dl::ImageDataset& test, const std::vector<int>& predictions, const std::string& png_path,
                                int correct = 4, int wrong = 6);

}  // namespace ch04
