#include "dl/metrics/confusion_matrix.hpp"

#include <cstdio>
#include <stdexcept>

namespace dl {

ConfusionMatrix::ConfusionMatrix(std::size_t classes) : k_(classes), counts_(classes * classes, 0) {}

void ConfusionMatrix::add(const std::vector<int>& predictions, const std::vector<int>& labels) {
    if (predictions.size() != labels.size()) {
        throw std::invalid_argument("ConfusionMatrix::add: predictions and labels differ in length");
    }
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0 || std::size_t(labels[i]) >= k_ || predictions[i] < 0 || std::size_t(predictions[i]) >= k_) {
            throw std::invalid_argument("ConfusionMatrix::add: class index out of range [0, " + std::to_string(k_) + ")");
        }
        ++counts_[std::size_t(labels[i]) * k_ + std::size_t(predictions[i])];
    }
}

double ConfusionMatrix::accuracy() const {
    long diagonal = 0, total = 0;
    for (std::size_t t = 0; t < k_; ++t) {
        for (std::size_t p = 0; p < k_; ++p) {
            total += counts_[t * k_ + p];
            if (t == p) diagonal += counts_[t * k_ + p];
        }
    }
    return total == 0 ? 0.0 : double(diagonal) / double(total);
}

double ConfusionMatrix::recall(int c) const {
    long row = 0;
    for (std::size_t p = 0; p < k_; ++p) row += counts_[std::size_t(c) * k_ + p];
    return row == 0 ? 0.0 : double(count(c, c)) / double(row);
}

double ConfusionMatrix::precision(int c) const {
    if (c < 0 || std::size_t(c) >= k_) throw std::out_of_range("ConfusionMatrix::precision: class " + std::to_string(c) + " out of range [0, " + std::to_string(k_) + ")");
    long column = 0;  // predictions of class c
    for (std::size_t t = 0; t < k_; ++t) column += counts_[t * k_ + std::size_t(c)];
    return column == 0 ? 0.0 : double(count(c, c)) / double(column);
}

//! [f_beta]
double ConfusionMatrix::f_beta(int c, double beta) const {
    const double p = precision(c), r = recall(c), b2 = beta * beta;
    return p + r == 0 ? 0.0 : (1 + b2) * p * r / (b2 * p + r);
}
//! [f_beta]

double ConfusionMatrix::iou(int c) const {
    if (c < 0 || std::size_t(c) >= k_) throw std::out_of_range("ConfusionMatrix::iou: class " + std::to_string(c) + " out of range [0, " + std::to_string(k_) + ")");
    long row = 0, column = 0;  // examples of class c (TP + FN), predictions of class c (TP + FP)
    for (std::size_t j = 0; j < k_; ++j) {
        row += count(c, int(j));
        column += count(int(j), c);
    }
    const long union_size = row + column - count(c, c);
    return union_size == 0 ? 0.0 : double(count(c, c)) / double(union_size);
}

double ConfusionMatrix::mean_iou() const {
    double sum = 0;
    int classes = 0;
    for (std::size_t c = 0; c < k_; ++c) {
        long seen = 0;  // truth or prediction of class c
        for (std::size_t j = 0; j < k_; ++j) seen += count(int(c), int(j)) + count(int(j), int(c));
        if (seen == 0) continue;
        sum += iou(int(c));
        ++classes;
    }
    return classes == 0 ? 0.0 : sum / classes;
}

std::string ConfusionMatrix::to_string(const std::vector<std::string>& class_names) const {
    std::string text = "truth \\ predicted";
    char cell[64];
    for (std::size_t p = 0; p < k_; ++p) {
        std::snprintf(cell, sizeof cell, "%6zu", p);
        text += cell;
    }
    text += "  recall\n";
    for (std::size_t t = 0; t < k_; ++t) {
        const std::string label = t < class_names.size() ? class_names[t] : std::to_string(t);
        std::snprintf(cell, sizeof cell, "%2zu %-14.14s", t, label.c_str());
        text += cell;
        for (std::size_t p = 0; p < k_; ++p) {
            std::snprintf(cell, sizeof cell, "%6ld", counts_[t * k_ + p]);
            text += cell;
        }
        std::snprintf(cell, sizeof cell, "  %.3f\n", recall(int(t)));
        text += cell;
    }
    return text;
}

}  // namespace dl
