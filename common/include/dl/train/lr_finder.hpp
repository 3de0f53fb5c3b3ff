/// @file lr_finder.hpp
/// @brief The learning-rate range test (Smith, 2017): try rates from tiny to huge, watch the loss.
#pragma once

#include "dl/data/loader.hpp"
#include "dl/layers/layer.hpp"
#include "dl/optim/optimizer.hpp"

#include <vector>

namespace dl {

/// What the sweep saw.
struct LrFinderResult {
    std::vector<double> lrs;     ///< the rate of each step, growing geometrically
    std::vector<double> losses;  ///< the smoothed training loss after each step
    double suggested = 0;        ///< a tenth of the rate with the lowest smoothed loss
};

/// Trains @p model for up to @p steps batches while the learning rate grows geometrically
/// from @p start to @p end, recording an exponentially smoothed loss (weight @p smoothing on
/// the past, bias-corrected). Stops early once the smoothed loss exceeds 4× its best: the
/// rate is then too high. The suggestion is the rate of the lowest loss divided by 10, a
/// rate still safely on the falling part of the curve.
///
/// The model's parameters, buffers and mode, and each group's learning rate, are restored
/// afterwards. Not restored: @p optimizer's momentum (build a fresh optimizer for the real
/// training) and the random state of @p loader and of any Dropout, so a run that used the
/// finder does not repeat one that did not.
/// @param model the network to probe
/// @param optimizer the optimizer over @p model's parameters
/// @param loader the training batches; a new epoch is started whenever one ends
/// @param start the first learning rate, above 0
/// @param end the last learning rate, above @p start
/// @param steps the largest number of steps, at least 2
/// @param smoothing the weight of the past in the smoothed loss
/// @return the rates, the smoothed losses and the suggested rate
LrFinderResult find_learning_rate(Layer<float>& model, Optimizer<float>& optimizer, DataLoader& loader, double start = 1e-6,
                                  double end = 1.0, int steps = 200, double smoothing = 0.98);

}  // namespace dl
