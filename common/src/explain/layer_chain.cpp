#include "dl/explain/layer_chain.hpp"

namespace dl {

Tensor<float> forward_through(const LayerChain& chain, Tensor<float> x, std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last; ++i) x = chain.at(i)->forward(x);
    return x;
}

Tensor<float> backward_through(const LayerChain& chain, Tensor<float> dy, std::size_t first, std::size_t last) {
    for (std::size_t i = last; i-- > first;) dy = chain.at(i)->backward(dy);
    return dy;
}

}  // namespace dl
