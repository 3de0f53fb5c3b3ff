// Chapter 5 — data, training loop, measurements and pictures of the segmentation program.
#include "segmentation.hpp"

#include "resnet.hpp"

#include "dl/data/augment.hpp"
#include "dl/data/fashion_mnist.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/io/image_grid.hpp"
#include "dl/losses/pixel_cross_entropy.hpp"
#include "dl/losses/pixel_rows.hpp"
#include "dl/metrics/accuracy.hpp"
#include "dl/metrics/confusion_matrix.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/names.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <numeric>
#include <stdexcept>

namespace ch05 {

const std::map<std::string, Loss>& loss_names() {
    static const std::map<std::string, Loss> names = {{"ce", Loss::ce}, {"dice", Loss::dice}, {"ce+dice", Loss::ce_dice}};
    return names;
}

std::string loss_name(Loss loss) { return dl::name_of(loss_names(), loss); }

const std::vector<std::string>& scene_classes() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all = {"background"};
        for (const std::string& name : dl::fashion_mnist_classes()) all.push_back(name);
        return all;
    }();
    return names;
}

std::string prepare_scenes(const Settings& s) {
    if (!s.scenes_dir.empty()) {
        if (!std::filesystem::is_directory(s.scenes_dir)) throw std::runtime_error("--scenes " + s.scenes_dir + ": no such folder");
        return s.scenes_dir;
    }
    const std::string dir = dl::default_scenes_dir();
    dl::make_fashion_scenes(dir, dl::locate_fashion_mnist(s.data_dir), s.scene_sizes, 1, dl::SceneOptions{}, &std::cout);
    return dir;
}

SceneSplits load_scene_splits(const std::string& dir, std::size_t train_size, std::uint64_t seed, const dl::Normalization* normalization) {
    const int classes = int(scene_classes().size());
    SceneSplits data{dl::load_segmentation_folder(dir + "/train", classes),
                     dl::load_segmentation_folder(dir + "/val", classes),
                     dl::load_segmentation_folder(dir + "/test", classes),
                     {}};
    // One network size for all three: validation and test scenes of another size would be
    // measured on images unlike those it learned from.
    for (const auto& [name, set] : {std::pair<const char*, const dl::SegmentationSet*>{"val", &data.validation}, {"test", &data.test}}) {
        if (set->images.shape(2) != data.train.images.shape(2) || set->images.shape(3) != data.train.images.shape(3)) {
            throw std::runtime_error(dir + "/" + name + ": its scenes are " + std::to_string(set->images.shape(3)) + "x" +
                                     std::to_string(set->images.shape(2)) + " but the training scenes (" + dir + "/train) are " +
                                     std::to_string(data.train.images.shape(3)) + "x" + std::to_string(data.train.images.shape(2)) +
                                     "; all three splits must have one size");
        }
    }
    if (train_size > data.train.size()) {
        throw std::invalid_argument("--train-size " + std::to_string(train_size) + " (given, or an experiment's budget): " + dir +
                                    "/train holds only " + std::to_string(data.train.size()) + " scenes; pass a smaller --train-size, or 0 for all");
    }
    if (train_size != 0 && train_size < data.train.size()) {
        std::vector<std::size_t> keep = dl::Rng(seed).permutation(data.train.size());
        keep.resize(train_size);
        data.train = dl::select(data.train, keep);
    }
    data.normalization = normalization != nullptr ? *normalization : dl::fit_normalization(data.train.images);
    for (dl::SegmentationSet* set : {&data.train, &data.validation, &data.test}) dl::normalize(set->images, data.normalization);
    return data;
}

std::unique_ptr<dl::Normalization> input_normalization(const Architecture& architecture) {
    if (architecture.encoder == Encoder::plain) return nullptr;
    return std::make_unique<dl::Normalization>(ch04::training_normalization());
}

//! [make_unet]
std::unique_ptr<UNet<float>> make_unet(const Settings& s, dl::Rng& rng) {
    if (s.architecture.encoder == Encoder::plain || s.pretrained == "none") return std::make_unique<UNet<float>>(s.architecture, rng);
    ch04::Architecture resnet20;  // the committed checkpoint's network
    ch04::ResNet<float> resnet = ch04::build_resnet(resnet20, rng);
    const std::string path = s.pretrained.empty() ? ch04::committed_checkpoint_path() : s.pretrained;
    dl::load_checkpoint(path, resnet, ch04::architecture_tag(resnet20));  // refuses any other network
    return std::make_unique<UNet<float>>(s.architecture, std::move(resnet), rng);
}
//! [make_unet]

namespace {

/// Scenes [first, first + count) of @p data as a batch: images (B, 1, H, W), masks (B·H·W).
dl::SegmentationSet batch_of(const dl::SegmentationSet& data, const std::vector<std::size_t>& order, std::size_t first, std::size_t count) {
    return dl::select(data, std::vector<std::size_t>(order.begin() + long(first), order.begin() + long(first + count)));
}

}  // namespace

std::vector<int> predict_pixels(const dl::Tensor<float>& logits) { return dl::argmax_rows(dl::pixels_as_rows(logits)); }

//! [predict_scores]
dl::Tensor<float> predict_scores(dl::Layer<float>& model, const dl::Tensor<float>& images, bool flip_average) {
    dl::Tensor<float> scores = model.forward(images);  // (B, K, H, W)
    if (!flip_average) return scores;
    dl::Tensor<float> mirrored = images;  // (B, C, H, W)
    dl::horizontal_flip(mirrored);
    dl::Tensor<float> mirrored_scores = model.forward(mirrored);  // (B, K, H, W), of the mirror images
    dl::horizontal_flip(mirrored_scores);                         // now pixel by pixel aligned with scores
    return 0.5f * (scores + mirrored_scores);
}
//! [predict_scores]

SegmentationScore evaluate_segmentation(dl::Layer<float>& model, const dl::SegmentationSet& data, int classes, bool flip_average,
                                        std::size_t batch_size) {
    const bool was_training = model.is_training();
    model.eval();
    dl::ConfusionMatrix confusion{std::size_t(classes)};
    dl::PixelCrossEntropy<float> cross_entropy;
    std::vector<std::size_t> order(data.size());
    std::iota(order.begin(), order.end(), 0);
    double loss_sum = 0;
    for (std::size_t first = 0; first < data.size(); first += batch_size) {
        const dl::SegmentationSet batch = batch_of(data, order, first, std::min(batch_size, data.size() - first));
        const dl::Tensor<float> logits = predict_scores(model, batch.images, flip_average);  // (B, K, H, W)
        loss_sum += double(cross_entropy.forward(logits, batch.masks)) * double(batch.size());
        confusion.add(predict_pixels(logits), batch.masks);
    }
    model.train(was_training);
    SegmentationScore score;
    score.loss = loss_sum / double(data.size());
    score.pixel_accuracy = confusion.accuracy();
    score.mean_iou = confusion.mean_iou();
    for (int c = 0; c < classes; ++c) score.class_iou.push_back(confusion.iou(c));
    return score;
}

namespace {

/// RGB in [0, 1] for each class; every colour has a channel at 1 and background is black,
/// so ImageGrid's per-tile stretch leaves them unchanged.
const float kPalette[11][3] = {{0, 0, 0},       {1, 0.25f, 0.25f}, {1, 0.6f, 0},    {1, 1, 0.2f}, {0.3f, 1, 0.3f}, {0, 1, 1},
                               {0.2f, 0.5f, 1}, {0.7f, 0.35f, 1},  {1, 0.4f, 0.8f}, {1, 1, 1},    {0.6f, 1, 0.8f}};

}  // namespace

std::vector<float> colour_planes(const int* labels, std::size_t plane) {
    std::vector<float> rgb(3 * plane);
    for (std::size_t p = 0; p < plane; ++p) {
        for (int c = 0; c < 3; ++c) rgb[std::size_t(c) * plane + p] = kPalette[std::clamp(labels[p], 0, 10)][c];
    }
    return rgb;
}

void save_prediction_grid(const std::string& path, dl::Layer<float>* model, const dl::SegmentationSet& data, std::size_t count, bool flip_average) {
    count = std::min(count, data.size());
    std::vector<std::size_t> first(count);
    std::iota(first.begin(), first.end(), 0);
    const dl::SegmentationSet scenes = dl::select(data, first);
    std::vector<int> predicted;  // (B·H·W)
    if (model != nullptr) {
        const bool was_training = model->is_training();
        model->eval();
        predicted = predict_pixels(predict_scores(*model, scenes.images, flip_average));
        model->train(was_training);
    }
    const int h = int(scenes.images.shape(2)), w = int(scenes.images.shape(3));
    const std::size_t plane = std::size_t(h) * w;
    dl::ImageGrid grid(model != nullptr ? 3 : 2, int(count), 2 * std::max(h, w));
    for (std::size_t i = 0; i < count; ++i) {
        grid.place(int(i), scenes.images.data() + i * plane, h, w);
        grid.place_rgb(int(count + i), colour_planes(scenes.masks.data() + i * plane, plane).data(), h, w);
        if (model != nullptr) grid.place_rgb(int(2 * count + i), colour_planes(predicted.data() + i * plane, plane).data(), h, w);
    }
    grid.write(path);
}

void save_legend(const std::string& path) {
    const int classes = int(scene_classes().size()), side = 12;
    dl::ImageGrid grid(1, classes, 96, 1);
    for (int c = 0; c < classes; ++c) {
        // A white frame around black, a black frame around the colours: every swatch holds
        // both 0 and 1, so ImageGrid's per-tile stretch leaves its colour unchanged.
        std::vector<float> swatch(3 * side * side);  // (3, side, side)
        for (int ch = 0; ch < 3; ++ch) {
            for (int p = 0; p < side * side; ++p) {
                const bool frame = p / side == 0 || p / side == side - 1 || p % side == 0 || p % side == side - 1;
                swatch[std::size_t(ch * side * side + p)] = frame ? (c == 0 ? 1.0f : 0.0f) : kPalette[c][ch];
            }
        }
        grid.place_rgb(c, swatch.data(), side, side, scene_classes()[std::size_t(c)]);
    }
    grid.write(path);
}

}  // namespace ch05
