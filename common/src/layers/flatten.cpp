#include "dl/layers/flatten.hpp"

#include <stdexcept>

namespace dl {

template <class T>
Tensor<T> Flatten<T>::forward(const Tensor<T>& x) {
    if (x.dimension() < 1) throw std::invalid_argument("Flatten: input has no batch axis");
    input_shape_ = shape_of(x);
    Tensor<T> y = x;
    const std::size_t n = x.shape(0);
    y.reshape({n, n == 0 ? 0 : x.size() / n});  // (N, d1·d2·...)
    return y;
}

template <class T>
Tensor<T> Flatten<T>::backward(const Tensor<T>& dy) {
    Tensor<T> dx = dy;
    dx.reshape(input_shape_);  // back to (N, d1, d2, ...)
    return dx;
}

template class Flatten<float>;
template class Flatten<double>;

}  // namespace dl
