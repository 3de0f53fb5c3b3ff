#include "dl/layers/global_avg_pool2d.hpp"

#include <stdexcept>

namespace dl {

template <class T>
Tensor<T> GlobalAvgPool2d<T>::forward(const Tensor<T>& x) {
    if (x.dimension() != 4) throw std::invalid_argument("GlobalAvgPool2d: expected (N, C, H, W), got " + shape_string(shape_of(x)));
    input_shape_ = shape_of(x);
    const std::size_t planes = x.shape(0) * x.shape(1), area = x.shape(2) * x.shape(3);
    Tensor<T> y = Tensor<T>::from_shape({x.shape(0), x.shape(1)});  // (N, C)
    for (std::size_t p = 0; p < planes; ++p) {
        T sum = 0;
        for (std::size_t i = 0; i < area; ++i) sum += x.data()[p * area + i];
        y.data()[p] = sum / T(area);
    }
    return y;
}

template <class T>
Tensor<T> GlobalAvgPool2d<T>::backward(const Tensor<T>& dy) {
    Tensor<T> dx = Tensor<T>::from_shape(input_shape_);  // (N, C, H, W)
    const std::size_t planes = input_shape_[0] * input_shape_[1], area = input_shape_[2] * input_shape_[3];
    for (std::size_t p = 0; p < planes; ++p) {
        const T share = dy.data()[p] / T(area);
        for (std::size_t i = 0; i < area; ++i) dx.data()[p * area + i] = share;
    }
    return dx;
}

template class GlobalAvgPool2d<float>;
template class GlobalAvgPool2d<double>;

}  // namespace dl
