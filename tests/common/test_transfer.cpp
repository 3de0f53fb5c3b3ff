// Chapter 6's model surgery: cutting a network at its global pool, a new head, freezing,
// discriminative learning rates, and a training loop with a loss of the caller's choosing.
#include "dl/layers/activations.hpp"
#include "dl/layers/batch_norm.hpp"
#include "dl/layers/conv2d.hpp"
#include "dl/layers/flatten.hpp"
#include "dl/layers/global_avg_pool2d.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/surgery.hpp"
#include "dl/layers/transfer_model.hpp"
#include "dl/losses/focal_loss.hpp"
#include "dl/optim/discriminative.hpp"
#include "dl/optim/sgd.hpp"
#include "dl/train/classification_task.hpp"
#include "dl/train/fit.hpp"

#include "../support/gradcheck.hpp"

#include "../support/catch_compat.hpp"

#include <cmath>

using dl::Tensor;

namespace {

/// (N,1,6,6) → conv 3×3 (4 ch) → BN → ReLU → global pool (N,4) → linear (N,3).
dl::Sequential<double> small_network(dl::Rng& rng) {
    dl::Sequential<double> net;
    net.add<dl::Conv2d<double>>(1, 4, 3, 1, 1, dl::Init::he, rng);
    net.add<dl::BatchNorm2d<double>>(std::size_t(4));
    net.add<dl::ReLU<double>>();
    net.add<dl::GlobalAvgPool2d<double>>();
    net.add<dl::Linear<double>>(4, 3, dl::Init::xavier, rng);
    return net;
}

std::vector<std::string> names_of(dl::Layer<double>& layer) {
    std::vector<std::string> names;
    for (auto* p : layer.parameters()) names.push_back(p->name);
    return names;
}

}  // namespace

TEST_CASE("cutting at the global pool: body then head computes what the network did", "[surgery][ch06]") {
    dl::Rng rng(5);
    dl::Sequential<double> net = small_network(rng);
    net.eval();  // batch statistics would differ between the two runs only through the mode
    const Tensor<double> x = dltest::random_normal({3, 1, 6, 6}, 2);
    const Tensor<double> expected = net.forward(x);  // (3, 3)
    dl::BodyAndHead<double> parts = dl::cut_at_global_pool(std::move(net));
    REQUIRE(parts.body.size() == 4);
    REQUIRE(parts.head.size() == 1);
    const Tensor<double> features = parts.body.forward(x);
    CHECK(dl::shape_of(features) == dl::Shape{3, 4});
    const Tensor<double> scores = parts.head.forward(features);
    CHECK(xt::allclose(scores, expected, 1e-12, 1e-14));
    // The body keeps the original names (a checkpoint of the whole network still matches it);
    // the head is renumbered from 0.
    CHECK(names_of(parts.body) == std::vector<std::string>{"0.weight", "0.bias", "1.gamma", "1.beta"});
    CHECK(names_of(parts.head) == std::vector<std::string>{"0.weight", "0.bias"});
}

TEST_CASE("cutting a network without a global pool is refused and leaves it whole", "[surgery][ch06]") {
    dl::Rng rng(1);
    dl::Sequential<double> net;
    net.add<dl::Linear<double>>(4, 3, dl::Init::xavier, rng);
    net.add<dl::ReLU<double>>();
    CHECK_THROWS_WITH(dl::cut_at_global_pool(std::move(net)), dltest::contains("no GlobalAvgPool2d"));
    CHECK(net.size() == 2);
    CHECK(names_of(net) == std::vector<std::string>{"0.weight", "0.bias"});
}

TEST_CASE("the new head: shapes, hand-counted parameters and gradients", "[surgery][gradcheck][ch06]") {
    dl::Rng rng(3);
    dl::Sequential<double> head = dl::make_head<double>(6, 5, 3, 0.0, rng);  // no dropout: a deterministic check
    // BN(6): 12, Linear 6→5: 35, BN(5): 10, Linear 5→3: 18.
    CHECK(dl::parameter_count(head) == 12 + 35 + 10 + 18);
    const Tensor<double> x = dltest::random_normal({8, 6}, 4);
    CHECK(dl::shape_of(head.forward(x)) == dl::Shape{8, 3});
    const auto report = dltest::check_layer(head, x);
    INFO(report.where);
    CHECK(report.worst_error < 1e-6);
}

TEST_CASE("TransferModel: head(body(x)), gradients, and a frozen body that backward skips", "[surgery][gradcheck][ch06]") {
    dl::Rng rng(6);
    dl::BodyAndHead<double> parts = dl::cut_at_global_pool(small_network(rng));
    dl::TransferModel<double> model(std::move(parts.body), dl::make_head<double>(4, 5, 3, 0.0, rng));
    CHECK(model.parameters().front()->name == "body.0.weight");
    CHECK(model.parameters().back()->name == "head.6.bias");
    const Tensor<double> x = dltest::random_normal({4, 1, 6, 6}, 8);
    const Tensor<double> y = model.forward(x);
    CHECK(xt::allclose(y, model.head().forward(model.body().forward(x)), 1e-12, 1e-14));
    const auto report = dltest::check_layer(model, x);
    INFO(report.where);
    CHECK(report.worst_error < 1e-6);

    // Frozen: the head's gradients are what they were, the body's stay 0, dx is zeros.
    for (auto* p : model.parameters()) p->grad.fill(0.0);
    const Tensor<double> dy = dltest::random_normal({4, 3}, 9);
    model.forward(x);
    model.backward(dy);
    const Tensor<double> head_grad = model.head().parameters()[2]->grad;
    for (auto* p : model.parameters()) p->grad.fill(0.0);
    model.freeze_body(true);
    CHECK(dl::trainable_parameter_count(model) == dl::parameter_count(model.head()));
    model.forward(x);
    const Tensor<double> dx = model.backward(dy);
    CHECK(dl::shape_of(dx) == dl::shape_of(x));
    CHECK(xt::amax(xt::abs(dx))() == 0.0);
    for (auto* p : model.body().parameters()) CHECK(xt::amax(xt::abs(p->grad))() == 0.0);
    CHECK(xt::allclose(model.head().parameters()[2]->grad, head_grad, 1e-12, 1e-14));
    model.freeze_body(false);
    CHECK(dl::trainable_parameter_count(model) == dl::parameter_count(model));
}

TEST_CASE("a frozen part is left alone by the optimizer, and counted out", "[surgery][ch06]") {
    dl::Rng rng(9);
    dl::Sequential<double> net = small_network(rng);
    dl::BodyAndHead<double> parts = dl::cut_at_global_pool(std::move(net));
    dl::set_frozen(parts.body, true);
    CHECK(dl::trainable_parameter_count(parts.body) == 0);
    CHECK(dl::trainable_parameter_count(parts.head) == 4 * 3 + 3);
    std::vector<dl::Parameter<double>*> all = parts.body.parameters();
    for (auto* p : parts.head.parameters()) all.push_back(p);
    const Tensor<double> body_before = parts.body.parameters()[0]->value, head_before = parts.head.parameters()[0]->value;
    dl::SGD<double> sgd(dl::single_group(all, 0.1));
    for (auto* p : all) p->grad.fill(1.0);
    sgd.step();
    CHECK((parts.body.parameters()[0]->value == body_before));
    CHECK(xt::allclose(parts.head.parameters()[0]->value, head_before - 0.1));
    dl::set_frozen(parts.body, false);
    CHECK(dl::trainable_parameter_count(parts.body) == dl::parameter_count(parts.body));
}

TEST_CASE("discriminative learning rates grow geometrically from lr/ratio to lr", "[optim][ch06]") {
    dl::Rng rng(2);
    dl::Sequential<float> net;
    for (int i = 0; i < 3; ++i) net.add<dl::Linear<float>>(2, 2, dl::Init::he, rng);
    std::vector<dl::ParamGroup<float>> groups = {dl::group_of_layers<float>(net, 0, 1, "early"), dl::group_of_layers<float>(net, 1, 2, "middle"),
                                                 dl::group_of_layers<float>(net, 2, 3, "head")};
    REQUIRE(groups[2].params.size() == 2);
    CHECK(groups[2].params[0] == net.parameters()[4]);
    dl::spread_learning_rates(groups, 0.01, 100.0);
    CHECK(groups[0].lr == Approx(1e-4));  // lr / 100
    CHECK(groups[1].lr == Approx(1e-3));  // lr / 10
    CHECK(groups[2].lr == Approx(1e-2));
    CHECK(groups[1].name == "middle");
    std::vector<dl::ParamGroup<float>> one = {dl::group_of_layers<float>(net, 0, 3, "all")};
    dl::spread_learning_rates(one, 0.01, 100.0);
    CHECK(one[0].lr == Approx(0.01));
    CHECK(one[0].params.size() == 6);
    CHECK_THROWS_AS(dl::spread_learning_rates(one, 0.01, 0.5), std::invalid_argument);
}

namespace {

/// A task whose loss has a zero gradient and the value 7: if fit used it, the weights cannot move.
struct ZeroGradientTask : dl::Task {
    int calls = 0;
    float loss(const Tensor<float>& outputs, const dl::Batch&, Tensor<float>& gradient) override {
        ++calls;
        gradient = xt::zeros<float>(outputs.shape());
        return 7.0f;
    }
    std::vector<int> predictions(const Tensor<float>& outputs) const override { return std::vector<int>(outputs.shape(0), 0); }
    bool has_validation() const override { return false; }
    dl::Score validate(dl::Layer<float>&) override { return {}; }
};

}  // namespace

TEST_CASE("fit trains with the task's loss - the focal loss does not go with soft targets", "[fit][ch06]") {
    dl::Rng rng(4);
    dl::Sequential<float> net;
    net.add<dl::Flatten<float>>();
    net.add<dl::Linear<float>>(4, 2, dl::Init::xavier, rng);
    dl::ImageDataset data;
    data.images = Tensor<float>::from_shape({8, 1, 2, 2});
    data.images.fill(0.5f);
    data.labels = {0, 1, 0, 1, 0, 1, 0, 1};
    data.class_names = {"a", "b"};
    const Tensor<float> before = net.parameters()[0]->value;
    dl::SGD<float> sgd(dl::single_group(net.parameters(), 0.5));
    dl::DataLoader loader(data, 4, false, 0);
    dl::FitOptions options;
    options.epochs = 1;
    options.verbose = false;
    ZeroGradientTask task;
    const auto history = dl::fit(net, sgd, loader, task, options);
    CHECK(task.calls == 2);
    CHECK(history[0].train_loss == Approx(7.0));
    CHECK(history[0].train_accuracy == Approx(0.5));  // predicts class 0 for all 8; half are 0
    CHECK((net.parameters()[0]->value == before));

    const auto soft = [](dl::Batch& batch) { return Tensor<float>(xt::ones<float>({batch.labels.size(), std::size_t(2)}) / 2.0f); };
    dl::ClassificationTask focal_first(data), soft_first(data);
    focal_first.use_focal_loss(2.0);
    CHECK_THROWS_WITH(focal_first.use_soft_targets(soft), dltest::contains("cannot be combined with soft targets"));
    soft_first.use_soft_targets(soft);
    CHECK_THROWS_WITH(soft_first.use_focal_loss(2.0), dltest::contains("cannot be combined with soft targets"));
}

TEST_CASE("the classification task's focal loss is dl::FocalLoss", "[fit][ch06]") {
    const Tensor<float> logits = {{2.0f, -1.0f, 0.5f}, {0.1f, 0.2f, 3.0f}};  // (2, 3)
    dl::Batch batch;
    batch.labels = {0, 1};
    dl::ImageDataset none;
    dl::ClassificationTask task(none);
    task.use_focal_loss(2.0);
    Tensor<float> gradient;
    const float value = task.loss(logits, batch, gradient);
    dl::FocalLoss<float> focal(2.0);
    CHECK(value == Approx(focal.forward(logits, batch.labels)));
    const Tensor<float> expected = focal.backward();
    for (std::size_t i = 0; i < expected.size(); ++i) CHECK(gradient.data()[i] == Approx(expected.data()[i]));
    // And plain cross-entropy differs (γ = 2 scales the easy first example down).
    dl::ClassificationTask plain(none);
    CHECK(plain.loss(logits, batch, gradient) > value);
}
