// Chapter 5 — segmentation as a dl::Task: what dl::fit needs to train a U-Net on scenes.
#pragma once

#include "segmentation.hpp"

#include "dl/train/fit.hpp"
#include "dl/train/task.hpp"
#include "dl/util/program.hpp"
#include "dl/util/timer.hpp"

#include <functional>
#include <memory>

namespace ch05 {

/// Labelling pixels: outputs (B, K, H, W) scores, one label per pixel (the masks, B·H·W).
/// The training loss is Loss (pixel cross-entropy, Dice, or their sum); validation
/// measures pixel cross-entropy, pixel accuracy and mean IoU ("mean_iou").
class SegmentationTask final : public dl::Task {
public:
    /// @param loss the loss the steps minimize
    /// @param validation scored after every epoch (kept by reference)
    /// @param classes K, background included
    SegmentationTask(Loss loss, const dl::SegmentationSet& validation, int classes);
    ~SegmentationTask() override;

    std::string accuracy_name() const override { return "pixel_accuracy"; }
    float loss(const dl::Tensor<float>& outputs, const dl::Batch& batch, dl::Tensor<float>& gradient) override;
    std::vector<int> predictions(const dl::Tensor<float>& outputs) const override;
    bool has_validation() const override { return validation_.size() > 0; }
    dl::Score validate(dl::Layer<float>& model) override;

private:
    struct Losses;  // pixel cross-entropy and Dice, as the loss asks
    std::unique_ptr<Losses> losses_;
    const dl::SegmentationSet& validation_;
    int classes_;
};

/// Mirrors each scene of a batch left-right, image and mask together, with probability 1/2.
/// @param seed the seed of the coin flips
/// @return the augmentation, for dl::FitOptions::augment
std::function<void(dl::Batch&)> make_scene_flips(std::uint64_t seed);

/// Trains @p model on data.train with the settings' optimizer, schedule, batch size,
/// augmentation and loss through dl::fit, scoring data.validation after each epoch.
/// @return one record per epoch; val_more holds "mean_iou"
/// @throws dl::TrainingDiverged as dl::fit does
std::vector<dl::EpochRecord> train_unet(dl::Layer<float>& model, const Settings& settings, const SceneSplits& data);

/// Writes history.csv, loss.png and miou.png for @p history into @p run_dir.
void save_segmentation_history(const std::string& run_dir, const std::vector<dl::EpochRecord>& history, const std::string& title);

/// @brief Reads the command line into @p settings: the flags of dl::add_training_flags()
/// (but --val-size: the scenes have their own validation folder), the network's (--encoder,
/// --pretrained, --decoder, --levels, --width), --loss, --augment, --scenes, --train-scenes,
/// --tta, --evaluate, --experiment and --predict. Picks the run folder or the experiment's
/// budget, sets the threads, refuses flags that would be ignored and an unwritable --out now
/// rather than after training.
/// @param argc argc of main
/// @param argv argv of main
/// @param settings the defaults in, the flags' values out
/// @return what to do
/// @throws dl::ProgramExit after --help or a refused flag; std::invalid_argument for flags that do not go together
dl::Command parse_command_line(int argc, char** argv, Settings& settings);

/// @brief Prints what the main run will train, on how many scenes, and the network's parts.
void print_plan(const Settings& settings, const SceneSplits& data, UNet<float>& model);

/// @brief The main run's report: the model measured as it is tested (with --tta), the IoU
/// per class, history.csv and its curves, prediction grids, the legend, the checkpoint,
/// results.json, and the test mIoU printed last.
/// @param timer started before the network was built: the run's time
void report_main_run(const Settings& settings, const SceneSplits& data, UNet<float>& model, const std::vector<dl::EpochRecord>& history,
                     const dl::Timer& timer);

/// @brief `--evaluate CHECKPOINT`: measures a saved model on the validation and test scenes.
void run_evaluation(Settings settings, const SceneSplits& data, const std::string& checkpoint);

}  // namespace ch05
