// Chapter 4 — the two experiments. Each trains several networks with one thing changed, on
// a subset so that it finishes in minutes, and reports a table and plots.
//
//   depth             plain vs residual at 20 and 56 layers: gradient norms per layer at
//                     initialization and after training, and the accuracies reached
//   stochastic-depth  ResNet-20 with and without stochastic depth on a small training set
#include "resnet.hpp"

#include "dl/losses/softmax_cross_entropy.hpp"
#include "dl/train/gradient_norms.hpp"
#include "dl/train/plot.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <numeric>
#include <stdexcept>

namespace ch04 {

namespace {

/// The norms of the gradients of a network's main-path weights (stem, every block's two
/// convolutions, the final linear layer) for one batch: one number per weight layer, input
/// side first. Projection shortcuts are left out so that a plain and a residual network of
/// the same depth list the same layers.
std::vector<double> main_path_gradient_norms(ResNet<float>& model, const dl::Batch& probe) {
    for (dl::Parameter<float>* p : model.parameters()) p->grad.fill(0.0f);
    dl::SoftmaxCrossEntropy<float> loss;
    loss.forward(model.forward(probe.images), probe.labels);  // (B, 10) logits
    model.backward(loss.backward());
    const std::vector<dl::Parameter<float>*> shortcut = model.shortcut_parameters();
    std::vector<dl::Parameter<float>*> main_path;
    for (dl::Parameter<float>* p : model.parameters())
        if (std::find(shortcut.begin(), shortcut.end(), p) == shortcut.end()) main_path.push_back(p);
    std::vector<double> norms;
    for (const dl::GradientNorm& g : dl::gradient_norms(main_path)) norms.push_back(g.norm);
    for (dl::Parameter<float>* p : model.parameters()) p->grad.fill(0.0f);
    return norms;
}

/// The first @p count training images, un-augmented: the batch every probe uses.
dl::Batch first_images(const dl::ImageDataset& data, std::size_t count) {
    std::vector<std::size_t> indices(std::min(count, data.size()));
    std::iota(indices.begin(), indices.end(), std::size_t(0));
    dl::ImageDataset first = dl::select(data, indices);
    return {std::move(first.images), std::move(first.labels)};  // (B, C, H, W) and (B)
}

/// One trained network of the depth experiment.
struct DepthTrial {
    Architecture architecture;
    std::vector<double> norms_at_init, norms_trained;  // one per weight layer
    dl::TrainingOutcome outcome;
    double clean_train_accuracy = 0;  // un-augmented training images, evaluation mode
    std::size_t steps = 0;
};

DepthTrial run_depth_trial(const Settings& s, const Architecture& a, const dl::DataSplits& splits, const dl::Batch& probe) {
    std::cerr << "  " << describe(a) << " ... " << std::flush;
    Settings quiet = s;
    quiet.verbose = false;
    quiet.architecture = a;
    dl::Rng rng(s.seed);
    ResNet<float> model = build_resnet(a, rng);
    DepthTrial trial;
    trial.architecture = a;
    trial.norms_at_init = main_path_gradient_norms(model, probe);
    trial.outcome = dl::train_classifier(model, quiet, splits, false);
    // Evaluate before the second probe: its forward pass in training mode nudges BatchNorm's
    // running statistics towards the probe batch.
    trial.clean_train_accuracy = dl::evaluate(model, splits.train).accuracy;
    trial.norms_trained = main_path_gradient_norms(model, probe);
    trial.steps = std::size_t(s.epochs) * ((splits.train.size() + s.batch_size - 1) / s.batch_size);
    std::cerr << "val acc " << dl::fixed(trial.outcome.history.back().val_accuracy, 4) << " (" << dl::fixed(trial.outcome.seconds, 0) << " s)\n";
    return trial;
}

/// Gradient norm per layer (layer 1 = the stem convolution) as a plot series.
dl::Series norm_curve(const std::string& name, const std::vector<double>& norms) {
    dl::Series series{name, {}, norms};
    for (std::size_t i = 0; i < norms.size(); ++i) series.x.push_back(double(i + 1));
    return series;
}

/// The training accuracy (augmented batches, training mode) of each epoch of @p history.
std::vector<double> per_epoch_train_accuracy(const std::vector<dl::EpochRecord>& history) {
    std::vector<double> accuracies;
    for (const dl::EpochRecord& epoch : history) accuracies.push_back(epoch.train_accuracy);
    return accuracies;
}

void depth_experiment(const Settings& s, const dl::DataSplits& splits, const dl::RunDirectory& run) {
    std::cout << "Depth experiment: plain and residual networks of 20 and 56 layers, " << dl::counted(s.epochs, "epoch") << " on "
              << splits.train.size() << " images (batch " << s.batch_size << ", " << s.optimizer << " lr " << s.lr << " " << s.decay << ")\n";
    const dl::Batch probe = first_images(splits.train, 128);
    std::vector<DepthTrial> trials;
    for (const int blocks : {3, 9}) {
        for (const bool residual : {false, true}) {
            Architecture a = s.architecture;
            a.blocks_per_stage = blocks;
            a.residual = residual;
            a.stochastic_depth = 0;
            trials.push_back(run_depth_trial(s, a, splits, probe));
        }
    }
    dl::Table table({"network", "‖g‖ layer 1 / last conv, init", "same after training", "train acc (clean)", "val acc", "val loss", "seconds"});
    nlohmann::json rows = nlohmann::json::array();
    std::vector<dl::Series> at_init, trained, train_curves, val_curves;
    for (const DepthTrial& t : trials) {
        const std::string name = describe(t.architecture);
        // The last convolution is the entry before the final linear layer.
        const auto ratio = [](const std::vector<double>& n) { return n.front() / n[n.size() - 2]; };
        const dl::EpochRecord& last = t.outcome.history.back();
        table.add_row({name, dl::fixed(ratio(t.norms_at_init), 3), dl::fixed(ratio(t.norms_trained), 3), dl::fixed(t.clean_train_accuracy, 4),
                       dl::fixed(last.val_accuracy, 4), dl::fixed(last.val_loss, 4), dl::fixed(t.outcome.seconds, 0)});
        rows.push_back({{"network", name},
                        {"depth", t.architecture.depth()},
                        {"residual", t.architecture.residual},
                        {"steps", t.steps},
                        {"gradient_norms_init", t.norms_at_init},
                        {"gradient_norms_trained", t.norms_trained},
                        {"gradient_ratio_init", ratio(t.norms_at_init)},
                        {"gradient_ratio_trained", ratio(t.norms_trained)},
                        {"train_accuracy_per_epoch", per_epoch_train_accuracy(t.outcome.history)},
                        {"clean_train_accuracy", t.clean_train_accuracy},
                        {"train_accuracy", last.train_accuracy},
                        {"val_accuracy", last.val_accuracy},
                        {"val_loss", last.val_loss},
                        {"seconds", t.outcome.seconds}});
        at_init.push_back(norm_curve(name, t.norms_at_init));
        trained.push_back(norm_curve(name, t.norms_trained));
        train_curves.push_back(dl::accuracy_curve(name, t.outcome.history, true));
        val_curves.push_back(dl::accuracy_curve(name, t.outcome.history));
    }
    run.save_table(table, rows.dump(2) + "\n");
    const std::string steps = std::to_string(trials.front().steps);
    dl::plot_lines(
        run.file("gradients_init.png"), at_init,
        {"Gradient norm of each layer's weights at initialization (one batch of 128)", "layer (1 = input side)", "‖dL/dW‖", false, true, true});
    dl::plot_lines(run.file("gradients_trained.png"), trained,
                   {"Gradient norm of each layer's weights after " + steps + " steps", "layer (1 = input side)", "‖dL/dW‖", false, true, true});
    dl::plot_lines(run.file("train_accuracy.png"), train_curves,
                   {"Training accuracy (augmented batches, training mode)", "epoch", "accuracy", false, true});
    dl::plot_lines(run.file("val_accuracy.png"), val_curves, {"Validation accuracy", "epoch", "accuracy", false, true});
}

void stochastic_depth_experiment(const Settings& s, const dl::DataSplits& splits, const dl::RunDirectory& run) {
    const double p = s.architecture.stochastic_depth > 0 ? s.architecture.stochastic_depth : 0.5;
    std::cout << "Stochastic-depth experiment: " << describe({s.architecture.blocks_per_stage, s.architecture.width, true, 0.0}) << ", " << s.epochs
              << " epochs on " << splits.train.size() << " images, last block dropped with p = " << p << "\n";
    dl::Table table({"network", "train acc (clean)", "val acc", "val loss", "seconds"});
    nlohmann::json rows = nlohmann::json::array();
    std::vector<dl::Series> curves;
    for (const double drop : {0.0, p}) {
        Settings quiet = s;
        quiet.verbose = false;
        quiet.architecture.residual = true;
        quiet.architecture.stochastic_depth = drop;
        const std::string name = describe(quiet.architecture);
        std::cerr << "  " << name << " ... " << std::flush;
        dl::Rng rng(s.seed);
        dl::Sequential<float> model = build_resnet(quiet.architecture, rng);
        const dl::TrainingOutcome outcome = dl::train_classifier(model, quiet, splits, false);
        const double clean_train = dl::evaluate(model, splits.train).accuracy;
        const dl::EpochRecord& last = outcome.history.back();
        std::cerr << "val acc " << dl::fixed(last.val_accuracy, 4) << " (" << dl::fixed(outcome.seconds, 0) << " s)\n";
        table.add_row({name, dl::fixed(clean_train, 4), dl::fixed(last.val_accuracy, 4), dl::fixed(last.val_loss, 4), dl::fixed(outcome.seconds, 0)});
        rows.push_back({{"network", name},
                        {"stochastic_depth", drop},
                        {"clean_train_accuracy", clean_train},
                        {"val_accuracy", last.val_accuracy},
                        {"val_loss", last.val_loss},
                        {"seconds", outcome.seconds}});
        curves.push_back(dl::accuracy_curve(name, outcome.history));
    }
    run.save_table(table, rows.dump(2) + "\n");
    dl::plot_lines(run.file("stochastic_depth.png"), curves, {"Stochastic depth: validation accuracy", "epoch", "validation accuracy", false, true});
}

}  // namespace

const std::vector<dl::Experiment>& experiments() {
    static const std::vector<dl::Experiment> list = {
        {"depth", "plain vs residual networks of 20 and 56 layers: gradient norms per layer and accuracy", 5000, 4, 64},
        {"stochastic-depth", "ResNet-20 with and without stochastic depth (p from --stochastic-depth, else 0.5)", 5000, 10, 128},
    };
    return list;
}

void run_experiment(const std::string& name, const Settings& s) {
    const dl::DataSplits splits = dl::load_fashion_mnist_splits(s.data_dir, s.val_size, s.train_size, s.seed);
    const dl::RunDirectory run(s.out_dir);
    if (name == "depth")
        depth_experiment(s, splits, run);
    else if (name == "stochastic-depth")
        stochastic_depth_experiment(s, splits, run);
    else
        throw std::invalid_argument("--experiment: unknown experiment '" + name + "'");
    std::cout << "table.md, results.json and the plots are in " << s.out_dir << "/\n";
}

}  // namespace ch04
