#include "dl/util/program.hpp"

#include "dl/train/run_directory.hpp"
#include "dl/train/settings.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

namespace dl {

void parse_flags(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        throw ProgramExit{app.exit(error)};  // prints the help, or what was wrong with a flag
    }
}

std::string output_folder(const CLI::App& app, const std::string& out_dir, const std::string& run) {
    return app.count("--out") > 0 ? out_dir : default_run_dir(run);
}

bool take_predict(const CLI::App& app, const std::string& out_dir, const std::string& chapter, const std::vector<std::string>& training_flags,
                  Command& command) {
    check_predict_flags(app, command.predict, training_flags);
    if (!command.predict.wanted()) return false;
    command.action = Action::predict;
    command.out_dir = output_folder(app, out_dir, chapter + "/predict");
    return true;
}

void take_training(const std::string& out_dir, Command& command) {
    if (command.experiment != "none") command.action = Action::experiment;
    const RunDirectory checked_output(out_dir);  // an unwritable --out fails now, not after training
}

int run_program(const std::function<void()>& body) {
    try {
        body();
    } catch (const ProgramExit& exit) {
        return exit.status;
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace dl
