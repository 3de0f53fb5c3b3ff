/// @file fit.hpp
/// @brief The training loop every chapter shares: epochs of mini-batch steps, then validation.
#pragma once

#include "dl/data/loader.hpp"
#include "dl/layers/layer.hpp"
#include "dl/optim/optimizer.hpp"
#include "dl/optim/schedules.hpp"
#include "dl/train/plot.hpp"
#include "dl/train/task.hpp"

#include <functional>
#include <string>
#include <vector>

namespace dl {

/// What one epoch of training produced.
struct EpochRecord {
    int epoch = 0;                 ///< 1-based.
    double lr = 0;                 ///< Learning rate of the last group (the head, when groups run input to output) at the epoch's end.
    double train_loss = 0;         ///< Mean loss over the epoch's batches (training mode): the loss minimized.
    double train_accuracy = 0;     ///< Accuracy over the epoch's batches (training mode): of images, or of pixels.
    double val_loss = 0;           ///< Validation loss after the epoch (NaN without validation data).
    double val_accuracy = 0;       ///< Validation accuracy after the epoch (NaN without validation data).
    std::vector<Metric> val_more;  ///< The task's other validation measurements (segmentation: mean_iou).
    double seconds = 0;            ///< Wall time of the epoch, validation included.
    double images_per_second = 0;  ///< Training throughput.
    /// Training diverged in this epoch and ended there (only when
    /// FitOptions::stop_when_diverged is false; otherwise fit() throws TrainingDiverged).
    bool diverged = false;
};

/// Settings of fit(). What the steps minimize and measure is the Task's; these are the
/// loop's own.
struct FitOptions {
    int epochs = 10;      ///< Passes over the training data.
    bool verbose = true;  ///< Progress bar and per-epoch table.
    /// Learning-rate multiplier as a function of training progress in [0, 1): before every
    /// step, each parameter group's rate is set to its initial rate times this factor, so
    /// discriminative rates keep their ratios. Empty: rates are left alone.
    Schedule lr_factor;
    /// Changes each training batch in place before Task::prepare (augmentation: crops,
    /// flips; a segmentation batch's labels are its masks, which must move with the image).
    /// Empty: batches are used as loaded.
    std::function<void(Batch&)> augment;
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

/// Trains @p model on @p task for options.epochs epochs and returns one record per epoch.
/// Each step: the schedule's rates, augment the batch (if asked), task.prepare, zero the
/// gradients, forward, task.loss, backward, the divergence check (and gradient clipping, if
/// asked), optimizer step. After each epoch, task.validate (if it has validation data).
/// @param model the network, images (N, C, H, W) → outputs the task reads
/// @param optimizer the optimizer over @p model's parameters, in groups
/// @param train the loader of the training set
/// @param task the loss, predictions and validation of the problem
/// @param options the loop's settings
/// @return one record per epoch
/// @throws TrainingDiverged when training diverges and options.stop_when_diverged is set
std::vector<EpochRecord> fit(Layer<float>& model, Optimizer<float>& optimizer, DataLoader& train, Task& task, const FitOptions& options);

/// @brief One of the task's other validation measurements of an epoch.
/// @param record the epoch
/// @param name the metric's name, e.g. "mean_iou"
/// @return its value
/// @throws std::invalid_argument if the epoch has no such metric
double val_metric(const EpochRecord& record, const std::string& name);

/// @brief Runs @p model in evaluation mode over @p data and measures loss and accuracy.
/// @param model the network, images (N, C, H, W) → scores (N, K); its mode is restored afterwards
/// @param data the examples
/// @param batch_size images per forward pass
/// @return the loss, accuracy and predictions
Evaluation evaluate(Layer<float>& model, const ImageDataset& data, std::size_t batch_size = 200);

/// @brief The history as CSV: epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy,
/// then a val_ column for each of the task's other metrics, then seconds.
/// @param history one record per epoch
/// @param accuracy_name the accuracy columns' name after "train_" and "val_" (Task::accuracy_name())
/// @return the CSV text, a header line then one line per epoch
std::string history_csv(const std::vector<EpochRecord>& history, const std::string& accuracy_name = "accuracy");

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
