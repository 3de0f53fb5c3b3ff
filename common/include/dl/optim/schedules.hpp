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

/// @brief 1 throughout.
/// @return the schedule
Schedule constant_schedule();

/// @brief Falls linearly from 1 to 0.
/// @return the schedule
Schedule linear_decay_schedule();

/// @brief Multiplies by @p gamma at each milestone (fractions of training, e.g. {0.5, 0.75}).
/// @param milestones the fractions of training at which the rate drops
/// @param gamma the factor of each drop
/// @return the schedule
Schedule step_schedule(std::vector<double> milestones = {0.5, 0.75}, double gamma = 0.1);

/// @brief Half a cosine wave from 1 down to @p final_factor (Loshchilov & Hutter, 2017, without restarts).
/// @param final_factor the multiplier at the end of training
/// @return the schedule
Schedule cosine_schedule(double final_factor = 0.0);

/// @brief Triangular cycles between @p min_factor and 1, @p cycles times over training (Smith, 2017).
/// @param cycles the number of cycles, at least 1
/// @param min_factor the multiplier at the start and end of each cycle
/// @return the schedule
Schedule cyclical_schedule(int cycles = 4, double min_factor = 0.1);

/// One cycle (Smith & Topin, 2019, in fastai's cosine form): rises from 1/@p div_factor to 1
/// over the first @p warmup of training, then falls to 1/(@p div_factor · @p final_div).
/// @param warmup the fraction of training spent rising, in (0, 1)
/// @param div_factor how many times smaller the starting multiplier is than the peak
/// @param final_div how many times smaller again the final multiplier is than the starting one
/// @return the schedule
Schedule one_cycle_schedule(double warmup = 0.3, double div_factor = 25.0, double final_div = 1e4);

/// The schedule named by a command-line flag: none, linear, step, cosine, cyclical or
/// one-cycle (with the defaults above); throws std::invalid_argument naming any other.
/// @param name the schedule's name
/// @return the schedule
Schedule make_schedule(const std::string& name);

}  // namespace dl
