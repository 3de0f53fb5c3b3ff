#include "dl/layers/pool2d.hpp"

#include <stdexcept>

namespace dl {

template <class T>
Pool2d<T>::Pool2d(std::string kind, int kernel, int stride, int padding)
    : kind_(std::move(kind)), kernel_(kernel), stride_(stride == 0 ? kernel : stride), padding_(padding) {
    if (kernel < 1 || stride_ < 1 || padding < 0 || padding * 2 > kernel) {
        throw std::invalid_argument(kind_ + ": need kernel >= 1, stride >= 1 and 0 <= padding <= kernel/2");
    }
}

template <class T>
std::string Pool2d<T>::name() const {
    return kind_ + "(k" + std::to_string(kernel_) + ", s" + std::to_string(stride_) + ", p" + std::to_string(padding_) + ")";
}

template <class T>
ConvGeometry Pool2d<T>::start_forward(const Tensor<T>& x) {
    if (x.dimension() != 4) throw std::invalid_argument(name() + ": expected (N, C, H, W), got " + shape_string(shape_of(x)));
    input_shape_ = shape_of(x);
    const ConvGeometry g = input_geometry();
    if (g.out_h() < 1 || g.out_w() < 1) throw std::invalid_argument(name() + ": input " + shape_string(input_shape_) + " is smaller than the window");
    return g;
}

template <class T>
ConvGeometry Pool2d<T>::input_geometry() const {
    return {1, int(input_shape_[2]), int(input_shape_[3]), kernel_, kernel_, stride_, padding_};
}

template class Pool2d<float>;
template class Pool2d<double>;

}  // namespace dl
