// Chapter 6 — the pieces of the fine-tuning program that the experiments and the tests reuse.
#pragma once

#include "dl/data/dataset.hpp"
#include "dl/explain/predict_photos.hpp"
#include "dl/layers/transfer_model.hpp"
#include "dl/train/experiment.hpp"
#include "dl/train/settings.hpp"
#include "dl/train/train_classifier.hpp"
#include "dl/util/program.hpp"

#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ch06 {

/// How the network starts and what it trains.
enum class Method {
    scratch,   ///< ResNet-20 body, randomly initialized, trained with its new head
    head,      ///< the pretrained body, frozen for the whole budget: only the head learns
    finetune,  ///< the pretrained body frozen for the first head_share of the epochs, then everything, with discriminative rates
};

/// "scratch", "head" or "finetune".
std::string method_name(Method method);

/// The loss the training steps minimize (`--loss`).
enum class Loss {
    ce,     ///< softmax cross-entropy
    focal,  ///< the focal loss of Lin et al. (2017), with --focal-gamma
};

/// @brief The `--loss` values, "ce" and "focal", for dl::one_of().
/// @return the names and their losses
const std::map<std::string, Loss>& loss_names();

/// @brief The `--method` values and what each means, for dl::one_of().
/// @return "scratch", "head" and "finetune" with their methods
const std::map<std::string, Method>& method_names();

/// Every knob of the chapter-6 program. The defaults are the chapter's main run.
struct Settings : dl::TrainingSettings {
    std::string pretrained;  ///< chapter 4's checkpoint ("" = the committed one, ch04::committed_checkpoint_path())
    Method method = Method::finetune;
    std::size_t labels_per_class = 0;     ///< 0 = every training image; else this many of each class
    double head_share = 0.25;             ///< finetune: the fraction of the epochs with the body frozen (at least one epoch unless 0)
    double finetune_lr = 1e-3;            ///< finetune, after unfreezing: the head's rate; the body's groups get less
    double lr_ratio = 100;                ///< finetune: the first body group's rate is finetune_lr / lr_ratio
    std::size_t hidden = 256;             ///< width of the head's hidden layer
    double dropout = 0.5;                 ///< the head's second dropout (the first has half of it)
    Loss loss = Loss::ce;                 ///< what the training steps minimize
    double focal_gamma = 2.0;             ///< γ of the focal loss
    std::size_t min_steps = 0;            ///< if > 0, at least this many steps: small sets get more epochs (the experiments' equal budget)
    std::size_t min_epoch_images = 2048;  ///< a smaller training set is repeated within each epoch up to this many images

    Settings() {
        epochs = 8;
        batch_size = 64;
        optimizer = "adam";
        lr = 3e-3;
        decay = "one-cycle";
        augment = "none";
        out_dir = dl::default_run_dir("06_finetune/main");
    }
};

/// The digits folder `./book run 06` makes: $BOOK_DATASETS_DIR/digits, or datasets/digits.
std::string default_digits_dir();

/// The data folder: --data, else the book's digits (made by datasets/fetch_digits.sh);
/// throws, saying how to make them, if the digits are not there yet.
/// @param settings the flags
/// @return the folder
std::string digits_folder(const Settings& settings);

/// @brief The architecture tag of chapter-6 checkpoints, e.g. "resnet20-w16-head256-k10".
/// @param settings the flags (the head's width)
/// @param classes the number of classes
/// @return the tag
std::string architecture_tag(const Settings& settings, std::size_t classes);

/// Loads DIR/train, DIR/val and DIR/test (each one sub-folder per class), gray and 28×28,
/// normalized with @p normalization (the pretrained body's: ch04::training_normalization()). Without DIR/val, a seeded tenth of DIR/train is held
/// out instead. Refuses a missing train/ or test/, naming it.
dl::DataSplits load_digit_splits(const std::string& dir, const dl::Normalization& normalization, std::uint64_t seed);

/// Chapter 4's ResNet-20 body under a new head: a dl::TransferModel that also knows the
/// body's stages by name, handed over from the ch04::ResNet it was cut from.
class FinetuneNet : public dl::TransferModel<float> {
public:
    /// The body's parameters, stage by stage: the stem with stage 1, stage 2, stage 3.
    using Stages = std::array<std::vector<dl::Parameter<float>*>, 3>;

    /// @param body the ResNet cut at its global pool, (N, 1, 28, 28) → (N, 64)
    /// @param head the new classifier, (N, 64) → (N, K)
    /// @param stages the body's parameters by stage (ch04::ResNet::stem_parameters(), stage_parameters())
    FinetuneNet(dl::Sequential<float> body, dl::Sequential<float> head, Stages stages)
        : dl::TransferModel<float>(std::move(body), std::move(head)), stages_(std::move(stages)) {}

    /// @brief The body's parameters of ResNet stage @p stage; stage 1 includes the stem.
    /// @param stage 1, 2 or 3
    /// @return the parameters, owned by the body
    const std::vector<dl::Parameter<float>*>& stage_parameters(int stage) const { return stages_.at(std::size_t(stage - 1)); }

private:
    Stages stages_;
};

/// The network for @p method: chapter 4's ResNet-20 cut at its global pool (its weights
/// loaded from settings.pretrained unless scratch), with a new head for @p classes classes.
std::unique_ptr<FinetuneNet> build_model(const Settings& settings, Method method, std::size_t classes);

/// What a training run of one method produced.
struct FinetuneOutcome {
    std::vector<dl::EpochRecord> history;  ///< every epoch, both phases of finetune
    dl::Evaluation test;                   ///< on splits.test
    double seconds = 0;                    ///< wall time
    std::size_t steps = 0;                 ///< optimizer steps taken
};

/// Trains @p model (from build_model) by settings.method on splits.train and tests it. A
/// training set smaller than settings.min_epoch_images is repeated within each epoch.
/// Without a validation set (splits.validation empty) no validation figures are computed.
FinetuneOutcome train_by_method(FinetuneNet& model, const Settings& settings, const dl::DataSplits& splits);

/// `./book run 06 --predict IMAGE...`: loads the fine-tuned network from request.checkpoint,
/// else from the main run's runs/06_finetune/main/model.ckpt (train it first), its classes
/// being those of the data folder's train/ (digits_folder()), and runs dl::predict_photos()
/// with it. Photos are prepared like MNIST digits for the book's digits, like
/// Fashion-MNIST images for a folder of your own (--data).
/// @param request the images, the checkpoint and the class to explain
/// @param settings the flags (the head's width and the data folder)
/// @param out_dir the folder for the panels (created if missing)
void run_predict(const dl::PredictRequest& request, const Settings& settings, const std::string& out_dir);

/// The experiments: labels, imbalance.
const std::vector<dl::Experiment>& experiments();

/// Runs the experiment @p name on @p splits; it prints its table and writes table.md,
/// results.json and its plot into settings.out_dir.
void run_experiment(const std::string& name, const Settings& settings, const dl::DataSplits& splits);

/// @brief The training data of a run: the digits folder (digits_folder()), normalized as the
/// pretrained body expects, cut to --labels-per-class per class and then to --train-size
/// images if those are set; both refused, naming the folder, if it holds fewer.
dl::DataSplits load_training_data(const Settings& settings);

/// @brief Reads the command line into @p settings: the flags of dl::add_training_flags()
/// (but --val-size: a folder has its own validation images or a tenth of the training ones),
/// --method, --pretrained, --labels-per-class, the fine-tuning and head flags, --loss,
/// --experiment and --predict. Picks the run folder or the experiment's budget, sets the
/// threads, and refuses flags that the method or experiment would ignore.
/// @param argc argc of main
/// @param argv argv of main
/// @param settings the defaults in, the flags' values out
/// @return what to do
/// @throws dl::ProgramExit after --help or a refused flag; std::invalid_argument for flags that do not go together
dl::Command parse_command_line(int argc, char** argv, Settings& settings);

/// @brief Prints what the main run will train on how many images, the body's and head's
/// sizes, and saves examples.png (training images per class).
void print_plan(const Settings& settings, const dl::DataSplits& splits, FinetuneNet& model);

/// @brief The main run's report: the confusion heat map with precision, recall and F1 per
/// class, history.csv and its curves, the checkpoint, results.json, and the test accuracy
/// printed last.
void report_main_run(const Settings& settings, const dl::DataSplits& splits, FinetuneNet& model, const FinetuneOutcome& outcome);

}  // namespace ch06
