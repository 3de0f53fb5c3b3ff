#include "dl/layers/max_pool2d.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace dl {

namespace {

// Whether @p candidate replaces @p best as a window's maximum: when it is larger, or when
// it is the window's first NaN (a NaN then stays the maximum, so a diverged value is passed
// on instead of being skipped, as `candidate > best` alone would do).
template <class T>
bool takes_over(T candidate, T best) {
    return candidate > best || (std::isnan(candidate) && !std::isnan(best));
}

}  // namespace

template <class T>
MaxPool2d<T>::MaxPool2d(int kernel, int stride, int padding) : Pool2d<T>("MaxPool2d", kernel, stride, padding) {}

template <class T>
Tensor<T> MaxPool2d<T>::forward(const Tensor<T>& x) {
    const ConvGeometry g = this->start_forward(x);
    const std::size_t planes = x.shape(0) * x.shape(1), oh_count = std::size_t(g.out_h()), ow_count = std::size_t(g.out_w());
    Tensor<T> y = Tensor<T>::from_shape({x.shape(0), x.shape(1), oh_count, ow_count});  // (N, C, OH, OW)
    argmax_.resize(y.size());
    // Planes (one channel of one image) are independent: share them among the threads.
#pragma omp parallel for schedule(static) if (y.size() > (1u << 14))
    for (std::size_t plane = 0; plane < planes; ++plane) {
        const std::size_t base = plane * g.height * g.width;
        std::size_t out = plane * oh_count * ow_count;
        for (std::size_t oh = 0; oh < oh_count; ++oh)
            for (std::size_t ow = 0; ow < ow_count; ++ow, ++out) {
                T best = -std::numeric_limits<T>::infinity();
                // Start at the window's first real pixel, so that even a window of -inf or
                // NaN values sends its gradient to a pixel inside it.
                const int first_h = std::max(0, int(oh) * this->stride_ - this->padding_), first_w = std::max(0, int(ow) * this->stride_ - this->padding_);
                std::size_t best_index = base + std::size_t(first_h) * g.width + std::size_t(first_w);
                for (int kh = 0; kh < this->kernel_; ++kh) {
                    const int ih = int(oh) * this->stride_ - this->padding_ + kh;
                    if (ih < 0 || ih >= g.height) continue;
                    for (int kw = 0; kw < this->kernel_; ++kw) {
                        const int iw = int(ow) * this->stride_ - this->padding_ + kw;
                        if (iw < 0 || iw >= g.width) continue;
                        const std::size_t index = base + std::size_t(ih) * g.width + iw;
                        if (takes_over(x.data()[index], best)) best = x.data()[index], best_index = index;
                    }
                }
                y.data()[out] = best;
                argmax_[out] = best_index;
            }
    }
    return y;
}

template <class T>
Tensor<T> MaxPool2d<T>::backward(const Tensor<T>& dy) {
    if (dy.size() != argmax_.size()) throw std::invalid_argument(this->name() + ": gradient " + shape_string(shape_of(dy)) + " does not match the last output");
    Tensor<T> dx = xt::zeros<T>(this->input_shape_);  // (N, C, H, W)
    // Each maximum lies in its own plane, so threads working on different planes never
    // write to the same element.
    const std::size_t planes = this->input_shape_[0] * this->input_shape_[1], per_plane = argmax_.size() / planes;
#pragma omp parallel for schedule(static) if (argmax_.size() > (1u << 14))
    for (std::size_t plane = 0; plane < planes; ++plane) {
        for (std::size_t i = plane * per_plane; i < (plane + 1) * per_plane; ++i) dx.data()[argmax_[i]] += dy.data()[i];
    }
    return dx;
}

template class MaxPool2d<float>;
template class MaxPool2d<double>;

}  // namespace dl
