/// @file task.hpp
/// @brief What a training run optimizes and measures: the one part of fit() that differs
/// between classifying images, labelling pixels and fine-tuning.
#pragma once

#include "dl/data/loader.hpp"
#include "dl/layers/layer.hpp"

#include <limits>
#include <string>
#include <vector>

namespace dl {

/// One named measurement beyond loss and accuracy, such as {"mean_iou", 0.80}.
struct Metric {
    std::string name;  ///< as history.csv's column after "val_"
    double value = 0;  ///< the measurement
};

/// A task's measurement of a model on a set of examples.
struct Score {
    double loss = std::numeric_limits<double>::quiet_NaN();      ///< mean reference loss (cross-entropy)
    double accuracy = std::numeric_limits<double>::quiet_NaN();  ///< fraction of the predictions right
    std::vector<Metric> more;                                    ///< the task's other measurements
};

/// What fit() asks of a problem. fit() owns the loop — batches, schedule, divergence checks,
/// clipping, optimizer steps, the epoch table — and a Task says, for its kind of problem,
/// how a batch becomes targets, which loss the steps minimize, what counts as one
/// prediction, and how the model is measured after each epoch.
///
/// A batch's labels are its targets as loaded: one class per image for classification
/// (B), one class per pixel for segmentation (B·H·W).
class Task {
public:
    virtual ~Task() = default;

    /// @brief What accuracy counts, as history.csv names it: "accuracy" or "pixel_accuracy".
    /// @return the name
    virtual std::string accuracy_name() const { return "accuracy"; }

    /// @brief Called with each training batch before its forward pass, after augmentation:
    /// the batch becomes its targets here (mixup also blends the images).
    /// @param batch the batch, changed in place
    virtual void prepare(Batch& batch) { (void)batch; }

    /// @brief The training loss of the batch last prepared, and its gradient.
    /// @param outputs the network's outputs for batch.images
    /// @param batch the prepared batch
    /// @param gradient set to dL/doutputs, the shape of @p outputs
    /// @return the batch's mean loss
    virtual float loss(const Tensor<float>& outputs, const Batch& batch, Tensor<float>& gradient) = 0;

    /// @brief The predicted classes, in the order of a batch's labels.
    /// @param outputs the network's outputs
    /// @return one class per label
    virtual std::vector<int> predictions(const Tensor<float>& outputs) const = 0;

    /// @brief Whether validate() has examples to measure.
    /// @return false when there is no validation set
    virtual bool has_validation() const = 0;

    /// @brief Measures @p model on the validation set in evaluation mode (its mode is
    /// restored afterwards).
    /// @param model the network
    /// @return the score
    virtual Score validate(Layer<float>& model) = 0;
};

}  // namespace dl
