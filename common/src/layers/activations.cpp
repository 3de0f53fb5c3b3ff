#include "dl/layers/activations.hpp"

#include <cmath>
#include <stdexcept>

namespace dl {

namespace {
// Below this many elements, waking a second thread costs more than it saves.
constexpr std::ptrdiff_t kParallelThreshold = 1 << 15;
}  // namespace

template <class T, class Derived>
Tensor<T> Activation<T, Derived>::forward(const Tensor<T>& x) {
    const Derived& f = static_cast<const Derived&>(*this);
    if (output_.shape() != x.shape()) output_.resize(x.shape());  // else its memory is reused
    Tensor<T> y = Tensor<T>::from_shape(x.shape());
    // __restrict promises the compiler that the arrays do not overlap, so it can vectorize.
    const T* __restrict in = x.data();
    T* __restrict out = y.data();
    T* __restrict kept = output_.data();
    const std::ptrdiff_t n = std::ptrdiff_t(x.size());
    // y is written twice, to the result and to the copy kept for backward, in the same
    // parallel loop: `return output_` would copy it afterwards on one thread.
#pragma omp parallel for simd schedule(static) if (n > kParallelThreshold)
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        const T value = f.value(in[i]);
        out[i] = value;
        kept[i] = value;
    }
    return y;
}

template <class T, class Derived>
Tensor<T> Activation<T, Derived>::backward(const Tensor<T>& dy) {
    const Derived& f = static_cast<const Derived&>(*this);
    if (dy.size() != output_.size()) {
        throw std::invalid_argument(this->name() + ": gradient " + shape_string(shape_of(dy)) +
                                    " does not match the forward input " + shape_string(shape_of(output_)));
    }
    Tensor<T> dx = Tensor<T>::from_shape(output_.shape());
    const T* __restrict y = output_.data();
    const T* __restrict g = dy.data();
    T* __restrict out = dx.data();
    const std::ptrdiff_t n = std::ptrdiff_t(dx.size());
#pragma omp parallel for simd schedule(static) if (n > kParallelThreshold)
    for (std::ptrdiff_t i = 0; i < n; ++i) out[i] = g[i] * f.slope(y[i]);
    return dx;
}

template <class T>
LeakyReLU<T>::LeakyReLU(T negative_slope) : a_(negative_slope) {
    if (!(negative_slope >= T(0))) throw std::invalid_argument("LeakyReLU: the negative slope must be 0 or more, got " + std::to_string(negative_slope));
}

template <class T>
ELU<T>::ELU(T alpha) : alpha_(alpha) {
    if (!(alpha >= T(0))) throw std::invalid_argument("ELU: alpha must be 0 or more, got " + std::to_string(alpha));
}

template <class T>
std::string LeakyReLU<T>::name() const { return "LeakyReLU(" + std::to_string(a_) + ")"; }

template <class T>
std::string ELU<T>::name() const { return "ELU(" + std::to_string(alpha_) + ")"; }

template <class T>
T ELU<T>::value(T x) const { return x > T(0) ? x : alpha_ * std::expm1(x); }

template <class T>
T Sigmoid<T>::value(T x) const {
    // Two forms so that exp never overflows.
    if (x >= T(0)) return T(1) / (T(1) + std::exp(-x));
    const T e = std::exp(x);
    return e / (T(1) + e);
}

template <class T>
T Tanh<T>::value(T x) const { return std::tanh(x); }

#define DL_INSTANTIATE(Class) \
    template class Activation<float, Class<float>>; \
    template class Activation<double, Class<double>>; \
    template class Class<float>; \
    template class Class<double>;
DL_INSTANTIATE(ReLU)
DL_INSTANTIATE(LeakyReLU)
DL_INSTANTIATE(ELU)
DL_INSTANTIATE(Sigmoid)
DL_INSTANTIATE(Tanh)
#undef DL_INSTANTIATE

}  // namespace dl
