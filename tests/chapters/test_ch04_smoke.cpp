// Smoke tests: the chapter-4 ResNet has the shapes and parameter counts its comment
// promises, its checkpoint refuses a different architecture, and a small one learns.
#include "predict.hpp"
#include "resnet.hpp"

#include "dl/io/checkpoint.hpp"
#include "dl/io/png.hpp"

#include <stb/stb_image_write.h>  // its implementation is compiled into the library (png.cpp)

#include "../support/temp_dir.hpp"

#include <nlohmann/json.hpp>
#include "../support/catch_compat.hpp"

#include <xtensor/xview.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace {

dl::Tensor<float> zeros_batch(std::size_t n) { return dl::Tensor<float>(dl::Tensor<float>::shape_type{n, 1, 28, 28}, 0.0f); }

ch04::Architecture small(bool residual) {
    ch04::Architecture a;
    a.blocks_per_stage = 1;
    a.width = 4;
    a.residual = residual;
    return a;
}

}  // namespace

TEST_CASE("chapter 4: ResNet-20 and its plain twin map (N, 1, 28, 28) to (N, 10) through (N, 64, 7, 7)", "[ch04]") {
    for (const bool residual : {true, false}) {
        ch04::Architecture a;
        a.residual = residual;
        CHECK(a.depth() == 20);
        dl::Rng rng(1);
        dl::Sequential<float> net = ch04::build_resnet(a, rng);
        net.eval();
        dl::Tensor<float> x = zeros_batch(2);
        for (std::size_t i = 0; i + 2 < net.size(); ++i) x = net[i].forward(x);  // up to the global pooling
        CHECK(dl::shape_of(x) == dl::Shape{2, 64, 7, 7});
        CHECK(dl::shape_of(net.forward(zeros_batch(2))) == dl::Shape{2, 10});
    }
}

TEST_CASE("chapter 4: parameter counts of a width-4 ResNet-8 worked by hand", "[ch04]") {
    // Stem: conv 1·4·9 + BN 2·4 = 44. Block 4→4: 2 convs 4·4·9 + 2 BN 8 = 304.
    // Block 4→8 (stride 2): convs 4·8·9 + 8·8·9, 2 BN 16 = 896; projection 4·8 + BN 16 = 48.
    // Block 8→16: convs 8·16·9 + 16·16·9, 2 BN 32 = 3520; projection 8·16 + BN 32 = 160.
    // Linear 16·10 + 10 = 170.
    dl::Rng rng(2);
    dl::Sequential<float> residual = ch04::build_resnet(small(true), rng);
    dl::Sequential<float> plain = ch04::build_resnet(small(false), rng);
    CHECK(dl::parameter_count(plain) == 44 + 304 + 896 + 3520 + 170);
    CHECK(dl::parameter_count(residual) == 44 + 304 + 896 + 48 + 3520 + 160 + 170);
    CHECK(ch04::architecture_tag(small(true)) == "resnet8-w4");
    ch04::Architecture bad = small(false);
    bad.stochastic_depth = 0.2;
    CHECK_THROWS_WITH(ch04::build_resnet(bad, rng), dltest::contains("--plain"));
}

TEST_CASE("chapter 4: the ResNet names its blocks and their projection shortcuts", "[ch04]") {
    dl::Rng rng(1);
    ch04::Architecture a;  // ResNet-20, width 16
    ch04::ResNet<float> resnet = ch04::build_resnet(a, rng);
    CHECK(resnet.blocks().size() == 9);
    int projections = 0;
    for (dl::ResidualBlock<float>* block : resnet.blocks()) projections += block->has_projection() ? 1 : 0;
    CHECK(projections == 2);  // the first block of stages 2 and 3
    std::size_t values = 0;
    for (const dl::Parameter<float>* p : resnet.shortcut_parameters()) values += p->value.size();
    // 1×1 convolutions 16→32 and 32→64 without bias, each with BatchNorm's γ and β.
    CHECK(values == 16 * 32 + 2 * 32 + 32 * 64 + 2 * 64);
    a.residual = false;
    ch04::ResNet<float> plain = ch04::build_resnet(a, rng);
    CHECK(plain.blocks().empty());
    CHECK(plain.shortcut_parameters().empty());
    CHECK(dl::parameter_count(resnet) - dl::parameter_count(plain) == values);
    // Each layer's stage: 3 stem layers, 3 blocks per stage, then the pool and the linear layer.
    const int expected[] = {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, -1, -1};
    REQUIRE(resnet.size() == 14);
    for (std::size_t i = 0; i < resnet.size(); ++i) CHECK(resnet.stage_of(&resnet[i]) == expected[i]);
}

TEST_CASE("chapter 4: a checkpoint loads into the same architecture and is refused by another", "[ch04]") {
    dltest::TempDir dir("ch04-checkpoint");
    dl::Rng rng(3);
    dl::Sequential<float> trained = ch04::build_resnet(small(true), rng);
    dl::save_checkpoint(dir.file("r.ckpt"), trained, ch04::architecture_tag(small(true)));
    dl::Sequential<float> same = ch04::build_resnet(small(true), rng);  // different random weights
    dl::load_checkpoint(dir.file("r.ckpt"), same, ch04::architecture_tag(small(true)));
    trained.eval();
    same.eval();
    const dl::Tensor<float> x = dl::Tensor<float>(dl::Tensor<float>::shape_type{2, 1, 28, 28}, 0.3f);
    CHECK(xt::allclose(trained.forward(x), same.forward(x)));
    dl::Sequential<float> plain = ch04::build_resnet(small(false), rng);
    CHECK_THROWS_WITH(dl::load_checkpoint(dir.file("r.ckpt"), plain, ch04::architecture_tag(small(false))),
                      dltest::contains("r.ckpt") && dltest::contains("architecture 'resnet8-w4'") && dltest::contains("expected 'plain8-w4'"));
}

TEST_CASE("chapter 4: a width-8 ResNet-8 with stochastic depth learns from 1000 images", "[ch04][smoke]") {
    ch04::Settings settings;
    settings.architecture = small(true);
    settings.architecture.width = 8;
    settings.architecture.stochastic_depth = 0.2;
    settings.train_size = 1000;
    settings.val_size = 1000;
    settings.epochs = 10;
    settings.batch_size = 64;  // 160 steps in all
    settings.verbose = false;
    const dl::DataSplits splits = dl::load_fashion_mnist_splits("", settings.val_size, settings.train_size, settings.seed);
    dl::Rng rng(settings.seed);
    dl::Sequential<float> model = ch04::build_resnet(settings.architecture, rng);
    const dl::TrainingOutcome outcome = dl::train_classifier(model, settings, splits, false);
    INFO("loss " << outcome.history.front().train_loss << " -> " << outcome.history.back().train_loss << ", validation accuracy "
                 << outcome.history.back().val_accuracy);
    CHECK(outcome.history.back().train_loss < 0.8 * outcome.history.front().train_loss);
    CHECK(outcome.history.back().val_accuracy > 0.65);
}

TEST_CASE("chapter 4: the committed ResNet-20 checkpoint reproduces the test accuracy its training run measured", "[ch04][pretrained]") {
    const std::string folder = std::string(BOOK_SOURCE_DIR) + "/chapters/04_resnet/pretrained/";
    std::ifstream results_file(folder + "results.json");
    REQUIRE(results_file.good());
    const nlohmann::json results = nlohmann::json::parse(results_file);  // written by the run that trained it
    ch04::Architecture a;                                                // the defaults: ResNet-20
    REQUIRE(results.at("architecture") == ch04::architecture_tag(a));
    dl::Rng rng(1);
    dl::Sequential<float> model = ch04::build_resnet(a, rng);
    dl::load_checkpoint(folder + "resnet20.ckpt", model, ch04::architecture_tag(a));
    // It was trained by the default command: the default split and normalization apply.
    const ch04::Settings defaults;
    REQUIRE(results.at("seed") == defaults.seed);
    REQUIRE(results.at("train_images") == 60000 - defaults.val_size);
    const dl::DataSplits splits = dl::load_fashion_mnist_splits("", defaults.val_size, 0, defaults.seed);
    const dl::Evaluation test = dl::evaluate(model, splits.test);
    CHECK(test.accuracy == Approx(double(results.at("test_accuracy"))).margin(1e-4));
}

namespace {

// Test image @p index made to look like a photo: inverted (a dark object on white), enlarged
// 3 times and placed off centre on a 112×96 white canvas.
dl::Image8 as_photo(const dl::ImageDataset& images, std::size_t index, const dl::Normalization& normalization) {
    dl::Image8 photo{112, 96, 1, std::vector<std::uint8_t>(112 * 96, 255), 8};
    for (int y = 0; y < 28 * 3; ++y)
        for (int x = 0; x < 28 * 3; ++x) {
            const float normalized = images.images.data()[index * 784 + std::size_t(y / 3) * 28 + std::size_t(x / 3)];
            const float pixel = normalized * normalization.stddev + normalization.mean;  // back to [0, 1]
            photo.pixels[std::size_t(5 + y) * 112 + std::size_t(20 + x)] = std::uint8_t(255 - std::lround(std::clamp(pixel, 0.0f, 1.0f) * 255.0f));
        }
    return photo;
}

}  // namespace

TEST_CASE("chapter 4: test images made to look like photos get the network's answer for the originals", "[ch04][predict]") {
    const ch04::Settings defaults;
    const dl::DataSplits splits = dl::load_fashion_mnist_splits("", defaults.val_size, 0, defaults.seed);
    const ch04::Architecture a;
    dl::Rng rng(1);
    dl::Sequential<float> model = ch04::build_resnet(a, rng);
    dl::load_checkpoint(ch04::committed_checkpoint_path(), model, ch04::architecture_tag(a));
    const int images = 60;
    int same = 0;
    for (int i = 0; i < images; ++i) {
        const dl::Tensor<float> original = dl::Tensor<float>(xt::view(splits.test.images, xt::range(i, i + 1)));  // (1, 1, 28, 28)
        model.eval();
        const dl::Tensor<float> scores = model.forward(original);  // (1, 10)
        const int direct = int(std::max_element(scores.begin(), scores.end()) - scores.begin());
        const dl::PhotoClassifier classifier{dl::layers_of(model), splits.normalization, dl::DatasetForm::fashion_mnist, dl::fashion_mnist_classes()};
        const dl::PhotoPrediction p = dl::predict_photo(classifier, as_photo(splits.test, std::size_t(i), splits.normalization));
        CHECK(p.prepared.inverted);
        same += p.ranked.front().label == direct ? 1 : 0;
    }
    // The preparation undoes the inversion and the enlargement, and frames the object by its
    // longer side as the dataset did; what it cannot undo is the little margin some dataset
    // images leave around the object, which it crops. Without the inversion at most the
    // odd image would agree.
    INFO(same << " of " << images << " agree");
    CHECK(same >= images * 8 / 10);
}

TEST_CASE("chapter 4: --predict names the file it cannot read or find an object in", "[ch04][predict]") {
    dltest::TempDir dir("predict");
    std::ofstream(dir.file("notes.txt")) << "not an image\n";
    CHECK_THROWS_WITH(ch04::run_predict({{dir.file("notes.txt")}, "", ""}, dir.path()), dltest::contains(dir.file("notes.txt")));
    dl::write_png(dir.file("blank.png"), dl::Image8{8, 8, 1, std::vector<std::uint8_t>(64, 255), 8});
    CHECK_THROWS_WITH(ch04::run_predict({{dir.file("blank.png")}, "", ""}, dir.path()),
                      dltest::contains(dir.file("blank.png") + ": prepare_like_fashion_mnist: nothing"));
}

TEST_CASE("chapter 4: --predict saves a panel for each image, named after it", "[ch04][predict]") {
    dltest::TempDir dir("predict-panel");
    dl::Image8 photo{60, 40, 1, std::vector<std::uint8_t>(60 * 40, 255), 8};  // white
    for (int y = 10; y < 30; ++y)
        for (int x = 20; x < 35; ++x) photo.pixels[std::size_t(y) * 60 + std::size_t(x)] = 30;  // a dark block
    dl::write_png(dir.file("block.png"), photo);
    ch04::run_predict({{dir.file("block.png")}, "", ""}, dir.file("panels"));
    const dl::Image8 panel = dl::read_png(dir.file("panels/block.png"));
    CHECK(panel.width >= 5 * 140);  // five cells: the image, the network's input, Grad-CAM, saliency, the bars
    CHECK(panel.height > 140);      // and captions under them
}

TEST_CASE("chapter 4: --class chooses the class Grad-CAM and the saliency map explain", "[ch04][predict]") {
    const ch04::Architecture a;
    dl::Rng rng(1);
    dl::Sequential<float> model = ch04::build_resnet(a, rng);
    dl::load_checkpoint(ch04::committed_checkpoint_path(), model, ch04::architecture_tag(a));
    dl::Image8 photo{60, 40, 1, std::vector<std::uint8_t>(60 * 40, 255), 8};  // a dark block on white
    for (int y = 5; y < 35; ++y)
        for (int x = 22; x < 38; ++x) photo.pixels[std::size_t(y) * 60 + std::size_t(x)] = 20;
    const dl::PhotoClassifier classifier{dl::layers_of(model), {0.29f, 0.35f}, dl::DatasetForm::fashion_mnist, dl::fashion_mnist_classes()};
    const dl::PhotoPrediction top = dl::predict_photo(classifier, photo);
    CHECK(top.explained == top.ranked.front().label);
    const int other = top.ranked.back().label;  // the least probable class
    const dl::PhotoPrediction named = dl::predict_photo(classifier, photo, other);
    CHECK(named.explained == other);
    CHECK(named.ranked.front().label == top.ranked.front().label);  // the ranking does not depend on it
    CHECK(top.grad_cam_size == "7x7");                              // the last stage's maps
    CHECK(named.grad_cam != top.grad_cam);
    CHECK(named.saliency != top.saliency);
    dltest::TempDir dir("predict-class");
    dl::write_png(dir.file("block.png"), photo);
    CHECK_THROWS_WITH(ch04::run_predict({{dir.file("block.png")}, "", "Sock"}, dir.path()),
                      dltest::contains("--class: 'Sock' is not one of this model's classes (T-shirt/top, Trouser"));
}

namespace {

std::string committed_photo(const std::string& name) { return std::string(BOOK_SOURCE_DIR) + "/tests/data/photos/" + name; }

}  // namespace

TEST_CASE("chapter 4: the committed photos, drawn like a reader's own, get their classes, and the digit a confident wrong one", "[ch04][predict]") {
    const ch04::Architecture a;
    dl::Rng rng(1);
    dl::Sequential<float> model = ch04::build_resnet(a, rng);
    dl::load_checkpoint(ch04::committed_checkpoint_path(), model, ch04::architecture_tag(a));
    const std::vector<std::string>& classes = dl::fashion_mnist_classes();
    const dl::PhotoClassifier classifier{dl::layers_of(model), ch04::training_normalization(), dl::DatasetForm::fashion_mnist, classes};
    // tests/data/photos/make_photos.py draws them: dark objects on light, uneven paper.
    for (const auto& [file, expected] : std::vector<std::pair<std::string, std::string>>{
             {"shirt.png", "Shirt"}, {"sneaker.png", "Sneaker"}, {"trouser.png", "Trouser"}, {"bag.png", "Bag"}}) {
        const dl::PhotoPrediction p = dl::predict_photo(classifier, dl::read_png(committed_photo(file)));
        INFO(file << ": " << classes[std::size_t(p.ranked[0].label)] << " " << p.ranked[0].probability);
        CHECK(p.prepared.inverted);
        CHECK(classes[std::size_t(p.ranked[0].label)] == expected);
        CHECK(p.ranked[0].probability > 0.5f);
    }
    // A handwritten 3 is none of the ten classes, yet the softmax must share all of its
    // probability among them: chapter 4's text shows the answer, and why such confidence
    // tells nothing about whether the input is a kind the network has seen.
    const dl::PhotoPrediction digit = dl::predict_photo(classifier, dl::read_png(committed_photo("digit.png")));
    INFO("digit: " << classes[std::size_t(digit.ranked[0].label)] << " " << digit.ranked[0].probability);
    CHECK(digit.ranked[0].probability > 0.5f);
}

// (JPEG is left out: stb_image_write's JPEG encoder shifts negative values left, which
// the sanitized build reports as undefined behaviour.)
TEST_CASE("chapter 4: --predict reads BMP as well as PNG, with the same answer", "[ch04][predict]") {
    dltest::TempDir dir("predict-formats");
    const dl::Image8 shirt = dl::read_png(committed_photo("shirt.png"));
    REQUIRE(stbi_write_bmp(dir.file("shirt.bmp").c_str(), shirt.width, shirt.height, shirt.channels, shirt.pixels.data()) != 0);
    ch04::run_predict({{committed_photo("shirt.png"), dir.file("shirt.bmp")}, "", ""}, dir.file("panels"));
    for (const char* panel : {"panels/shirt.png", "panels/shirt_bmp.png"}) CHECK(dl::read_png(dir.file(panel)).width >= 5 * 140);
    const ch04::Architecture a;
    dl::Rng rng(1);
    dl::Sequential<float> model = ch04::build_resnet(a, rng);
    dl::load_checkpoint(ch04::committed_checkpoint_path(), model, ch04::architecture_tag(a));
    const dl::PhotoClassifier classifier{dl::layers_of(model), ch04::training_normalization(), dl::DatasetForm::fashion_mnist,
                                         dl::fashion_mnist_classes()};
    const int from_png = dl::predict_photo(classifier, shirt).ranked[0].label;
    CHECK(dl::predict_photo(classifier, dl::read_png(dir.file("shirt.bmp"))).ranked[0].label == from_png);
}
