#include "dl/losses/focal_loss.hpp"

#include "dl/losses/softmax_cross_entropy.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dl {

template <class T>
FocalLoss<T>::FocalLoss(double gamma) : gamma_(gamma) {
    if (!(gamma >= 0)) throw std::invalid_argument("FocalLoss: gamma must be >= 0, got " + std::to_string(gamma));
}

template <class T>
T FocalLoss<T>::forward(const Tensor<T>& logits, const std::vector<int>& labels) {
    if (logits.dimension() != 2 || logits.shape(0) != labels.size()) {
        throw std::invalid_argument("FocalLoss: logits " + shape_string(shape_of(logits)) + " do not match " + std::to_string(labels.size()) + " labels");
    }
    const std::size_t n = logits.shape(0), k = logits.shape(1);
    probs_ = softmax_rows(logits);
    labels_ = labels;
    log_p_.assign(n, T(0));
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (labels[i] < 0 || std::size_t(labels[i]) >= k) {
            throw std::invalid_argument("FocalLoss: label " + std::to_string(labels[i]) + " out of range [0, " + std::to_string(k) + ")");
        }
        const T* z = logits.data() + i * k;
        const T max_z = *std::max_element(z, z + k);
        T sum = 0;
        for (std::size_t j = 0; j < k; ++j) sum += std::exp(z[j] - max_z);
        log_p_[i] = z[labels[i]] - max_z - std::log(sum);  // log softmax, exact even when p underflows
        //! [focal_forward]
        const double p = probs_(i, std::size_t(labels[i]));
        total -= std::pow(1.0 - p, gamma_) * double(log_p_[i]);
        //! [focal_forward]
    }
    return T(total / double(n));
}

template <class T>
Tensor<T> FocalLoss<T>::backward() const {
    if (labels_.empty()) throw std::logic_error("FocalLoss::backward called before forward");
    const std::size_t n = probs_.shape(0), k = probs_.shape(1);
    Tensor<T> grad = Tensor<T>::from_shape({n, k});  // (N, K)
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t y = std::size_t(labels_[i]);
        const double p = probs_(i, y), q = 1.0 - p, log_p = double(log_p_[i]);
        //! [focal_backward]
        // γ (1−p)^(γ−1) p log p, written as γ (1−p)^γ · p · (log p / (1−p)) so that p → 1
        // gives its limit 0 instead of 0 · ∞ (log p / (1−p) → −1).
        const double ratio = q > 1e-6 ? log_p / q : -1.0 - q / 2;
        const double scale = gamma_ * std::pow(q, gamma_) * p * ratio - std::pow(q, gamma_);  // g′(p)·p
        for (std::size_t j = 0; j < k; ++j) {
            const double indicator = j == y ? 1.0 : 0.0;
            grad(i, j) = T(scale * (indicator - double(probs_(i, j))) / double(n));
        }
        //! [focal_backward]
    }
    return grad;
}

template class FocalLoss<float>;
template class FocalLoss<double>;

}  // namespace dl
