/// @file accuracy.hpp
/// @brief Predicted classes and the fraction of them that are right.
#pragma once

#include "dl/tensor.hpp"

#include <vector>

namespace dl {

/// The index of the largest score in each row of @p scores (N, K): the predicted classes.
template <class T>
std::vector<int> argmax_rows(const Tensor<T>& scores);

/// Fraction of @p predictions equal to @p labels (both of length N).
double accuracy(const std::vector<int>& predictions, const std::vector<int>& labels);

}  // namespace dl
