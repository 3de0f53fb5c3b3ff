#include "dl/data/mixup.hpp"

#include <stdexcept>

namespace dl {

Tensor<float> one_hot(const std::vector<int>& labels, std::size_t classes, double smoothing) {
    if (smoothing < 0.0 || smoothing >= 1.0) throw std::invalid_argument("one_hot: smoothing must be in [0, 1)");
    Tensor<float> targets = Tensor<float>::from_shape({labels.size(), classes});  // (N, K)
    targets.fill(float(smoothing / double(classes)));
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0 || std::size_t(labels[i]) >= classes) throw std::invalid_argument("one_hot: label " + std::to_string(labels[i]) + " out of range");
        targets(i, std::size_t(labels[i])) += float(1.0 - smoothing);
    }
    return targets;
}

MixedBatch mixup(const Batch& batch, std::size_t classes, double alpha, Rng& rng, double smoothing) {
    if (alpha <= 0.0) throw std::invalid_argument("mixup: alpha must be positive");
    if (batch.images.dimension() < 1 || batch.images.shape(0) != batch.labels.size()) {
        throw std::invalid_argument("mixup: " + std::to_string(batch.labels.size()) + " labels for images " + shape_string(shape_of(batch.images)));
    }
    const std::size_t n = batch.labels.size(), per_image = batch.images.size() / std::max<std::size_t>(n, 1);
    const std::vector<std::size_t> partner = rng.permutation(n);
    const Tensor<float> targets = one_hot(batch.labels, classes, smoothing);  // (N, K)
    MixedBatch mixed;
    mixed.lambda = rng.beta(alpha, alpha);
    const float a = float(mixed.lambda), b = 1.0f - a;
    mixed.images = Tensor<float>::from_shape(batch.images.shape());
    mixed.targets = Tensor<float>::from_shape(targets.shape());
    for (std::size_t i = 0; i < n; ++i) {
        const float* x = batch.images.data() + i * per_image;
        const float* y = batch.images.data() + partner[i] * per_image;
        float* out = mixed.images.data() + i * per_image;
        for (std::size_t p = 0; p < per_image; ++p) out[p] = a * x[p] + b * y[p];
        for (std::size_t k = 0; k < classes; ++k) mixed.targets(i, k) = a * targets(i, k) + b * targets(partner[i], k);
    }
    return mixed;
}

}  // namespace dl
