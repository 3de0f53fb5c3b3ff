#include "dl/explain/grad_cam.hpp"

#include <algorithm>
#include <stdexcept>

namespace dl {

std::size_t grad_cam_split(const LayerChain& chain, const Tensor<float>& x) {
    std::size_t split = 0;
    Tensor<float> h = x;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        h = chain[i]->forward(h);
        if (h.dimension() == 4) split = i + 1;
    }
    return split < chain.size() ? split : 0;
}

GradCam grad_cam(Sequential<float>& model, const Tensor<float>& x, std::size_t split, int label) {
    model.eval();
    return grad_cam(layers_of(model), x, split, label);
}

GradCam grad_cam(const LayerChain& chain, const Tensor<float>& x, std::size_t split, int label) {
    if (x.dimension() < 1 || x.shape(0) != 1) throw std::invalid_argument("grad_cam: expected one image (1, ...), got " + shape_string(shape_of(x)));
    if (split == 0 || split >= chain.size()) throw std::invalid_argument("grad_cam: the split must leave layers on both sides, got " + std::to_string(split));
    GradCam cam;
    Tensor<float> h = forward_through(chain, x, 0, split);
    if (h.dimension() != 4) throw std::invalid_argument("grad_cam: the layers before the split give " + shape_string(shape_of(h)) + ", not (1, K, H, W)");
    cam.activations = h;  // (1, K, H, W)
    h = forward_through(chain, h, split, chain.size());
    if (h.dimension() != 2 || label < 0 || std::size_t(label) >= h.shape(1)) throw std::invalid_argument("grad_cam: class " + std::to_string(label) + " is not among the scores " + shape_string(shape_of(h)));
    Tensor<float> g = Tensor<float>::from_shape({std::size_t(1), h.shape(1)});  // (1, classes): dy_c/dy, one-hot
    std::fill(g.begin(), g.end(), 0.0f);
    g(0, std::size_t(label)) = 1.0f;
    cam.gradients = backward_through(chain, g, split, chain.size());  // (1, K, H, W)
    const std::size_t maps = cam.activations.shape(1), area = cam.activations.shape(2) * cam.activations.shape(3);
    cam.height = int(cam.activations.shape(2)), cam.width = int(cam.activations.shape(3));
    cam.map.assign(area, 0.0f);
    for (std::size_t k = 0; k < maps; ++k) {
        float alpha = 0;
        for (std::size_t p = 0; p < area; ++p) alpha += cam.gradients.data()[k * area + p];
        alpha /= float(area);
        cam.weights.push_back(alpha);
        for (std::size_t p = 0; p < area; ++p) cam.map[p] += alpha * cam.activations.data()[k * area + p];
    }
    for (float& v : cam.map) v = std::max(v, 0.0f);
    return cam;
}

}  // namespace dl
