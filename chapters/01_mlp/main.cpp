// Chapter 1 — a multilayer perceptron on Fashion-MNIST, with backprop written by hand.
//
//   ./book run 01                     the main run (≈0.89 test accuracy)
//   ./book run 01 --experiment init   zeros vs uniform vs Xavier vs He
//   ./book run 01 --experiment size   under- and over-fitting on a small subset
//   ./book run 01 --predict shirt.png classify images of your own (after the main run)
//   ./book run 01 --help              every flag
#include "mlp.hpp"

namespace {

/// The main run: the data, the network trained on it, what it learned.
void run_main(const ch01::Settings& settings) {
    const ch01::Splits splits = ch01::load_splits(settings);  // Fashion-MNIST: train, validation, test
    ch01::print_plan(settings, splits);
    const ch01::Outcome outcome = ch01::train_mlp(settings, splits, true, settings.out_dir + "/model.ckpt");  // build, train, test, save
    ch01::report_main_run(settings, splits, outcome);
}

}  // namespace

int main(int argc, char** argv) {
    return dl::run_chapter<ch01::Settings>(argc, argv, {ch01::parse_command_line, run_main, ch01::run_experiment, ch01::run_predict});
}
