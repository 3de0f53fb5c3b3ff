#include "dl/optim/gradient_clipping.hpp"

#include <cmath>

namespace dl {

double global_gradient_norm(const std::vector<Parameter<float>*>& parameters) {
    double sum = 0;
    for (const Parameter<float>* p : parameters) {
        const float* grad = p->grad.data();
        const std::size_t n = p->grad.size();
        double parameter_sum = 0;  // vectorized; a NaN or infinity carries through
#pragma omp simd reduction(+ : parameter_sum)
        for (std::size_t i = 0; i < n; ++i) parameter_sum += double(grad[i]) * double(grad[i]);
        sum += parameter_sum;
    }
    return std::sqrt(sum);
}

bool clip_gradient_norm(const std::vector<Parameter<float>*>& parameters, double norm, double max_norm) {
    if (!(norm > max_norm)) return false;
    const float scale = float(max_norm / norm);
    for (Parameter<float>* p : parameters) p->grad *= scale;
    return true;
}

}  // namespace dl
