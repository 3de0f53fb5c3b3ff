// Smoke test: LeNet-5 trained on 1,000 real Fashion-MNIST images learns far above chance,
// in both its modern and its 1998 form.
#include "lenet.hpp"

#include "../support/catch_compat.hpp"

TEST_CASE("chapter 2: LeNet-5 learns from 1000 images (modern and classic forms)", "[ch02][smoke]") {
    for (bool classic : {false, true}) {
        ch02::Settings settings;
        settings.train_size = 1000;
        settings.val_size = 1000;
        settings.epochs = 3;
        settings.classic = classic;
        settings.verbose = false;
        const dl::DataSplits splits = dl::load_fashion_mnist_splits("", settings.val_size, settings.train_size, settings.seed);
        dl::Rng rng(settings.seed);
        dl::Sequential<float> model = ch02::build_lenet(classic, rng);
        const ch02::Outcome outcome = ch02::train_lenet(settings, splits, model, false);
        INFO((classic ? "classic" : "modern") << ": loss " << outcome.history.front().train_loss << " -> " << outcome.history.back().train_loss
                                              << ", validation accuracy " << outcome.history.back().val_accuracy);
        CHECK(outcome.history.back().train_loss < 0.7 * outcome.history.front().train_loss);
        CHECK(outcome.history.back().val_accuracy > 0.65);
    }
}
