/// @file require_close.hpp
/// @brief The exercise tests' comparison: fails with one line that says what is wrong with
/// the reader's answer, where, and (for the common mistakes) why.
#pragma once

#include "gradcheck.hpp"

#include <string>

namespace dltest {

/// What is wrong with @p got against @p expected, as one line for a reader, or "" if they
/// agree everywhere within @p tolerance (relative to max(|got|, |expected|, 1)). The line
/// names @p what, the number of wrong values, the first one with its multi-dimensional
/// index (yours and expected), and a hint for the common mistakes: a constant factor
/// ("did you divide by the batch size?"), a flipped sign, a transposed result, all zeros,
/// NaN, a wrong shape.
std::string describe_difference(const Tensor<double>& got, const Tensor<double>& expected, const std::string& what, double tolerance = 1e-6);

/// Fails the test with describe_difference()'s line if @p got and @p expected differ.
void require_close(const Tensor<double>& got, const Tensor<double>& expected, const std::string& what, double tolerance = 1e-6);

}  // namespace dltest
