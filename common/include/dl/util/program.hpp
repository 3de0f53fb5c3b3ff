/// @file program.hpp
/// @brief The frame of every chapter program: what it was asked to do, its flags parsed
/// once, its errors reported.
#pragma once

#include "dl/explain/predict_photos.hpp"

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;  // CLI11, included only by program.cpp and the chapters' command_line.cpp
}

namespace dl {

/// What a chapter program was asked to do.
enum class Action {
    train,       ///< the main run (or a trial of it, with flags changed)
    experiment,  ///< --experiment NAME
    evaluate,    ///< --evaluate CHECKPOINT: measure a saved model
    predict,     ///< --predict IMAGE...: a trained model on pictures of your own
};

/// A chapter program's command line, as far as it is not the chapter's settings.
struct Command {
    Action action = Action::train;    ///< what to do
    std::string experiment = "none";  ///< --experiment: its name, or "none" for the main run
    std::string checkpoint;           ///< Action::evaluate: the saved model
    PredictRequest predict;           ///< Action::predict: the images, the checkpoint, the class
    std::string out_dir;              ///< where evaluate and predict write (the training runs' is in the settings)
};

/// Ends a program early with this exit status: after --help, or a flag CLI11 refused.
struct ProgramExit {
    int status = 0;  ///< the exit status
};

/// Parses @p argv with @p app. After --help or a flag it refuses, CLI11 prints its text and
/// this throws ProgramExit with CLI11's exit status.
/// @param app the program's command line, its options added
/// @param argc argc of main
/// @param argv argv of main
void parse_flags(CLI::App& app, int argc, char** argv);

/// The folder evaluate and predict write to: --out if it was given, else
/// default_run_dir(@p run), e.g. "04_resnet/predict".
/// @param app the parsed command line
/// @param out_dir the --out value
/// @param run the run's path below runs/
/// @return the folder
std::string output_folder(const CLI::App& app, const std::string& out_dir, const std::string& run);

/// With --predict given (checked against @p training_flags, flags that only shape training):
/// makes @p command an Action::predict writing to --out, else to runs/@p chapter/predict.
/// @param app the parsed command line
/// @param out_dir the --out value
/// @param chapter the chapter's folder under runs/, e.g. "02_lenet"
/// @param training_flags the flags refused alongside --predict
/// @param command the command to change
/// @return whether --predict was given
bool take_predict(const CLI::App& app, const std::string& out_dir, const std::string& chapter, const std::vector<std::string>& training_flags,
                  Command& command);

/// A training run: the main run, or command.experiment unless it is "none". Sets @p
/// command's action, and makes an unwritable @p out_dir fail now rather than after training.
/// @param out_dir where the run will write
/// @param command the command to change
void take_training(const std::string& out_dir, Command& command);

/// What a chapter program can do, for run_chapter(): each part a function of the chapter.
template <class Settings>
struct ChapterProgram {
    std::function<Command(int, char**, Settings&)> parse_command_line;                        ///< the flags into settings
    std::function<void(const Settings&)> train;                                               ///< the main run
    std::function<void(const std::string&, const Settings&)> experiment;                      ///< --experiment NAME
    std::function<void(const PredictRequest&, const Settings&, const std::string&)> predict;  ///< --predict, writing to a folder
    /// --evaluate: the checkpoint, and the folder to write to (if the chapter has it)
    std::function<void(const Settings&, const std::string&, const std::string&)> evaluate = {};
};

/// Runs a chapter program's @p body and returns the program's exit status: 0 when it ends,
/// ProgramExit's status, or 1 after printing "error: " and the message of any other exception.
/// @param body the program
/// @return the exit status for main
int run_program(const std::function<void()>& body);

/// A chapter program: reads its command line into the default Settings (the main run) and
/// does what it asks, under run_program().
/// @param argc argc of main
/// @param argv argv of main
/// @param program the chapter's parts
/// @return the exit status for main
template <class Settings>
int run_chapter(int argc, char** argv, const ChapterProgram<Settings>& program) {
    return run_program([&] {
        Settings settings;  // the defaults are the main run
        const Command command = program.parse_command_line(argc, argv, settings);
        switch (command.action) {
            case Action::predict: program.predict(command.predict, settings, command.out_dir); break;
            case Action::evaluate: program.evaluate(settings, command.checkpoint, command.out_dir); break;
            case Action::experiment: program.experiment(command.experiment, settings); break;
            case Action::train: program.train(settings); break;
        }
    });
}

}  // namespace dl
