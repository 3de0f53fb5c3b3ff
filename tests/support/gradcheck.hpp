/// @file gradcheck.hpp
/// @brief Gradient checking: analytic gradients against central finite differences.
///
/// The objective is L = Σ r ⊙ y with a seeded random r, so one scalar checks every output
/// at once; dL/dy = r is what backward() receives. Each error is scaled by
/// max(|analytic|, |numeric|, 1), and the worst one is reported with its place.
#pragma once

#include "dl/layers/layer.hpp"

#include <functional>
#include <string>

namespace dltest {

using dl::Tensor;

/// The worst disagreement found, and where.
struct GradientReport {
    double worst_error = 0;  ///< max |a − n| / max(|a|, |n|, 1)
    std::string where;       ///< e.g. "input[17]: analytic 0.12, numeric 0.13"
};

/// Compares two tensors element by element; @p label names them in the report, and
/// @p first / @p second name the two sides ("analytic" and "numeric" by default).
GradientReport compare(const Tensor<double>& analytic, const Tensor<double>& numeric, const std::string& label,
                       const std::string& first = "analytic", const std::string& second = "numeric");

/// Central-difference gradient of the scalar function @p f at @p x (x is restored).
Tensor<double> numeric_gradient(const std::function<double(const Tensor<double>&)>& f, Tensor<double> x, double eps = 1e-6);

/// Checks dL/dx and dL/dθ for every parameter θ of @p layer at input @p x.
/// The layer's parameter gradients are zeroed first. Also checks that a second backward
/// pass without zeroing exactly doubles every parameter gradient (they accumulate).
GradientReport check_layer(dl::Layer<double>& layer, const Tensor<double>& x, unsigned seed = 7, double eps = 1e-6);

/// A tensor of the given shape with entries drawn from N(0, 1), seeded.
Tensor<double> random_normal(const dl::Shape& shape, unsigned seed);

/// Like random_normal(), but every entry at least @p margin away from 0 (avoids ReLU's kink).
Tensor<double> random_away_from_zero(const dl::Shape& shape, unsigned seed, double margin = 0.05);

}  // namespace dltest
