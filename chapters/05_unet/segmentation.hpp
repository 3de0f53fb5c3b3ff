// Chapter 5 — the settings, data, training loop and measurements of the segmentation program.
#pragma once

#include "unet.hpp"

#include "dl/data/fashion_scenes.hpp"
#include "dl/data/normalize.hpp"
#include "dl/data/segmentation_folder.hpp"
#include "dl/explain/predict_photos.hpp"
#include "dl/train/experiment.hpp"
#include "dl/train/settings.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ch05 {

/// The loss the training steps minimize (`--loss`).
enum class Loss {
    ce,       ///< pixel cross-entropy
    dice,     ///< soft Dice over the classes
    ce_dice,  ///< their sum
};

/// @brief The `--loss` values and what each means: "ce", "dice", "ce+dice".
/// @return the names, for CLI11's CheckedTransformer
const std::map<std::string, Loss>& loss_names();

/// @brief The flag value of @p loss.
/// @param loss the loss
/// @return "ce", "dice" or "ce+dice"
std::string loss_name(Loss loss);

/// Every knob of the chapter-5 program. The defaults are the chapter's main run.
struct Settings : dl::TrainingSettings {
    Architecture architecture;
    std::string scenes_dir;           ///< dataset folder with train/, val/ and test/ ("" = the book's, made on first use)
    dl::SceneSplitSizes scene_sizes;  ///< sizes of the book's dataset when it is made
    Loss loss = Loss::ce_dice;        ///< what the steps minimize
    std::string pretrained;           ///< resnet20 encoder: chapter 4's checkpoint ("" = the committed one, "none" = random weights)
    std::string tta = "flip";         ///< test-time augmentation: none | flip (average the scores of each scene and its mirror image)

    Settings() {
        // A peak rate below the 3e-3 that trains a plain encoder from scratch, so as not to
        // wash out what the pretrained ResNet-20 encoder learned; 8 epochs over 8,000 scenes
        // rather than more epochs over fewer: README.md, "More scenes, not more epochs".
        epochs = 8;
        batch_size = 32;
        optimizer = "adam";
        lr = 2e-3;
        decay = "one-cycle";
        augment = "flip";
        out_dir = dl::default_run_dir("05_unet/main");
    }
};

/// The three splits of a scenes folder, normalized with the training images' statistics.
struct SceneSplits {
    dl::SegmentationSet train, validation, test;  ///< images (N, 1, H, W), masks (N·H·W)
    dl::Normalization normalization;              ///< fitted on train
};

/// Loads `dir/train`, `dir/val` and `dir/test`; keeps a seeded random @p train_size of the
/// training scenes if it is not 0. The images are normalized with @p normalization if
/// given, else with the statistics of the training images.
SceneSplits load_scene_splits(const std::string& dir, std::size_t train_size, std::uint64_t seed, const dl::Normalization* normalization = nullptr);

/// The normalization a network needs: a ResNet encoder sees its inputs as chapter 4 did
/// (ch04::training_normalization(), so its pretrained filters apply); a plain one gets the
/// scenes' own statistics (nullptr).
std::unique_ptr<dl::Normalization> input_normalization(const Architecture& architecture);

/// The network the settings describe; a resnet20 encoder gets chapter 4's trained weights
/// unless settings.pretrained is "none". The same @p rng draws give the same decoder.
std::unique_ptr<UNet<float>> make_unet(const Settings& settings, dl::Rng& rng);

/// The folder to read scenes from: settings.scenes_dir if given (it must exist), else the
/// book's default folder, made from Fashion-MNIST on first use.
std::string prepare_scenes(const Settings& settings);

/// A model's quality on a set of scenes.
struct SegmentationScore {
    double loss = 0;                ///< mean pixel cross-entropy
    double pixel_accuracy = 0;      ///< fraction of pixels classified right
    double mean_iou = 0;            ///< mean of the per-class IoU over the classes present or predicted
    std::vector<double> class_iou;  ///< (classes) IoU per class
};

/// The score maps (B, K, H, W) of @p model for @p images (B, C, H, W), as the model is
/// (training or evaluation mode). With @p flip_average, the mean of the scores of the
/// images and of their mirror images, mirrored back: test-time augmentation with the same
/// flip the network was trained with, at twice the cost.
dl::Tensor<float> predict_scores(dl::Layer<float>& model, const dl::Tensor<float>& images, bool flip_average);

/// Runs @p model in evaluation mode over @p data in batches; with @p flip_average, each
/// batch's scores come from predict_scores()'s flip average.
SegmentationScore evaluate_segmentation(dl::Layer<float>& model, const dl::SegmentationSet& data, int classes, bool flip_average = false,
                                        std::size_t batch_size = 50);

/// A grid of the first @p count scenes of @p data: input, true mask and @p model's
/// prediction in three rows (two without a model), masks coloured by class; written as a
/// PNG to @p path. @p flip_average as for evaluate_segmentation().
void save_prediction_grid(const std::string& path, dl::Layer<float>* model, const dl::SegmentationSet& data, std::size_t count,
                          bool flip_average = false);

/// @brief A mask as three colour planes, each class in its colour of the legend (save_legend()).
/// @param labels (H·W) labels, 0 = background
/// @param plane H·W
/// @return (3, H, W) red, green and blue in 0-1
std::vector<float> colour_planes(const int* labels, std::size_t plane);

/// @brief Each pixel's most probable class.
/// @param logits (B, K, H, W) scores
/// @return (B·H·W) labels
std::vector<int> predict_pixels(const dl::Tensor<float>& logits);

/// `./book run 05 --predict IMAGE...`: loads the U-Net the flags describe from
/// request.checkpoint, else from the main run's runs/05_unet/main/model.ckpt (train it
/// first), prepares each image like a Fashion scene (dl::prepare_like_scene()), predicts a
/// class for every pixel (with the flip average of --tta), prints the share of the image
/// each class covers, and saves a panel in @p out_dir (the image, the network's 64×64
/// input, the mask, the mask over the input) and results.json.
/// @param request the images and the checkpoint (request.explain is refused)
/// @param settings the flags (the architecture, --tta, the scenes folder for a plain encoder's normalization)
/// @param out_dir the folder for the panels (created if missing)
void run_predict(const dl::PredictRequest& request, const Settings& settings, const std::string& out_dir);

/// The eleven colours of the masks, with the class names, as a one-row PNG legend.
void save_legend(const std::string& path);

/// Class names of the scenes: "background", then Fashion-MNIST's ten.
const std::vector<std::string>& scene_classes();

/// The experiments: decoders.
const std::vector<dl::Experiment>& experiments();

/// Runs the experiment @p name with @p settings; it prints its table and writes table.md,
/// results.json and its grids into settings.out_dir.
void run_experiment(const std::string& name, const Settings& settings, const SceneSplits& data);

}  // namespace ch05
