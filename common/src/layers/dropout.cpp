#include "dl/layers/dropout.hpp"

#include <stdexcept>

namespace dl {

template <class T>
Dropout<T>::Dropout(double p, std::uint64_t seed) : p_(p), rng_(seed) {
    if (p < 0.0 || p >= 1.0) throw std::invalid_argument("Dropout: p must be in [0, 1), got " + std::to_string(p));
}

template <class T>
std::string Dropout<T>::name() const {
    return "Dropout(" + std::to_string(p_) + ")";
}

template <class T>
Tensor<T> Dropout<T>::forward(const Tensor<T>& x) {
    if (!this->training_ || p_ == 0.0) {
        mask_ = Tensor<T>();
        return x;
    }
    mask_ = Tensor<T>::from_shape(x.shape());
    const T keep = T(1.0 / (1.0 - p_));
    for (T& m : mask_) m = rng_.uniform(0.0, 1.0) < p_ ? T(0) : keep;
    return x * mask_;
}

template <class T>
Tensor<T> Dropout<T>::backward(const Tensor<T>& dy) {
    // Evaluation, or p = 0: the identity. (An empty xarray is 0-dimensional with one element,
    // so the rank, not the size, tells that no mask was drawn.)
    if (mask_.dimension() == 0) return dy;
    if (dy.shape() != mask_.shape()) throw std::invalid_argument(name() + ": gradient " + shape_string(shape_of(dy)) + " does not match the last input");
    return dy * mask_;
}

template class Dropout<float>;
template class Dropout<double>;

}  // namespace dl
