#include "dl/train/divergence_guard.hpp"

#include "dl/util/table.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace dl {

namespace {

bool all_finite(const Tensor<float>& t) {
    return std::all_of(t.begin(), t.end(), [](float v) { return std::isfinite(v); });
}

// "the weights of 'conv1.weight'" or similar: the first parameter, input side first, whose
// value or gradient is not finite.
std::string first_non_finite(const std::vector<Parameter<float>*>& parameters) {
    for (const Parameter<float>* p : parameters) {
        if (!all_finite(p->value)) return "the first parameter that is not finite is '" + p->name + "' (its values)";
        if (!all_finite(p->grad)) return "the first parameter whose gradient is not finite is '" + p->name + "'";
    }
    return "every parameter and gradient is still finite";
}

std::string number(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

}  // namespace

TrainingDiverged::TrainingDiverged(const std::string& reason, double lr)
    : std::runtime_error(reason + ". Try a lower --lr (the rate at that step was " + number(lr) + "), --clip-grad-norm 1 to bound each step, "
                         "or find a rate with the learning-rate finder (./book run 03 --experiment lr). No checkpoint or results "
                         "were written for this run; the files of earlier runs are untouched."),
      reason_(reason) {}

DivergenceGuard::DivergenceGuard(double explosion_factor)
    : explosion_factor_(explosion_factor), first_loss_(std::numeric_limits<double>::quiet_NaN()) {}

double DivergenceGuard::threshold() const { return explosion_factor_ * std::max(first_loss_, 1.0); }

void DivergenceGuard::check_step(int epoch, std::size_t step, std::size_t steps_per_epoch, double loss, double gradient_norm,
                                 const std::vector<Parameter<float>*>& parameters, double lr) {
    const bool first = std::isnan(first_loss_);
    if (first && std::isfinite(loss)) first_loss_ = loss;
    std::string problem;
    if (!std::isfinite(loss)) {
        problem = "the loss is " + number(loss);
    } else if (!std::isfinite(gradient_norm)) {
        problem = "the loss is " + number(loss) + " but the gradients' norm is " + number(gradient_norm);
    } else if (!first && loss > threshold()) {
        problem = "the loss has exploded to " + number(loss) + ", more than " + number(explosion_factor_) + " times the first step's (" +
                  fixed(first_loss_, 4) + ")";
    }
    if (problem.empty()) return;
    throw TrainingDiverged("training diverged at step " + std::to_string(step) + " of " + std::to_string(steps_per_epoch) + " in epoch " +
                               std::to_string(epoch) + ": " + problem + "; " + first_non_finite(parameters),
                           lr);
}

void DivergenceGuard::check_validation(int epoch, double validation_loss, double lr) const {
    std::string problem;
    if (!std::isfinite(validation_loss)) {
        problem = "the validation loss is " + number(validation_loss);
    } else if (!std::isnan(first_loss_) && validation_loss > threshold()) {
        problem = "the validation loss has exploded to " + number(validation_loss) + ", more than " + number(explosion_factor_) +
                  " times the first training step's loss (" + fixed(first_loss_, 4) + ")";
    }
    if (problem.empty()) return;
    throw TrainingDiverged("training diverged in epoch " + std::to_string(epoch) + ": " + problem, lr);
}

}  // namespace dl
