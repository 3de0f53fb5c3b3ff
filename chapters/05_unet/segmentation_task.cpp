// Chapter 5 — segmentation as a dl::Task, its augmentation, and the run that trains a U-Net.
#include "segmentation_task.hpp"

#include "dl/data/augment.hpp"
#include "dl/losses/dice_loss.hpp"
#include "dl/losses/pixel_cross_entropy.hpp"
#include "dl/optim/make_optimizer.hpp"
#include "dl/train/plot.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/train/train_classifier.hpp"

#include <algorithm>
#include <memory>

namespace ch05 {

/// The loss the steps minimize: pixel cross-entropy, Dice, or their sum.
struct SegmentationTask::Losses {
    bool ce, dice;
    dl::PixelCrossEntropy<float> cross_entropy;
    dl::DiceLoss<float> dice_loss;
};

SegmentationTask::SegmentationTask(Loss loss, const dl::SegmentationSet& validation, int classes)
    : losses_(std::make_unique<Losses>(Losses{loss != Loss::dice, loss != Loss::ce, dl::PixelCrossEntropy<float>(), dl::DiceLoss<float>()})),
      validation_(validation),
      classes_(classes) {}

SegmentationTask::~SegmentationTask() = default;

//! [segmentation_loss]
float SegmentationTask::loss(const dl::Tensor<float>& outputs, const dl::Batch& batch, dl::Tensor<float>& gradient) {
    Losses& l = *losses_;
    const float value = (l.ce ? l.cross_entropy.forward(outputs, batch.labels) : 0.0f) + (l.dice ? l.dice_loss.forward(outputs, batch.labels) : 0.0f);
    if (l.ce && l.dice)
        gradient = l.cross_entropy.backward() + l.dice_loss.backward();  // (B, K, H, W)
    else
        gradient = l.ce ? l.cross_entropy.backward() : l.dice_loss.backward();
    return value;
}
//! [segmentation_loss]

std::vector<int> SegmentationTask::predictions(const dl::Tensor<float>& outputs) const { return predict_pixels(outputs); }

dl::Score SegmentationTask::validate(dl::Layer<float>& model) {
    const SegmentationScore score = evaluate_segmentation(model, validation_, classes_);
    return dl::Score{score.loss, score.pixel_accuracy, {{"mean_iou", score.mean_iou}}};
}

std::function<void(dl::Batch&)> make_scene_flips(std::uint64_t seed) {
    auto rng = std::make_shared<dl::Rng>(seed);
    return [rng](dl::Batch& batch) {
        const std::size_t n = batch.images.shape(0), h = batch.images.shape(2), w = batch.images.shape(3);  // masks (B·H·W)
        for (std::size_t i = 0; i < n; ++i) {
            if (rng->uniform(0, 1) < 0.5) continue;
            dl::horizontal_flip(batch.images, i);
            for (std::size_t r = 0; r < h; ++r) {
                int* labels = batch.labels.data() + (i * h + r) * w;
                std::reverse(labels, labels + w);
            }
        }
    };
}

std::vector<dl::EpochRecord> train_unet(dl::Layer<float>& model, const Settings& s, const SceneSplits& data) {
    auto optimizer = dl::make_optimizer(s.optimizer, dl::single_group(model.parameters(), s.lr, s.weight_decay), s.momentum);
    dl::DataLoader loader(data.train.images, data.train.masks, s.batch_size, true, s.seed + 2);
    dl::FitOptions options = dl::fit_options(s);
    if (s.augment == "flip")
        options.augment = make_scene_flips(s.seed + 3);
    else if (s.augment != "none")
        throw std::invalid_argument("--augment for scenes must be none or flip, got '" + s.augment + "'");
    SegmentationTask task(s.loss, data.validation, int(scene_classes().size()));
    return dl::fit(model, *optimizer, loader, task, options);
}

void save_segmentation_history(const std::string& run_dir, const std::vector<dl::EpochRecord>& history, const std::string& title) {
    const dl::RunDirectory run(run_dir);
    run.write("history.csv", dl::history_csv(history, "pixel_accuracy"));
    dl::Series train_loss{"train (the loss minimized)", {}, {}}, val_loss{"validation (pixel cross-entropy)", {}, {}};
    dl::Series miou{"validation mIoU", {}, {}}, pixel{"validation pixel accuracy", {}, {}};
    for (const dl::EpochRecord& e : history) {
        for (dl::Series* series : {&train_loss, &val_loss, &miou, &pixel}) series->x.push_back(e.epoch);
        train_loss.y.push_back(e.train_loss);
        val_loss.y.push_back(e.val_loss);
        miou.y.push_back(dl::val_metric(e, "mean_iou"));
        pixel.y.push_back(e.val_accuracy);
    }
    dl::plot_lines(run.file("loss.png"), {train_loss, val_loss}, {title + ": loss", "epoch", "loss"});
    dl::plot_lines(run.file("miou.png"), {miou, pixel}, {title + ": validation", "epoch", "mean IoU / pixel accuracy"});
}

}  // namespace ch05
