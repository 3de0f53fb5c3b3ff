#include "dl/layers/tensor_loops.hpp"

#include <cstddef>
#include <stdexcept>

namespace dl {

namespace {
// Below this many elements, waking the second thread costs more than it saves.
constexpr std::ptrdiff_t kParallelThreshold = 1 << 15;
}  // namespace

template <class T>
void copy_into(Tensor<T>& to, const Tensor<T>& from) {
    if (to.shape() != from.shape()) to.resize(from.shape());
    T* __restrict out = to.data();
    const T* __restrict in = from.data();
    const std::ptrdiff_t n = std::ptrdiff_t(from.size());
#pragma omp parallel for simd schedule(static) if (n > kParallelThreshold)
    for (std::ptrdiff_t i = 0; i < n; ++i) out[i] = in[i];
}

template <class T>
void add_into(Tensor<T>& y, const Tensor<T>& x) {
    if (x.size() != y.size()) throw std::invalid_argument("add_into: " + shape_string(shape_of(x)) + " cannot be added to " + shape_string(shape_of(y)));
    T* __restrict out = y.data();
    const T* __restrict in = x.data();
    const std::ptrdiff_t n = std::ptrdiff_t(y.size());
#pragma omp parallel for simd schedule(static) if (n > kParallelThreshold)
    for (std::ptrdiff_t i = 0; i < n; ++i) out[i] += in[i];
}

template void copy_into(Tensor<float>&, const Tensor<float>&);
template void copy_into(Tensor<double>&, const Tensor<double>&);
template void add_into(Tensor<float>&, const Tensor<float>&);
template void add_into(Tensor<double>&, const Tensor<double>&);

}  // namespace dl
