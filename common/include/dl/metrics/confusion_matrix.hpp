/// @file confusion_matrix.hpp
/// @brief Counts of (true class, predicted class) pairs: where a classifier goes wrong.
#pragma once

#include <string>
#include <vector>

namespace dl {

/// A K×K table whose entry (t, p) counts the examples of true class t predicted as p.
class ConfusionMatrix {
public:
    /// An empty matrix for @p classes classes.
    explicit ConfusionMatrix(std::size_t classes);

    /// Counts each pair (labels[i], predictions[i]).
    void add(const std::vector<int>& predictions, const std::vector<int>& labels);

    /// Number of examples of true class @p truth predicted as @p predicted.
    long count(int truth, int predicted) const { return counts_.at(std::size_t(truth) * k_ + std::size_t(predicted)); }

    /// Fraction on the diagonal.
    double accuracy() const;

    /// Recall of class @p c: the fraction of its examples predicted as @p c.
    double recall(int c) const;

    /// Intersection over union of class @p c: TP / (TP + FP + FN), the overlap of the
    /// predicted and true regions of c divided by their union; 0 when both are empty.
    double iou(int c) const;
    /// Mean of iou(c) over the classes that occur in the truth or the predictions (a class
    /// that is neither present nor predicted has no union and is left out).
    double mean_iou() const;
    /// The matrix as an aligned text table, rows = truth, columns = prediction.
    std::string to_string(const std::vector<std::string>& class_names) const;

private:
    std::size_t k_;
    std::vector<long> counts_;  // (K, K), row-major
};

}  // namespace dl
