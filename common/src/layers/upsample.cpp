#include "dl/layers/upsample.hpp"

#include <stdexcept>

namespace dl {

template <class T>
Upsample<T>::Upsample(int factor) : factor_(factor) {
    if (factor < 1) throw std::invalid_argument("Upsample: the factor must be at least 1, got " + std::to_string(factor));
}

template <class T>
Tensor<T> Upsample<T>::forward(const Tensor<T>& x) {
    if (x.dimension() != 4) throw std::invalid_argument(name() + ": expected input (N, C, H, W), got " + shape_string(shape_of(x)));
    input_shape_ = shape_of(x);
    const std::size_t planes = x.shape(0) * x.shape(1), h = x.shape(2), w = x.shape(3), s = std::size_t(factor_);
    Tensor<T> y = Tensor<T>::from_shape({x.shape(0), x.shape(1), h * s, w * s});  // (N, C, s·H, s·W)
    //! [upsample_forward]
    for (std::size_t plane = 0; plane < planes; ++plane) {
        const T* in = x.data() + plane * h * w;        // (H, W)
        T* out = y.data() + plane * h * w * s * s;     // (s·H, s·W)
        for (std::size_t i = 0; i < h * s; ++i) {
            for (std::size_t j = 0; j < w * s; ++j) out[i * w * s + j] = in[(i / s) * w + j / s];
        }
    }
    //! [upsample_forward]
    return y;
}

template <class T>
Tensor<T> Upsample<T>::backward(const Tensor<T>& dy) {
    const std::size_t s = std::size_t(factor_);
    if (input_shape_.empty() || shape_of(dy) != Shape{input_shape_[0], input_shape_[1], input_shape_[2] * s, input_shape_[3] * s}) {
        throw std::invalid_argument(name() + ": gradient " + shape_string(shape_of(dy)) + " does not match the last output");
    }
    const std::size_t planes = input_shape_[0] * input_shape_[1], h = input_shape_[2], w = input_shape_[3];
    Tensor<T> dx = xt::zeros<T>(input_shape_);  // (N, C, H, W)
    for (std::size_t plane = 0; plane < planes; ++plane) {
        const T* in = dy.data() + plane * h * w * s * s;  // (s·H, s·W)
        T* out = dx.data() + plane * h * w;               // (H, W)
        for (std::size_t i = 0; i < h * s; ++i) {
            for (std::size_t j = 0; j < w * s; ++j) out[(i / s) * w + j / s] += in[i * w * s + j];
        }
    }
    return dx;
}

template class Upsample<float>;
template class Upsample<double>;

}  // namespace dl
