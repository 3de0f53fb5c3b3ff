// Chapter 2 — the pieces of the LeNet program that the experiment and the tests reuse.
#pragma once

#include "dl/data/fashion_mnist.hpp"
#include "dl/explain/predict_photos.hpp"
#include "dl/layers/conv2d.hpp"
#include "dl/layers/max_pool2d.hpp"
#include "dl/layers/sequential.hpp"
#include "dl/train/settings.hpp"
#include "dl/train/train_classifier.hpp"
#include "dl/util/program.hpp"

#include <string>
#include <vector>

namespace ch02 {

/// Every knob of the chapter-2 program: the shared training settings, the LeNet variant
/// and the convolution algorithm. The defaults are the chapter's main run.
struct Settings : dl::TrainingSettings {
    bool classic = false;       ///< the 1998 form: tanh and average pooling
    std::string conv = "gemm";  ///< gemm (im2col + GEMM) | naive (nested loops)
    bool mine = false;          ///< train on the reader's exercise answers (mine.hpp)

    Settings() {
        // SGD with momentum and a little weight decay: the classic recipe for CNNs. What
        // Adam and AdamW gave instead is in README.md, "Results".
        epochs = 15;
        batch_size = 64;
        optimizer = "sgd";
        lr = 0.05;
        momentum = 0.9;
        weight_decay = 5e-4;
        out_dir = dl::default_run_dir("02_lenet/main");
    }
};

/// LeNet-5 (LeCun et al., 1998) for 28×28 inputs:
///
///     (N,1,28,28) conv5 pad 2 → (N,6,28,28) → act → pool → (N,6,14,14)
///                 conv5       → (N,16,10,10) → act → pool → (N,16,5,5)
///                 flatten → 400 → 120 → act → 84 → act → 10
///
/// Modern form: ReLU and max pooling. Classic form: tanh and average pooling.
///
/// It is a chain of layers (a dl::Sequential) that also knows its parts by name, set once
/// when it is built: the two convolutions and, in the modern form, the two max poolings.
class LeNet5 : public dl::Sequential<float> {
public:
    /// @param classic the 1998 form (tanh, average pooling) instead of ReLU and max pooling
    /// @param rng the random source of the weights
    LeNet5(bool classic, dl::Rng& rng);

    /// @brief The first convolution, 1 → 6 channels, 5×5, padding 2.
    /// @return the layer, owned by the chain
    dl::Conv2d<float>& conv1() { return *conv1_; }
    /// @brief The second convolution, 6 → 16 channels, 5×5.
    /// @return the layer, owned by the chain
    dl::Conv2d<float>& conv2() { return *conv2_; }
    /// @brief The max-pooling layers: two in the modern form, none in the classic one.
    /// @return the layers, owned by the chain
    const std::vector<dl::MaxPool2d<float>*>& max_pools() const { return max_pools_; }

private:
    void add_activation(bool classic);
    void add_pool(bool classic);

    dl::Conv2d<float>* conv1_ = nullptr;
    dl::Conv2d<float>* conv2_ = nullptr;
    std::vector<dl::MaxPool2d<float>*> max_pools_;
};

/// @brief LeNet-5 in the form the flags ask for.
/// @param classic the 1998 form
/// @param rng the random source of the weights
/// @return the network
LeNet5 build_lenet(bool classic, dl::Rng& rng);

/// @brief The architecture tag of chapter-2 checkpoints.
/// @param classic the 1998 form
/// @return "lenet5-classic" or "lenet5"
std::string architecture_tag(bool classic);

/// Sets every convolution of @p model to @p algorithm ("gemm" or "naive").
void use_conv_algorithm(LeNet5& model, const std::string& algorithm);

/// What a training run produced.
using Outcome = dl::TrainingOutcome;

/// Sets the convolution algorithm of @p model from the settings, then trains it with
/// dl::train_classifier(). The trained model is left in @p model.
Outcome train_lenet(const Settings& settings, const dl::DataSplits& splits, LeNet5& model, bool with_test);

/// `./book run 02 --predict IMAGE...`: loads the network the flags describe from
/// request.checkpoint, else from the main run's checkpoint (train it first), and runs
/// dl::predict_photos() with it: each image's three most probable classes, and a panel in
/// @p out_dir with the network's input and where it looked.
/// @param request the images, the checkpoint and the class to explain
/// @param settings the flags (the architecture, and the data split whose normalization the run used)
/// @param out_dir the folder for the panels (created if missing)
void run_predict(const dl::PredictRequest& request, const Settings& settings, const std::string& out_dir);

/// Experiment: one epoch on a subset with the naive convolution, then with im2col + GEMM
/// on 1 and 2 BLAS threads; prints and saves the table of times and speed-ups.
void run_speed_experiment(Settings settings);

/// @brief Reads the command line into @p settings: the flags of dl::add_training_flags(),
/// --classic, --conv, --mine, --experiment and --predict. Picks the run folder, applies the
/// speed experiment's budget where no flag was given, sets the threads, and refuses an
/// unwritable --out now rather than after training.
/// @param argc argc of main
/// @param argv argv of main
/// @param settings the defaults in, the flags' values out
/// @return what to do
/// @throws dl::ProgramExit after --help or a refused flag; std::invalid_argument for flags that do not go together
dl::Command parse_command_line(int argc, char** argv, Settings& settings);

/// @brief Prints where `--mine` put the reader's answers (use_reader_code()'s lines).
void print_reader_code_in_use(const std::vector<std::string>& in_use);

/// @brief Prints what the main run will train, on how much data, and the network's layers.
void print_plan(const Settings& settings, const dl::DataSplits& splits, LeNet5& model);

/// @brief The main run's report: the confusion heat map, history.csv and its curves, the
/// first layer's filters, misclassified test images, feature maps, the checkpoint,
/// results.json, and the test accuracy printed last.
void report_main_run(const Settings& settings, const dl::DataSplits& splits, LeNet5& model, const Outcome& outcome);

}  // namespace ch02
