// Smoke tests: LeNet-5 trained on 1,000 real Fashion-MNIST images learns far above chance,
// in both its modern and its 1998 form; --predict loads a checkpoint and draws its panel.
#include "lenet.hpp"

#include "dl/io/checkpoint.hpp"
#include "dl/io/png.hpp"

#include "../support/catch_compat.hpp"
#include "../support/temp_dir.hpp"

#include <filesystem>

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
        ch02::LeNet5 model = ch02::build_lenet(classic, rng);
        const ch02::Outcome outcome = ch02::train_lenet(settings, splits, model, false);
        INFO((classic ? "classic" : "modern") << ": loss " << outcome.history.front().train_loss << " -> " << outcome.history.back().train_loss
                                              << ", validation accuracy " << outcome.history.back().val_accuracy);
        CHECK(outcome.history.back().train_loss < 0.7 * outcome.history.front().train_loss);
        CHECK(outcome.history.back().val_accuracy > 0.65);
    }
}

TEST_CASE("chapter 2: --predict loads the checkpoint it is given, or says how to make one", "[ch02][predict]") {
    dltest::TempDir dir("ch02-predict");
    dl::Rng rng(3);
    ch02::LeNet5 model = ch02::build_lenet(false, rng);  // untrained: the mechanics, not the answer
    dl::save_checkpoint(dir.file("lenet.ckpt"), model, ch02::architecture_tag(false));
    dl::Image8 photo{50, 50, 1, std::vector<std::uint8_t>(50 * 50, 240), 8};
    for (int y = 10; y < 40; ++y)
        for (int x = 15; x < 35; ++x) photo.pixels[std::size_t(y) * 50 + std::size_t(x)] = 40;
    dl::write_png(dir.file("block.png"), photo);
    ch02::Settings s;
    ch02::run_predict({{dir.file("block.png")}, dir.file("lenet.ckpt"), "Coat"}, s, dir.file("out"));
    CHECK(dl::read_png(dir.file("out/block.png")).width >= 5 * 140);  // LeNet has maps: Grad-CAM and saliency
    CHECK(std::filesystem::exists(dir.file("out/block_maps.png")));
    CHECK(std::filesystem::exists(dir.file("out/results.json")));
    // The classic form's checkpoint is refused for the modern form, by its tag.
    ch02::LeNet5 classic = ch02::build_lenet(true, rng);
    dl::save_checkpoint(dir.file("classic.ckpt"), classic, ch02::architecture_tag(true));
    CHECK_THROWS_WITH(ch02::run_predict({{dir.file("block.png")}, dir.file("classic.ckpt"), ""}, s, dir.file("out")),
                      dltest::contains("lenet5-classic"));
    // Without --checkpoint and without a main run, it says how to train one.
    const std::string missing = dir.file("no-such-run/model.ckpt");
    CHECK_THROWS_WITH(dl::predict_checkpoint({{dir.file("block.png")}, "", ""}, missing, "", "./book run 02 (about 2 minutes)"),
                      dltest::contains(missing + " does not exist yet: train one with ./book run 02"));
}
