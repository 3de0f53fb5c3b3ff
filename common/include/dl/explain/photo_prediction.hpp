/// @file photo_prediction.hpp
/// @brief A trained classifier on a photo of your own: the photo brought to the dataset's
/// form, the classes ranked, and where the network looked (Grad-CAM and saliency).
#pragma once

#include "dl/data/normalize.hpp"
#include "dl/data/photo_to_fashion.hpp"
#include "dl/explain/layer_chain.hpp"

#include <string>
#include <vector>

namespace dl {

/// The dataset a classifier was trained on, which says how a photo is prepared for it.
enum class DatasetForm {
    fashion_mnist,  ///< prepare_like_fashion_mnist(): the object fills the 28×28 frame
    mnist_digit,    ///< prepare_like_mnist_digit(): a 20-pixel digit centred by its mass
};

/// A trained classifier of 28×28 gray images and what is needed to feed it a photo.
struct PhotoClassifier {
    LayerChain layers;                 ///< the network, (1, 1, 28, 28) → (1, classes); not owned
    Normalization normalization;       ///< the training images' mean and standard deviation
    DatasetForm form = DatasetForm::fashion_mnist;  ///< how its training images looked
    std::vector<std::string> classes;  ///< the name of each score
};

/// One class and the probability the network gives it.
struct ClassProbability {
    int label = 0;             ///< the class index
    float probability = 0.0f;  ///< softmax of the network's scores
};

/// What the network says about one photo, and where it looked.
struct PhotoPrediction {
    PhotoPreparation prepared;             ///< the 28×28 input the network saw, and how it was made
    std::vector<ClassProbability> ranked;  ///< every class, the most probable first
    int explained = 0;                     ///< the class the maps explain
    std::vector<float> grad_cam;           ///< (28·28) Grad-CAM of that class, 0-1, enlarged; empty if the network has no maps
    std::string grad_cam_size;             ///< the map's own size before enlarging, e.g. "7x7"
    std::vector<float> saliency;           ///< (28·28) |∂score/∂pixel| of that class, 0-1
};

/// @brief The prepared 28×28 image as the network's input: scaled to [0, 1] and normalized
/// with the classifier's training normalization.
/// @param classifier the network and its normalization
/// @param prepared a 28×28 gray image from prepare_like_fashion_mnist() or prepare_like_mnist_digit()
/// @return (1, 1, 28, 28)
Tensor<float> network_input(const PhotoClassifier& classifier, const Image8& prepared);

/// Prepares @p photo like the classifier's training images (DatasetForm), scales it to
/// [0, 1], normalizes it, and runs the network on it in evaluation mode. Explains class
/// @p explain, or the most probable one: with Grad-CAM (dl::grad_cam) at the last layer
/// whose output is still a stack of maps (1, K, H, W), and with the gradient saliency map
/// (dl::saliency_map). A network without such a layer (an MLP) gets no Grad-CAM.
/// Throws std::invalid_argument if the photo has no object or @p explain is not a class.
/// @param classifier the network and its preparation
/// @param photo any gray or colour image of one object
/// @param explain the class to explain, or -1 for the most probable one
/// @return the prepared input, the classes ranked by probability and the two maps
PhotoPrediction predict_photo(const PhotoClassifier& classifier, const Image8& photo, int explain = -1);

}  // namespace dl
