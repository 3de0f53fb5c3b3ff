/// @file classification_task.hpp
/// @brief The Task of classifying whole images: cross-entropy (or focal loss) against hard
/// labels or soft targets, accuracy over images.
#pragma once

#include "dl/data/dataset.hpp"
#include "dl/train/task.hpp"

#include <cstddef>
#include <functional>
#include <memory>

namespace dl {

template <class T>
class SoftmaxCrossEntropy;
template <class T>
class FocalLoss;

/// Turns a batch into its (B, K) target distributions; may blend the images too (mixup).
/// make_soft_targets() builds one from the regularization settings.
using SoftTargets = std::function<Tensor<float>(Batch&)>;

/// Classification: outputs (B, K) scores, one label per image. The training loss is softmax
/// cross-entropy against the labels, or against soft targets (mixup, label smoothing), or
/// the focal loss; validation always measures cross-entropy, so runs compare.
class ClassificationTask final : public Task {
public:
    /// @param validation measured after every epoch (kept by reference; may be empty)
    /// @param eval_batch images per validation forward pass (memory grows with it)
    explicit ClassificationTask(const ImageDataset& validation, std::size_t eval_batch = 200);
    ~ClassificationTask() override;

    /// @brief Trains against soft targets instead of the hard labels. Training accuracy
    /// is still counted against the labels.
    /// @param targets the batch's targets, or empty for hard labels
    /// @throws std::invalid_argument with the focal loss set
    void use_soft_targets(SoftTargets targets);

    /// @brief Trains with the focal loss of focusing exponent @p gamma (Lin et al., 2017).
    /// @param gamma γ ≥ 0
    /// @throws std::invalid_argument with soft targets set
    void use_focal_loss(double gamma);

    void prepare(Batch& batch) override;
    float loss(const Tensor<float>& outputs, const Batch& batch, Tensor<float>& gradient) override;
    std::vector<int> predictions(const Tensor<float>& outputs) const override;
    bool has_validation() const override { return validation_.size() > 0; }
    Score validate(Layer<float>& model) override;

private:
    const ImageDataset& validation_;
    std::size_t eval_batch_;
    SoftTargets soft_targets_;  // empty: the hard labels
    Tensor<float> targets_;     // (B, K) of the batch last prepared
    std::unique_ptr<SoftmaxCrossEntropy<float>> cross_entropy_;
    std::unique_ptr<FocalLoss<float>> focal_;  // null: cross-entropy
};

}  // namespace dl
