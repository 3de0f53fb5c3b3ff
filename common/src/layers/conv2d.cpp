#include "dl/layers/conv2d.hpp"

#include "dl/blas.hpp"
#include "dl/layers/conv2d_naive.hpp"
#include "dl/layers/im2col_same_size.hpp"
#include "dl/layers/tensor_loops.hpp"

#include <omp.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

namespace dl {

namespace {

// One image's column matrix (K, P): the fast path for stride 1 and size-keeping padding
// (every 3×3 convolution of the book's ResNets), else the general im2col.
template <class T>
void unfold(const T* image, const ConvGeometry& g, T* col, std::size_t P) {
    if (keeps_size(g)) {
        im2col_same_size(image, g, col, P);
    } else {
        im2col(image, g, col, P);
    }
}

// The adjoint of unfold(): adds the columns back onto the image (and, on the fast path,
// zeroes their padding entries, which col2im drops).
template <class T>
void fold(T* col, const ConvGeometry& g, T* image, std::size_t P) {
    if (keeps_size(g)) {
        col2im_same_size(col, g, image, P);
    } else {
        col2im(col, g, image, P);
    }
}

}  // namespace

template <class T>
Conv2d<T>::Conv2d(int in_channels, int out_channels, int kernel, int stride, int padding, Init init, Rng& rng, bool bias)
    : in_(in_channels), out_(out_channels), kernel_(kernel), stride_(stride), padding_(padding), has_bias_(bias) {
    if (in_channels < 1 || out_channels < 1 || kernel < 1 || stride < 1 || padding < 0) {
        throw std::invalid_argument("Conv2d: channels, kernel and stride must be positive and padding non-negative");
    }
    const Shape w_shape = {std::size_t(out_), std::size_t(in_), std::size_t(kernel_), std::size_t(kernel_)};
    weight_ = {"weight", Tensor<T>::from_shape(w_shape), xt::zeros<T>(w_shape), false};
    bias_ = {"bias", xt::zeros<T>({std::size_t(out_)}), xt::zeros<T>({std::size_t(out_)}), false};
    const std::size_t fan_in = std::size_t(in_) * kernel_ * kernel_, fan_out = std::size_t(out_) * kernel_ * kernel_;
    initialize(weight_.value, init, fan_in, fan_out, rng);
}

template <class T>
std::vector<Parameter<T>*> Conv2d<T>::parameters() {
    if (has_bias_) return {&weight_, &bias_};
    return {&weight_};
}

template <class T>
std::string Conv2d<T>::name() const {
    return "Conv2d(" + std::to_string(in_) + " -> " + std::to_string(out_) + ", k" + std::to_string(kernel_) + ", s" +
           std::to_string(stride_) + ", p" + std::to_string(padding_) + ")";
}

template <class T>
ConvGeometry Conv2d<T>::geometry(int height, int width) const {
    return {in_, height, width, kernel_, kernel_, stride_, padding_};
}

template <class T>
void Conv2d<T>::check_input(const Tensor<T>& x) const {
    if (x.dimension() != 4 || int(x.shape(1)) != in_) {
        throw std::invalid_argument(name() + ": expected input (N, " + std::to_string(in_) + ", H, W), got " + shape_string(shape_of(x)));
    }
    const ConvGeometry g = geometry(int(x.shape(2)), int(x.shape(3)));
    if (g.out_h() < 1 || g.out_w() < 1) throw std::invalid_argument(name() + ": input " + shape_string(shape_of(x)) + " is smaller than the kernel");
}

template <class T>
Tensor<T> Conv2d<T>::forward(const Tensor<T>& x) {
    check_input(x);
    copy_into(input_, x);  // kept for backward
    return forward_from_input();
}

template <class T>
Tensor<T> Conv2d<T>::forward_taking(Tensor<T>&& x) {
    check_input(x);
    input_ = std::move(x);  // kept for backward, without a copy
    return forward_from_input();
}

template <class T>
Tensor<T> Conv2d<T>::forward_from_input() {
    const Tensor<T>& x = input_;  // (N, C, H, W)
    const ConvGeometry g = input_geometry();
    const int n = int(x.shape(0));
    Tensor<T> y = Tensor<T>::from_shape({x.shape(0), std::size_t(out_), std::size_t(g.out_h()), std::size_t(g.out_w())});  // (N, F, OH, OW)
    if (algorithm_ == ConvAlgorithm::naive) {
        conv2d_naive_forward(ConvShape{n, out_, g}, x.data(), weight_.value.data(), has_bias_ ? bias_.value.data() : nullptr, y.data());
        return y;
    }
    if (uses_winograd(g)) {
        winograd_forward(ConvShape{n, out_, g}, x.data(), weight_.value.data(), has_bias_ ? bias_.value.data() : nullptr, y.data());
        return y;
    }
    const std::size_t P = std::size_t(g.positions()), K = std::size_t(g.patch_size()), image = std::size_t(in_) * g.height * g.width;
    const T* w = weight_.value.data();
#pragma omp parallel
    {
        std::unique_ptr<T[]> col(new T[pointwise() ? 0 : K * P]);  // (K, P), this thread's; im2col fills it
#pragma omp for schedule(static)
        for (int i = 0; i < n; ++i) {
            //! [conv_forward_per_image]
            const T* x_i = x.data() + i * image;  // (C, H, W)
            T* y_i = y.data() + i * out_ * P;     // (F, P)
            const T* columns = x_i;               // pointwise: the image is its own column matrix
            if (!pointwise()) {
                unfold(x_i, g, col.get(), P);
                columns = col.get();
            }
            gemm(false, false, out_, int(P), int(K), T(1), w, columns, T(0), y_i);  // Y_i = W · col_i
            //! [conv_forward_per_image]
            if (has_bias_) {
                for (int f = 0; f < out_; ++f) {
                    const T b = bias_.value(f);
                    T* plane = y_i + f * P;
                    for (std::size_t p = 0; p < P; ++p) plane[p] += b;
                }
            }
        }
    }
    return y;
}

template <class T>
void Conv2d<T>::check_gradient_shape(const Tensor<T>& dy) const {
    const ConvGeometry g = input_geometry();
    if (dy.dimension() != 4 || dy.shape(0) != input_.shape(0) || int(dy.shape(1)) != out_ || int(dy.shape(2)) != g.out_h() || int(dy.shape(3)) != g.out_w()) {
        throw std::invalid_argument(name() + ": gradient " + shape_string(shape_of(dy)) + " does not match the last output");
    }
}

template <class T>
Tensor<T> Conv2d<T>::backward(const Tensor<T>& dy) {
    check_gradient_shape(dy);
    if (algorithm_ == ConvAlgorithm::naive) {
        Tensor<T> dx = Tensor<T>::from_shape(input_.shape());  // (N, C, H, W)
        conv2d_naive_backward(ConvShape{int(input_.shape(0)), out_, input_geometry()}, input_.data(), weight_.value.data(), dy.data(), dx.data(),
                              weight_.grad.data(), has_bias_ ? bias_.grad.data() : nullptr);
        return dx;
    }
    if (uses_winograd(input_geometry())) {
        Tensor<T> dx = input_gradient_needed_ ? Tensor<T>::from_shape(input_.shape()) : Tensor<T>();  // (N, C, H, W)
        winograd_backward(ConvShape{int(input_.shape(0)), out_, input_geometry()}, input_.data(), weight_.value.data(), dy.data(),
                          input_gradient_needed_ ? dx.data() : nullptr, weight_.grad.data(), has_bias_ ? bias_.grad.data() : nullptr);
        return dx;
    }
    accumulate_weight_gradient(dy);
    return input_gradient_needed_ ? input_gradient(dy) : Tensor<T>();
}

template <class T>
void Conv2d<T>::accumulate_weight_gradient(const Tensor<T>& dy) {
    check_gradient_shape(dy);
    const ConvGeometry g = input_geometry();
    const int n = int(input_.shape(0));
    const std::size_t P = std::size_t(g.positions()), K = std::size_t(g.patch_size()), image = std::size_t(in_) * g.height * g.width;
    const std::size_t w_size = std::size_t(out_) * K;
    // One weight-gradient and bias-gradient partial per thread, summed in thread order. The
    // weight's is kept transposed, (K, F): dWᵀ += col_i · dY_iᵀ is the same sum as
    // dW += dY_i · col_iᵀ, and OpenBLAS computes it faster when F is small (68 against 54
    // GFLOP/s for F = 16, K = 144, P = 784 on one thread, measured on this machine).
    const int threads = omp_get_max_threads();
    std::vector<T> partial(std::size_t(threads) * (w_size + out_), T(0));
#pragma omp parallel
    {
        T* dw_t = partial.data() + std::size_t(omp_get_thread_num()) * (w_size + out_);  // (K, F)
        T* db = dw_t + w_size;                                                              // (F)
        std::unique_ptr<T[]> col(new T[pointwise() ? 0 : K * P]);                         // (K, P)
#pragma omp for schedule(static)
        for (int i = 0; i < n; ++i) {
            const T* x_i = input_.data() + i * image;  // (C, H, W)
            const T* dy_i = dy.data() + i * out_ * P;  // (F, P)
            const T* columns = x_i;
            if (!pointwise()) {
                unfold(x_i, g, col.get(), P);  // recomputed rather than kept from forward
                columns = col.get();
            }
            gemm(false, true, int(K), out_, int(P), T(1), columns, dy_i, T(1), dw_t);  // dWᵀ += col_i · dY_iᵀ
            if (!has_bias_) continue;
            for (int f = 0; f < out_; ++f) {
                T sum = 0;
                for (std::size_t p = 0; p < P; ++p) sum += dy_i[f * P + p];
                db[f] += sum;
            }
        }
    }
    for (int t = 0; t < threads; ++t) {
        const T* dw_t = partial.data() + std::size_t(t) * (w_size + out_);  // (K, F)
        T* dw = weight_.grad.data();                                        // (F, K)
        for (int f = 0; f < out_; ++f)
            for (std::size_t k = 0; k < K; ++k) dw[f * K + k] += dw_t[k * out_ + f];
        if (has_bias_) {
            for (int f = 0; f < out_; ++f) bias_.grad(f) += dw_t[w_size + f];
        }
    }
}

template <class T>
Tensor<T> Conv2d<T>::input_gradient(const Tensor<T>& dy) {
    check_gradient_shape(dy);
    const ConvGeometry g = input_geometry();
    const int n = int(input_.shape(0));
    const std::size_t P = std::size_t(g.positions()), K = std::size_t(g.patch_size()), image = std::size_t(in_) * g.height * g.width;
    Tensor<T> dx = Tensor<T>::from_shape(input_.shape());  // (N, C, H, W)
    const T* w = weight_.value.data();
#pragma omp parallel
    {
        std::unique_ptr<T[]> dcol(new T[pointwise() ? 0 : K * P]);  // (K, P), written by the GEMM
#pragma omp for schedule(static)
        for (int i = 0; i < n; ++i) {
            const T* dy_i = dy.data() + i * out_ * P;  // (F, P)
            T* dx_i = dx.data() + i * image;           // (C, H, W)
            if (pointwise()) {
                gemm(true, false, in_, int(P), out_, T(1), w, dy_i, T(0), dx_i);  // dx_i = Wᵀ · dY_i
                continue;
            }
            gemm(true, false, int(K), int(P), out_, T(1), w, dy_i, T(0), dcol.get());  // dcol = Wᵀ · dY_i
            std::fill(dx_i, dx_i + image, T(0));
            fold(dcol.get(), g, dx_i, P);
        }
    }
    return dx;
}

template class Conv2d<float>;
template class Conv2d<double>;

}  // namespace dl
