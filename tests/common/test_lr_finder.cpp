// The learning-rate finder on a small, learnable problem: a geometric sweep, a loss that
// falls then blows up, a suggestion on the falling part, and the weights put back.
#include "dl/layers/activations.hpp"
#include "dl/layers/flatten.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/sequential.hpp"
#include "dl/optim/sgd.hpp"
#include "dl/train/lr_finder.hpp"

#include "../support/catch_compat.hpp"

#include <cmath>

TEST_CASE("LR finder: geometric sweep - stops on divergence - suggests a rate - restores the weights", "[lr_finder][ch03]") {
    // 512 points of 8 features; the class is the index of the largest of the first 4.
    dl::Rng rng(1);
    dl::ImageDataset data;
    data.images = dl::Tensor<float>::from_shape({512, 1, 1, 8});
    for (float& v : data.images) v = float(rng.normal(0.0, 1.0));
    for (std::size_t i = 0; i < 512; ++i) {
        int best = 0;
        for (int k = 1; k < 4; ++k) if (data.images(i, 0, 0, k) > data.images(i, 0, 0, best)) best = k;
        data.labels.push_back(best);
    }
    dl::Sequential<float> model;
    model.add<dl::Flatten<float>>();
    model.add<dl::Linear<float>>(8, 16, dl::Init::he, rng);
    model.add<dl::ReLU<float>>();
    model.add<dl::Linear<float>>(16, 4, dl::Init::he, rng);
    const dl::Tensor<float> before = model.parameters()[0]->value;
    dl::SGD<float> sgd(dl::single_group(model.parameters(), 1.0), 0.9);
    dl::DataLoader loader(data, 32, true, 2);

    model.eval();  // the finder trains, then must put the mode back
    const dl::LrFinderResult result = dl::find_learning_rate(model, sgd, loader, 1e-4, 100.0, 300);
    CHECK_FALSE(model.is_training());
    CHECK(sgd.groups()[0].lr == 1.0);
    REQUIRE(result.lrs.size() >= 50);
    CHECK(result.lrs.front() == Approx(1e-4));
    CHECK(result.lrs[1] / result.lrs[0] == Approx(std::pow(1e6, 1.0 / 299)));
    CHECK(result.lrs.size() < 300);  // rates up to 100 make SGD diverge: the sweep stopped early
    const auto lowest = *std::min_element(result.losses.begin(), result.losses.end());
    CHECK(lowest < 0.8 * result.losses.front());  // the loss did fall on the way
    CHECK(result.suggested > 1e-4);
    CHECK(result.suggested < 10.0);
    CHECK((model.parameters()[0]->value == before));
}
