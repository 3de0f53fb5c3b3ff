// Smoke tests for chapter 6: the committed chapter-4 checkpoint, cut and given a new head,
// computes the features the whole network computed; an image folder of two easy classes
// (horizontal and vertical bars, drawn here) is learned by fine-tuning; a broken folder is
// refused by name.
#include "finetune.hpp"
#include "resnet.hpp"

#include "dl/data/normalize.hpp"
#include "dl/io/checkpoint.hpp"
#include "dl/io/png.hpp"
#include "dl/layers/surgery.hpp"

#include "../support/temp_dir.hpp"

#include "../support/catch_compat.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

namespace {

/// A 28×28 gray image with one bright bar, horizontal or vertical, at @p position (2..25).
dl::Image8 bar_image(bool horizontal, int position, int thickness) {
    dl::Image8 image{28, 28, 1, std::vector<std::uint8_t>(28 * 28, 0)};
    for (int a = 3; a < 25; ++a)
        for (int t = 0; t < thickness; ++t) {
            const int r = horizontal ? position + t : a, c = horizontal ? a : position + t;
            image.pixels[std::size_t(r) * 28 + std::size_t(c)] = 230;
        }
    return image;
}

/// DIR/{train,test}/{horizontal,vertical}/NN.png: @p per_class training images per class.
void write_bars(const std::string& dir, int per_class) {
    for (const char* split : {"train", "test"}) {
        const int count = std::string(split) == "train" ? per_class : 12;
        for (const bool horizontal : {true, false}) {
            const std::string folder = dir + "/" + split + "/" + (horizontal ? "horizontal" : "vertical");
            std::filesystem::create_directories(folder);
            for (int i = 0; i < count; ++i) {
                const int position = 2 + (i * 7 + (split[1] == 'e' ? 3 : 0)) % 22;  // test bars sit elsewhere
                dl::write_png(folder + "/" + std::to_string(i) + ".png", bar_image(horizontal, position, 2 + i % 3), false);
            }
        }
    }
}

}  // namespace

TEST_CASE("chapter 6: the body's stages, by name, hold every body parameter once, counted by hand", "[ch06]") {
    ch06::Settings s;
    auto model = ch06::build_model(s, ch06::Method::scratch, 7);
    // Stem: conv 1·16·9 + BN 2·16 = 176; stage 1: 3 blocks of 2 convs 16·16·9 and 2 BN 2·16.
    const std::size_t stage1 = 176 + 3 * (2 * 16 * 16 * 9 + 2 * 2 * 16);
    // Stage 2: convs 16·32·9 and 32·32·9, 2 BN, projection 16·32 + BN; then 2 blocks of 32.
    const std::size_t stage2 = 16 * 32 * 9 + 32 * 32 * 9 + 2 * 2 * 32 + 16 * 32 + 2 * 32 + 2 * (2 * 32 * 32 * 9 + 2 * 2 * 32);
    const std::size_t stage3 = 32 * 64 * 9 + 64 * 64 * 9 + 2 * 2 * 64 + 32 * 64 + 2 * 64 + 2 * (2 * 64 * 64 * 9 + 2 * 2 * 64);
    std::vector<const dl::Parameter<float>*> seen;
    const std::size_t expected[] = {stage1, stage2, stage3};
    for (int stage = 1; stage <= 3; ++stage) {
        std::size_t values = 0;
        for (const dl::Parameter<float>* p : model->stage_parameters(stage)) {
            values += p->value.size();
            seen.push_back(p);
        }
        CHECK(values == expected[stage - 1]);
    }
    const std::vector<dl::Parameter<float>*> body = model->body().parameters();
    CHECK(seen.size() == body.size());  // every body parameter, in the body's order
    CHECK(std::equal(seen.begin(), seen.end(), body.begin()));
}

TEST_CASE("chapter 6: the cut pretrained body computes what ResNet-20 computed up to its pool", "[ch06]") {
    ch06::Settings s;
    auto model = ch06::build_model(s, ch06::Method::finetune, 7);
    dl::Rng rng(1);
    dl::Sequential<float> resnet = ch04::build_resnet(ch04::Architecture{}, rng);
    dl::load_checkpoint(ch04::committed_checkpoint_path(), resnet, "resnet20-w16");
    resnet.eval();
    model->eval();
    const dl::Tensor<float> x = dl::Tensor<float>(dl::Tensor<float>::shape_type{3, 1, 28, 28}, 0.5f);
    dl::Tensor<float> expected = x;
    for (std::size_t i = 0; i + 1 < resnet.size(); ++i) expected = resnet[i].forward(expected);  // up to the pool: (3, 64)
    CHECK(xt::allclose(model->body().forward(x), expected));
    CHECK(dl::shape_of(model->forward(x)) == dl::Shape{3, 7});
    // A from-scratch model has the same shape and different weights.
    auto scratch = ch06::build_model(s, ch06::Method::scratch, 7);
    CHECK(dl::parameter_count(*scratch) == dl::parameter_count(*model));
    CHECK_FALSE(xt::allclose(scratch->body().parameters()[0]->value, model->body().parameters()[0]->value));
}

TEST_CASE("chapter 6: fine-tuning learns an image folder of bars and refuses a broken folder", "[ch06]") {
    dltest::TempDir dir("ch06-bars");
    write_bars(dir.path(), 30);
    const dl::Normalization normalization = ch04::training_normalization();
    CHECK(normalization.mean == Approx(0.286).margin(0.01));  // Fashion-MNIST's mean pixel
    const dl::DataSplits splits = ch06::load_digit_splits(dir.path(), normalization, 1);
    CHECK(splits.train.class_names == std::vector<std::string>{"horizontal", "vertical"});
    CHECK(splits.train.size() + splits.validation.size() == 60);  // no val/: a tenth held out
    CHECK(splits.validation.size() == 6);
    ch06::Settings s;
    s.verbose = false;
    s.epochs = 4;
    s.head_share = 0.25;  // 1 of 4 epochs
    s.batch_size = 16;
    s.min_epoch_images = 108;  // the 54 training images twice per epoch: 7 steps, and the repeat path runs
    auto model = ch06::build_model(s, ch06::Method::finetune, 2);
    const ch06::FinetuneOutcome outcome = ch06::train_by_method(*model, s, splits);
    CHECK(outcome.history.size() == 4);
    CHECK(outcome.test.accuracy >= 0.9);  // bars are easy; chance is 0.5
    CHECK(model->body_frozen() == false);

    // --predict with the fine-tuned model: a photo of a dark horizontal bar on white paper,
    // prepared like the folder's images (a folder of your own: the Fashion-MNIST way).
    dl::save_checkpoint(dir.file("model.ckpt"), *model, ch06::architecture_tag(s, 2));
    dl::Image8 photo{90, 60, 1, std::vector<std::uint8_t>(90 * 60, 245), 8};
    for (int y = 28; y < 34; ++y)
        for (int x = 10; x < 80; ++x) photo.pixels[std::size_t(y) * 90 + std::size_t(x)] = 25;
    dl::write_png(dir.file("bar.png"), photo);
    s.data_dir = dir.path();
    ch06::run_predict({{dir.file("bar.png")}, dir.file("model.ckpt"), ""}, s, dir.file("predict"));
    const dl::Image8 panel = dl::read_png(dir.file("predict/bar.png"));
    CHECK(panel.width >= 5 * 140);  // the image, the input, Grad-CAM (the body's last stage), saliency, the bars
    std::ifstream results(dir.file("predict/results.json"));
    const nlohmann::json rows = nlohmann::json::parse(results);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["top"][0]["class"] == "horizontal");

    std::filesystem::create_directories(dir.file("test/diagonal"));  // a class the training folder lacks
    CHECK_THROWS_WITH(ch06::load_digit_splits(dir.path(), normalization, 1), dltest::contains("holds the classes {diagonal, horizontal, vertical}"));
    std::filesystem::create_directories(dir.file("train/diagonal"));  // ... and with no images
    CHECK_THROWS_WITH(ch06::load_digit_splits(dir.path(), normalization, 1), dltest::contains("train/diagonal: class folder is empty"));
    std::filesystem::remove_all(dir.file("test"));
    CHECK_THROWS_WITH(ch06::load_digit_splits(dir.path(), normalization, 1), dltest::contains("has no test/ folder"));
}
