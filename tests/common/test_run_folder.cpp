// Where a main run writes: runs/NN/main only for the chapter's own recipe; a trial with other
// flags gets a folder named after them, so it never overwrites the main run.
#include "dl/train/settings.hpp"

#include <CLI/CLI.hpp>
#include "../support/catch_compat.hpp"

#include <cstdlib>

namespace {

/// The output folder chosen for a chapter-2 run with command-line arguments @p args, with
/// the runs folder at "R" (as the book script's BOOK_RUNS_DIR).
std::string folder_for(std::vector<std::string> args) {
    setenv("BOOK_RUNS_DIR", "R", 1);
    dl::TrainingSettings s;
    bool classic = false;
    CLI::App app;
    dl::add_training_flags(app, s);
    app.add_flag("--classic", classic, "a flag without a value");
    args.insert(args.begin(), "program");
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    app.parse(int(argv.size()), argv.data());
    dl::choose_run_folder(app, s, "02_lenet");
    unsetenv("BOOK_RUNS_DIR");
    return s.out_dir;
}

}  // namespace

TEST_CASE("choose_run_folder: main for the default recipe, the flags' names for a trial", "[settings]") {
    CHECK(folder_for({}) == "R/02_lenet/main");
    CHECK(folder_for({"--threads", "1"}) == "R/02_lenet/main");  // speed, not recipe
    // In the order --help lists the flags, whatever the order typed.
    CHECK(folder_for({"--lr", "0.1", "--epochs", "1"}) == "R/02_lenet/epochs-1_lr-0.1");
    CHECK(folder_for({"--classic"}) == "R/02_lenet/classic");
    CHECK(folder_for({"--data", "../my data/", "--seed", "7"}) == "R/02_lenet/seed-7_data-my-data");
    CHECK(folder_for({"--epochs", "1", "--out", "elsewhere"}) == "elsewhere");
}
