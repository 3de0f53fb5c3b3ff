#include "dl/train/experiment.hpp"

#include <CLI/CLI.hpp>

#include <stdexcept>

namespace dl {

void add_experiment_flag(CLI::App& app, std::string& chosen, const std::vector<Experiment>& experiments) {
    std::string help = "run an experiment instead of the main run:";
    std::vector<std::string> allowed = {"none"};
    for (const Experiment& e : experiments) {
        help += "\n  " + e.name + ": " + e.description;
        allowed.push_back(e.name);
    }
    app.add_option("--experiment", chosen, help)->capture_default_str()->check(CLI::IsMember(allowed));
}

void apply_experiment_budget(const CLI::App& app, const Experiment& experiment, const std::string& chapter_run, TrainingSettings& settings) {
    // A flag given on the command line wins over the experiment's budget.
    if (app.count("--train-size") == 0) settings.train_size = experiment.train_size;
    if (app.count("--epochs") == 0) settings.epochs = experiment.epochs;
    if (app.count("--batch-size") == 0 && experiment.batch_size > 0) settings.batch_size = experiment.batch_size;
    if (app.count("--out") == 0) settings.out_dir = default_run_dir(chapter_run + "/" + experiment.name);
    // A trial that diverges (a rate too high, on purpose) is one of the experiment's results.
    settings.stop_when_diverged = false;
}

const Experiment& find_experiment(const std::vector<Experiment>& experiments, const std::string& name) {
    for (const Experiment& e : experiments) {
        if (e.name == name) return e;
    }
    throw std::invalid_argument("--experiment: unknown experiment '" + name + "'");
}

}  // namespace dl
