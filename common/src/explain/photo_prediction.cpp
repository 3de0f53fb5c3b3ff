#include "dl/explain/photo_prediction.hpp"

#include "dl/explain/grad_cam.hpp"
#include "dl/explain/heat_map.hpp"
#include "dl/explain/saliency.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"

#include <algorithm>
#include <stdexcept>

namespace dl {

namespace {

constexpr int kSide = 28;  // the networks' inputs are 28×28

}  // namespace

Tensor<float> network_input(const PhotoClassifier& classifier, const Image8& prepared) {
    Tensor<float> x = Tensor<float>::from_shape({1, 1, kSide, kSide});  // (1, 1, 28, 28)
    const Normalization& n = classifier.normalization;
    for (std::size_t i = 0; i < x.size(); ++i) x.data()[i] = (float(prepared.pixels.at(i)) / 255.0f - n.mean) / n.stddev;
    return x;
}

PhotoPrediction predict_photo(const PhotoClassifier& classifier, const Image8& photo, int explain) {
    PhotoPrediction result;
    result.prepared = classifier.form == DatasetForm::mnist_digit ? prepare_like_mnist_digit(photo) : prepare_like_fashion_mnist(photo);
    const Tensor<float> x = network_input(classifier, result.prepared.image);  // (1, 1, 28, 28)
    for (Layer<float>* layer : classifier.layers) layer->eval();
    const Tensor<float> probabilities = softmax_rows(forward_through(classifier.layers, x, 0, classifier.layers.size()));  // (1, classes)
    for (std::size_t k = 0; k < probabilities.size(); ++k) result.ranked.push_back({int(k), probabilities.data()[k]});
    std::stable_sort(result.ranked.begin(), result.ranked.end(), [](const ClassProbability& a, const ClassProbability& b) { return a.probability > b.probability; });
    if (explain >= int(probabilities.size())) throw std::invalid_argument("predict_photo: class " + std::to_string(explain) + " is not among the network's " + std::to_string(probabilities.size()));
    result.explained = explain >= 0 ? explain : result.ranked.front().label;
    const std::size_t split = grad_cam_split(classifier.layers, x);
    if (split > 0) {
        const GradCam cam = grad_cam(classifier.layers, x, split, result.explained);
        result.grad_cam = unit_heat_map(cam.map, cam.height, cam.width, kSide);
        result.grad_cam_size = std::to_string(cam.width) + "x" + std::to_string(cam.height);
    }
    const Saliency s = saliency_map(classifier.layers, x, result.explained);
    result.saliency = unit_heat_map(s.map, s.height, s.width, kSide);
    return result;
}

}  // namespace dl
