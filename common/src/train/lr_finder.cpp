#include "dl/train/lr_finder.hpp"

#include "dl/losses/softmax_cross_entropy.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dl {

LrFinderResult find_learning_rate(Layer<float>& model, Optimizer<float>& optimizer, DataLoader& loader, double start, double end, int steps,
                                  double smoothing) {
    if (!(start > 0.0 && end > start && steps >= 2)) throw std::invalid_argument("find_learning_rate: need 0 < start < end and at least 2 steps");
    // Keep the weights (and running statistics) to put them back after the sweep.
    std::vector<Tensor<float>> saved;
    for (Parameter<float>* p : model.parameters()) saved.push_back(p->value);
    for (Buffer<float>* b : model.buffers()) saved.push_back(b->value);

    const bool was_training = model.is_training();
    std::vector<double> group_lrs;
    for (const auto& group : optimizer.groups()) group_lrs.push_back(group.lr);

    LrFinderResult result;
    SoftmaxCrossEntropy<float> loss;
    const double growth = std::pow(end / start, 1.0 / double(steps - 1));
    double average = 0, best = INFINITY;
    model.train();
    loader.start_epoch();
    Batch batch;
    for (int step = 0; step < steps; ++step) {
        if (!loader.next(batch)) {
            loader.start_epoch();
            loader.next(batch);
        }
        const double lr = start * std::pow(growth, step);
        optimizer.set_lr(lr);
        optimizer.zero_grad();
        const double value = loss.forward(model.forward(batch.images), batch.labels);
        model.backward(loss.backward());
        optimizer.step();
        average = smoothing * average + (1.0 - smoothing) * value;
        const double smoothed = average / (1.0 - std::pow(smoothing, step + 1));  // bias-corrected
        result.lrs.push_back(lr);
        result.losses.push_back(smoothed);
        best = std::min(best, smoothed);
        if (!std::isfinite(smoothed) || smoothed > 4.0 * best) break;  // diverging: stop
    }
    const auto lowest = std::min_element(result.losses.begin(), result.losses.end());
    result.suggested = result.lrs[std::size_t(lowest - result.losses.begin())] / 10.0;

    std::size_t i = 0;
    for (Parameter<float>* p : model.parameters()) p->value = saved[i++];
    for (Buffer<float>* b : model.buffers()) b->value = saved[i++];
    model.train(was_training);
    for (std::size_t g = 0; g < group_lrs.size(); ++g) optimizer.groups()[g].lr = group_lrs[g];
    return result;
}

}  // namespace dl
