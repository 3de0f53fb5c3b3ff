/// @file experiment.hpp
/// @brief A chapter program's experiments: their names, their budgets, and the --experiment flag.
#pragma once

#include "dl/train/settings.hpp"

#include <string>
#include <vector>

namespace dl {

/// One experiment of a chapter program and the budget it runs with unless flags say otherwise.
struct Experiment {
    std::string name;            ///< the --experiment value
    std::string description;     ///< one line for --help
    std::size_t train_size;      ///< training images (a subset keeps it to minutes)
    int epochs;                  ///< epochs per trained variant
    std::size_t batch_size = 0;  ///< images per step (0 = the program's default)
};

/// Adds --experiment to @p app, bound to @p chosen: "none" (the main run) or the name of
/// one of @p experiments; --help lists each with its description.
/// @param app the chapter program's command line
/// @param chosen receives the value given (keeps its value, e.g. "none", if the flag is not given)
/// @param experiments the chapter's experiments
void add_experiment_flag(CLI::App& app, std::string& chosen, const std::vector<Experiment>& experiments);

/// Gives @p settings the budget of @p experiment (training-set size, epochs, batch size)
/// except where the command line set them, and the output folder
/// default_run_dir(@p chapter_run + "/" + name) unless --out was given. A trial that
/// diverges ends and is recorded as diverged instead of stopping the experiment.
/// Call after @p app has parsed the command line.
/// @param app the parsed command line
/// @param experiment the experiment to run
/// @param chapter_run the chapter's folder under runs/, e.g. "02_lenet"
/// @param settings the settings to change
void apply_experiment_budget(const CLI::App& app, const Experiment& experiment, const std::string& chapter_run, TrainingSettings& settings);

/// @brief The experiment called @p name; std::invalid_argument naming --experiment if there is none.
/// @param experiments the chapter's experiments
/// @param name the --experiment value
/// @return the experiment
const Experiment& find_experiment(const std::vector<Experiment>& experiments, const std::string& name);

}  // namespace dl
