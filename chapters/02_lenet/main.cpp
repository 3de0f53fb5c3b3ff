// Chapter 2 — LeNet-5 on Fashion-MNIST, with convolution computed as im2col + GEMM.
//
//   ./book run 02                      the main run (modern LeNet: ReLU, max pooling)
//   ./book run 02 --classic            the 1998 form: tanh, average pooling
//   ./book run 02 --experiment speed   one epoch with naive loops vs im2col + GEMM
//   ./book run 02 --mine               the main run on your own exercise answers
//   ./book run 02 --predict shirt.png  classify images of your own (after the main run)
//   ./book run 02 --help               every flag
#include "lenet.hpp"
#include "mine.hpp"

namespace {

/// The main run: the data, the network, its training, what it learned.
void run_main(const ch02::Settings& settings) {
    const dl::DataSplits splits = dl::load_fashion_mnist_splits(settings.data_dir, settings.val_size, settings.train_size, settings.seed);
    dl::Rng rng(settings.seed);
    ch02::LeNet5 model = ch02::build_lenet(settings.classic, rng);
    if (settings.mine) ch02::print_reader_code_in_use(ch02::use_reader_code(model, settings.conv));
    ch02::print_plan(settings, splits, model);
    const ch02::Outcome outcome = ch02::train_lenet(settings, splits, model, true);
    ch02::report_main_run(settings, splits, model, outcome);
}

}  // namespace

int main(int argc, char** argv) {
    return dl::run_chapter<ch02::Settings>(
        argc, argv,
        {ch02::parse_command_line, run_main, [](const std::string&, const ch02::Settings& s) { ch02::run_speed_experiment(s); }, ch02::run_predict});
}
