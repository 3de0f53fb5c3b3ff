#include "dl/losses/softmax_cross_entropy.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dl {

template <class T>
Tensor<T> softmax_rows(const Tensor<T>& scores) {
    if (scores.dimension() != 2 || scores.shape(1) == 0) throw std::invalid_argument("softmax_rows: expected (N, K) with K > 0, got " + shape_string(shape_of(scores)));
    const std::size_t n = scores.shape(0), k = scores.shape(1);
    Tensor<T> probs = Tensor<T>::from_shape({n, k});  // (N, K)
    for (std::size_t i = 0; i < n; ++i) {
        const T* z = scores.data() + i * k;
        T* p = probs.data() + i * k;
        const T max_z = *std::max_element(z, z + k);  // exp(z − max) <= 1 never overflows
        T sum = 0;
        for (std::size_t j = 0; j < k; ++j) sum += (p[j] = std::exp(z[j] - max_z));
        for (std::size_t j = 0; j < k; ++j) p[j] /= sum;
    }
    return probs;
}

template <class T>
T SoftmaxCrossEntropy<T>::forward(const Tensor<T>& logits, const std::vector<int>& labels) {
    if (logits.dimension() != 2 || logits.shape(0) != labels.size()) {
        throw std::invalid_argument("SoftmaxCrossEntropy: logits " + shape_string(shape_of(logits)) +
                                    " do not match " + std::to_string(labels.size()) + " labels");
    }
    const std::size_t n = logits.shape(0), k = logits.shape(1);
    probs_ = Tensor<T>::from_shape({n, k});
    labels_ = labels;
    targets_ = Tensor<T>();
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const T* z = logits.data() + i * k;
        T* p = probs_.data() + i * k;
        const int label = labels[i];
        if (label < 0 || std::size_t(label) >= k) {
            throw std::invalid_argument("SoftmaxCrossEntropy: label " + std::to_string(label) +
                                        " out of range [0, " + std::to_string(k) + ")");
        }
        const T max_z = *std::max_element(z, z + k);  // subtract it: exp(z - max) <= 1
        T sum = 0;
        for (std::size_t j = 0; j < k; ++j) sum += (p[j] = std::exp(z[j] - max_z));
        for (std::size_t j = 0; j < k; ++j) p[j] /= sum;
        // log softmax(z)[y] = z[y] - max - log Σ exp(z - max): no log of a tiny probability.
        total -= double(z[label] - max_z - std::log(sum));
    }
    return T(total / double(n));
}

template <class T>
T SoftmaxCrossEntropy<T>::forward_soft(const Tensor<T>& logits, const Tensor<T>& targets) {
    if (logits.dimension() != 2 || targets.shape() != logits.shape()) {
        throw std::invalid_argument("SoftmaxCrossEntropy: logits " + shape_string(shape_of(logits)) + " and soft targets " +
                                    shape_string(shape_of(targets)) + " differ in shape");
    }
    const std::size_t n = logits.shape(0), k = logits.shape(1);
    probs_ = Tensor<T>::from_shape({n, k});
    targets_ = targets;
    labels_.clear();
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const T* z = logits.data() + i * k;
        T* p = probs_.data() + i * k;
        const T max_z = *std::max_element(z, z + k);
        T sum = 0;
        for (std::size_t j = 0; j < k; ++j) sum += (p[j] = std::exp(z[j] - max_z));
        const T log_sum = std::log(sum);
        for (std::size_t j = 0; j < k; ++j) {
            p[j] /= sum;
            total -= double(targets(i, j)) * double(z[j] - max_z - log_sum);  // t · log softmax
        }
    }
    return T(total / double(n));
}

template <class T>
Tensor<T> SoftmaxCrossEntropy<T>::backward() const {
    const std::size_t n = probs_.shape(0), k = probs_.shape(1);
    // A default-constructed xarray is 0-dimensional with one element: test the rank, not the size.
    if (targets_.dimension() == 2) return (probs_ - targets_) / T(n);  // soft targets: (N, K)
    Tensor<T> dlogits = probs_;  // (N, K)
    for (std::size_t i = 0; i < n; ++i) {
        dlogits(i, std::size_t(labels_[i])) -= T(1);
        for (std::size_t j = 0; j < k; ++j) dlogits(i, j) /= T(n);
    }
    return dlogits;
}

template Tensor<float> softmax_rows(const Tensor<float>&);
template Tensor<double> softmax_rows(const Tensor<double>&);
template class SoftmaxCrossEntropy<float>;
template class SoftmaxCrossEntropy<double>;

}  // namespace dl
