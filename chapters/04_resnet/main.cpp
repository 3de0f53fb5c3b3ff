// Chapter 4 — a CIFAR-style ResNet on Fashion-MNIST: residual blocks, projection shortcuts,
// stochastic depth, and a trained checkpoint for chapter 6.
//
//   ./book run 04                                   the main run (ResNet-20)
//   ./book run 04 --blocks 9                        ResNet-56
//   ./book run 04 --plain                           the same layers without shortcuts
//   ./book run 04 --evaluate chapters/04_resnet/pretrained/resnet20.ckpt
//   ./book run 04 --experiment depth                plain vs residual (also: stochastic-depth)
//   ./book run 04 --predict shirt.png               classify images of your own
//   ./book run 04 --help                            every flag
#include "predict.hpp"
#include "resnet.hpp"

namespace {

/// The main run: the data, the network, its training, what it learned.
void run_main(const ch04::Settings& settings) {
    const dl::DataSplits splits = dl::load_fashion_mnist_splits(settings.data_dir, settings.val_size, settings.train_size, settings.seed);
    dl::Rng rng(settings.seed);
    ch04::ResNet<float> model = ch04::build_resnet(settings.architecture, rng);
    ch04::print_plan(settings, splits, model);
    const dl::TrainingOutcome outcome = dl::train_classifier(model, settings, splits, true);
    ch04::report_main_run(settings, splits, model, outcome);
}

}  // namespace

int main(int argc, char** argv) {
    const auto predict = [](const dl::PredictRequest& request, const ch04::Settings&, const std::string& out_dir) {
        ch04::run_predict(request, out_dir);
    };
    const auto evaluate = [](const ch04::Settings& s, const std::string&, const std::string& out_dir) {
        ch04::run_evaluate(s, out_dir);
    };  // s.evaluate
    return dl::run_chapter<ch04::Settings>(argc, argv, {ch04::parse_command_line, run_main, ch04::run_experiment, predict, evaluate});
}
