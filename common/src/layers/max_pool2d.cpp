#include "dl/layers/max_pool2d.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace dl {

namespace {

// Whether @p candidate replaces @p best as a window's maximum: when it is larger, or when
// it is the window's first NaN (a NaN then stays the maximum, so a diverged value is passed
// on instead of being skipped, as `candidate > best` alone would do).
// Written with `|` and `&`, not `||` and `&&`: one value from three comparisons, with no
// jump between them. On real data the answer is a coin toss, and jumps on it that the
// processor guessed wrong half the time cost this layer two thirds of its forward time
// (perf annotate, LeNet-5); consider() below also turns the answer into masks, not jumps.
template <class T>
bool takes_over(T candidate, T best) {
    return (candidate > best) | ((candidate != candidate) & (best == best));  // x != x: x is NaN
}

// The window's maximum after @p candidate: the larger of the two, or NaN if either is NaN.
// std::max(best, candidate) returns best when candidate is NaN; std::fmax skips NaNs.
template <class T>
T max_or_nan(T candidate, T best) {
    const T larger = candidate > best ? candidate : best;  // compiles to maxss: no jump
    return best != best ? best : (candidate != candidate ? candidate : larger);
}

// One step of the running maximum: @p candidate, found at @p candidate_index, against the
// best so far. The index is picked by masking (all ones when the candidate takes over, else
// zero) and the value by max_or_nan, so the step has no branch that depends on the data.
template <class T>
void consider(T candidate, std::size_t candidate_index, T& best, std::size_t& best_index) {
    const std::size_t take = std::size_t(0) - std::size_t(takes_over(candidate, best));
    best_index = (candidate_index & take) | (best_index & ~take);
    best = max_or_nan(candidate, best);
}

// Any window, stride and padding, on one plane: the general loop, and the reference the
// 2×2 path below is tested against. @p x is the whole input and @p base the plane's first
// element in it, so the indices written to @p argmax are indices into x.
template <class T>
void pool_plane_any_window(const T* x, std::size_t base, const ConvGeometry& g, T* y, std::size_t* argmax) {
    const int oh_count = g.out_h(), ow_count = g.out_w();
    for (int oh = 0; oh < oh_count; ++oh)
        for (int ow = 0; ow < ow_count; ++ow, ++y, ++argmax) {
            T best = -std::numeric_limits<T>::infinity();
            // Start at the window's first real pixel, so that even a window of -inf or
            // NaN values sends its gradient to a pixel inside it.
            const int first_h = std::max(0, oh * g.stride - g.padding), first_w = std::max(0, ow * g.stride - g.padding);
            std::size_t best_index = base + std::size_t(first_h) * g.width + std::size_t(first_w);
            for (int kh = 0; kh < g.kernel_h; ++kh) {
                const int ih = oh * g.stride - g.padding + kh;
                if (ih < 0 || ih >= g.height) continue;
                for (int kw = 0; kw < g.kernel_w; ++kw) {
                    const int iw = ow * g.stride - g.padding + kw;
                    if (iw < 0 || iw >= g.width) continue;
                    const std::size_t index = base + std::size_t(ih) * g.width + std::size_t(iw);
                    consider(x[index], index, best, best_index);
                }
            }
            *y = best;
            *argmax = best_index;
        }
}

// 2×2 windows, stride 2, no padding (every max pooling in the book's networks): the same
// result as pool_plane_any_window, without its window loops and bounds tests. Every window
// lies inside the plane, since OH = ⌊H/2⌋ and OW = ⌊W/2⌋.
template <class T>
void pool_plane_2x2(const T* x, std::size_t base, const ConvGeometry& g, T* y, std::size_t* argmax) {
    const std::size_t width = std::size_t(g.width), oh_count = std::size_t(g.out_h()), ow_count = std::size_t(g.out_w());
    for (std::size_t oh = 0; oh < oh_count; ++oh) {
        const std::size_t top = base + 2 * oh * width;  // index of the window row's first pixel
        const T* upper = x + top;                       // input row 2·oh
        const T* lower = upper + width;                 // input row 2·oh + 1
        for (std::size_t ow = 0; ow < ow_count; ++ow, ++y, ++argmax) {
            const std::size_t left = 2 * ow;
            T best = upper[left];  // row-major order: ties go to the first
            std::size_t best_index = top + left;
            consider(upper[left + 1], top + left + 1, best, best_index);
            consider(lower[left], top + width + left, best, best_index);
            consider(lower[left + 1], top + width + left + 1, best, best_index);
            *y = best;
            *argmax = best_index;
        }
    }
}

}  // namespace

template <class T>
MaxPool2d<T>::MaxPool2d(int kernel, int stride, int padding) : Pool2d<T>("MaxPool2d", kernel, stride, padding) {}

template <class T>
Tensor<T> MaxPool2d<T>::forward(const Tensor<T>& x) {
    const ConvGeometry g = this->start_forward(x);
    const std::size_t planes = x.shape(0) * x.shape(1), plane_size = std::size_t(g.height) * g.width;
    const std::size_t out_plane = std::size_t(g.out_h()) * std::size_t(g.out_w());
    Tensor<T> y = Tensor<T>::from_shape({x.shape(0), x.shape(1), std::size_t(g.out_h()), std::size_t(g.out_w())});  // (N, C, OH, OW)
    argmax_.resize(y.size());
    const bool two_by_two = !general_loop_ && this->kernel_ == 2 && this->stride_ == 2 && this->padding_ == 0;
    const T* in = x.data();
    // Planes (one channel of one image) are independent: share them among the threads.
#pragma omp parallel for schedule(static) if (y.size() > (1u << 14))
    for (std::size_t plane = 0; plane < planes; ++plane) {
        T* y_plane = y.data() + plane * out_plane;             // (OH, OW)
        std::size_t* argmax_plane = argmax_.data() + plane * out_plane;  // (OH, OW)
        if (two_by_two) {
            pool_plane_2x2(in, plane * plane_size, g, y_plane, argmax_plane);
        } else {
            pool_plane_any_window(in, plane * plane_size, g, y_plane, argmax_plane);
        }
    }
    return y;
}

template <class T>
Tensor<T> MaxPool2d<T>::backward(const Tensor<T>& dy) {
    if (dy.size() != argmax_.size()) throw std::invalid_argument(this->name() + ": gradient " + shape_string(shape_of(dy)) + " does not match the last output");
    Tensor<T> dx = Tensor<T>::from_shape(this->input_shape_);  // (N, C, H, W), zeroed plane by plane below
    // Each maximum lies in its own plane, so threads working on different planes never
    // write to the same element. Each thread also zeroes its own planes first: xt::zeros
    // would clear the whole tensor on one thread (a (128, 16, 28, 28) batch: 6 MB).
    const std::size_t planes = this->input_shape_[0] * this->input_shape_[1], per_plane = argmax_.size() / planes;
    const std::size_t plane_size = dx.size() / planes;
#pragma omp parallel for schedule(static) if (argmax_.size() > (1u << 14))
    for (std::size_t plane = 0; plane < planes; ++plane) {
        std::fill(dx.data() + plane * plane_size, dx.data() + (plane + 1) * plane_size, T(0));
        for (std::size_t i = plane * per_plane; i < (plane + 1) * per_plane; ++i) dx.data()[argmax_[i]] += dy.data()[i];
    }
    return dx;
}

template class MaxPool2d<float>;
template class MaxPool2d<double>;

}  // namespace dl
