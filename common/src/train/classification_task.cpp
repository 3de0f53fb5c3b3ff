#include "dl/train/classification_task.hpp"

#include "dl/losses/focal_loss.hpp"
#include "dl/losses/softmax_cross_entropy.hpp"
#include "dl/metrics/accuracy.hpp"
#include "dl/train/fit.hpp"

#include <stdexcept>

namespace dl {

ClassificationTask::ClassificationTask(const ImageDataset& validation, std::size_t eval_batch)
    : validation_(validation), eval_batch_(eval_batch), cross_entropy_(std::make_unique<SoftmaxCrossEntropy<float>>()) {}

ClassificationTask::~ClassificationTask() = default;

void ClassificationTask::use_soft_targets(SoftTargets targets) {
    if (targets && focal_) throw std::invalid_argument("the focal loss cannot be combined with soft targets (mixup, label smoothing)");
    soft_targets_ = std::move(targets);
}

void ClassificationTask::use_focal_loss(double gamma) {
    if (soft_targets_) throw std::invalid_argument("the focal loss cannot be combined with soft targets (mixup, label smoothing)");
    focal_ = std::make_unique<FocalLoss<float>>(gamma);
}

void ClassificationTask::prepare(Batch& batch) {
    if (soft_targets_) targets_ = soft_targets_(batch);  // (B, K); mixup also blends batch.images
}

float ClassificationTask::loss(const Tensor<float>& outputs, const Batch& batch, Tensor<float>& gradient) {
    if (focal_) {
        const float value = focal_->forward(outputs, batch.labels);
        gradient = focal_->backward();  // (B, K)
        return value;
    }
    const float value = soft_targets_ ? cross_entropy_->forward_soft(outputs, targets_) : cross_entropy_->forward(outputs, batch.labels);
    gradient = cross_entropy_->backward();  // (B, K)
    return value;
}

std::vector<int> ClassificationTask::predictions(const Tensor<float>& outputs) const { return argmax_rows(outputs); }

Score ClassificationTask::validate(Layer<float>& model) {
    const Evaluation result = evaluate(model, validation_, eval_batch_);
    Score score;
    score.loss = result.loss;
    score.accuracy = result.accuracy;
    return score;
}

}  // namespace dl
