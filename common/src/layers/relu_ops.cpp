#include "dl/layers/relu_ops.hpp"

#include <cstddef>
#include <stdexcept>

namespace dl {

namespace {
// Below this many elements, waking the second thread costs more than it saves.
constexpr std::ptrdiff_t kParallelThreshold = 1 << 15;
}  // namespace

// Plain loops over the contiguous data: xtensor's where() on (N, C, H, W) arrays walked
// them index by index and took 4% of a ResNet-20 training step.
template <class T>
Tensor<T> relu(const Tensor<T>& x) {
    Tensor<T> y = Tensor<T>::from_shape(x.shape());
    const T* __restrict in = x.data();
    T* __restrict out = y.data();
    const std::ptrdiff_t n = std::ptrdiff_t(x.size());
#pragma omp parallel for simd schedule(static) if (n > kParallelThreshold)
    for (std::ptrdiff_t i = 0; i < n; ++i) out[i] = in[i] < T(0) ? T(0) : in[i];
    return y;
}

template <class T>
Tensor<T> relu_backward(const Tensor<T>& x, const Tensor<T>& dy) {
    if (x.size() != dy.size()) throw std::invalid_argument("relu_backward: gradient " + shape_string(shape_of(dy)) + " does not match " + shape_string(shape_of(x)));
    Tensor<T> dx = Tensor<T>::from_shape(x.shape());
    const T* __restrict in = x.data();
    const T* __restrict g = dy.data();
    T* __restrict out = dx.data();
    const std::ptrdiff_t n = std::ptrdiff_t(x.size());
#pragma omp parallel for simd schedule(static) if (n > kParallelThreshold)
    for (std::ptrdiff_t i = 0; i < n; ++i) out[i] = in[i] > T(0) ? g[i] : g[i] * T(0);
    return dx;
}

template Tensor<float> relu(const Tensor<float>&);
template Tensor<double> relu(const Tensor<double>&);
template Tensor<float> relu_backward(const Tensor<float>&, const Tensor<float>&);
template Tensor<double> relu_backward(const Tensor<double>&, const Tensor<double>&);

}  // namespace dl
