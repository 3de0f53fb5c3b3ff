#include "dl/layers/batch_norm.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dl {

namespace {

// The mean of channel c of x, (N, C, ...): each plane summed in double (vectorized; the
// reduction pragma allows the reordering), the planes added in double.
template <class T>
double channel_mean(const Tensor<T>& x, std::size_t c) {
    const std::size_t n = x.shape(0), channels = x.shape(1), area = x.size() / (n * channels);
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const T* plane = x.data() + (i * channels + c) * area;
        double plane_sum = 0;
#pragma omp simd reduction(+ : plane_sum)
        for (std::size_t p = 0; p < area; ++p) plane_sum += double(plane[p]);
        sum += plane_sum;
    }
    return sum / double(n * area);
}

// The (biased) variance of channel c of x around its @p mean, from a second pass over the
// deviations. The one-pass E[x²] − μ² cancels almost every digit when |μ| ≫ σ (images not
// yet normalized: at μ/σ ≈ 200 float lost the variance's third digit). The deviations'
// own sum corrects for the rounding of the mean to T.
template <class T>
double channel_variance(const Tensor<T>& x, std::size_t c, double mean) {
    const std::size_t n = x.shape(0), channels = x.shape(1), area = x.size() / (n * channels), m = n * area;
    const T mu = T(mean);
    double sum = 0, sum_sq = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const T* plane = x.data() + (i * channels + c) * area;
        double plane_sum = 0, plane_sum_sq = 0;
#pragma omp simd reduction(+ : plane_sum, plane_sum_sq)
        for (std::size_t p = 0; p < area; ++p) {
            const double deviation = double(plane[p] - mu);
            plane_sum += deviation, plane_sum_sq += deviation * deviation;
        }
        sum += plane_sum, sum_sq += plane_sum_sq;
    }
    const double mean_deviation = sum / double(m);
    return std::max(sum_sq / double(m) - mean_deviation * mean_deviation, 0.0);
}

}  // namespace

template <class T>
BatchNorm<T>::BatchNorm(std::size_t channels, double momentum, double epsilon, bool affine)
    : channels_(channels), momentum_(momentum), epsilon_(epsilon), affine_(affine) {
    gamma_ = {"gamma", xt::ones<T>({channels}), xt::zeros<T>({channels}), false};
    beta_ = {"beta", xt::zeros<T>({channels}), xt::zeros<T>({channels}), false};
    running_mean_ = {"running_mean", xt::zeros<T>({channels})};
    running_var_ = {"running_var", xt::ones<T>({channels})};
}

template <class T>
std::vector<Parameter<T>*> BatchNorm<T>::parameters() {
    if (affine_) return {&gamma_, &beta_};
    return {};
}

template <class T>
std::string BatchNorm<T>::name() const {
    return "BatchNorm(" + std::to_string(channels_) + ")";
}

template <class T>
void BatchNorm<T>::check_rank(const Tensor<T>& x) const {
    if (x.dimension() != 2 && x.dimension() != 4) throw std::invalid_argument(name() + ": expected (N, C) or (N, C, H, W), got " + shape_string(shape_of(x)));
}

template <class T>
void BatchNorm1d<T>::check_rank(const Tensor<T>& x) const {
    if (x.dimension() != 2) throw std::invalid_argument(this->name() + " (1d): expected (N, C), got " + shape_string(shape_of(x)));
}

template <class T>
void BatchNorm2d<T>::check_rank(const Tensor<T>& x) const {
    if (x.dimension() != 4) throw std::invalid_argument(this->name() + " (2d): expected (N, C, H, W), got " + shape_string(shape_of(x)));
}

template <class T>
Tensor<T> BatchNorm<T>::forward(const Tensor<T>& x) {
    check_rank(x);
    if (x.shape(1) != channels_) throw std::invalid_argument(name() + ": input " + shape_string(shape_of(x)) + " has " + std::to_string(x.shape(1)) + " channels");
    const std::size_t n = x.shape(0), area = x.size() / (n * channels_), m = n * area;  // M values per channel
    if (this->training_ && m < 2) throw std::invalid_argument(name() + ": training needs at least 2 values per channel to estimate a variance");
    if (normalized_.shape() != x.shape()) normalized_.resize(x.shape());  // else its memory is reused
    inv_std_ = Tensor<T>::from_shape({channels_});
    forward_used_batch_statistics_ = this->training_;  // backward must differentiate what forward did
    Tensor<T> y = Tensor<T>::from_shape(x.shape());  // same shape as x
#pragma omp parallel for schedule(static)
    for (std::size_t c = 0; c < channels_; ++c) {
        double mean = running_mean_.value(c), var = running_var_.value(c);
        if (this->training_) {
            mean = channel_mean(x, c);
            var = channel_variance(x, c, mean);
            running_mean_.value(c) = T((1 - momentum_) * running_mean_.value(c) + momentum_ * mean);
            running_var_.value(c) = T((1 - momentum_) * running_var_.value(c) + momentum_ * var * double(m) / double(m - 1));
        }
        const T inv_std = T(1.0 / std::sqrt(var + epsilon_));
        inv_std_(c) = inv_std;
        const T g = gamma_.value(c), b = beta_.value(c), mu = T(mean);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t offset = (i * channels_ + c) * area;
            for (std::size_t p = 0; p < area; ++p) {
                const T xhat = (x.data()[offset + p] - mu) * inv_std;
                normalized_.data()[offset + p] = xhat;
                y.data()[offset + p] = g * xhat + b;
            }
        }
    }
    return y;
}

template <class T>
Tensor<T> BatchNorm<T>::backward(const Tensor<T>& dy) {
    if (dy.shape() != normalized_.shape()) throw std::invalid_argument(name() + ": gradient " + shape_string(shape_of(dy)) + " does not match the last input");
    const std::size_t n = dy.shape(0), area = dy.size() / (n * channels_), m = n * area;
    Tensor<T> dx = Tensor<T>::from_shape(dy.shape());
#pragma omp parallel for schedule(static)
    for (std::size_t c = 0; c < channels_; ++c) {
        double sum_dy = 0, sum_dy_xhat = 0;  // double: up to N·H·W terms, later subtracted
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t offset = (i * channels_ + c) * area;
            const T* dy_plane = dy.data() + offset;           // (H·W)
            const T* xhat_plane = normalized_.data() + offset;  // (H·W)
            double plane_dy = 0, plane_dy_xhat = 0;
            // Vectorized like channel_mean: the reduction pragma allows the reordering.
#pragma omp simd reduction(+ : plane_dy, plane_dy_xhat)
            for (std::size_t p = 0; p < area; ++p) {
                plane_dy += double(dy_plane[p]);
                plane_dy_xhat += double(dy_plane[p]) * double(xhat_plane[p]);
            }
            sum_dy += plane_dy, sum_dy_xhat += plane_dy_xhat;
        }
        if (affine_) {
            gamma_.grad(c) += T(sum_dy_xhat);
            beta_.grad(c) += T(sum_dy);
        }
        const T g = gamma_.value(c);
        if (forward_used_batch_statistics_) {
            // The batch statistics depend on every input: the two sums carry that dependence.
            const T scale = g * inv_std_(c) / T(m);
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t offset = (i * channels_ + c) * area;
                for (std::size_t p = 0; p < area; ++p) {
                    dx.data()[offset + p] = scale * (T(m) * dy.data()[offset + p] - T(sum_dy) - normalized_.data()[offset + p] * T(sum_dy_xhat));
                }
            }
        } else {
            // Evaluation: fixed statistics, so the layer is a per-channel affine map.
            const T scale = g * inv_std_(c);
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t offset = (i * channels_ + c) * area;
                for (std::size_t p = 0; p < area; ++p) dx.data()[offset + p] = scale * dy.data()[offset + p];
            }
        }
    }
    return dx;
}

template class BatchNorm<float>;
template class BatchNorm<double>;
template class BatchNorm1d<float>;
template class BatchNorm1d<double>;
template class BatchNorm2d<float>;
template class BatchNorm2d<double>;

}  // namespace dl
