// The residual basic block: gradients against finite differences (identity and projection
// shortcuts), the fork's sum of gradients, names, and stochastic depth.
#include "dl/layers/residual_block.hpp"
#include "dl/layers/sequential.hpp"
#include "dl/train/gradient_norms.hpp"

#include "gradcheck.hpp"

#include "../support/catch_compat.hpp"

#include <xtensor/xview.hpp>

#include <cmath>

using dl::Tensor;

TEST_CASE("ResidualBlock: gradients match finite differences with identity and projection shortcuts", "[residual][gradcheck][ch04]") {
    struct Case {
        int in, out, stride;
        bool projection;
        dl::Shape input;
    };
    for (const Case& c : {Case{3, 3, 1, false, {2, 3, 5, 5}}, Case{2, 4, 2, true, {2, 2, 6, 6}}, Case{2, 3, 1, true, {2, 2, 4, 4}}}) {
        dl::Rng rng(4);
        dl::ResidualBlock<double> block(c.in, c.out, c.stride, rng);
        CHECK(block.has_projection() == c.projection);
        const Tensor<double> x = dltest::random_normal(c.input, 5);
        const Tensor<double> y = block.forward(x);
        CHECK(dl::shape_of(y) == dl::Shape{c.input[0], std::size_t(c.out), c.input[2] / std::size_t(c.stride), c.input[3] / std::size_t(c.stride)});
        const dltest::GradientReport report = dltest::check_layer(block, x, 6, 1e-6);
        INFO(block.name() << ": " << report.where);
        CHECK(report.worst_error < 1e-5);
    }
}

TEST_CASE("ResidualBlock: the identity path carries dL/dy to x - the fork adds the branch's gradient", "[residual][ch04]") {
    dl::Rng rng(2);
    dl::ResidualBlock<double> block(2, 2, 1, rng);
    const Tensor<double> x = dltest::random_normal({2, 2, 4, 4}, 3) + 8.0;  // the branch ends in BatchNorm (values within a few units of 0), so the sum stays positive
    const Tensor<double> y = block.forward(x);
    REQUIRE(xt::amin(y)() > 0.0);  // the final ReLU passes everything
    const Tensor<double> dy = dltest::random_normal({2, 2, 4, 4}, 4);
    const Tensor<double> dx = block.backward(dy);
    // dx = dy (the shortcut) + the branch's own dL/dx, which we get from the branch alone.
    dl::Rng same(2);
    dl::ResidualBlock<double> twin(2, 2, 1, same);
    twin.forward(x);
    const Tensor<double> branch_dx = twin.branch().backward(dy);
    CHECK(xt::allclose(dx, dy + branch_dx));
    CHECK(block.parameters().front()->name == "branch.0.weight");
    dl::ResidualBlock<double> down(2, 4, 2, rng);
    CHECK(down.parameters().back()->name == "shortcut.1.beta");
    CHECK(down.buffers().size() == 6);  // running mean and variance of three BatchNorms
    CHECK_THROWS_WITH(dl::ResidualBlock<double>(2, 2, 3, rng), dltest::contains("stride must be 1 or 2"));
}

TEST_CASE("ResidualBlock: stochastic depth drops the branch with probability p in training and scales it in evaluation", "[residual][stochastic_depth][ch04]") {
    dl::Rng rng(7);
    dl::ResidualBlock<double> block(2, 2, 1, rng, 0.5, 11);
    const Tensor<double> x = dltest::random_normal({4, 2, 3, 3}, 8);
    const Tensor<double> shortcut_only = xt::maximum(x, 0.0);
    int dropped = 0;
    for (int i = 0; i < 400; ++i) {
        const Tensor<double> y = block.forward(x);
        if (xt::allclose(y, shortcut_only)) {
            ++dropped;
            // A dropped branch gets no gradient; x gets dy through the ReLU only.
            for (dl::Parameter<double>* p : block.parameters()) p->grad = xt::zeros<double>(p->value.shape());
            const Tensor<double> dx = block.backward(xt::ones<double>(x.shape()));
            CHECK(xt::allclose(dx, xt::where(x > 0.0, 1.0, 0.0)));
            CHECK(xt::amax(xt::abs(block.parameters().front()->grad))() == 0.0);
        }
    }
    CHECK(dropped > 160);
    CHECK(dropped < 240);

    block.eval();
    block.branch().eval();
    const Tensor<double> branch = block.branch().forward(x);  // (4, 2, 3, 3), running statistics
    CHECK(xt::allclose(block.forward(x), xt::maximum(x + 0.5 * branch, 0.0)));
    CHECK(xt::allclose(block.forward(x), block.forward(x)));  // no randomness in evaluation
}

TEST_CASE("gradient_norms: one L2 norm per weight, in order, after a backward pass", "[gradient_norms][ch04]") {
    dl::Rng rng(1);
    dl::Sequential<float> net;
    net.add<dl::ResidualBlock<float>>(1, 2, 2, rng);
    for (dl::Parameter<float>* p : net.parameters()) p->grad.fill(0.0f);
    net.parameters()[0]->grad.fill(0.5f);  // 0.branch.0.weight: (2, 1, 3, 3), 18 entries
    const std::vector<dl::GradientNorm> weights = dl::gradient_norms(net);
    REQUIRE(weights.size() == 3);  // two branch convolutions and the projection
    CHECK(weights[0].parameter == "0.branch.0.weight");
    CHECK(weights[0].norm == Approx(0.5 * std::sqrt(18.0)));
    CHECK(weights[2].parameter == "0.shortcut.0.weight");
    CHECK(weights[2].norm == 0.0);
    CHECK(dl::gradient_norms(net, false).size() == net.parameters().size());
}
