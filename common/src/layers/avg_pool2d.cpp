#include "dl/layers/avg_pool2d.hpp"

#include "dl/layers/im2col.hpp"

#include <stdexcept>

namespace dl {

template <class T>
AvgPool2d<T>::AvgPool2d(int kernel, int stride, int padding) : Pool2d<T>("AvgPool2d", kernel, stride, padding) {}

namespace {

// Visits every (output index, input index) pair of the pooling windows, in order.
template <class Visit>
void for_each_window_pair(const Shape& in, const ConvGeometry& g, Visit visit) {
    const std::size_t planes = in[0] * in[1];
    std::size_t out = 0;
    for (std::size_t plane = 0; plane < planes; ++plane) {
        const std::size_t base = plane * g.height * g.width;
        for (int oh = 0; oh < g.out_h(); ++oh)
            for (int ow = 0; ow < g.out_w(); ++ow, ++out)
                for (int kh = 0; kh < g.kernel_h; ++kh) {
                    const int ih = oh * g.stride - g.padding + kh;
                    if (ih < 0 || ih >= g.height) continue;
                    for (int kw = 0; kw < g.kernel_w; ++kw) {
                        const int iw = ow * g.stride - g.padding + kw;
                        if (iw >= 0 && iw < g.width) visit(out, base + std::size_t(ih) * g.width + iw);
                    }
                }
    }
}

}  // namespace

template <class T>
Tensor<T> AvgPool2d<T>::forward(const Tensor<T>& x) {
    const ConvGeometry g = this->start_forward(x);
    Tensor<T> y = xt::zeros<T>({x.shape(0), x.shape(1), std::size_t(g.out_h()), std::size_t(g.out_w())});  // (N, C, OH, OW)
    const T scale = T(1) / T(this->kernel_ * this->kernel_);
    for_each_window_pair(this->input_shape_, g, [&](std::size_t out, std::size_t in) { y.data()[out] += scale * x.data()[in]; });
    return y;
}

template <class T>
Tensor<T> AvgPool2d<T>::backward(const Tensor<T>& dy) {
    const ConvGeometry g = this->input_geometry();
    Tensor<T> dx = xt::zeros<T>(this->input_shape_);  // (N, C, H, W)
    const T scale = T(1) / T(this->kernel_ * this->kernel_);
    for_each_window_pair(this->input_shape_, g, [&](std::size_t out, std::size_t in) { dx.data()[in] += scale * dy.data()[out]; });
    return dx;
}

template class AvgPool2d<float>;
template class AvgPool2d<double>;

}  // namespace dl
