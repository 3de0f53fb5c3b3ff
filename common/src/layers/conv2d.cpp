#include "dl/layers/conv2d.hpp"

#include "dl/blas.hpp"
#include "dl/layers/conv2d_naive.hpp"

#include <algorithm>
#include <stdexcept>

namespace dl {

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
Tensor<T> Conv2d<T>::forward(const Tensor<T>& x) {
    if (x.dimension() != 4 || int(x.shape(1)) != in_) {
        throw std::invalid_argument(name() + ": expected input (N, " + std::to_string(in_) + ", H, W), got " + shape_string(shape_of(x)));
    }
    const ConvGeometry g = geometry(int(x.shape(2)), int(x.shape(3)));
    if (g.out_h() < 1 || g.out_w() < 1) throw std::invalid_argument(name() + ": input " + shape_string(shape_of(x)) + " is smaller than the kernel");
    input_ = x;
    const int n = int(x.shape(0));
    Tensor<T> y = Tensor<T>::from_shape({x.shape(0), std::size_t(out_), std::size_t(g.out_h()), std::size_t(g.out_w())});  // (N, F, OH, OW)
    if (algorithm_ == ConvAlgorithm::naive) {
        conv2d_naive_forward(ConvShape{n, out_, g}, x.data(), weight_.value.data(), has_bias_ ? bias_.value.data() : nullptr, y.data());
        return y;
    }
    const int chunk = std::max<int>(1, int(kMaxColumnElements / std::size_t(g.patch_size() * g.positions())));
    for (int first = 0; first < n; first += chunk) forward_chunk(g, first, std::min(chunk, n - first), y.data());
    return y;
}

template <class T>
void Conv2d<T>::forward_chunk(const ConvGeometry& g, int first, int count, T* y) {
    const std::size_t P = std::size_t(g.positions()), K = std::size_t(g.patch_size()), image = std::size_t(in_) * g.height * g.width;
    const T* x = input_.data() + first * image;
    T* y_chunk = y + first * out_ * P;  // (count, F, P)
    if (pointwise()) {
        // Y_n (F, P) = W (F, C) · x_n (C, P): the image is its own column matrix.
        for (int i = 0; i < count; ++i) gemm(false, false, out_, int(P), in_, T(1), weight_.value.data(), x + i * image, T(0), y_chunk + i * out_ * P);
    } else {
        const std::size_t width = count * P;  // columns of the chunk's matrices
        col_.resize(K * width);
        matrix_.resize(std::size_t(out_) * width);
        for (int i = 0; i < count; ++i) im2col(x + i * image, g, col_.data() + i * P, width);
        // Y (F, count·P) = W (F, K) · col (K, count·P), then reorder to (count, F, P).
        gemm(false, false, out_, int(width), int(K), T(1), weight_.value.data(), col_.data(), T(0), matrix_.data());
        for (int i = 0; i < count; ++i)
            for (int f = 0; f < out_; ++f) std::copy_n(matrix_.data() + f * width + i * P, P, y_chunk + (i * out_ + f) * P);
    }
    if (has_bias_) {
        for (int i = 0; i < count; ++i)
            for (int f = 0; f < out_; ++f) {
                T* plane = y_chunk + (i * out_ + f) * P;
                const T b = bias_.value(f);
                for (std::size_t p = 0; p < P; ++p) plane[p] += b;
            }
    }
}

template <class T>
void Conv2d<T>::check_gradient_shape(const Tensor<T>& dy) const {
    const ConvGeometry g = geometry(int(input_.shape(2)), int(input_.shape(3)));
    if (dy.dimension() != 4 || dy.shape(0) != input_.shape(0) || int(dy.shape(1)) != out_ || int(dy.shape(2)) != g.out_h() || int(dy.shape(3)) != g.out_w()) {
        throw std::invalid_argument(name() + ": gradient " + shape_string(shape_of(dy)) + " does not match the last output");
    }
}

template <class T>
Tensor<T> Conv2d<T>::backward(const Tensor<T>& dy) {
    check_gradient_shape(dy);
    if (algorithm_ == ConvAlgorithm::naive) {
        const ConvGeometry g = geometry(int(input_.shape(2)), int(input_.shape(3)));
        Tensor<T> dx = Tensor<T>::from_shape(input_.shape());  // (N, C, H, W)
        conv2d_naive_backward(ConvShape{int(input_.shape(0)), out_, g}, input_.data(), weight_.value.data(), dy.data(), dx.data(),
                              weight_.grad.data(), has_bias_ ? bias_.grad.data() : nullptr);
        return dx;
    }
    accumulate_weight_gradient(dy);
    return input_gradient_needed_ ? input_gradient(dy) : Tensor<T>();
}

template <class T>
void Conv2d<T>::accumulate_weight_gradient(const Tensor<T>& dy) {
    check_gradient_shape(dy);
    const ConvGeometry g = geometry(int(input_.shape(2)), int(input_.shape(3)));
    const int n = int(input_.shape(0));
    const int chunk = std::max<int>(1, int(kMaxColumnElements / std::size_t(g.patch_size() * g.positions())));
    for (int first = 0; first < n; first += chunk) weight_gradient_chunk(g, first, std::min(chunk, n - first), dy.data());
}

template <class T>
Tensor<T> Conv2d<T>::input_gradient(const Tensor<T>& dy) {
    check_gradient_shape(dy);
    const ConvGeometry g = geometry(int(input_.shape(2)), int(input_.shape(3)));
    const int n = int(input_.shape(0));
    // Pointwise: every entry of dx is written by one GEMM; otherwise col2im adds into zeros.
    Tensor<T> dx = pointwise() ? Tensor<T>::from_shape(input_.shape()) : xt::zeros<T>(input_.shape());  // (N, C, H, W)
    const int chunk = std::max<int>(1, int(kMaxColumnElements / std::size_t(g.patch_size() * g.positions())));
    for (int first = 0; first < n; first += chunk) input_gradient_chunk(g, first, std::min(chunk, n - first), dy.data(), dx.data());
    return dx;
}

// dY (F, count·P) gathered from the chunk's (count, F, P) layout.
template <class T>
void Conv2d<T>::gather_dy(const T* dy_chunk, int count, std::size_t positions) {
    const std::size_t width = count * positions;
    matrix_.resize(std::size_t(out_) * width);
    for (int i = 0; i < count; ++i)
        for (int f = 0; f < out_; ++f) std::copy_n(dy_chunk + (i * out_ + f) * positions, positions, matrix_.data() + f * width + i * positions);
}

template <class T>
void Conv2d<T>::weight_gradient_chunk(const ConvGeometry& g, int first, int count, const T* dy) {
    const std::size_t P = std::size_t(g.positions()), K = std::size_t(g.patch_size()), image = std::size_t(in_) * g.height * g.width;
    const T* x = input_.data() + first * image;
    const T* dy_chunk = dy + first * out_ * P;  // (count, F, P)
    if (has_bias_) {
        for (int i = 0; i < count; ++i)
            for (int f = 0; f < out_; ++f) {
                const T* plane = dy_chunk + (i * out_ + f) * P;
                T sum = 0;
                for (std::size_t p = 0; p < P; ++p) sum += plane[p];
                bias_.grad(f) += sum;
            }
    }
    if (pointwise()) {
        // dW (F, C) += dY_n (F, P) · x_nᵀ (P, C)
        for (int i = 0; i < count; ++i) gemm(false, true, out_, in_, int(P), T(1), dy_chunk + i * out_ * P, x + i * image, T(1), weight_.grad.data());
        return;
    }
    const std::size_t width = count * P;
    gather_dy(dy_chunk, count, P);
    col_.resize(K * width);
    for (int i = 0; i < count; ++i) im2col(x + i * image, g, col_.data() + i * P, width);  // recomputed, not kept from forward
    // dW (F, K) += dY (F, count·P) · colᵀ (count·P, K)
    gemm(false, true, out_, int(K), int(width), T(1), matrix_.data(), col_.data(), T(1), weight_.grad.data());
}

template <class T>
void Conv2d<T>::input_gradient_chunk(const ConvGeometry& g, int first, int count, const T* dy, T* dx) {
    const std::size_t P = std::size_t(g.positions()), K = std::size_t(g.patch_size()), image = std::size_t(in_) * g.height * g.width;
    const T* dy_chunk = dy + first * out_ * P;  // (count, F, P)
    T* dx_chunk = dx + first * image;           // (count, C, H, W)
    if (pointwise()) {
        // dx_n (C, P) = Wᵀ (C, F) · dY_n (F, P)
        for (int i = 0; i < count; ++i) gemm(true, false, in_, int(P), out_, T(1), weight_.value.data(), dy_chunk + i * out_ * P, T(0), dx_chunk + i * image);
        return;
    }
    const std::size_t width = count * P;
    gather_dy(dy_chunk, count, P);
    col_.resize(K * width);
    // dcol (K, count·P) = Wᵀ (K, F) · dY (F, count·P), then folded back onto the images.
    gemm(true, false, int(K), int(width), out_, T(1), weight_.value.data(), matrix_.data(), T(0), col_.data());
    for (int i = 0; i < count; ++i) col2im(col_.data() + i * P, g, dx_chunk + i * image, width);
}

template class Conv2d<float>;
template class Conv2d<double>;

}  // namespace dl
