// Divergence: the guard's three signs (a non-finite loss, a non-finite gradient, an
// exploded loss), fit() stopping at the first or recording it, and gradient clipping.
#include "dl/layers/activations.hpp"
#include "dl/layers/flatten.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/sequential.hpp"
#include "dl/optim/gradient_clipping.hpp"
#include "dl/optim/sgd.hpp"
#include "dl/train/classification_task.hpp"
#include "dl/train/divergence_guard.hpp"
#include "dl/train/fit.hpp"

#include "../support/catch_compat.hpp"

#include <cmath>
#include <limits>

namespace {

// Two named parameters with 2 and 3 gradient values.
struct TwoParameters {
    dl::Parameter<float> first{"stem.weight", xt::zeros<float>({2}), dl::Tensor<float>{3.0f, 4.0f}, false};
    dl::Parameter<float> second{"head.weight", xt::zeros<float>({3}), dl::Tensor<float>{0.0f, 12.0f, 0.0f}, false};
    std::vector<dl::Parameter<float>*> all() { return {&first, &second}; }
};

// 256 points of 8 features; the class is the index of the largest of the first 4, and a
// two-layer network on them.
struct SmallProblem {
    dl::Rng rng{1};
    dl::ImageDataset data;
    dl::ClassificationTask task{data};  // validates on the training data
    dl::Sequential<float> model;
    SmallProblem() {
        data.images = dl::Tensor<float>::from_shape({256, 1, 1, 8});
        for (float& v : data.images) v = float(rng.normal(0.0, 1.0));
        for (std::size_t i = 0; i < 256; ++i) {
            int best = 0;
            for (int k = 1; k < 4; ++k)
                if (data.images(i, 0, 0, k) > data.images(i, 0, 0, best)) best = k;
            data.labels.push_back(best);
        }
        data.class_names = {"a", "b", "c", "d"};
        model.add<dl::Flatten<float>>();
        model.add<dl::Linear<float>>(8, 16, dl::Init::he, rng);
        model.add<dl::ReLU<float>>();
        model.add<dl::Linear<float>>(16, 4, dl::Init::he, rng);
    }
};

}  // namespace

TEST_CASE("global gradient norm and clipping, by hand", "[divergence][optim]") {
    TwoParameters p;
    CHECK(dl::global_gradient_norm(p.all()) == Approx(13.0));  // sqrt(9 + 16 + 144)
    CHECK_FALSE(dl::clip_gradient_norm(p.all(), 13.0, 20.0));  // under the limit: untouched
    CHECK(p.second.grad(1) == 12.0f);
    CHECK(dl::clip_gradient_norm(p.all(), 13.0, 6.5));  // halved: same direction, norm 6.5
    CHECK(p.first.grad(0) == Approx(1.5));
    CHECK(p.second.grad(1) == Approx(6.0));
    CHECK(dl::global_gradient_norm(p.all()) == Approx(6.5));
}

TEST_CASE("the divergence guard names the step, the epoch and the first non-finite parameter", "[divergence]") {
    TwoParameters p;
    dl::DivergenceGuard guard;
    guard.check_step(1, 1, 10, 2.3, 13.0, p.all(), 0.1);    // a normal first step
    guard.check_step(1, 2, 10, 150.0, 13.0, p.all(), 0.1);  // 65 times the first: not yet exploded
    CHECK_THROWS_WITH(guard.check_step(1, 3, 10, std::nan(""), 13.0, p.all(), 0.1),
                      dltest::contains("training diverged at step 3 of 10 in epoch 1: the loss is nan"));
    p.second.grad(2) = std::numeric_limits<float>::infinity();
    CHECK_THROWS_WITH(guard.check_step(2, 4, 10, 2.0, dl::global_gradient_norm(p.all()), p.all(), 0.1),
                      dltest::contains("the first parameter whose gradient is not finite is 'head.weight'"));
    p.second.grad(2) = 0.0f;
    p.first.value(0) = std::nan("");
    CHECK_THROWS_WITH(guard.check_step(2, 5, 10, std::nan(""), 13.0, p.all(), 0.1), dltest::contains("'stem.weight' (its values)"));
    p.first.value(0) = 0.0f;
    CHECK_THROWS_WITH(guard.check_step(2, 6, 10, 231.0, 13.0, p.all(), 0.1),
                      dltest::contains("the loss has exploded to 231, more than 100 times the first step's (2.3000)"));
    CHECK_THROWS_WITH(guard.check_step(2, 6, 10, 231.0, 13.0, p.all(), 0.1), dltest::contains("Try a lower --lr"));
    CHECK_THROWS_WITH(guard.check_validation(3, 1e25, 0.1), dltest::contains("in epoch 3: the validation loss has exploded to 1e+25"));
    CHECK_NOTHROW(guard.check_validation(3, 0.5, 0.1));
}

TEST_CASE("fit stops a diverging run at its first bad step, or records it for an experiment", "[divergence][fit]") {
    dl::FitOptions options;
    options.epochs = 3;
    options.verbose = false;
    {
        SmallProblem problem;
        dl::SGD<float> sgd(dl::single_group(problem.model.parameters(), 1e4), 0.9);  // far too high
        dl::DataLoader loader(problem.data, 32, true, 2);
        CHECK_THROWS_AS(dl::fit(problem.model, sgd, loader, problem.task, options), dl::TrainingDiverged);
        CHECK_THROWS_WITH(dl::fit(problem.model, sgd, loader, problem.task, options), dltest::contains("in epoch 1"));
    }
    {
        SmallProblem problem;
        dl::SGD<float> sgd(dl::single_group(problem.model.parameters(), 1e4), 0.9);
        dl::DataLoader loader(problem.data, 32, true, 2);
        options.stop_when_diverged = false;
        const std::vector<dl::EpochRecord> history = dl::fit(problem.model, sgd, loader, problem.task, options);
        REQUIRE(history.size() == 1);  // ended in the epoch it diverged in
        CHECK(history.back().diverged);
    }
    {
        SmallProblem problem;  // a sane rate trains all three epochs, none marked
        dl::SGD<float> sgd(dl::single_group(problem.model.parameters(), 0.05), 0.9);
        dl::DataLoader loader(problem.data, 32, true, 2);
        options.stop_when_diverged = true;
        const std::vector<dl::EpochRecord> history = dl::fit(problem.model, sgd, loader, problem.task, options);
        REQUIRE(history.size() == 3);
        for (const dl::EpochRecord& r : history) CHECK_FALSE(r.diverged);
    }
}

TEST_CASE("gradient clipping keeps a too-high rate from diverging", "[divergence][fit]") {
    dl::FitOptions options;
    options.epochs = 2;
    options.verbose = false;
    options.clip_grad_norm = 0.1;
    SmallProblem problem;
    dl::SGD<float> sgd(dl::single_group(problem.model.parameters(), 10.0), 0.0);  // diverges unclipped (checked below)
    dl::DataLoader loader(problem.data, 32, true, 2);
    const std::vector<dl::EpochRecord> history = dl::fit(problem.model, sgd, loader, problem.task, options);
    CHECK(std::isfinite(history.back().train_loss));

    SmallProblem unclipped;
    dl::SGD<float> same_rate(dl::single_group(unclipped.model.parameters(), 10.0), 0.0);
    dl::DataLoader same_loader(unclipped.data, 32, true, 2);
    options.clip_grad_norm = 0.0;
    CHECK_THROWS_AS(dl::fit(unclipped.model, same_rate, same_loader, unclipped.task, options), dl::TrainingDiverged);
}
