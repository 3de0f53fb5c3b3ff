/// @file fit.hpp
/// @brief The training loop every chapter shares: epochs of mini-batch steps, then validation.
#pragma once

#include "dl/data/loader.hpp"
#include "dl/layers/layer.hpp"
#include "dl/optim/optimizer.hpp"
#include "dl/train/plot.hpp"

#include <functional>
#include <string>
#include <vector>

namespace dl {

/// What one epoch of training produced.
struct EpochRecord {
    int epoch = 0;                 ///< 1-based.
    double lr = 0;                 ///< Learning rate of the last group (the head, when groups run input to output) at the epoch's end.
    double train_loss = 0;         ///< Mean loss over the epoch's batches (training mode).
    double train_accuracy = 0;     ///< Accuracy over the epoch's batches (training mode).
    double val_loss = 0;           ///< Validation loss after the epoch (NaN without validation data).
    double val_accuracy = 0;       ///< Validation accuracy after the epoch (NaN without validation data).
    double seconds = 0;            ///< Wall time of the epoch, validation included.
    double images_per_second = 0;  ///< Training throughput.
    /// Training diverged in this epoch and ended there (only when
    /// FitOptions::stop_when_diverged is false; otherwise fit() throws TrainingDiverged).
    bool diverged = false;
};

/// Settings of fit().
struct FitOptions {
    int epochs = 10;                ///< Passes over the training data.
    bool verbose = true;            ///< Progress bar and per-epoch table.
    std::size_t eval_batch = 200;   ///< Batch size for validation (memory grows with it: every layer keeps its input).
    /// Learning-rate multiplier as a function of training progress in [0, 1): before every
    /// step, each parameter group's rate is set to its initial rate times this factor.
    /// Empty: rates are left alone.
    std::function<double(double)> lr_factor;
    /// Changes each training batch in place before its step (augmentation: crops, flips…).
    /// Empty: batches are used as loaded.
    std::function<void(Batch&)> augment;
    /// Soft targets: called after augment, returns the batch's (B, K) target distributions
    /// and may change its images too (mixup blends them). The step then uses
    /// SoftmaxCrossEntropy::forward_soft. Empty: the hard labels are the targets.
    /// Training accuracy is still measured against batch.labels.
    std::function<Tensor<float>(Batch&)> soft_targets;
    /// The loss of the training steps if not softmax cross-entropy (focal loss…): returns
    /// the batch's mean loss and sets @p gradient to dL/dlogits (B, K). It cannot be
    /// combined with soft_targets. Validation loss stays cross-entropy, comparable across runs.
    std::function<float(const Tensor<float>& logits, const std::vector<int>& labels, Tensor<float>& gradient)> loss;
    /// Largest global gradient norm of a step; larger gradients are scaled down to it
    /// (clip_gradient_norm()). 0: no clipping.
    double clip_grad_norm = 0.0;
    /// At the first non-finite loss or gradient, or an exploded loss (DivergenceGuard):
    /// true, throw TrainingDiverged (nothing of the run is saved); false, end training after
    /// that epoch's record, marked diverged (an experiment's trial whose divergence is its
    /// result).
    bool stop_when_diverged = true;
};

/// The result of running a model over a dataset in evaluation mode.
struct Evaluation {
    double loss = 0;               ///< Mean softmax cross-entropy.
    double accuracy = 0;           ///< Fraction classified correctly.
    std::vector<int> predictions;  ///< (N) predicted classes.
};

/// Trains @p model with softmax cross-entropy for options.epochs epochs and returns one
/// record per epoch. Each step: augment the batch (if asked), zero the gradients, forward,
/// loss, backward, the divergence check (and gradient clipping, if asked), optimizer step.
/// @p validation may be empty, in which case no validation figures are computed.
/// @param model the network, images (N, C, H, W) → scores (N, K)
/// @param optimizer the optimizer over @p model's parameters
/// @param train the loader of the training set
/// @param validation evaluated after every epoch, or empty
/// @param options the settings
/// @return one record per epoch
/// @throws TrainingDiverged when training diverges and options.stop_when_diverged is set
std::vector<EpochRecord> fit(Layer<float>& model, Optimizer<float>& optimizer, DataLoader& train,
                             const ImageDataset& validation, const FitOptions& options);

/// @brief Runs @p model in evaluation mode over @p data and measures loss and accuracy.
/// @param model the network, images (N, C, H, W) → scores (N, K); its mode is restored afterwards
/// @param data the examples
/// @param batch_size images per forward pass
/// @return the loss, accuracy and predictions
Evaluation evaluate(Layer<float>& model, const ImageDataset& data, std::size_t batch_size = 200);

/// @brief The history as CSV: epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy,seconds.
/// @param history one record per epoch
/// @return the CSV text, a header line then one line per epoch
std::string history_csv(const std::vector<EpochRecord>& history);

/// Writes @p history as @p name.csv into @p run_dir and draws its curves there as
/// loss.png and accuracy.png (prefixed "<name>-" unless @p name is "history").
/// @param run_dir the folder, created if needed
/// @param history one record per epoch
/// @param name the files' name
/// @param title the plots' title
void save_history(const std::string& run_dir, const std::vector<EpochRecord>& history, const std::string& name, const std::string& title);

/// Draws loss and accuracy curves (train and validation) into two PNGs:
/// @p prefix + "loss.png" and @p prefix + "accuracy.png".
/// @param history one record per epoch
/// @param prefix the start of both paths, e.g. a folder with a trailing "/"
/// @param title the plots' title
void plot_history(const std::vector<EpochRecord>& history, const std::string& prefix, const std::string& title);

/// One accuracy per epoch as a plot series named @p name: validation accuracy, or with
/// @p training the training accuracy measured during each epoch. A non-finite value (a
/// diverged run) is drawn as 0.
/// @param name the series' legend entry
/// @param history one record per epoch
/// @param training true for the training accuracy, false for the validation accuracy
/// @return the series: epochs against accuracies
Series accuracy_curve(const std::string& name, const std::vector<EpochRecord>& history, bool training = false);

}  // namespace dl
