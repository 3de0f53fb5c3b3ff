// The frame of the chapter programs: enum flags read once (dl::one_of), names of enum values,
// the exit status of run_program, and how a command line becomes an action.
#include "dl/layers/init.hpp"
#include "dl/util/cli_checks.hpp"
#include "dl/util/names.hpp"
#include "dl/util/program.hpp"

#include "../support/catch_compat.hpp"
#include "../support/temp_dir.hpp"

#include <CLI/CLI.hpp>

#include <fstream>
#include <stdexcept>

namespace {

/// @p app parsed from the arguments @p args (after the program's name).
void parse(CLI::App& app, std::vector<std::string> args) {
    args.insert(args.begin(), "program");
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    app.parse(int(argv.size()), argv.data());
}

}  // namespace

TEST_CASE("one_of reads an enum flag once and names the choices in the enum's order", "[program]") {
    dl::Init init = dl::Init::he;
    CLI::App app;
    app.add_option("--init", init)->transform(dl::one_of(dl::init_names()));
    parse(app, {"--init", "xavier"});
    CHECK(init == dl::Init::xavier);
    parse(app, {"--init", "zeros"});
    CHECK(init == dl::Init::zeros);
    // The map is sorted by name (he, uniform, xavier, zeros); the message follows the enum.
    CHECK_THROWS_WITH(parse(app, {"--init", "glorot"}), dltest::contains("'glorot' is not one of zeros, uniform, xavier, he"));
    CHECK_THROWS_WITH(parse(app, {"--init", "3"}), dltest::contains("'3' is not one of"));  // the number behind a name is not a name
}

TEST_CASE("name_of gives each value its name, and ? for one the map leaves out", "[program]") {
    for (const auto& [name, init] : dl::init_names()) CHECK(dl::name_of(dl::init_names(), init) == name);
    CHECK(dl::init_name(dl::Init::xavier) == "xavier");
    const std::map<std::string, dl::Init> partial = {{"he", dl::Init::he}};
    CHECK(dl::name_of(partial, dl::Init::zeros) == "?");
}

TEST_CASE("run_program: 0 after the body, ProgramExit's status, 1 after any other error", "[program]") {
    CHECK(dl::run_program([] {}) == 0);
    CHECK(dl::run_program([] { throw dl::ProgramExit{0}; }) == 0);
    CHECK(dl::run_program([] { throw dl::ProgramExit{105}; }) == 105);
    CHECK(dl::run_program([] { throw std::invalid_argument("--epochs 0"); }) == 1);
    CLI::App app;
    int epochs = 1;
    app.add_option("--epochs", epochs)->check(dl::whole_number(1, 10));
    const char* help[] = {"program", "--help"};
    const char* wrong[] = {"program", "--epochs", "0"};
    CHECK(dl::run_program([&] { dl::parse_flags(app, 2, const_cast<char**>(help)); }) == 0);
    CHECK(dl::run_program([&] { dl::parse_flags(app, 3, const_cast<char**>(wrong)); }) != 0);
}

TEST_CASE("a command line becomes predict, an experiment or a training run", "[program]") {
    dltest::TempDir dir("program");
    CLI::App app;
    dl::Command command;
    std::string out = dir.file("out");
    app.add_option("--out", out);
    app.add_option("--experiment", command.experiment);
    dl::add_predict_flags(app, command.predict, "the main run's model");
    const std::string photo = dir.file("shirt.png");
    std::ofstream(photo) << "only its existence is checked here";
    parse(app, {"--predict", photo, "--experiment", "depth"});
    CHECK_THROWS_WITH(dl::take_predict(app, out, "04_resnet", {"--experiment"}, command), dltest::contains("cannot be combined with --experiment"));
    parse(app, {"--predict", photo});
    CHECK(dl::take_predict(app, out, "04_resnet", {"--experiment"}, command));
    CHECK(command.action == dl::Action::predict);
    CHECK(command.out_dir.find("04_resnet/predict") != std::string::npos);

    dl::Command experiment;
    experiment.experiment = "depth";
    dl::take_training(out, experiment);
    CHECK(experiment.action == dl::Action::experiment);
    dl::Command main_run;
    dl::take_training(out, main_run);
    CHECK(main_run.action == dl::Action::train);
    CHECK_THROWS(dl::take_training("/proc/no-such-folder/out", main_run));  // an unwritable --out fails before training
}
