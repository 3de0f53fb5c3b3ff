// Reference answers to the chapter-4 exercises. `./book test` links the exercise tests
// against this file (all must pass) and against the untouched stubs (all must fail).
#include "exercises.hpp"

#include <xtensor/xoperation.hpp>

#include <cmath>

namespace ex04 {

Array residual_forward(const Array& x, const ArrayFunction& branch) { return xt::maximum(branch(x) + x, 0.0); }

ResidualGradients residual_backward(const Array& dy, const Array& sum, const ArrayFunction& branch_backward) {
    ResidualGradients g;
    g.d_sum = xt::where(sum > 0.0, dy, 0.0);
    g.dx = branch_backward(g.d_sum) + g.d_sum;
    return g;
}

Array projection_shortcut(const Array& x, const Array& weight, int stride) {
    const std::size_t n = x.shape(0), c = x.shape(1), f = weight.shape(0);
    const std::size_t oh = (x.shape(2) - 1) / std::size_t(stride) + 1, ow = (x.shape(3) - 1) / std::size_t(stride) + 1;
    Array y = xt::zeros<double>({n, f, oh, ow});
    for (std::size_t b = 0; b < n; ++b)
        for (std::size_t o = 0; o < f; ++o)
            for (std::size_t i = 0; i < oh; ++i)
                for (std::size_t j = 0; j < ow; ++j)
                    for (std::size_t k = 0; k < c; ++k) y(b, o, i, j) += weight(o, k) * x(b, k, i * stride, j * stride);
    return y;
}

Array stochastic_depth_forward(const Array& x, const Array& branch_out, double p, double uniform, bool training) {
    const double scale = training ? (uniform < p ? 0.0 : 1.0) : 1.0 - p;
    return xt::maximum(scale * branch_out + x, 0.0);
}

std::vector<double> gradient_norm_probe(const std::vector<NamedGradient>& gradients) {
    const std::string suffix = "weight";
    std::vector<double> norms;
    for (const NamedGradient& g : gradients) {
        const bool weight = g.name.size() >= suffix.size() && g.name.compare(g.name.size() - suffix.size(), suffix.size(), suffix) == 0;
        if (weight && g.name.find("shortcut") == std::string::npos) norms.push_back(std::sqrt(double(xt::sum(g.grad * g.grad)())));
    }
    return norms;
}

}  // namespace ex04
