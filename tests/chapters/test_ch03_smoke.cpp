// Smoke tests: the chapter-3 VGG has the shapes its comment promises, and it learns from
// 1,000 real Fashion-MNIST images with the chapter's regularizers switched on.
#include "vgg.hpp"

#include "../support/catch_compat.hpp"

namespace {

dl::Tensor<float> zeros_batch(std::size_t n) { return dl::Tensor<float>(dl::Tensor<float>::shape_type{n, 1, 28, 28}, 0.0f); }

}  // namespace

TEST_CASE("chapter 3: both VGG heads map (N, 1, 28, 28) to (N, 10) and reject unknown names", "[ch03]") {
    for (const std::string head : {"gap", "fc"}) {
        ch03::Architecture a;
        a.width = 4;
        a.head = head;
        a.dropout = 0.2;
        dl::Rng rng(1);
        dl::Sequential<float> net = ch03::build_vgg(a, rng);
        net.eval();
        const dl::Tensor<float> y = net.forward(zeros_batch(3));  // (3, 10)
        CHECK(dl::shape_of(y) == dl::Shape{3, 10});
    }
    // Parameter counts worked by hand for width 4 without BatchNorm (convolutions keep their bias):
    // convs 1·4·9+4, 4·4·9+4, 4·8·9+8, 8·8·9+8, 8·16·9+16, 16·16·9+16 = 40+148+296+584+1168+2320;
    // GAP head 16·10+10; FC head 144·256+256 + 256·10+10.
    ch03::Architecture plain;
    plain.width = 4;
    plain.batch_norm = false;
    dl::Rng rng(1);
    dl::Sequential<float> gap_net = ch03::build_vgg(plain, rng);
    CHECK(dl::parameter_count(gap_net) == 4556 + 170);
    plain.head = "fc";
    dl::Sequential<float> fc_net = ch03::build_vgg(plain, rng);
    CHECK(dl::parameter_count(fc_net) == 4556 + 37120 + 2570);
    plain.head = "dense";
    CHECK_THROWS_WITH(ch03::build_vgg(plain, rng), dltest::contains("unknown head 'dense'"));
}

TEST_CASE("chapter 3: the head's parameters, counted by hand", "[ch03]") {
    ch03::Architecture a;  // width 16, BatchNorm
    a.head = "gap";        // linear 64 -> 10
    CHECK(ch03::head_parameter_count(a) == 64 * 10 + 10);
    a.head = "fc";  // linear 576 -> 256, BatchNorm1d(256), linear 256 -> 10
    CHECK(ch03::head_parameter_count(a) == 576 * 256 + 256 + 2 * 256 + 256 * 10 + 10);
    a.batch_norm = false;
    CHECK(ch03::head_parameter_count(a) == 576 * 256 + 256 + 256 * 10 + 10);
}

TEST_CASE("chapter 3: a narrow VGG learns from 1000 images with augmentation and mixup", "[ch03][smoke]") {
    ch03::Settings settings;
    settings.architecture.width = 8;
    settings.train_size = 1000;
    settings.val_size = 1000;
    settings.epochs = 10;
    settings.batch_size = 64;  // 160 steps in all
    settings.mixup = 0.2;
    settings.verbose = false;
    const dl::DataSplits splits = dl::load_fashion_mnist_splits("", settings.val_size, settings.train_size, settings.seed);
    dl::Rng rng(settings.seed);
    dl::Sequential<float> model = ch03::build_vgg(settings.architecture, rng);
    const dl::TrainingOutcome outcome = dl::train_classifier(model, settings, splits, false);
    INFO("loss " << outcome.history.front().train_loss << " -> " << outcome.history.back().train_loss << ", validation accuracy "
                 << outcome.history.back().val_accuracy);
    CHECK(outcome.history.back().train_loss < 0.8 * outcome.history.front().train_loss);
    CHECK(outcome.history.back().val_accuracy > 0.65);
}
