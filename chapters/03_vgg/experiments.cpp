// Chapter 3 — the five experiments. Each trains several variants of the network with one
// setting changed, on a subset so that it finishes in minutes, and reports a table.
//
//   bn          BatchNorm on/off across learning rates
//   head        global-average-pooling head vs fully connected head
//   ladder      the over-fitting ladder on 2,000 images: none → augmentation → mixup → dropout
//   lr          the learning-rate finder, then one-cycle vs a constant rate
//   activation  ReLU vs ELU, with and without BatchNorm
#include "vgg.hpp"

#include "dl/optim/make_optimizer.hpp"
#include "dl/train/lr_finder.hpp"
#include "dl/train/plot.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"
#include "dl/util/timer.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>
#include <stdexcept>

namespace ch03 {

namespace {

/// One trained variant.
struct Trial {
    dl::TrainingOutcome outcome;
    std::size_t parameters = 0;
    std::size_t head_parameters = 0;  ///< in the layers after the last pooling of the body
    double clean_train_accuracy = 0;  ///< on the un-augmented training images, eval mode

    const dl::EpochRecord& last() const { return outcome.history.back(); }
};

/// Trains a fresh network for @p s on @p splits, silently, and says so on stderr.
Trial run_trial(const Settings& s, const dl::DataSplits& splits, const std::string& label) {
    Settings quiet = s;
    quiet.verbose = false;
    std::cerr << "  " << label << " ... " << std::flush;
    dl::Rng rng(s.seed);
    dl::Sequential<float> model = build_vgg(s.architecture, rng);
    Trial trial;
    trial.parameters = dl::parameter_count(model);
    trial.head_parameters = head_parameter_count(s.architecture);
    trial.outcome = dl::train_classifier(model, quiet, splits, false);
    trial.clean_train_accuracy = dl::evaluate(model, splits.train).accuracy;
    std::cerr << "val acc " << dl::fixed(trial.last().val_accuracy, 4) << " (" << dl::fixed(trial.outcome.seconds, 0) << " s)\n";
    return trial;
}

/// A rate "works" if training does not diverge and the network learns well above chance (0.1).
bool trained(const Trial& t) { return !t.last().diverged && t.last().val_accuracy > 0.5; }

/// A trial's training loss for a table: the number, or "diverged in epoch N".
std::string train_loss_cell(const Trial& t) {
    return t.last().diverged ? "diverged in epoch " + std::to_string(t.last().epoch) : dl::fixed(t.last().train_loss, 4);
}

void bn_experiment(const Settings& s, const dl::DataSplits& splits, const dl::RunDirectory& run) {
    const std::vector<double> rates = {0.01, 0.03, 0.1, 0.3, 1.0};
    std::cout << "BatchNorm experiment: SGD (momentum " << s.momentum << ") at constant rates, " << dl::counted(s.epochs, "epoch") << " on "
              << splits.train.size() << " images\n";
    dl::Table table({"learning rate", "val acc without BN", "val acc with BN"});
    nlohmann::json rows = nlohmann::json::array();
    dl::Series without{"without BatchNorm", {}, {}}, with{"with BatchNorm", {}, {}};
    double best_rate[2] = {0, 0};
    for (double lr : rates) {
        std::vector<std::string> cells = {dl::fixed(lr, 3)};
        for (bool bn : {false, true}) {
            Settings v = s;
            v.lr = lr;
            v.decay = "none";
            v.architecture.batch_norm = bn;
            const Trial t = run_trial(v, splits, std::string(bn ? "with" : "without") + " BN, lr " + dl::fixed(lr, 3));
            const double acc = t.last().val_accuracy;
            cells.push_back(trained(t) ? dl::fixed(acc, 4) : (t.last().diverged ? "diverged" : dl::fixed(acc, 4) + " (failed)"));
            if (trained(t)) best_rate[bn] = lr;
            (bn ? with : without).x.push_back(lr);
            (bn ? with : without).y.push_back(std::isfinite(acc) ? acc : 0.0);
            rows.push_back({{"lr", lr},
                            {"batch_norm", bn},
                            {"val_accuracy", acc},
                            {"train_loss", t.last().train_loss},
                            {"diverged", t.last().diverged},
                            {"seconds", t.outcome.seconds}});
        }
        table.add_row(cells);
    }
    run.save_table(table, rows.dump(2) + "\n");
    std::cout << "highest rate that trains (val acc > 0.5): without BN " << best_rate[0] << ", with BN " << best_rate[1] << "\n";
    dl::plot_lines(run.file("bn.png"), {without, with},
                   {"BatchNorm: validation accuracy after " + std::to_string(s.epochs) + " epochs", "learning rate (constant)", "validation accuracy",
                    true, true});
}

void head_experiment(const Settings& s, const dl::DataSplits& splits, const dl::RunDirectory& run) {
    std::cout << "Head experiment: " << dl::counted(s.epochs, "epoch") << " on " << splits.train.size() << " images\n";
    dl::Table table({"head", "parameters", "head parameters", "train acc (clean)", "val acc", "train - val"});
    nlohmann::json rows = nlohmann::json::array();
    std::vector<dl::Series> curves;
    for (const std::string head : {"gap", "fc"}) {
        Settings v = s;
        v.architecture.head = head;
        const Trial t = run_trial(v, splits, head + " head");
        const double gap = t.clean_train_accuracy - t.last().val_accuracy;
        table.add_row({head, std::to_string(t.parameters), std::to_string(t.head_parameters), dl::fixed(t.clean_train_accuracy, 4),
                       dl::fixed(t.last().val_accuracy, 4), dl::fixed(gap, 4)});
        rows.push_back({{"head", head},
                        {"parameters", t.parameters},
                        {"head_parameters", t.head_parameters},
                        {"train_accuracy", t.clean_train_accuracy},
                        {"val_accuracy", t.last().val_accuracy},
                        {"seconds", t.outcome.seconds}});
        curves.push_back(dl::accuracy_curve(head + " head", t.outcome.history));
    }
    run.save_table(table, rows.dump(2) + "\n");
    dl::plot_lines(run.file("head.png"), curves, {"GAP head vs FC head: validation accuracy", "epoch", "validation accuracy", false, true});
}

void ladder_experiment(const Settings& s, const dl::DataSplits& splits, const dl::RunDirectory& run) {
    std::cout << "Over-fitting ladder: " << dl::counted(s.epochs, "epoch") << " on " << splits.train.size() << " images; each rung adds one remedy\n";
    struct Rung {
        std::string name, augment;
        double mixup, dropout;
    };
    const std::vector<Rung> rungs = {{"nothing", "none", 0.0, 0.0},
                                     {"+ flip and crop", "flip-crop", 0.0, 0.0},
                                     {"+ random erasing", "flip-crop-erase", 0.0, 0.0},
                                     {"+ mixup (alpha 0.4)", "flip-crop-erase", 0.4, 0.0},
                                     {"+ dropout 0.3", "flip-crop-erase", 0.4, 0.3}};
    dl::Table table({"remedies", "train acc (clean)", "val acc", "gap", "val loss"});
    nlohmann::json rows = nlohmann::json::array();
    std::vector<dl::Series> curves;
    for (const Rung& rung : rungs) {
        Settings v = s;
        v.augment = rung.augment;
        v.mixup = rung.mixup;
        v.architecture.dropout = rung.dropout;
        const Trial t = run_trial(v, splits, rung.name);
        const double gap = t.clean_train_accuracy - t.last().val_accuracy;
        table.add_row({rung.name, dl::fixed(t.clean_train_accuracy, 4), dl::fixed(t.last().val_accuracy, 4), dl::fixed(gap, 4),
                       dl::fixed(t.last().val_loss, 4)});
        rows.push_back({{"rung", rung.name},
                        {"augment", rung.augment},
                        {"mixup", rung.mixup},
                        {"dropout", rung.dropout},
                        {"train_accuracy", t.clean_train_accuracy},
                        {"val_accuracy", t.last().val_accuracy},
                        {"val_loss", t.last().val_loss},
                        {"seconds", t.outcome.seconds}});
        curves.push_back(dl::accuracy_curve(rung.name, t.outcome.history));
    }
    run.save_table(table, rows.dump(2) + "\n");
    dl::plot_lines(run.file("ladder.png"), curves,
                   {"Over-fitting ladder on " + std::to_string(splits.train.size()) + " images: validation accuracy", "epoch", "validation accuracy",
                    false, false});
}

void lr_experiment(const Settings& s, const dl::DataSplits& splits, const dl::RunDirectory& run) {
    std::cout << "Learning-rate experiment: the LR finder, then " << dl::counted(s.epochs, "epoch") << " on " << splits.train.size()
              << " images at a constant rate vs one cycle\n";
    dl::Rng rng(s.seed);
    dl::Sequential<float> model = build_vgg(s.architecture, rng);
    auto optimizer = dl::make_optimizer(s.optimizer, dl::single_group(model.parameters(), s.lr, s.weight_decay), s.momentum);
    dl::DataLoader loader(splits.train, s.batch_size, true, s.seed + 5, true);
    std::cerr << "  LR finder: rates 1e-5 to 10 over at most 200 batches ...\n";
    const dl::LrFinderResult found = dl::find_learning_rate(model, *optimizer, loader, 1e-5, 10.0, 200);
    std::cout << "LR finder: lowest smoothed loss at lr " << dl::fixed(found.suggested * 10, 4) << "; suggested rate (a tenth of it) "
              << dl::fixed(found.suggested, 4) << "\n";
    dl::plot_lines(run.file("lr_finder.png"), {{"smoothed training loss", found.lrs, found.losses}},
                   {"LR finder (suggested rate " + dl::fixed(found.suggested, 4) + ")", "learning rate", "training loss", true, false});

    dl::Table table({"schedule", "peak rate", "train loss", "val acc", "val loss"});
    nlohmann::json rows = nlohmann::json::array();
    std::vector<dl::Series> curves;
    struct Variant {
        std::string decay;
        double lr;
    };
    const double lowest = found.suggested * 10;  // the rate at the bottom of the finder's curve
    for (const Variant& variant : {Variant{"none", found.suggested}, Variant{"none", lowest}, Variant{"one-cycle", lowest}}) {
        Settings v = s;
        v.decay = variant.decay;
        v.lr = variant.lr;
        const std::string name = (variant.decay == "none" ? std::string("constant") : variant.decay) + " at " + dl::fixed(variant.lr, 4);
        const Trial t = run_trial(v, splits, name);
        table.add_row({variant.decay == "none" ? "constant" : variant.decay, dl::fixed(variant.lr, 4), train_loss_cell(t),
                       dl::fixed(t.last().val_accuracy, 4), dl::fixed(t.last().val_loss, 4)});
        rows.push_back({{"decay", variant.decay},
                        {"lr", variant.lr},
                        {"train_loss", t.last().train_loss},
                        {"val_accuracy", t.last().val_accuracy},
                        {"val_loss", t.last().val_loss},
                        {"seconds", t.outcome.seconds}});
        curves.push_back(dl::accuracy_curve(name, t.outcome.history));
    }
    run.save_table(table, rows.dump(2) + "\n");
    dl::plot_lines(run.file("schedules.png"), curves,
                   {"Constant rate vs one cycle: validation accuracy", "epoch", "validation accuracy", false, true});
}

void activation_experiment(const Settings& s, const dl::DataSplits& splits, const dl::RunDirectory& run) {
    std::cout << "Activation experiment: " << dl::counted(s.epochs, "epoch") << " on " << splits.train.size() << " images\n";
    dl::Table table({"activation", "BatchNorm", "train loss", "val acc", "seconds"});
    nlohmann::json rows = nlohmann::json::array();
    std::vector<dl::Series> curves;
    for (bool bn : {true, false}) {
        for (const std::string activation : {"relu", "elu"}) {
            Settings v = s;
            v.architecture.activation = activation;
            v.architecture.batch_norm = bn;
            const std::string name = activation + (bn ? " with BN" : " without BN");
            const Trial t = run_trial(v, splits, name);
            table.add_row({activation, bn ? "yes" : "no", train_loss_cell(t), dl::fixed(t.last().val_accuracy, 4), dl::fixed(t.outcome.seconds, 0)});
            rows.push_back({{"activation", activation},
                            {"batch_norm", bn},
                            {"train_loss", t.last().train_loss},
                            {"val_accuracy", t.last().val_accuracy},
                            {"seconds", t.outcome.seconds}});
            curves.push_back(dl::accuracy_curve(name, t.outcome.history));
        }
    }
    run.save_table(table, rows.dump(2) + "\n");
    dl::plot_lines(run.file("activation.png"), curves, {"ReLU vs ELU: validation accuracy", "epoch", "validation accuracy", false, true});
}

}  // namespace

const std::vector<dl::Experiment>& experiments() {
    // The budgets keep each experiment to minutes on two cores (flags override them).
    static const std::vector<dl::Experiment> all = {
        {"bn", "BatchNorm on/off across constant learning rates", 10000, 2},
        {"head", "global-average-pooling head vs fully connected head", 10000, 5},
        {"ladder", "over-fitting ladder on 2,000 images: none, augmentation, mixup, dropout", 2000, 20},
        {"lr", "learning-rate finder, then one-cycle vs constant rate", 10000, 4},
        {"activation", "ReLU vs ELU, with and without BatchNorm", 10000, 4},
    };
    return all;
}

void run_experiment(const std::string& name, const Settings& s) {
    const dl::DataSplits splits = dl::load_fashion_mnist_splits(s.data_dir, s.val_size, s.train_size, s.seed);
    const dl::RunDirectory run(s.out_dir);
    dl::Timer timer;
    if (name == "bn")
        bn_experiment(s, splits, run);
    else if (name == "head")
        head_experiment(s, splits, run);
    else if (name == "ladder")
        ladder_experiment(s, splits, run);
    else if (name == "lr")
        lr_experiment(s, splits, run);
    else if (name == "activation")
        activation_experiment(s, splits, run);
    else
        throw std::invalid_argument("--experiment: unknown experiment '" + name + "'");
    std::cout << "table.md, results.json and the plot in " << s.out_dir << "/  (" << dl::fixed(timer.seconds(), 0) << " s)\n";
}

}  // namespace ch03
