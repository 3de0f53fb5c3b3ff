// Smoke tests: the chapter-5 U-Net keeps the image size, has the parameter counts worked out
// by hand, passes a gradient check through its skips and concatenations, refuses another
// decoder's checkpoint, and a small one learns to segment a few real Fashion scenes.
#include <cmath>

#include "resnet.hpp"
#include "segmentation_task.hpp"

#include "dl/data/augment.hpp"
#include "dl/data/fashion_mnist.hpp"
#include "dl/io/checkpoint.hpp"

#include "../support/gradcheck.hpp"
#include "../support/temp_dir.hpp"

#include "../support/catch_compat.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

namespace {

ch05::Architecture tiny(ch05::Decoder decoder, int levels = 1, int width = 2) {
    ch05::Architecture a;
    a.encoder = ch05::Encoder::plain;
    a.levels = levels;
    a.width = width;
    a.decoder = decoder;
    return a;
}

}  // namespace

TEST_CASE("chapter 5: every decoder maps (N, 1, 64, 64) to (N, 11, 64, 64)", "[ch05]") {
    for (const ch05::Decoder decoder : {ch05::Decoder::upsample, ch05::Decoder::transpose, ch05::Decoder::unet}) {
        dl::Rng rng(1);
        ch05::UNet<float> net(tiny(decoder, 3, 4), rng);
        CHECK(dl::shape_of(net.forward(dl::Tensor<float>(dl::Tensor<float>::shape_type{2, 1, 64, 64}, 0.5f))) == dl::Shape{2, 11, 64, 64});
        CHECK_THROWS_WITH(net.forward(dl::Tensor<float>(dl::Tensor<float>::shape_type{1, 1, 60, 60}, 0.0f)), dltest::contains("divisible by 8"));
    }
}

TEST_CASE("chapter 5: parameter counts of one-level width-2 networks worked by hand", "[ch05]") {
    // Encoder 1→2: convs 1·2·9 + 2·2·9, two BN 2·2 = 62. Bottleneck 2→4: 2·4·9 + 4·4·9 + 2·8 = 232.
    // Way up 4→2: transposed conv 4·2·2·2 + bias 2 = 34, or upsample + conv 4·2·9 + 2 = 74.
    // Decoder with the skip, 4→2: 4·2·9 + 2·2·9 + 8 = 116; without, 2→2: 2·2·9·2 + 8 = 80.
    // Head 1x1, 2→11 with bias: 33.
    dl::Rng rng(2);
    ch05::UNet<float> unet(tiny(ch05::Decoder::unet), rng), transpose(tiny(ch05::Decoder::transpose), rng),
        upsample(tiny(ch05::Decoder::upsample), rng);
    CHECK(dl::parameter_count(unet) == 62 + 232 + 34 + 116 + 33);
    CHECK(dl::parameter_count(transpose) == 62 + 232 + 34 + 80 + 33);
    CHECK(dl::parameter_count(upsample) == 62 + 232 + 74 + 80 + 33);
    CHECK(ch05::architecture_tag(tiny(ch05::Decoder::unet)) == "unet1-w2-unet");
}

TEST_CASE("chapter 5: the U-Net's backward through skips and concatenations matches finite differences", "[ch05][gradcheck]") {
    for (const ch05::Decoder decoder : {ch05::Decoder::upsample, ch05::Decoder::transpose, ch05::Decoder::unet}) {
        dl::Rng rng(3);
        ch05::UNet<double> net(tiny(decoder, 2, 2), rng);
        const auto report = dltest::check_layer(net, dltest::random_normal({2, 1, 8, 8}, 4));
        INFO(ch05::describe(tiny(decoder, 2, 2)) << ": " << report.where);
        CHECK(report.worst_error < 1e-5);
    }
}

TEST_CASE("chapter 5: test-time flip averaging makes the prediction mirror with its input", "[ch05]") {
    // Any network's flip average s(x) = ½ (f(x) + m(f(m(x)))) has s(m(x)) = m(s(x)), with m
    // the mirror; a random network alone does not. Also: eval mode, so BN uses its statistics.
    dl::Rng rng(6);
    ch05::UNet<float> net(tiny(ch05::Decoder::unet, 2, 2), rng);
    net.eval();
    const dl::Tensor<float> images = xt::cast<float>(dltest::random_normal({2, 1, 8, 8}, 7));  // (2, 1, 8, 8)
    dl::Tensor<float> mirrored = images;
    dl::horizontal_flip(mirrored);
    for (const bool flip_average : {false, true}) {
        dl::Tensor<float> of_mirror = ch05::predict_scores(net, mirrored, flip_average);  // (2, 11, 8, 8)
        dl::horizontal_flip(of_mirror);
        const dl::Tensor<float> direct = ch05::predict_scores(net, images, flip_average);
        const float gap = xt::amax(xt::abs(direct - of_mirror))();
        INFO("flip_average " << flip_average);
        if (flip_average)
            CHECK(gap < 1e-5f);
        else
            CHECK(gap > 1e-3f);  // the property is not free: a random network breaks it
    }
}

TEST_CASE("chapter 5: a ResNet encoder: chapter 4's weights in place, hand-counted decoder, gradients", "[ch05]") {
    dl::Rng rng(6);
    ch04::ResNet<float> resnet = ch04::build_resnet(ch04::Architecture{}, rng);  // ResNet-20, width 16
    const std::size_t resnet_parameters = dl::parameter_count(resnet);
    const dl::Tensor<float> stage2_conv = resnet.parameters()[0]->value;  // the stem's weights
    ch05::Architecture a;                                                 // the default: ResNet-20 encoder, 2 levels of 16 and 32 channels, skips
    ch05::UNet<float> unet(a, std::move(resnet), rng);
    // The encoder keeps every weight but the linear layer's 64·10 + 10. The decoder: up 64→32
    // (2×2 transposed, 64·32·4 + 32), block 64→32 (64·32·9 + 32·32·9 + 2·2·32), up 32→16
    // (32·16·4 + 16), block 32→16 (32·16·9 + 16·16·9 + 2·2·16), head 16→11 (16·11 + 11).
    const std::size_t decoder = (8192 + 32) + (18432 + 9216 + 128) + (2048 + 16) + (4608 + 2304 + 64) + 187;
    CHECK(dl::parameter_count(unet) == resnet_parameters - 650 + decoder);
    CHECK(unet.parameters()[0]->name == "encoder.0.0.weight");
    CHECK((unet.parameters()[0]->value == stage2_conv));
    CHECK(dl::shape_of(unet.forward(dl::Tensor<float>(dl::Tensor<float>::shape_type{2, 1, 64, 64}, 0.5f))) == dl::Shape{2, 11, 64, 64});
    CHECK(ch05::architecture_tag(a) == "unet-resnet20-unet");

    // Gradients through a ResNet-8 encoder of width 2, in double.
    for (const ch05::Decoder decoder_kind : {ch05::Decoder::transpose, ch05::Decoder::unet}) {
        ch04::Architecture resnet8;
        resnet8.blocks_per_stage = 1;
        resnet8.width = 2;
        ch05::Architecture small;
        small.width = 2;
        small.decoder = decoder_kind;
        ch05::UNet<double> net(small, ch04::build_resnet<double>(resnet8, rng), rng);
        const auto report = dltest::check_layer(net, dltest::random_normal({2, 1, 8, 8}, 7));
        INFO(ch05::describe(small) << ": " << report.where);
        CHECK(report.worst_error < 1e-5);
    }
    ch05::Architecture wrong;
    wrong.width = 8;
    CHECK_THROWS_WITH(ch05::UNet<float>(wrong, ch04::build_resnet(ch04::Architecture{}, rng), rng), dltest::contains("ResNet of width 8"));
}

TEST_CASE("chapter 5: a checkpoint is refused by a network with another decoder", "[ch05]") {
    dltest::TempDir dir("ch05-checkpoint");
    dl::Rng rng(4);
    ch05::UNet<float> unet(tiny(ch05::Decoder::unet), rng), other(tiny(ch05::Decoder::transpose), rng);
    dl::save_checkpoint(dir.file("u.ckpt"), unet, ch05::architecture_tag(tiny(ch05::Decoder::unet)));
    CHECK_THROWS_WITH(dl::load_checkpoint(dir.file("u.ckpt"), other, ch05::architecture_tag(tiny(ch05::Decoder::transpose))),
                      dltest::contains("unet1-w2-unet") && dltest::contains("unet1-w2-transpose"));
}

TEST_CASE("chapter 5: the training loop runs two epochs on 24 scenes and scores each on validation", "[ch05]") {
    // The short path through train_unet (dl::fit with the segmentation task), for the sanitized run (which leaves out the
    // slower learning test below): the history has one finite entry per epoch, and the
    // learning rate follows the schedule down.
    dltest::TempDir dir("ch05-loop");
    dl::make_fashion_scenes(dir.file("scenes"), dl::locate_fashion_mnist(), {24, 8, 8}, 1, {}, nullptr);
    const ch05::SceneSplits data = ch05::load_scene_splits(dir.file("scenes"), 0, 1);
    ch05::Settings s;
    s.architecture = tiny(ch05::Decoder::unet);
    s.epochs = 2;
    s.batch_size = 8;
    s.verbose = false;
    dl::Rng rng(5);
    ch05::UNet<float> net(s.architecture, rng);
    const auto history = ch05::train_unet(net, s, data);
    REQUIRE(history.size() == 2);
    for (const auto& epoch : history) {
        INFO("epoch " << epoch.epoch);
        CHECK(std::isfinite(epoch.train_loss));
        CHECK(epoch.train_loss > 0);
        CHECK(std::isfinite(epoch.val_loss));
        CHECK(epoch.val_accuracy >= 0);
        CHECK(epoch.val_accuracy <= 1);
        CHECK(dl::val_metric(epoch, "mean_iou") >= 0);
        CHECK(dl::val_metric(epoch, "mean_iou") <= 1);
    }
    CHECK(history[1].lr < history[0].lr);
}

TEST_CASE("chapter 5: a width-4 U-Net learns to segment 300 real scenes", "[ch05][smoke]") {
    dltest::TempDir dir("ch05-smoke");
    dl::make_fashion_scenes(dir.file("scenes"), dl::locate_fashion_mnist(), {300, 60, 60}, 1, {}, nullptr);
    const ch05::SceneSplits data = ch05::load_scene_splits(dir.file("scenes"), 0, 1);
    ch05::Settings s;
    s.architecture = tiny(ch05::Decoder::unet, 3, 4);
    s.epochs = 12;
    s.batch_size = 16;
    s.loss = ch05::Loss::ce;  // Dice only pays once items are found; the smoke test wants fast early progress
    s.lr = 1e-2;
    s.verbose = false;
    dl::Rng rng(5);
    ch05::UNet<float> net(s.architecture, rng);
    const auto before = ch05::evaluate_segmentation(net, data.validation, 11);
    const auto history = ch05::train_unet(net, s, data);
    const auto after = ch05::evaluate_segmentation(net, data.test, 11);
    INFO("val loss " << before.loss << " -> " << history.back().val_loss << ", test pixel accuracy " << after.pixel_accuracy << ", mIoU "
                     << after.mean_iou);
    CHECK(history.back().val_loss < 0.6 * before.loss);
    CHECK(history.back().train_loss < history.front().train_loss);
    CHECK(after.class_iou[0] > 0.8);  // background found
    CHECK(after.mean_iou > 0.15);     // and items told apart: labelling all background gives (background fraction) / 11 < 0.091
}

TEST_CASE("chapter 5: --predict labels every pixel of a photo and draws the mask over it", "[ch05][predict]") {
    dltest::TempDir dir("ch05-predict");
    ch05::Settings s;  // the main run's network: ResNet-20 encoder, U-Net decoder
    s.pretrained = "none";
    dl::Rng rng(s.seed);
    const std::unique_ptr<ch05::UNet<float>> network = ch05::make_unet(s, rng);  // untrained: the mechanics, not the answer
    dl::save_checkpoint(dir.file("unet.ckpt"), *network, ch05::architecture_tag(s.architecture));
    const std::string scene = std::string(BOOK_SOURCE_DIR) + "/tests/data/photos/scene.png";
    ch05::run_predict({{scene}, dir.file("unet.ckpt"), ""}, s, dir.file("out"));
    const dl::Image8 panel = dl::read_png(dir.file("out/scene.png"));
    CHECK(panel.width >= 4 * 128);  // the photo, the 64×64 input, the mask, the mask over the input
    std::ifstream results(dir.file("out/results.json"));
    const nlohmann::json rows = nlohmann::json::parse(results);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["inverted"] == true);  // dark things on light paper
    double covered = 0;
    for (const auto& share : rows[0]["shares"].items()) covered += share.value().get<double>();
    CHECK(covered <= 1.0);
    CHECK_THROWS_WITH(ch05::run_predict({{scene}, dir.file("unet.ckpt"), "Bag"}, s, dir.file("out")),
                      dltest::contains("--class: chapter 5 labels every pixel"));
}

TEST_CASE("chapter 5: the scene flips mirror each image and its mask together, about half of them", "[ch05]") {
    // 40 scenes (1, 2, 4) whose pixel values equal their labels: after the flips every
    // pixel must still equal its label, and each row is either as it was or reversed.
    dl::Batch batch;
    batch.images = dl::Tensor<float>::from_shape({40, 1, 2, 4});
    for (std::size_t i = 0; i < batch.images.size(); ++i) {
        batch.images.data()[i] = float(i % 8);
        batch.labels.push_back(int(i % 8));
    }
    ch05::make_scene_flips(7)(batch);
    int flipped = 0;
    for (std::size_t i = 0; i < 40; ++i) {
        for (std::size_t p = 0; p < 8; ++p) CHECK(batch.labels[i * 8 + p] == int(batch.images.data()[i * 8 + p]));
        const bool mirrored = batch.labels[i * 8] == 3 && batch.labels[i * 8 + 4] == 7;
        CHECK((mirrored || (batch.labels[i * 8] == 0 && batch.labels[i * 8 + 4] == 4)));
        flipped += mirrored ? 1 : 0;
    }
    CHECK(flipped > 8);  // about 20 of 40; 8 or fewer has probability below 1e-4
    CHECK(flipped < 32);
}

TEST_CASE("chapter 5: history.csv names the pixel accuracy and the mean IoU", "[ch05]") {
    dl::EpochRecord e;
    e.epoch = 1;
    e.lr = 0.5;
    e.train_loss = 2;
    e.train_accuracy = 0.25;
    e.val_loss = 3;
    e.val_accuracy = 0.75;
    e.val_more = {{"mean_iou", 0.125}};
    e.seconds = 4;
    CHECK(dl::history_csv({e}, "pixel_accuracy") ==
          "epoch,lr,train_loss,train_pixel_accuracy,val_loss,val_pixel_accuracy,val_mean_iou,seconds\n1,0.5,2,0.25,3,0.75,0.125,4\n");
    CHECK(dl::val_metric(e, "mean_iou") == 0.125);
    CHECK_THROWS_WITH(dl::val_metric(e, "dice"), dltest::contains("no validation metric 'dice'"));
}
