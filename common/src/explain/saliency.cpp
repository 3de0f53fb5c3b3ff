#include "dl/explain/saliency.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dl {

Saliency saliency_map(const LayerChain& chain, const Tensor<float>& x, int label) {
    if (x.dimension() != 4 || x.shape(0) != 1) throw std::invalid_argument("saliency_map: expected one image (1, C, H, W), got " + shape_string(shape_of(x)));
    const Tensor<float> scores = forward_through(chain, x, 0, chain.size());  // (1, classes)
    if (scores.dimension() != 2 || label < 0 || std::size_t(label) >= scores.shape(1))
        throw std::invalid_argument("saliency_map: class " + std::to_string(label) + " is not among the scores " + shape_string(shape_of(scores)));
    Tensor<float> one_hot = Tensor<float>::from_shape({std::size_t(1), scores.shape(1)});  // (1, classes): ∂y_c/∂y
    std::fill(one_hot.begin(), one_hot.end(), 0.0f);
    one_hot(0, std::size_t(label)) = 1.0f;
    Saliency s;
    s.gradient = backward_through(chain, one_hot, 0, chain.size());  // (1, C, H, W)
    if (shape_of(s.gradient) != shape_of(x))
        throw std::logic_error("saliency_map: the first layer gave no gradient for the input (" + shape_string(shape_of(s.gradient)) +
                               "); a layer told not to compute it, such as a first convolution, must be told to again");
    const std::size_t channels = x.shape(1), area = x.shape(2) * x.shape(3);
    s.height = int(x.shape(2)), s.width = int(x.shape(3));
    s.map.assign(area, 0.0f);
    for (std::size_t c = 0; c < channels; ++c)
        for (std::size_t p = 0; p < area; ++p) s.map[p] = std::max(s.map[p], std::abs(s.gradient.data()[c * area + p]));
    return s;
}

}  // namespace dl
