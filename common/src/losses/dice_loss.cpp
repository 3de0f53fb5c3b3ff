#include "dl/losses/dice_loss.hpp"

#include "dl/losses/pixel_rows.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"

#include <stdexcept>

namespace dl {

template <class T>
DiceLoss<T>::DiceLoss(T smoothing) : smoothing_(smoothing) {
    if (!(smoothing > T(0))) throw std::invalid_argument("DiceLoss: the smoothing epsilon must be positive, got " + std::to_string(double(smoothing)));
}

template <class T>
T DiceLoss<T>::forward(const Tensor<T>& logits, const std::vector<int>& labels) {
    if (logits.dimension() != 4 || labels.size() != logits.shape(0) * logits.shape(2) * logits.shape(3)) {
        throw std::invalid_argument("DiceLoss: logits " + shape_string(shape_of(logits)) + " do not match " + std::to_string(labels.size()) +
                                    " pixel labels");
    }
    const std::size_t k = logits.shape(1);
    logits_shape_ = shape_of(logits);
    probs_ = softmax_rows(pixels_as_rows(logits));  // (N·H·W, K)
    labels_ = labels;
    overlap_.assign(k, T(0));
    total_.assign(k, T(0));
    //! [dice_forward]
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const int label = labels[i];
        if (label < 0 || std::size_t(label) >= k) {
            throw std::invalid_argument("DiceLoss: label " + std::to_string(label) + " out of range [0, " + std::to_string(k) + ")");
        }
        for (std::size_t c = 0; c < k; ++c) total_[c] += probs_(i, c);  // Σ p_k
        overlap_[std::size_t(label)] += probs_(i, std::size_t(label));  // Σ p_k·t_k
        total_[std::size_t(label)] += T(1);                             // Σ t_k
    }
    T mean_dice = 0;
    for (std::size_t c = 0; c < k; ++c) mean_dice += (2 * overlap_[c] + smoothing_) / (total_[c] + smoothing_);
    //! [dice_forward]
    return T(1) - mean_dice / T(k);
}

template <class T>
Tensor<T> DiceLoss<T>::backward() const {
    if (probs_.dimension() != 2) throw std::logic_error("DiceLoss: backward() called before forward()");
    const std::size_t rows = probs_.shape(0), k = probs_.shape(1);
    Tensor<T> dlogits = Tensor<T>::from_shape({rows, k});  // (N·H·W, K)
    std::vector<T> dp(k);                                    // dL/dp at one pixel
    for (std::size_t i = 0; i < rows; ++i) {
        T weighted = 0;  // Σ_k p_k · dL/dp_k
        for (std::size_t c = 0; c < k; ++c) {
            const T denominator = total_[c] + smoothing_;
            const T t = labels_[i] == int(c) ? T(1) : T(0);
            dp[c] = -(2 * t * denominator - (2 * overlap_[c] + smoothing_)) / (denominator * denominator * T(k));
            weighted += probs_(i, c) * dp[c];
        }
        for (std::size_t c = 0; c < k; ++c) dlogits(i, c) = probs_(i, c) * (dp[c] - weighted);
    }
    return rows_as_pixels(dlogits, logits_shape_);
}

template class DiceLoss<float>;
template class DiceLoss<double>;

}  // namespace dl
