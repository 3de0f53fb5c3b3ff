// Chapter 6 — data, model and training of the fine-tuning program.
#include "finetune.hpp"

#include "resnet.hpp"  // chapter 4: the network whose checkpoint is fine-tuned

#include "dl/data/image_folder.hpp"
#include "dl/data/normalize.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/layers/surgery.hpp"
#include "dl/layers/transfer_model.hpp"
#include "dl/optim/discriminative.hpp"
#include "dl/util/names.hpp"
#include "dl/util/timer.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>

namespace ch06 {

std::string method_name(Method method) { return dl::name_of(method_names(), method); }

std::string default_digits_dir() {
    const char* root = std::getenv("BOOK_DATASETS_DIR");
    return (root != nullptr && *root != '\0' ? std::string(root) : std::string("datasets")) + "/digits";
}

std::string digits_folder(const Settings& s) {
    if (!s.data_dir.empty()) return s.data_dir;
    const std::string dir = default_digits_dir();
    if (!std::filesystem::is_directory(dir))
        throw std::runtime_error(
            dir + ": the digits are not there yet; run datasets/fetch_digits.sh (`./book run 06` does it on first use), or pass --data DIR");
    return dir;
}

std::string architecture_tag(const Settings& s, std::size_t classes) {
    return "resnet20-w16-head" + std::to_string(s.hidden) + "-k" + std::to_string(classes);
}

dl::DataSplits load_digit_splits(const std::string& dir, const dl::Normalization& normalization, std::uint64_t seed) {
    namespace fs = std::filesystem;
    for (const char* split : {"train", "test"}) {
        if (!fs::is_directory(fs::path(dir) / split))
            throw std::runtime_error(dir + ": has no " + split + "/ folder (expected " + dir + "/{train,val,test}/<class>/<image>)");
    }
    const dl::ImageFolderOptions gray28{28, 1};  // what the pretrained ResNet-20 takes
    dl::DataSplits splits;
    const dl::ImageDataset train = dl::load_image_folder(dir + "/train", gray28);
    if (fs::is_directory(fs::path(dir) / "val")) {
        splits.train = train;
        splits.validation = dl::load_image_folder(dir + "/val", gray28, train.class_names);
    } else {
        dl::TrainValidation parts = dl::split_validation(train, std::max<std::size_t>(1, train.size() / 10), seed);
        splits.train = std::move(parts.train);
        splits.validation = std::move(parts.validation);
    }
    splits.test = dl::load_image_folder(dir + "/test", gray28, train.class_names);
    splits.normalization = normalization;
    for (dl::ImageDataset* part : {&splits.train, &splits.validation, &splits.test}) dl::normalize(part->images, normalization);
    return splits;
}

//! [build_model]
std::unique_ptr<FinetuneNet> build_model(const Settings& s, Method method, std::size_t classes) {
    dl::Rng rng(s.seed);
    const ch04::Architecture resnet20;  // the committed checkpoint's: 16-32-64 channels
    ch04::ResNet<float> resnet = ch04::build_resnet(resnet20, rng);
    if (method != Method::scratch) {
        const std::string path = s.pretrained.empty() ? ch04::committed_checkpoint_path() : s.pretrained;
        dl::load_checkpoint(path, resnet, ch04::architecture_tag(resnet20));  // refuses anything but ResNet-20
    }
    std::vector<dl::Parameter<float>*> stage1 = resnet.stem_parameters();
    for (dl::Parameter<float>* p : resnet.stage_parameters(1)) stage1.push_back(p);
    // Pointers to the parameters: they stay valid when the cut moves the layers into the body.
    FinetuneNet::Stages stages = {stage1, resnet.stage_parameters(2), resnet.stage_parameters(3)};
    dl::BodyAndHead<float> parts = dl::cut_at_global_pool(std::move(resnet));  // drops the 10 Fashion classes
    const std::size_t features = std::size_t(4 * resnet20.width);              // the pool's output, (N, 64)
    return std::make_unique<FinetuneNet>(std::move(parts.body), dl::make_head<float>(features, s.hidden, classes, s.dropout, rng), std::move(stages));
}
//! [build_model]

namespace {

/// γ of the focal loss the settings ask for, or 0 for cross-entropy.
double focal_gamma(const Settings& s) { return s.loss == Loss::focal ? s.focal_gamma : 0.0; }

/// The body's parameters in three groups, input side first — ResNet-20's stem with its
/// first stage, its second stage, its third — then the head's.
//! [finetune_groups]
std::vector<dl::ParamGroup<float>> finetune_groups(FinetuneNet& model, const Settings& s) {
    std::vector<dl::ParamGroup<float>> groups = {
        {model.stage_parameters(1), 0, 0, "stem + stage 1"},
        {model.stage_parameters(2), 0, 0, "stage 2"},
        {model.stage_parameters(3), 0, 0, "stage 3"},
        {model.head().parameters(), 0, 0, "head"},
    };
    dl::spread_learning_rates(groups, s.finetune_lr, s.lr_ratio);  // lr/100 … lr
    for (auto& group : groups) group.weight_decay = s.weight_decay;
    return groups;
}
//! [finetune_groups]

/// Epochs that give at least s.min_steps optimizer steps on @p train_size images.
int budget_epochs(const Settings& s, std::size_t train_size) {
    const std::size_t per_epoch = std::max<std::size_t>(1, (train_size + s.batch_size - 1) / s.batch_size);
    const auto needed = int((s.min_steps + per_epoch - 1) / per_epoch);
    return std::max(s.epochs, needed);
}

/// @p splits with a training set of fewer than s.min_epoch_images images repeated whole
/// until an epoch has at least that many (the loader reshuffles the copies every epoch):
/// with 100 images and batch 64, an epoch would otherwise be 2 steps.
dl::DataSplits repeated_if_small(const Settings& s, const dl::DataSplits& splits) {
    const std::size_t n = splits.train.size();
    if (n == 0 || n >= s.min_epoch_images) return splits;
    std::vector<std::size_t> indices;
    for (std::size_t copy = 0; copy * n < s.min_epoch_images; ++copy)
        for (std::size_t i = 0; i < n; ++i) indices.push_back(i);
    dl::DataSplits repeated = splits;
    repeated.train = dl::select(splits.train, indices);
    return repeated;
}

void append(FinetuneOutcome& outcome, const dl::TrainingOutcome& phase, int first_epoch) {
    for (dl::EpochRecord record : phase.history) {
        record.epoch += first_epoch;
        outcome.history.push_back(record);
    }
}

}  // namespace

FinetuneOutcome train_by_method(FinetuneNet& model, const Settings& s, const dl::DataSplits& given) {
    dl::Timer timer;
    const dl::DataSplits splits = repeated_if_small(s, given);
    Settings run = s;
    run.epochs = budget_epochs(s, splits.train.size());
    const double gamma = focal_gamma(s);
    FinetuneOutcome outcome;
    dl::TrainingOutcome last;
    if (s.method == Method::scratch || s.method == Method::head) {
        model.freeze_body(s.method == Method::head);
        last = dl::train_classifier(model, dl::single_group(model.parameters(), s.lr, s.weight_decay), run, splits, true, gamma);
        append(outcome, last, 0);
    } else {
        //! [finetune_phases]
        // Phase 1: the new head learns on top of the frozen body, so that its random start
        // does not send large, meaningless gradients into the pretrained weights.
        Settings phase = run;
        phase.epochs = s.head_share == 0 ? 0 : std::min(run.epochs - 1, std::max(1, int(std::lround(run.epochs * s.head_share))));
        model.freeze_body(true);
        if (phase.epochs > 0)
            append(outcome, dl::train_classifier(model, dl::single_group(model.parameters(), s.lr, s.weight_decay), phase, splits, false, gamma), 0);
        // Phase 2: everything learns, the early layers slowest.
        const int first = phase.epochs;
        phase.epochs = std::max(1, run.epochs - first);
        model.freeze_body(false);
        last = dl::train_classifier(model, finetune_groups(model, s), phase, splits, true, gamma);
        append(outcome, last, first);
        //! [finetune_phases]
    }
    outcome.test = last.test;
    outcome.seconds = timer.seconds();
    // train_classifier drops a last batch of one image (BatchNorm cannot normalize it).
    const std::size_t n = splits.train.size(), per_epoch = n / s.batch_size + (n % s.batch_size > 1 ? 1 : 0);
    outcome.steps = outcome.history.size() * per_epoch;
    return outcome;
}

dl::DataSplits load_training_data(const Settings& s) {
    const std::string dir = digits_folder(s);
    std::cout << "Loading " << dir << " (and Fashion-MNIST's statistics, which the pretrained body expects)\n";
    dl::DataSplits splits = load_digit_splits(dir, ch04::training_normalization(), s.seed);
    try {
        if (s.labels_per_class > 0) splits.train = dl::per_class_subset(splits.train, s.labels_per_class, s.seed + 5);
    } catch (const std::invalid_argument& error) {
        throw std::invalid_argument("--labels-per-class " + std::to_string(s.labels_per_class) + ": in " + dir + "/train, " + error.what());
    }
    if (s.train_size > splits.train.size()) {
        throw std::invalid_argument("--train-size " + std::to_string(s.train_size) + ": " + dir + "/train gives " +
                                    std::to_string(splits.train.size()) + " training images; use at most that, or 0 for all");
    }
    if (s.train_size > 0) splits.train = dl::random_subset(splits.train, s.train_size, s.seed + 1);
    return splits;
}

const std::map<std::string, Loss>& loss_names() {
    static const std::map<std::string, Loss> names = {{"ce", Loss::ce}, {"focal", Loss::focal}};
    return names;
}

const std::map<std::string, Method>& method_names() {
    static const std::map<std::string, Method> names = {{"scratch", Method::scratch}, {"head", Method::head}, {"finetune", Method::finetune}};
    return names;
}

}  // namespace ch06
