// Chapter 4 — the pieces of the ResNet program that the experiments and the tests reuse.
#pragma once

#include "dl/data/fashion_mnist.hpp"
#include "dl/layers/residual_block.hpp"
#include "dl/layers/sequential.hpp"
#include "dl/train/experiment.hpp"
#include "dl/train/settings.hpp"
#include "dl/train/train_classifier.hpp"
#include "dl/util/program.hpp"

#include <string>
#include <vector>

namespace ch04 {

/// The shape of the network: what the chapter's experiments change.
struct Architecture {
    int blocks_per_stage = 3;       ///< n: the network has 6n + 2 weight layers (n = 3 → ResNet-20)
    int width = 16;                 ///< channels of the first stage; the next two have 2× and 4×
    bool residual = true;           ///< false: the same layers without any shortcut (a "plain" network)
    double stochastic_depth = 0.0;  ///< drop probability of the last block; block l of L uses l/L of it

    /// Weight layers: the stem convolution, two per block, and the final linear layer.
    int depth() const { return 6 * blocks_per_stage + 2; }
};

/// Every knob of the chapter-4 program. The defaults are the chapter's main run.
struct Settings : dl::TrainingSettings {
    Architecture architecture;
    std::string evaluate;  ///< a checkpoint to evaluate on the test set instead of training

    Settings() {
        // ResNet-20 costs 4.2 times VGG's arithmetic per image. How 15 epochs were chosen
        // (a first run of 10 fell short with both curves still rising) is in README.md,
        // "The main run".
        epochs = 15;
        batch_size = 128;
        optimizer = "sgd";
        lr = 0.1;
        momentum = 0.9;
        weight_decay = 5e-4;
        decay = "one-cycle";
        augment = "flip-crop";
        out_dir = dl::default_run_dir("04_resnet/main");
    }
};

/// A CIFAR-style ResNet (He et al., 2016, section 4.2) for 28×28 images:
///
///     (N,1,28,28) → conv3 → BN → ReLU                         → (N,w,28,28)
///                 → n blocks, w channels                       → (N,w,28,28)
///                 → n blocks, 2w channels (the first, stride 2) → (N,2w,14,14)
///                 → n blocks, 4w channels (the first, stride 2) → (N,4w,7,7)
///                 → global average pool → (N,4w) → linear → (N,10)
///
/// With architecture.residual false, every block is conv-BN-ReLU-conv-BN-ReLU with no
/// shortcut: a plain network with the same 3×3 convolutions (and no 1×1 projections).
/// Built in float for training, and in double for the gradient checks of the networks
/// that reuse it (chapter 5's U-Net encoder).
template <class T = float>
class ResNet;

template <class T = float>
ResNet<T> build_resnet(const Architecture& architecture, dl::Rng& rng);

/// The ResNet as a chain of layers (a dl::Sequential) that also keeps its parts by name as
/// build_resnet() adds them: the stem, and each stage's residual blocks.
/// `model.blocks()[i]->shortcut()` is block i's projection shortcut and
/// `model.stage_parameters(2)` the second stage's weights, found without asking any layer
/// its type or counting layers.
template <class T>
class ResNet : public dl::Sequential<T> {
public:
    /// @brief Appends the stem, conv3 → BN → ReLU: (N, 1, H, W) → (N, @p width, H, W).
    /// @param width the first stage's channels
    /// @param rng the random source of the convolution's weights
    void add_stem(int width, dl::Rng& rng);

    /// @brief Appends a residual block (dl::ResidualBlock's arguments) to stage @p stage.
    /// @param stage 1, 2 or 3
    /// @return the block, owned by the chain
    dl::ResidualBlock<T>& add_block(int stage, int in_channels, int out_channels, int stride, dl::Rng& rng, double drop_probability,
                                    std::uint64_t seed);

    /// @brief The residual blocks, input side first (none in a plain network).
    /// @return the blocks, owned by the chain
    const std::vector<dl::ResidualBlock<T>*>& blocks() const { return blocks_; }

    /// @brief The stem's parameters (its convolution's weights, its BatchNorm's γ and β).
    /// @return the parameters
    std::vector<dl::Parameter<T>*> stem_parameters() const;

    /// @brief The parameters of stage @p stage's residual blocks, input side first.
    /// @param stage 1, 2 or 3
    /// @return the parameters (none in a plain network)
    std::vector<dl::Parameter<T>*> stage_parameters(int stage) const;

    /// @brief Where @p layer sits in the network: 0 in the stem, 1 to 3 in that stage's
    /// residual blocks, −1 elsewhere (the pool, the linear layer, a plain network's blocks).
    /// The answer holds after the layers have been released from the chain (model surgery).
    /// @param layer one of the network's layers
    /// @return the stage
    int stage_of(const dl::Layer<T>* layer) const;

    /// @brief The parameters of every projection shortcut (1×1 convolution and BatchNorm).
    /// @return the parameters, input side first
    std::vector<dl::Parameter<T>*> shortcut_parameters() const;

private:
    std::vector<dl::Layer<T>*> stem_;
    std::vector<dl::ResidualBlock<T>*> blocks_;
    std::vector<int> block_stage_;  // the stage of each of blocks_
};

/// The path of the checkpoint this chapter committed:
/// chapters/04_resnet/pretrained/resnet20.ckpt under $BOOK_ROOT (the `book` script sets it)
/// or, without it, under the source folder the program was built from.
std::string committed_checkpoint_path();

/// The input normalization of the main run (and so of the committed checkpoint): the mean
/// and standard deviation of its 55,000 Fashion-MNIST training images, recomputed from the
/// same split. A network that reuses the checkpoint must see its inputs through this map.
dl::Normalization training_normalization();

/// A one-line description such as "ResNet-20 (16-32-64)".
std::string describe(const Architecture& architecture);

/// The tag stored in (and required of) a checkpoint, such as "resnet20-w16" or "plain56-w16".
/// Stochastic depth changes no weights and is not part of it.
std::string architecture_tag(const Architecture& architecture);

/// The experiments: depth, stochastic-depth.
const std::vector<dl::Experiment>& experiments();

/// Runs the experiment @p name with @p settings; it prints its table and writes table.md,
/// results.json and its plots into settings.out_dir.
void run_experiment(const std::string& name, const Settings& settings);

/// @brief Reads the command line into @p settings: the flags of dl::add_training_flags()
/// and dl::add_regularization_flags(), the network's (--blocks, --width, --plain,
/// --stochastic-depth), --evaluate, --experiment and --predict. Picks the run folder or the
/// experiment's budget, sets the threads, refuses flags that do not go together and an
/// unwritable --out now rather than after training.
/// @param argc argc of main
/// @param argv argv of main
/// @param settings the defaults in, the flags' values out
/// @return what to do
/// @throws dl::ProgramExit after --help or a refused flag; std::invalid_argument for flags that do not go together
dl::Command parse_command_line(int argc, char** argv, Settings& settings);

/// @brief Prints what the main run will train, on how much data, and the network's layers.
void print_plan(const Settings& settings, const dl::DataSplits& splits, dl::Sequential<float>& model);

/// @brief The main run's report: the confusion heat map, history.csv and its curves, the
/// feature maps of the first test image, the checkpoint, results.json, and the test
/// accuracy printed last.
void report_main_run(const Settings& settings, const dl::DataSplits& splits, dl::Sequential<float>& model, const dl::TrainingOutcome& outcome);

/// @brief `--evaluate CHECKPOINT`: loads the checkpoint into the network the flags describe
/// and tests it; the confusion heat map, feature maps and the Grad-CAM grid of shirts,
/// T-shirts and pullovers (explained.png) go into @p out_dir.
void run_evaluate(const Settings& settings, const std::string& out_dir);

}  // namespace ch04
