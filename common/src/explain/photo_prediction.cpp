#include "dl/explain/photo_prediction.hpp"

#include "dl/explain/grad_cam.hpp"
#include "dl/explain/saliency.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"

#include <algorithm>
#include <stdexcept>

namespace dl {

namespace {

constexpr int kSide = 28;  // the networks' inputs are 28×28

// @p map (height × width) enlarged to 28×28 by repeating each value and scaled to 0-1 by its
// largest value (all 0 if that is not above 0).
std::vector<float> enlarged_unit_map(const std::vector<float>& map, int height, int width) {
    std::vector<float> out(std::size_t(kSide) * kSide, 0.0f);  // (28, 28)
    const float largest = *std::max_element(map.begin(), map.end());
    if (!(largest > 0.0f)) return out;
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x) out[std::size_t(y) * kSide + std::size_t(x)] = map[std::size_t(y * height / kSide) * std::size_t(width) + std::size_t(x * width / kSide)] / largest;
    return out;
}

// The index of the first layer after the last one whose output is (1, K, H, W), found by
// running @p x through @p chain; 0 if no layer's output is (the network has no maps).
std::size_t after_last_maps(const LayerChain& chain, const Tensor<float>& x) {
    std::size_t split = 0;
    Tensor<float> h = x;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        h = chain[i]->forward(h);
        if (h.dimension() == 4) split = i + 1;
    }
    return split < chain.size() ? split : 0;
}

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
    const std::size_t split = after_last_maps(classifier.layers, x);
    if (split > 0) {
        const GradCam cam = grad_cam(classifier.layers, x, split, result.explained);
        result.grad_cam = enlarged_unit_map(cam.map, cam.height, cam.width);
        result.grad_cam_size = std::to_string(cam.width) + "x" + std::to_string(cam.height);
    }
    const Saliency s = saliency_map(classifier.layers, x, result.explained);
    result.saliency = enlarged_unit_map(s.map, s.height, s.width);
    return result;
}

}  // namespace dl
