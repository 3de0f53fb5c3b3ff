#include "dl/layers/conv_transpose2d.hpp"

#include "dl/blas.hpp"
#include "dl/layers/tensor_loops.hpp"

#include <omp.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

namespace dl {

template <class T>
ConvTranspose2d<T>::ConvTranspose2d(int in_channels, int out_channels, int kernel, int stride, int padding, Init init, Rng& rng)
    : in_(in_channels), out_(out_channels), kernel_(kernel), stride_(stride), padding_(padding) {
    if (in_channels < 1 || out_channels < 1 || kernel < 1 || stride < 1 || padding < 0) {
        throw std::invalid_argument("ConvTranspose2d: channels, kernel and stride must be positive and padding non-negative");
    }
    const Shape w_shape = {std::size_t(in_), std::size_t(out_), std::size_t(kernel_), std::size_t(kernel_)};
    weight_ = {"weight", Tensor<T>::from_shape(w_shape), xt::zeros<T>(w_shape), false};
    bias_ = {"bias", xt::zeros<T>({std::size_t(out_)}), xt::zeros<T>({std::size_t(out_)}), false};
    // Each output value sums about C·K²/s² inputs: the fan-in of the equivalent convolution.
    const std::size_t fan_in = std::max<std::size_t>(1, std::size_t(in_) * kernel_ * kernel_ / (stride_ * stride_));
    initialize(weight_.value, init, fan_in, std::size_t(out_) * kernel_ * kernel_, rng);
}

template <class T>
std::string ConvTranspose2d<T>::name() const {
    return "ConvTranspose2d(" + std::to_string(in_) + " -> " + std::to_string(out_) + ", k" + std::to_string(kernel_) + ", s" +
           std::to_string(stride_) + ", p" + std::to_string(padding_) + ")";
}

template <class T>
ConvGeometry ConvTranspose2d<T>::output_geometry(int height, int width) const {
    const int out_h = (height - 1) * stride_ - 2 * padding_ + kernel_, out_w = (width - 1) * stride_ - 2 * padding_ + kernel_;
    return {out_, out_h, out_w, kernel_, kernel_, stride_, padding_};
}

template <class T>
Tensor<T> ConvTranspose2d<T>::forward(const Tensor<T>& x) {
    if (x.dimension() != 4 || int(x.shape(1)) != in_) {
        throw std::invalid_argument(name() + ": expected input (N, " + std::to_string(in_) + ", H, W), got " + shape_string(shape_of(x)));
    }
    const ConvGeometry g = output_geometry(int(x.shape(2)), int(x.shape(3)));
    if (g.height < 1 || g.width < 1) throw std::invalid_argument(name() + ": the padding crops the whole output of input " + shape_string(shape_of(x)));
    copy_into(input_, x);  // kept for backward
    const int n = int(x.shape(0));
    const std::size_t P = std::size_t(g.positions()), K = std::size_t(g.patch_size()), out_image = std::size_t(out_) * g.height * g.width;
    Tensor<T> y = Tensor<T>::from_shape({x.shape(0), std::size_t(out_), std::size_t(g.height), std::size_t(g.width)});  // (N, F, OH, OW)
    const T* w = weight_.value.data();
#pragma omp parallel
    {
        std::unique_ptr<T[]> col(new T[K * P]);  // (F·K·K, H·W), this thread's
#pragma omp for schedule(static)
        for (int i = 0; i < n; ++i) {
            //! [conv_transpose_forward]
            const T* x_i = x.data() + std::size_t(i) * in_ * P;  // (C, H·W)
            T* y_i = y.data() + std::size_t(i) * out_image;      // (F, OH, OW)
            gemm(true, false, int(K), int(P), in_, T(1), w, x_i, T(0), col.get());  // col = Wᵀ · x_i
            std::fill(y_i, y_i + out_image, T(0));
            col2im(col.get(), g, y_i, P);  // scatter every column onto its output window
            //! [conv_transpose_forward]
            for (int f = 0; f < out_; ++f) {
                T* plane = y_i + std::size_t(f) * g.height * g.width;
                std::for_each(plane, plane + g.height * g.width, [b = bias_.value(f)](T& v) { v += b; });
            }
        }
    }
    return y;
}

template <class T>
Tensor<T> ConvTranspose2d<T>::backward(const Tensor<T>& dy) {
    if (input_.dimension() != 4) throw std::logic_error(name() + ": backward() called before forward()");
    const ConvGeometry g = output_geometry(int(input_.shape(2)), int(input_.shape(3)));
    if (dy.dimension() != 4 || dy.shape(0) != input_.shape(0) || int(dy.shape(1)) != out_ || int(dy.shape(2)) != g.height ||
        int(dy.shape(3)) != g.width) {
        throw std::invalid_argument(name() + ": gradient " + shape_string(shape_of(dy)) + " does not match the last output");
    }
    const int n = int(input_.shape(0));
    const std::size_t P = std::size_t(g.positions()), K = std::size_t(g.patch_size()), out_image = std::size_t(out_) * g.height * g.width;
    const std::size_t w_size = std::size_t(in_) * K;
    Tensor<T> dx = Tensor<T>::from_shape(input_.shape());  // (N, C, H, W)
    // One (C, F·K·K) weight-gradient and (F) bias-gradient partial per thread, summed in thread order.
    const int threads = omp_get_max_threads();
    std::vector<T> partial(std::size_t(threads) * (w_size + out_), T(0));
    const T* w = weight_.value.data();
#pragma omp parallel
    {
        T* dw = partial.data() + std::size_t(omp_get_thread_num()) * (w_size + out_);  // (C, F·K·K)
        T* db = dw + w_size;                                                              // (F)
        std::unique_ptr<T[]> dcol(new T[K * P]);                                          // (F·K·K, H·W)
#pragma omp for schedule(static)
        for (int i = 0; i < n; ++i) {
            //! [conv_transpose_backward]
            const T* dy_i = dy.data() + std::size_t(i) * out_image;      // (F, OH, OW)
            const T* x_i = input_.data() + std::size_t(i) * in_ * P;     // (C, H·W)
            T* dx_i = dx.data() + std::size_t(i) * in_ * P;              // (C, H·W)
            im2col(dy_i, g, dcol.get(), P);                              // gather what each input value touched
            gemm(false, false, in_, int(P), int(K), T(1), w, dcol.get(), T(0), dx_i);  // dx_i = W · dcol
            gemm(false, true, in_, int(K), int(P), T(1), x_i, dcol.get(), T(1), dw);    // dW += x_i · dcolᵀ
            //! [conv_transpose_backward]
            for (int f = 0; f < out_; ++f) {
                const T* plane = dy_i + std::size_t(f) * g.height * g.width;
                for (int p = 0; p < g.height * g.width; ++p) db[f] += plane[p];
            }
        }
    }
    for (int t = 0; t < threads; ++t) {
        const T* dw = partial.data() + std::size_t(t) * (w_size + out_);
        for (std::size_t j = 0; j < w_size; ++j) weight_.grad.data()[j] += dw[j];
        for (int f = 0; f < out_; ++f) bias_.grad(f) += dw[w_size + f];
    }
    return dx;
}

template class ConvTranspose2d<float>;
template class ConvTranspose2d<double>;

}  // namespace dl
