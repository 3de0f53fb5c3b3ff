/// @file require_close.hpp
/// @brief The exercise tests' comparison: fails with one line that says what is wrong with
/// the reader's answer, where, and (for the common mistakes) why.
#pragma once

#include "gradcheck.hpp"

#include <string>
#include <vector>

namespace dltest {

/// A wrong answer that an exercise's readers are known to give, computed by the test, with
/// what it means: for BatchNorm backward, the dx that treats μ and σ² as constants.
struct KnownMistake {
    Tensor<double> answer;    ///< what the mistaken code returns for the test's input
    std::string explanation;  ///< "you get this if ...": one clause for the reader
};

/// What is wrong with @p got against @p expected, as one line for a reader, or "" if they
/// agree everywhere within @p tolerance (relative to max(|got|, |expected|, 1)). The line
/// names @p what, the number of wrong values, the first one with its multi-dimensional
/// index (yours and expected), and a hint: the explanation of a @p known_mistakes entry
/// that @p got equals, else one for the common mistakes: a constant factor ("did you divide
/// by the batch size?"), a flipped sign, a transposed result, all zeros, NaN, a wrong shape.
std::string describe_difference(const Tensor<double>& got, const Tensor<double>& expected, const std::string& what, double tolerance = 1e-6,
                                const std::vector<KnownMistake>& known_mistakes = {});

/// Fails the test with describe_difference()'s line if @p got and @p expected differ.
void require_close(const Tensor<double>& got, const Tensor<double>& expected, const std::string& what, double tolerance = 1e-6,
                   const std::vector<KnownMistake>& known_mistakes = {});

}  // namespace dltest
