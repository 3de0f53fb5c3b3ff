/// @file accuracy.hpp
/// @brief Predicted classes and the fraction of them that are right.
#pragma once

#include "dl/tensor.hpp"

#include <vector>

namespace dl {

/// @brief The index of the largest score in each row of @p scores (N, K): the predicted classes.
/// @param scores (N, K)
/// @return (N) classes in [0, K); a tie goes to the first
template <class T>
std::vector<int> argmax_rows(const Tensor<T>& scores);

/// @brief Fraction of @p predictions equal to @p labels (both of length N).
/// @param predictions (N) predicted classes
/// @param labels (N) true classes
/// @return the fraction in [0, 1]; 0 when N = 0
double accuracy(const std::vector<int>& predictions, const std::vector<int>& labels);

}  // namespace dl
