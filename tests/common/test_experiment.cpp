// The --experiment flag and experiment budgets: a budget fills in what the command line
// left unset and never overrides a flag the reader gave.
#include "dl/train/experiment.hpp"

#include <CLI/CLI.hpp>
#include "../support/catch_compat.hpp"

namespace {

const std::vector<dl::Experiment> kExperiments = {{"depth", "plain vs residual", 5000, 4, 64}, {"short", "no batch size of its own", 2000, 7}};

/// Parses @p args as a chapter program would and applies the budget of @p name.
dl::TrainingSettings parse(std::vector<std::string> args, const std::string& name) {
    dl::TrainingSettings s;
    s.batch_size = 128;
    std::string chosen = "none";
    CLI::App app;
    dl::add_training_flags(app, s);
    dl::add_experiment_flag(app, chosen, kExperiments);
    args.insert(args.begin(), "program");
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    app.parse(int(argv.size()), argv.data());
    CHECK(chosen == name);
    dl::apply_experiment_budget(app, dl::find_experiment(kExperiments, chosen), "04_resnet", s);
    return s;
}

}  // namespace

TEST_CASE("apply_experiment_budget: the budget fills what the command line left unset", "[experiment]") {
    const dl::TrainingSettings s = parse({"--experiment", "depth", "--epochs", "2", "--out", "mine"}, "depth");
    CHECK(s.epochs == 2);  // given on the command line
    CHECK(s.train_size == 5000);
    CHECK(s.batch_size == 64);
    CHECK(s.out_dir == "mine");
    const dl::TrainingSettings t = parse({"--experiment", "short"}, "short");
    CHECK(t.epochs == 7);
    CHECK(t.batch_size == 128);  // the experiment has no batch size of its own
    CHECK(t.out_dir.size() >= std::string("04_resnet/short").size());
    CHECK(t.out_dir.substr(t.out_dir.size() - std::string("04_resnet/short").size()) == "04_resnet/short");
}

TEST_CASE("add_experiment_flag: an unknown experiment is refused by name", "[experiment]") {
    std::string chosen = "none";
    CLI::App app;
    dl::add_experiment_flag(app, chosen, kExperiments);
    const char* argv[] = {"program", "--experiment", "width"};
    CHECK_THROWS_AS(app.parse(3, argv), CLI::ValidationError);
    CHECK_THROWS_WITH(dl::find_experiment(kExperiments, "width"), dltest::contains("unknown experiment 'width'"));
}
