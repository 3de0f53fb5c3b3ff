#include "gradcheck.hpp"

#include "dl/util/random.hpp"

#include <cmath>
#include <sstream>

namespace dltest {

GradientReport compare(const Tensor<double>& analytic, const Tensor<double>& numeric, const std::string& label,
                       const std::string& first, const std::string& second) {
    GradientReport report;
    if (dl::shape_of(analytic) != dl::shape_of(numeric)) {
        report.worst_error = INFINITY;
        report.where = label + ": " + first + " has shape " + dl::shape_string(dl::shape_of(analytic)) + ", " + second + " " +
                       dl::shape_string(dl::shape_of(numeric));
        return report;
    }
    for (std::size_t i = 0; i < analytic.size(); ++i) {
        const double a = analytic.data()[i], n = numeric.data()[i];
        const double error = std::abs(a - n) / std::max({std::abs(a), std::abs(n), 1.0});
        if (!(error <= report.worst_error)) {  // also catches NaN
            report.worst_error = std::isnan(error) ? INFINITY : error;
            std::ostringstream where;
            where << label << "[" << i << "]: " << first << " " << a << ", " << second << " " << n;
            report.where = where.str();
        }
    }
    return report;
}

Tensor<double> numeric_gradient(const std::function<double(const Tensor<double>&)>& f, Tensor<double> x, double eps) {
    Tensor<double> grad = Tensor<double>::from_shape(x.shape());
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double saved = x.data()[i];
        x.data()[i] = saved + eps;
        const double plus = f(x);
        x.data()[i] = saved - eps;
        const double minus = f(x);
        x.data()[i] = saved;
        grad.data()[i] = (plus - minus) / (2 * eps);
    }
    return grad;
}

namespace {

double weighted_sum(const Tensor<double>& y, const Tensor<double>& r) {
    double total = 0;
    for (std::size_t i = 0; i < y.size(); ++i) total += y.data()[i] * r.data()[i];
    return total;
}

void keep_worst(GradientReport& worst, const GradientReport& candidate) {
    if (candidate.worst_error > worst.worst_error || worst.where.empty()) worst = candidate;
}

}  // namespace

GradientReport check_layer(dl::Layer<double>& layer, const Tensor<double>& x, unsigned seed, double eps) {
    for (auto* p : layer.parameters()) p->grad.fill(0.0);
    const Tensor<double> y = layer.forward(x);
    const Tensor<double> r = random_normal(dl::shape_of(y), seed);
    const Tensor<double> dx = layer.backward(r);
    std::vector<Tensor<double>> param_grads;
    for (auto* p : layer.parameters()) param_grads.push_back(p->grad);

    GradientReport worst;
    auto loss_at_input = [&](const Tensor<double>& input) { return weighted_sum(layer.forward(input), r); };
    keep_worst(worst, compare(dx, numeric_gradient(loss_at_input, x, eps), "input"));

    const auto params = layer.parameters();
    for (std::size_t k = 0; k < params.size(); ++k) {
        dl::Parameter<double>* p = params[k];
        auto loss_at_param = [&](const Tensor<double>& value) {
            const Tensor<double> saved = p->value;
            p->value = value;
            const double loss = weighted_sum(layer.forward(x), r);
            p->value = saved;
            return loss;
        };
        keep_worst(worst, compare(param_grads[k], numeric_gradient(loss_at_param, p->value, eps), p->name));
    }

    // A second backward pass without zeroing must add the same gradient again.
    layer.forward(x);
    layer.backward(r);
    for (std::size_t k = 0; k < params.size(); ++k) {
        keep_worst(worst, compare(params[k]->grad, param_grads[k] * 2.0, params[k]->name + " after a second backward (should double)"));
    }
    return worst;
}

Tensor<double> random_normal(const dl::Shape& shape, unsigned seed) {
    dl::Rng rng(seed);
    Tensor<double> t = Tensor<double>::from_shape(shape);
    for (double& v : t) v = rng.normal(0.0, 1.0);
    return t;
}

Tensor<double> random_away_from_zero(const dl::Shape& shape, unsigned seed, double margin) {
    Tensor<double> t = random_normal(shape, seed);
    for (double& v : t) v = (v >= 0 ? 1 : -1) * (std::abs(v) + margin);
    return t;
}

}  // namespace dltest
