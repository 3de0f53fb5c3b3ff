// Chapter 3 — a small VGG on Fashion-MNIST: BatchNorm, augmentation, a global-average-pooling
// head, a one-cycle schedule.
//
//   ./book run 03                          the main run
//   ./book run 03 --head fc                the VGG-style fully connected head
//   ./book run 03 --experiment bn          BatchNorm on/off (also: head, ladder, lr, activation)
//   ./book run 03 --predict shirt.png      classify images of your own (after the main run)
//   ./book run 03 --help                   every flag
#include "vgg.hpp"

namespace {

/// The main run: the data, the network, its training, what it learned.
void run_main(const ch03::Settings& settings) {
    const dl::DataSplits splits = dl::load_fashion_mnist_splits(settings.data_dir, settings.val_size, settings.train_size, settings.seed);
    dl::Rng rng(settings.seed);
    dl::Sequential<float> model = ch03::build_vgg(settings.architecture, rng);
    ch03::print_plan(settings, splits, model);
    const dl::TrainingOutcome outcome = dl::train_classifier(model, settings, splits, true);
    ch03::report_main_run(settings, splits, model, outcome);
}

}  // namespace

int main(int argc, char** argv) {
    return dl::run_chapter<ch03::Settings>(argc, argv, {ch03::parse_command_line, run_main, ch03::run_experiment, ch03::run_predict});
}
