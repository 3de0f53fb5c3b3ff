// Reference answers to the chapter-6 exercises. `./book test` links the exercise tests
// against this file (all must pass) and against the untouched stubs (all must fail).
#include "exercises.hpp"

#include "dl/layers/activations.hpp"
#include "dl/layers/batch_norm.hpp"
#include "dl/layers/dropout.hpp"
#include "dl/layers/linear.hpp"

#include <algorithm>
#include <cmath>

namespace ex06 {

std::size_t freeze_by_prefix(const std::vector<dl::Parameter<double>*>& params, const std::vector<std::string>& frozen_prefixes) {
    std::size_t trainable = 0;
    for (dl::Parameter<double>* p : params) {
        p->frozen = std::any_of(frozen_prefixes.begin(), frozen_prefixes.end(), [&](const std::string& prefix) { return p->name.rfind(prefix, 0) == 0; });
        if (!p->frozen) trainable += p->value.size();
    }
    return trainable;
}

dl::Sequential<double> build_head(std::size_t features, std::size_t hidden, std::size_t classes, double dropout, dl::Rng& rng) {
    dl::Sequential<double> head;
    head.add<dl::BatchNorm1d<double>>(features);
    head.add<dl::Dropout<double>>(dropout / 2, rng.index(1u << 30));
    head.add<dl::Linear<double>>(features, hidden, dl::Init::he, rng);
    head.add<dl::ReLU<double>>();
    head.add<dl::BatchNorm1d<double>>(hidden);
    head.add<dl::Dropout<double>>(dropout, rng.index(1u << 30));
    head.add<dl::Linear<double>>(hidden, classes, dl::Init::xavier, rng);
    return head;
}

std::vector<double> discriminative_rates(std::size_t groups, double lr, double ratio) {
    std::vector<double> rates(groups, lr);
    for (std::size_t k = 0; k + 1 < groups; ++k) rates[k] = lr / std::pow(ratio, double(groups - 1 - k) / double(groups - 1));
    return rates;
}

FocalResult focal_loss(const Array& logits, const std::vector<int>& labels, double gamma) {
    const std::size_t n = logits.shape(0), k = logits.shape(1);
    FocalResult result{0.0, Array::from_shape({n, k})};
    for (std::size_t i = 0; i < n; ++i) {
        double max_z = logits(i, 0);
        for (std::size_t j = 1; j < k; ++j) max_z = std::max(max_z, logits(i, j));
        double sum = 0;
        for (std::size_t j = 0; j < k; ++j) sum += std::exp(logits(i, j) - max_z);
        const std::size_t y = std::size_t(labels[i]);
        const double log_p = logits(i, y) - max_z - std::log(sum), p = std::exp(log_p), q = 1 - p;
        result.loss -= std::pow(q, gamma) * log_p / double(n);
        const double ratio = q > 1e-8 ? log_p / q : -1.0;  // log p / (1 − p) → −1 as p → 1
        const double scale = gamma * std::pow(q, gamma) * p * ratio - std::pow(q, gamma);
        for (std::size_t j = 0; j < k; ++j) {
            const double p_j = std::exp(logits(i, j) - max_z) / sum;
            result.dlogits(i, j) = scale * ((j == y ? 1.0 : 0.0) - p_j) / double(n);
        }
    }
    return result;
}

std::vector<double> f_beta_per_class(const std::vector<int>& predicted, const std::vector<int>& truth, int classes, double beta) {
    std::vector<double> tp(std::size_t(classes), 0), fp(std::size_t(classes), 0), fn(std::size_t(classes), 0), scores(std::size_t(classes), 0);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (predicted[i] == truth[i]) {
            ++tp[std::size_t(truth[i])];
        } else {
            ++fp[std::size_t(predicted[i])];
            ++fn[std::size_t(truth[i])];
        }
    }
    const double b2 = beta * beta;
    for (std::size_t c = 0; c < scores.size(); ++c) {
        const double precision = tp[c] + fp[c] > 0 ? tp[c] / (tp[c] + fp[c]) : 0.0, recall = tp[c] + fn[c] > 0 ? tp[c] / (tp[c] + fn[c]) : 0.0;
        scores[c] = precision + recall > 0 ? (1 + b2) * precision * recall / (b2 * precision + recall) : 0.0;
    }
    return scores;
}

}  // namespace ex06
