#include "dl/layers/linear.hpp"

#include "dl/blas.hpp"
#include "dl/layers/tensor_loops.hpp"

#include <stdexcept>

namespace dl {

template <class T>
Linear<T>::Linear(std::size_t in_features, std::size_t out_features, Init init, Rng& rng)
    : in_(in_features), out_(out_features) {
    weight_ = {"weight", Tensor<T>::from_shape({out_, in_}), Tensor<T>::from_shape({out_, in_}), false};
    bias_ = {"bias", Tensor<T>::from_shape({out_}), Tensor<T>::from_shape({out_}), false};
    initialize(weight_.value, init, in_, out_, rng);
    bias_.value.fill(T(0));
    weight_.grad.fill(T(0));
    bias_.grad.fill(T(0));
}

template <class T>
Tensor<T> Linear<T>::forward(const Tensor<T>& x) {
    if (x.dimension() != 2 || x.shape(1) != in_) {
        throw std::invalid_argument(name() + ": expected input (N, " + std::to_string(in_) +
                                    "), got " + shape_string(shape_of(x)));
    }
    copy_into(input_, x);  // kept for backward
    const int n = int(x.shape(0));
    Tensor<T> y = Tensor<T>::from_shape({x.shape(0), out_});  // (N, out)
    // y = x Wᵀ: x is (N, in), W is stored (out, in), so B is transposed.
    gemm(false, true, n, int(out_), int(in_), T(1), x.data(), weight_.value.data(), T(0), y.data());
    T* row = y.data();
    for (int i = 0; i < n; ++i, row += out_) {
        for (std::size_t j = 0; j < out_; ++j) row[j] += bias_.value(j);
    }
    return y;
}

template <class T>
Tensor<T> Linear<T>::backward(const Tensor<T>& dy) {
    const int n = int(input_.shape(0));
    if (dy.dimension() != 2 || dy.shape(0) != input_.shape(0) || dy.shape(1) != out_) {
        throw std::invalid_argument(name() + ": gradient " + shape_string(shape_of(dy)) + " does not match the last output (" +
                                    std::to_string(n) + ", " + std::to_string(out_) + ")");
    }
    // dW (out, in) += dyᵀ (out, N) · x (N, in)
    gemm(true, false, int(out_), int(in_), n, T(1), dy.data(), input_.data(), T(1), weight_.grad.data());
    // db (out) += column sums of dy (N, out)
    const T* row = dy.data();
    for (int i = 0; i < n; ++i, row += out_) {
        for (std::size_t j = 0; j < out_; ++j) bias_.grad(j) += row[j];
    }
    // dx (N, in) = dy (N, out) · W (out, in)
    Tensor<T> dx = Tensor<T>::from_shape({input_.shape(0), in_});
    gemm(false, false, n, int(in_), int(out_), T(1), dy.data(), weight_.value.data(), T(0), dx.data());
    return dx;
}

template <class T>
std::string Linear<T>::name() const {
    return "Linear(" + std::to_string(in_) + " -> " + std::to_string(out_) + ")";
}

template class Linear<float>;
template class Linear<double>;

}  // namespace dl
