// Chapter 1 — the two experiments: initialization, and network size against over-fitting.
#include "mlp.hpp"

#include "dl/layers/init.hpp"
#include "dl/train/plot.hpp"
#include "dl/train/run_directory.hpp"
#include "dl/util/table.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

namespace ch01 {

namespace {

std::string widths_name(const std::vector<std::size_t>& hidden) {
    std::string name = "784";
    for (std::size_t h : hidden) name += "-" + std::to_string(h);
    return name + "-10";
}

}  // namespace

void run_init_experiment(Settings s) {
    const Splits splits = load_splits(s);
    const std::vector<std::vector<std::size_t>> nets = {s.hidden, std::vector<std::size_t>(6, 256)};
    std::cout << "Initialization experiment: " << s.optimizer << " lr " << s.lr << ", " << dl::counted(s.epochs, "epoch") << " on "
              << splits.train.size() << " images, validated on " << splits.validation.size() << "\n";
    dl::RunDirectory run(s.out_dir);
    dl::Table table({"network", "init", "train acc", "val acc", "val loss"});
    nlohmann::json rows = nlohmann::json::array();
    std::vector<dl::Series> curves;
    for (const auto& hidden : nets) {
        for (const std::string init : {"zeros", "uniform", "xavier", "he"}) {
            Settings run_settings = s;
            run_settings.hidden = hidden;
            run_settings.init = dl::parse_init(init);
            run_settings.verbose = false;
            std::cerr << "training " << widths_name(hidden) << " from " << init << " weights...\n";
            const Outcome outcome = train_mlp(run_settings, splits, false);
            run.write("history-" + widths_name(hidden) + "-" + init + ".csv", dl::history_csv(outcome.history));
            const dl::EpochRecord& last = outcome.history.back();
            table.add_row(
                {widths_name(hidden), init, dl::fixed(last.train_accuracy, 4), dl::fixed(last.val_accuracy, 4), dl::fixed(last.val_loss, 4)});
            rows.push_back({{"network", widths_name(hidden)},
                            {"init", init},
                            {"train_accuracy", last.train_accuracy},
                            {"val_accuracy", last.val_accuracy},
                            {"val_loss", last.val_loss}});
            dl::Series curve{std::to_string(hidden.size()) + " hidden layers, " + init, {}, {}};
            for (const auto& r : outcome.history) {
                curve.x.push_back(r.epoch);
                curve.y.push_back(r.val_accuracy);
            }
            curves.push_back(curve);
        }
    }
    run.save_table(table, rows.dump(2) + "\n");
    dl::plot_lines(run.file("init_val_accuracy.png"), curves, {"Validation accuracy by initialization", "epoch", "validation accuracy", false, true});
    std::cout << "table.md, results.json and init_val_accuracy.png in " << s.out_dir << "/\n";
}

void run_size_experiment(Settings s) {
    const Splits splits = load_splits(s);
    const std::vector<std::vector<std::size_t>> nets = {{4}, {16}, {64}, {256}, {1024}, {1024, 1024}, {1024, 1024, 1024}};
    std::cout << "Size experiment: " << dl::counted(s.epochs, "epoch") << " on " << splits.train.size() << " training images, validated on "
              << splits.validation.size() << "\n";
    dl::RunDirectory run(s.out_dir);
    dl::Table table({"network", "parameters", "train acc", "val acc", "gap", "val loss: lowest (epoch)", "final"});
    nlohmann::json rows = nlohmann::json::array();
    dl::Series train_curve{"train", {}, {}}, val_curve{"validation", {}, {}};
    std::vector<dl::Series> loss_curves;
    for (const auto& hidden : nets) {
        Settings run_settings = s;
        run_settings.hidden = hidden;
        run_settings.verbose = false;
        std::cerr << "training " << widths_name(hidden) << "...\n";
        const Outcome outcome = train_mlp(run_settings, splits, false);
        run.write("history-" + widths_name(hidden) + ".csv", dl::history_csv(outcome.history));
        const dl::EpochRecord& last = outcome.history.back();
        // Over-fitting shows first in the validation loss: it bottoms out, then climbs.
        const auto lowest =
            std::min_element(outcome.history.begin(), outcome.history.end(), [](const auto& a, const auto& b) { return a.val_loss < b.val_loss; });
        table.add_row({widths_name(hidden), std::to_string(outcome.parameters), dl::fixed(last.train_accuracy, 4), dl::fixed(last.val_accuracy, 4),
                       dl::fixed(last.train_accuracy - last.val_accuracy, 4),
                       dl::fixed(lowest->val_loss, 4) + " (" + std::to_string(lowest->epoch) + ")", dl::fixed(last.val_loss, 4)});
        rows.push_back({{"network", widths_name(hidden)},
                        {"parameters", outcome.parameters},
                        {"train_accuracy", last.train_accuracy},
                        {"val_accuracy", last.val_accuracy},
                        {"lowest_val_loss", lowest->val_loss},
                        {"lowest_val_loss_epoch", lowest->epoch},
                        {"final_val_loss", last.val_loss}});
        dl::Series loss_curve{widths_name(hidden), {}, {}};
        for (const auto& r : outcome.history) {
            loss_curve.x.push_back(r.epoch);
            loss_curve.y.push_back(r.val_loss);
        }
        loss_curves.push_back(loss_curve);
        train_curve.x.push_back(double(outcome.parameters));
        train_curve.y.push_back(last.train_accuracy);
        val_curve.x.push_back(double(outcome.parameters));
        val_curve.y.push_back(last.val_accuracy);
    }
    run.save_table(table, rows.dump(2) + "\n");
    dl::plot_lines(run.file("size_accuracy.png"), {train_curve, val_curve},
                   {"Accuracy after training vs network size (" + std::to_string(splits.train.size()) + " training images)", "parameters", "accuracy",
                    true, true});
    dl::plot_lines(run.file("size_val_loss.png"), loss_curves,
                   {"Validation loss during training, by network size", "epoch", "validation cross-entropy", false, false});
    std::cout << "table.md, results.json, size_accuracy.png and size_val_loss.png in " << s.out_dir << "/\n";
}

void run_experiment(const std::string& name, const Settings& settings) {
    if (name == "init")
        run_init_experiment(settings);
    else if (name == "size")
        run_size_experiment(settings);
    else
        throw std::invalid_argument("--experiment: unknown experiment '" + name + "' (expected init or size)");
}

}  // namespace ch01
