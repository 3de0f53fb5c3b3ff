#include "dl/losses/pixel_cross_entropy.hpp"

#include "dl/losses/pixel_rows.hpp"

#include <stdexcept>

namespace dl {

template <class T>
T PixelCrossEntropy<T>::forward(const Tensor<T>& logits, const std::vector<int>& labels) {
    if (logits.dimension() != 4 || labels.size() != logits.shape(0) * logits.shape(2) * logits.shape(3)) {
        throw std::invalid_argument("PixelCrossEntropy: logits " + shape_string(shape_of(logits)) + " do not match " +
                                    std::to_string(labels.size()) + " pixel labels");
    }
    const std::size_t classes = logits.shape(1), plane = logits.shape(2) * logits.shape(3);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0 || std::size_t(labels[i]) >= classes) {
            throw std::invalid_argument("PixelCrossEntropy: label " + std::to_string(labels[i]) + " of image " + std::to_string(i / plane) + ", pixel (" +
                                        std::to_string(i % logits.shape(3)) + ", " + std::to_string(i % plane / logits.shape(3)) +
                                        ") is out of range [0, " + std::to_string(classes) + ")");
        }
    }
    logits_shape_ = shape_of(logits);
    return per_pixel_.forward(pixels_as_rows(logits), labels);
}

template <class T>
Tensor<T> PixelCrossEntropy<T>::backward() const {
    if (logits_shape_.empty()) throw std::logic_error("PixelCrossEntropy: backward() called before forward()");
    return rows_as_pixels(per_pixel_.backward(), logits_shape_);
}

template class PixelCrossEntropy<float>;
template class PixelCrossEntropy<double>;

}  // namespace dl
