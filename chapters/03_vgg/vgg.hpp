// Chapter 3 — the pieces of the VGG program that the experiments and the tests reuse.
#pragma once

#include "dl/data/fashion_mnist.hpp"
#include "dl/explain/predict_photos.hpp"
#include "dl/layers/sequential.hpp"
#include "dl/train/experiment.hpp"
#include "dl/train/settings.hpp"
#include "dl/train/train_classifier.hpp"
#include "dl/util/program.hpp"

#include <string>

namespace ch03 {

/// The shape of the network: what the chapter's experiments switch on and off.
struct Architecture {
    int width = 16;                   ///< channels of the first stage; the next two have 2× and 4×
    bool batch_norm = true;           ///< BatchNorm2d after every convolution (BatchNorm1d in the FC head)
    std::string activation = "relu";  ///< relu | elu
    std::string head = "gap";         ///< gap (global average pooling → linear) | fc (flatten → 256 → linear)
    double dropout = 0.0;             ///< dropout probability before the last linear layer (0 = none)
};

/// Every knob of the chapter-3 program. The defaults are the chapter's main run.
struct Settings : dl::TrainingSettings {
    Architecture architecture;

    Settings() {
        // 16-32-64 channels (32-64-128 costs four times the arithmetic per image) and 20
        // epochs: README.md, "Sizing it to the machine" and "The main run", says why.
        epochs = 20;
        batch_size = 128;
        optimizer = "sgd";
        lr = 0.1;
        momentum = 0.9;
        weight_decay = 5e-4;
        decay = "one-cycle";
        augment = "flip-crop";
        out_dir = dl::default_run_dir("03_vgg/main");
    }
};

/// A small VGG (Simonyan & Zisserman, 2015) for 28×28 images: three stages of two 3×3
/// convolutions, each stage doubling the channels and halving the resolution.
///
///     (N,1,28,28) → [conv3 → BN → act] ×2 → pool → (N,w,14,14)
///                 → [conv3 → BN → act] ×2 → pool → (N,2w,7,7)
///                 → [conv3 → BN → act] ×2 → pool → (N,4w,3,3)
///     gap head:  global average pool → (N,4w) → dropout → linear → (N,10)
///     fc head:   flatten → (N,36w) → linear → (N,256) → BN → act → dropout → linear → (N,10)
dl::Sequential<float> build_vgg(const Architecture& architecture, dl::Rng& rng);

/// @brief Parameters of the classifier head that build_vgg() puts on the stages (the
/// layers after the last max pooling), counted on a head built alone.
/// @param architecture the network's shape (its head, width, BatchNorm and dropout)
/// @return the head's parameter count
std::size_t head_parameter_count(const Architecture& architecture);

/// A one-line description such as "VGG 16-32-64, BatchNorm, relu, gap head".
std::string describe(const Architecture& architecture);

/// @brief The architecture tag of chapter-3 checkpoints, e.g. "vgg-16-gap".
/// @param architecture the network's shape
/// @return the tag
std::string architecture_tag(const Architecture& architecture);

/// `./book run 03 --predict IMAGE...`: loads the network the flags describe from
/// request.checkpoint, else from the main run's checkpoint (train it first), and runs
/// dl::predict_photos() with it: each image's three most probable classes, and a panel in
/// @p out_dir with the network's input and where it looked.
/// @param request the images, the checkpoint and the class to explain
/// @param settings the flags (the architecture, and the data split whose normalization the run used)
/// @param out_dir the folder for the panels (created if missing)
void run_predict(const dl::PredictRequest& request, const Settings& settings, const std::string& out_dir);

/// The experiments: bn, head, ladder, lr, activation.
const std::vector<dl::Experiment>& experiments();

/// Runs the experiment @p name with @p settings; it prints its table and writes table.md,
/// results.json and its plot into settings.out_dir.
void run_experiment(const std::string& name, const Settings& settings);

/// @brief Reads the command line into @p settings: the flags of dl::add_training_flags()
/// and dl::add_regularization_flags(), the network's (--width, --no-batch-norm,
/// --activation, --head, --dropout), --experiment and --predict. Picks the run folder or the
/// experiment's budget, sets the threads, and refuses an unwritable --out now rather than
/// after training.
/// @param argc argc of main
/// @param argv argv of main
/// @param settings the defaults in, the flags' values out
/// @return what to do
/// @throws dl::ProgramExit after --help or a refused flag
dl::Command parse_command_line(int argc, char** argv, Settings& settings);

/// @brief Prints what the main run will train, on how much data, and the network's layers.
void print_plan(const Settings& settings, const dl::DataSplits& splits, dl::Sequential<float>& model);

/// @brief The main run's report: the confusion heat map, history.csv and its curves, eight
/// augmented training images, the checkpoint, results.json, and the test accuracy printed last.
void report_main_run(const Settings& settings, const dl::DataSplits& splits, dl::Sequential<float>& model, const dl::TrainingOutcome& outcome);

}  // namespace ch03
