/// @file confusion_matrix.hpp
/// @brief Counts of (true class, predicted class) pairs: where a classifier goes wrong.
#pragma once

#include <string>
#include <vector>

namespace dl {

/// A K×K table whose entry (t, p) counts the examples of true class t predicted as p.
class ConfusionMatrix {
public:
    /// @brief An empty matrix for @p classes classes.
    /// @param classes K
    explicit ConfusionMatrix(std::size_t classes);

    /// @brief The number of classes K.
    /// @return K
    std::size_t classes() const { return k_; }

    /// @brief Counts each pair (labels[i], predictions[i]).
    /// @param predictions (N) predicted classes in [0, K)
    /// @param labels (N) true classes in [0, K)
    void add(const std::vector<int>& predictions, const std::vector<int>& labels);

    /// @brief Number of examples of true class @p truth predicted as @p predicted.
    /// @param truth the true class
    /// @param predicted the predicted class
    /// @return the count
    long count(int truth, int predicted) const { return counts_.at(std::size_t(truth) * k_ + std::size_t(predicted)); }

    /// @brief Fraction on the diagonal.
    /// @return the accuracy; 0 for an empty matrix
    double accuracy() const;

    /// @brief Recall of class @p c: the fraction of its examples predicted as @p c.
    /// @param c the class
    /// @return the recall; 0 when @p c has no examples
    double recall(int c) const;

    /// Precision of class @p c: the fraction of the examples predicted as @p c that are
    /// @p c; 0 when nothing is predicted as @p c.
    /// @param c the class
    /// @return the precision
    double precision(int c) const;

    /// F-beta score of class @p c (van Rijsbergen), the weighted harmonic mean of precision
    /// P and recall R: (1 + β²)·P·R / (β²·P + R). β = 1 weighs them equally (F1); β = 2
    /// counts recall as twice as important (F2), for when a missed example costs more than
    /// a false alarm. 0 when P and R are both 0.
    /// @param c the class
    /// @param beta β ≥ 0
    /// @return F_β
    double f_beta(int c, double beta) const;

    /// Intersection over union of class @p c: TP / (TP + FP + FN), the overlap of the
    /// predicted and true regions of c divided by their union; 0 when both are empty.
    /// @param c the class
    /// @return the IoU
    double iou(int c) const;
    /// Mean of iou(c) over the classes that occur in the truth or the predictions (a class
    /// that is neither present nor predicted has no union and is left out).
    /// @return the mean IoU; 0 for an empty matrix
    double mean_iou() const;
    /// @brief The matrix as an aligned text table, rows = truth, columns = prediction.
    /// @param class_names the rows' names (a row without one shows its index)
    /// @return the table, one line per true class, with each class's recall
    std::string to_string(const std::vector<std::string>& class_names) const;

private:
    std::size_t k_;
    std::vector<long> counts_;  // (K, K), row-major
};

}  // namespace dl
