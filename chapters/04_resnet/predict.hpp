// Chapter 4 — the trained network on a photo of your own: `./book run 04 --predict IMAGE...`.
#pragma once

#include "dl/explain/predict_photos.hpp"

#include <string>

namespace ch04 {

/// `./book run 04 --predict IMAGE...`: loads ResNet-20 from request.checkpoint, else from
/// the main run's runs/04_resnet/main/model.ckpt if you trained one, else from the committed
/// checkpoint, and runs dl::predict_photos() with it: for each image, the three most
/// probable classes, and a panel in @p out_dir with the network's input, Grad-CAM and the
/// saliency map.
/// @param request the images, the checkpoint and the class to explain
/// @param out_dir the folder for the panels (created if missing)
void run_predict(const dl::PredictRequest& request, const std::string& out_dir);

}  // namespace ch04
