#include "dl/data/normalize.hpp"

#include <cmath>

namespace dl {

Normalization fit_normalization(const Tensor<float>& images) {
    double sum = 0, sum_sq = 0;
    for (float v : images) {
        sum += v;
        sum_sq += double(v) * v;
    }
    const double n = double(images.size());
    const double mean = sum / n;
    const double variance = std::max(sum_sq / n - mean * mean, 1e-12);
    return {float(mean), float(std::sqrt(variance))};
}

void normalize(Tensor<float>& images, const Normalization& norm) {
    const float inv = 1.0f / norm.stddev;
    for (float& v : images) v = (v - norm.mean) * inv;
}

}  // namespace dl
