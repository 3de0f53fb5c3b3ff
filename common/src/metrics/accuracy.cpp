#include "dl/metrics/accuracy.hpp"

#include <algorithm>
#include <stdexcept>

namespace dl {

template <class T>
std::vector<int> argmax_rows(const Tensor<T>& scores) {
    if (scores.dimension() != 2) {
        throw std::invalid_argument("argmax_rows: expected (N, K) scores, got " + shape_string(shape_of(scores)));
    }
    const std::size_t n = scores.shape(0), k = scores.shape(1);
    std::vector<int> best(n);
    for (std::size_t i = 0; i < n; ++i) {
        const T* row = scores.data() + i * k;
        best[i] = int(std::max_element(row, row + k) - row);
    }
    return best;
}

double accuracy(const std::vector<int>& predictions, const std::vector<int>& labels) {
    if (predictions.size() != labels.size()) {
        throw std::invalid_argument("accuracy: " + std::to_string(predictions.size()) +
                                    " predictions for " + std::to_string(labels.size()) + " labels");
    }
    if (labels.empty()) return 0.0;
    std::size_t right = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) right += predictions[i] == labels[i];
    return double(right) / double(labels.size());
}

template std::vector<int> argmax_rows<float>(const Tensor<float>&);
template std::vector<int> argmax_rows<double>(const Tensor<double>&);

}  // namespace dl
