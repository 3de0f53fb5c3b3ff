/// @file schedules.hpp
/// @brief Learning-rate schedules as multipliers of each group's base rate over training.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace dl {

/// A schedule maps training progress t ∈ [0, 1) to a multiplier of the base learning rate
/// (FitOptions::lr_factor applies it to every parameter group).
using Schedule = std::function<double(double)>;

/// 1 throughout.
Schedule constant_schedule();

/// Falls linearly from 1 to 0.
Schedule linear_decay_schedule();

/// Multiplies by @p gamma at each milestone (fractions of training, e.g. {0.5, 0.75}).
Schedule step_schedule(std::vector<double> milestones = {0.5, 0.75}, double gamma = 0.1);

/// Half a cosine wave from 1 down to @p final_factor (Loshchilov & Hutter, 2017, without restarts).
Schedule cosine_schedule(double final_factor = 0.0);

/// Triangular cycles between @p min_factor and 1, @p cycles times over training (Smith, 2017).
Schedule cyclical_schedule(int cycles = 4, double min_factor = 0.1);

/// One cycle (Smith & Topin, 2019, in fastai's cosine form): rises from 1/@p div_factor to 1
/// over the first @p warmup of training, then falls to 1/(@p div_factor · @p final_div).
Schedule one_cycle_schedule(double warmup = 0.3, double div_factor = 25.0, double final_div = 1e4);

/// The schedule named by a command-line flag: none, linear, step, cosine, cyclical or
/// one-cycle (with the defaults above); throws std::invalid_argument naming any other.
Schedule make_schedule(const std::string& name);

}  // namespace dl
