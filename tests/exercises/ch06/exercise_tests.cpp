// Tests for the chapter-6 exercises: hand-worked cases, and comparisons with the library's
// TransferModel, make_head, spread_learning_rates, FocalLoss (and finite differences) and
// ConfusionMatrix.
#include "exercises.hpp"

#include "dl/layers/activations.hpp"
#include "dl/layers/batch_norm.hpp"
#include "dl/layers/conv2d.hpp"
#include "dl/layers/global_avg_pool2d.hpp"
#include "dl/layers/surgery.hpp"
#include "dl/layers/transfer_model.hpp"
#include "dl/losses/focal_loss.hpp"
#include "dl/metrics/confusion_matrix.hpp"
#include "dl/optim/discriminative.hpp"

#include "../../support/gradcheck.hpp"
#include "../../support/require_close.hpp"

#include "../../support/catch_compat.hpp"

#include <cmath>

using dltest::require_close;
using ex06::Array;

namespace {

/// A small pretrained-like network cut and given a head: conv → BN → ReLU → pool | head.
dl::TransferModel<double> small_transfer_model() {
    dl::Rng rng(3);
    dl::Sequential<double> body;
    body.add<dl::Conv2d<double>>(1, 4, 3, 1, 1, dl::Init::he, rng);
    body.add<dl::BatchNorm2d<double>>(std::size_t(4));
    body.add<dl::ReLU<double>>();
    body.add<dl::GlobalAvgPool2d<double>>();
    return dl::TransferModel<double>(std::move(body), dl::make_head<double>(4, 6, 3, 0.0, rng));
}

}  // namespace

TEST_CASE("Exercise 6.1: freezing a parameter group", "[ex06]") {
    dl::TransferModel<double> model = small_transfer_model();
    const std::size_t head_values = dl::parameter_count(model.head());
    CHECK(ex06::freeze_by_prefix(model.parameters(), {"body."}) == head_values);
    for (auto* p : model.body().parameters()) CHECK(p->frozen);
    for (auto* p : model.head().parameters()) CHECK_FALSE(p->frozen);
    // The head's first BatchNorm and first Linear ("head.0." and "head.2.") as well.
    const std::size_t rest = ex06::freeze_by_prefix(model.parameters(), {"body.", "head.0.", "head.2."});
    CHECK(rest == head_values - (2 * 4) - (4 * 6 + 6));
    CHECK(ex06::freeze_by_prefix(model.parameters(), {}) == dl::parameter_count(model));  // unfreezes everything
    for (auto* p : model.parameters()) CHECK_FALSE(p->frozen);
}

TEST_CASE("Exercise 6.2: the two-layer head", "[ex06]") {
    dl::Rng rng(1), library_rng(1);
    dl::Sequential<double> head = ex06::build_head(6, 5, 3, 0.5, rng);
    dl::Sequential<double> expected = dl::make_head<double>(6, 5, 3, 0.5, library_rng);
    REQUIRE(head.size() == expected.size());
    for (std::size_t i = 0; i < head.size(); ++i) CHECK(head[i].name() == expected[i].name());  // BatchNorm(6), Dropout(0.25), Linear(6 -> 5)…
    CHECK(dl::parameter_count(head) == 12 + 35 + 10 + 18);
    const Array x = dltest::random_normal({8, 6}, 2);
    CHECK(dl::shape_of(head.forward(x)) == dl::Shape{8, 3});
    CHECK_THROWS_AS(head.forward(dltest::random_normal({8, 6, 1, 1}, 2)), std::invalid_argument);  // BatchNorm1d, not 2d
}

TEST_CASE("Exercise 6.3: discriminative learning rates", "[ex06]") {
    const std::vector<double> three = ex06::discriminative_rates(3, 0.01, 100);
    REQUIRE(three.size() == 3);
    CHECK(three[0] == Approx(1e-4));
    CHECK(three[1] == Approx(1e-3));
    CHECK(three[2] == Approx(1e-2));
    CHECK(ex06::discriminative_rates(1, 0.01, 100) == std::vector<double>{0.01});
    // Against the library's groups, for four of them.
    std::vector<dl::ParamGroup<float>> groups(4);
    dl::spread_learning_rates(groups, 3e-3, 50);
    const std::vector<double> four = ex06::discriminative_rates(4, 3e-3, 50);
    for (std::size_t k = 0; k < 4; ++k) CHECK(four[k] == Approx(groups[k].lr));
}

TEST_CASE("Exercise 6.4: focal loss and its gradient", "[ex06]") {
    // Two equal logits: p = 1/2, so L = (1/2)^γ log 2.
    const Array even = xt::reshape_view(Array{0.0, 0.0}, {1, 2});
    CHECK(ex06::focal_loss(even, {1}, 2.0).loss == Approx(0.25 * std::log(2.0)));
    const Array logits = dltest::random_normal({5, 4}, 6) * 2.0;
    const std::vector<int> labels = {3, 0, 0, 2, 1};
    for (double gamma : {0.0, 0.5, 2.0}) {
        const ex06::FocalResult got = ex06::focal_loss(logits, labels, gamma);
        dl::FocalLoss<double> library(gamma);
        CHECK(got.loss == Approx(library.forward(logits, labels)).epsilon(1e-10));
        require_close(got.dlogits, library.backward(), "dL/dz against dl::FocalLoss, gamma " + std::to_string(gamma), 1e-9);
        auto f = [&](const Array& z) { return ex06::focal_loss(z, labels, gamma).loss; };
        require_close(got.dlogits, dltest::numeric_gradient(f, logits), "dL/dz against finite differences", 1e-6);
    }
    const ex06::FocalResult certain = ex06::focal_loss(Array{{800.0, 0.0}}, {0}, 0.5);
    CHECK(std::isfinite(certain.loss));
    CHECK(std::isfinite(certain.dlogits(0, 0)));
}

TEST_CASE("Exercise 6.5: F-beta per class", "[ex06]") {
    // Class 1: TP 3, FN 1, FP 3 → P = 1/2, R = 3/4, F1 = 0.6.
    const std::vector<int> predicted = {1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 2}, truth = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
    const std::vector<double> f1 = ex06::f_beta_per_class(predicted, truth, 3, 1.0);
    REQUIRE(f1.size() == 3);
    CHECK(f1[1] == Approx(0.6));
    CHECK(f1[2] == 0.0);  // predicted once, never right
    dl::ConfusionMatrix confusion(3);
    confusion.add(predicted, truth);
    for (double beta : {0.5, 1.0, 2.0}) {
        const std::vector<double> got = ex06::f_beta_per_class(predicted, truth, 3, beta);
        for (int c = 0; c < 3; ++c) CHECK(got[std::size_t(c)] == Approx(confusion.f_beta(c, beta)));
    }
}
