// Tests for the chapter-4 exercises: hand-worked cases from the chapter text, the block's
// backward against finite differences and against the library's ResidualBlock, the
// projection against the library's 1×1 convolution, stochastic depth's expectation, Grad-CAM
// against dl::grad_cam and the photo's preparation against dl::prepare_like_fashion_mnist.
#include "exercises.hpp"

#include "dl/data/photo_to_fashion.hpp"
#include "dl/explain/grad_cam.hpp"
#include "dl/layers/activations.hpp"
#include "dl/layers/conv2d.hpp"
#include "dl/layers/global_avg_pool2d.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/residual_block.hpp"
#include "dl/train/gradient_norms.hpp"
#include "dl/util/random.hpp"

#include "../../support/gradcheck.hpp"
#include "../../support/require_close.hpp"

#include "../../support/catch_compat.hpp"

#include <cmath>
#include <stdexcept>

#include <xtensor/xview.hpp>

using ex04::Array;
using dltest::require_close;

TEST_CASE("Exercise 4.1: residual block forward", "[ex04]") {
    // F doubles its input: s = 2x + x = 3x, and the ReLU keeps the positive entries.
    const auto doubling = [](const Array& v) -> Array { return 2.0 * v; };
    require_close(ex04::residual_forward(Array{{{{1, -2}, {0.5, -0.1}}}}, doubling), Array{{{{3, 0}, {1.5, 0}}}}, "y for F(x) = 2x, the 2x2 example in section 'The residual block'");
    // A branch that cancels its input passes nothing: y = ReLU(0) = 0.
    const Array x = dltest::random_normal({2, 3, 4, 4}, 1);
    require_close(ex04::residual_forward(x, [](const Array& v) -> Array { return -v; }), xt::zeros<double>({2, 3, 4, 4}), "y for F(x) = -x");
    // Against the library's block (identity shortcut) in training mode.
    dl::Rng rng(5);
    dl::ResidualBlock<double> block(3, 3, 1, rng);
    const Array expected = block.forward(x);
    require_close(ex04::residual_forward(x, [&](const Array& v) { return block.branch().forward(v); }), expected,
                  "y against dl::ResidualBlock with the same branch");
}

TEST_CASE("Exercise 4.2: residual block backward", "[ex04]") {
    // Hand example: F(x) = 2x, so s = 3x; where s > 0 the gradient at the sum is dy, and x
    // receives it twice over through the branch (2·d_sum) and once through the shortcut.
    const Array x = {{{{1, -2}, {0.5, -0.1}}}}, dy = {{{{0.3, 0.7}, {-1.0, 2.0}}}};
    const ex04::ResidualGradients hand = ex04::residual_backward(dy, 3.0 * x, [](const Array& g) -> Array { return 2.0 * g; });
    require_close(hand.d_sum, Array{{{{0.3, 0}, {-1.0, 0}}}}, "d_sum for the 2x2 example in section 'Backward through the block'");
    require_close(hand.dx, Array{{{{0.9, 0}, {-3.0, 0}}}}, "dx for the 2x2 example in section 'Backward through the block'");

    // Finite differences with a nonlinear branch F(x) = tanh(1.5x) − 0.2, whose backward is
    // g ↦ g · 1.5 · (1 − tanh²(1.5x)). L = Σ dy ⊙ ReLU(F(x) + x).
    const Array v = dltest::random_away_from_zero({2, 2, 3, 3}, 2, 0.1);
    const Array d = dltest::random_normal({2, 2, 3, 3}, 3);
    const auto branch = [](const Array& u) -> Array { return xt::tanh(1.5 * u) - 0.2; };
    const Array sum = branch(v) + v;
    const ex04::ResidualGradients got =
        ex04::residual_backward(d, sum, [&](const Array& g) -> Array { return g * 1.5 * (1.0 - xt::square(xt::tanh(1.5 * v))); });
    const auto loss = [&](const Array& u) { return double(xt::sum(d * xt::maximum(branch(u) + u, 0.0))()); };
    require_close(got.dx, dltest::numeric_gradient(loss, v), "dx against finite differences", 1e-5);
    require_close(got.d_sum, xt::where(sum > 0.0, d, 0.0), "d_sum: dy where the sum is positive");

    // Against the library's block: its backward must equal the exercise's with the block's
    // own branch backward.
    dl::Rng rng(6);
    dl::ResidualBlock<double> block(2, 2, 1, rng);
    const Array y = block.forward(v);
    const Array library_dx = block.backward(d);
    const Array branch_out = block.branch().forward(v);  // same output; refreshes the branch's cache
    const ex04::ResidualGradients mine = ex04::residual_backward(d, branch_out + v, [&](const Array& g) { return block.branch().backward(g); });
    require_close(mine.dx, library_dx, "dx against dl::ResidualBlock::backward");
    (void)y;
}

TEST_CASE("Exercise 4.3: projection shortcut", "[ex04]") {
    // One channel in, two out, stride 2 on a 3x3 image: the output samples pixels (0,0),
    // (0,2), (2,0), (2,2), scaled by 1 and by −2.
    const Array x = {{{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}}};
    const Array column = xt::reshape_view(Array{1.0, -2.0}, {2, 1});  // (F=2, C=1)
    require_close(ex04::projection_shortcut(x, column, 2), Array{{{{1, 3}, {7, 9}}, {{-2, -6}, {-14, -18}}}}, "the 3x3 example in section 'Projection shortcuts', stride 2");
    // Against the library's 1×1 convolution, stride 2, no bias: (2, 3, 7, 6) → (2, 4, 4, 3).
    dl::Rng rng(7);
    dl::Conv2d<double> conv(3, 4, 1, 2, 0, dl::Init::he, rng, false);
    const Array input = dltest::random_normal({2, 3, 7, 6}, 8);
    const Array weight = xt::reshape_view(conv.weight().value, {4, 3});
    const Array got = ex04::projection_shortcut(input, weight, 2);
    REQUIRE(dl::shape_of(got) == dl::Shape{2, 4, 4, 3});
    require_close(got, conv.forward(input), "y against dl::Conv2d (1x1, stride 2)");
}

TEST_CASE("Exercise 4.4: stochastic depth", "[ex04]") {
    const Array x = {{{{1, -1}, {2, -3}}}}, f = {{{{0.5, 2}, {-1, 1}}}};
    require_close(ex04::stochastic_depth_forward(x, f, 0.3, 0.1, true), Array{{{{1, 0}, {2, 0}}}}, "the example in section 'Stochastic depth', training, dropped (uniform 0.1 < p 0.3)");
    require_close(ex04::stochastic_depth_forward(x, f, 0.3, 0.6, true), Array{{{{1.5, 1}, {1, 0}}}}, "the example in section 'Stochastic depth', training, kept (uniform 0.6 >= p 0.3)");
    require_close(ex04::stochastic_depth_forward(x, f, 0.3, 0.3, true), Array{{{{1.5, 1}, {1, 0}}}}, "the example in section 'Stochastic depth', training, kept (uniform 0.3 is not < p 0.3)");
    require_close(ex04::stochastic_depth_forward(x, f, 0.3, 0.1, false), Array{{{{1.35, 0.4}, {1.3, 0}}}}, "the example in section 'Stochastic depth', evaluation: branch scaled by 0.7");
    // With positive inputs the ReLU is inactive, and the average over the draws of
    // training outputs equals the evaluation output.
    const Array xp = {{{{2.0, 3.0}}}}, fp = {{{{1.0, 4.0}}}};
    Array mean = xt::zeros<double>({1, 1, 1, 2});
    const int draws = 100;
    for (int i = 0; i < draws; ++i) mean += ex04::stochastic_depth_forward(xp, fp, 0.25, (i + 0.5) / draws, true) / double(draws);
    require_close(mean, ex04::stochastic_depth_forward(xp, fp, 0.25, 0.0, false), "mean of training outputs over evenly spread draws");
}

TEST_CASE("Exercise 4.5: gradient-norm probe", "[ex04]") {
    const std::vector<ex04::NamedGradient> hand = {{"0.weight", Array{3.0, 4.0}},
                                                   {"1.gamma", Array{10.0}},
                                                   {"3.branch.0.weight", Array{{1.0, 2.0}, {2.0, 4.0}}},
                                                   {"3.shortcut.0.weight", Array{7.0}},
                                                   {"5.bias", Array{1.0}},
                                                   {"5.weight", Array{-2.0}}};
    const std::vector<double> norms = ex04::gradient_norm_probe(hand);
    REQUIRE(norms.size() == 3);
    CHECK(norms[0] == Approx(5.0));
    CHECK(norms[1] == Approx(5.0));
    CHECK(norms[2] == Approx(2.0));
    // Against dl::gradient_norms on a real block after a backward pass (shortcut removed).
    dl::Rng rng(9);
    dl::ResidualBlock<float> block(2, 3, 2, rng);
    block.forward(xt::cast<float>(dltest::random_normal({2, 2, 6, 6}, 10)));
    block.backward(xt::cast<float>(dltest::random_normal({2, 3, 3, 3}, 11)));
    std::vector<ex04::NamedGradient> named;
    for (const dl::Parameter<float>* p : block.parameters()) named.push_back({p->name, xt::cast<double>(p->grad)});
    std::vector<double> expected;
    for (const dl::GradientNorm& g : dl::gradient_norms(block)) {
        if (g.parameter.find("shortcut") == std::string::npos) expected.push_back(g.norm);
    }
    const std::vector<double> got = ex04::gradient_norm_probe(named);
    REQUIRE(got.size() == expected.size());
    REQUIRE(got.size() == 2);
    for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i] == Approx(expected[i]).epsilon(1e-5));
}

TEST_CASE("Exercise 4.6: Grad-CAM's weights and map", "[ex04]") {
    // The 2-map example in section 'Where the network looks': α = (0.25, −1), so the map is
    // ReLU(0.25·A₀ − A₁) = ReLU([[−0.75, 0.5], [0.75, 0]]).
    const Array a = {{{1, 2}, {3, 4}}, {{1, 0}, {0, 1}}};
    const Array g = {{{0.25, 0.25}, {0.25, 0.25}}, {{-1, -1}, {-1, -1}}};
    const ex04::GradCamMap hand = ex04::grad_cam_from_gradients(a, g);
    REQUIRE(hand.weights.size() == 2);
    CHECK(hand.weights[0] == Approx(0.25));
    CHECK(hand.weights[1] == Approx(-1.0));
    require_close(hand.map, Array{{0, 0.5}, {0.75, 0}}, "the map of the 2-map example in section 'Where the network looks'");
    // Against dl::grad_cam on a small network: conv → ReLU (3 maps of 5×4), then a head.
    dl::Rng rng(4);
    dl::Sequential<float> model;
    model.add<dl::Conv2d<float>>(1, 3, 3, 1, 1, dl::Init::he, rng);
    model.add<dl::ReLU<float>>();
    model.add<dl::GlobalAvgPool2d<float>>();
    model.add<dl::Linear<float>>(3, 4, dl::Init::he, rng);
    const dl::Tensor<float> x = xt::cast<float>(dltest::random_normal({1, 1, 5, 4}, 12));
    const dl::GradCam cam = dl::grad_cam(model, x, 2, 1);
    const Array activations = xt::cast<double>(xt::view(cam.activations, 0)), gradients = xt::cast<double>(xt::view(cam.gradients, 0));  // (3, 5, 4)
    const ex04::GradCamMap mine = ex04::grad_cam_from_gradients(activations, gradients);
    REQUIRE(mine.weights.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) CHECK(mine.weights[k] == Approx(double(cam.weights[k])).margin(1e-6));
    Array library_map = xt::zeros<double>({5, 4});
    for (std::size_t i = 0; i < 20; ++i) library_map.data()[i] = double(cam.map[i]);
    require_close(mine.map, library_map, "the map against dl::grad_cam", 1e-5);
}

TEST_CASE("Exercise 4.7: invert and centre a photo", "[ex04]") {
    // Section 'Your own photo': a 4×5 white photo with a black 2×1 object at row 1, columns 1-2.
    // The border is white (mean 1 > 0.5): inverted, the object is 1 on 0; b = 0, t = 0.25;
    // the box is 1 row × 2 columns, centred on 4×4 at row 1, column 1.
    Array photo = xt::ones<double>({4, 5});
    photo(1, 1) = photo(1, 2) = 0.0;
    require_close(ex04::invert_and_centre(photo, 4), Array{{0, 0, 0, 0}, {0, 1, 1, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}}, "the 4x5 example in section 'Your own photo'");
    // A light object on a dark, gray background is not inverted; the background's 0.2 is taken
    // off: b = 0.2, t = 0.2 + (1 − 0.2)/4 = 0.4; the box holds the 0.8 and the 1 (and the 0.3 inside it).
    const Array dark = {{0.2, 0.2, 0.2, 0.2}, {0.2, 0.8, 0.3, 0.2}, {0.2, 0.2, 1.0, 0.2}, {0.2, 0.2, 0.2, 0.2}};
    require_close(ex04::invert_and_centre(dark, 3), Array{{0.6, 0.1, 0}, {0, 0.8, 0}, {0, 0, 0}}, "a light object on gray: not inverted, background taken off");
    CHECK_THROWS_AS(ex04::invert_and_centre(photo, 1), std::invalid_argument);
    // Against dl::prepare_like_fashion_mnist on a photo whose object is exactly 28 rows tall,
    // so that the library's scaling to 28 pixels leaves it as it is: 40×50 paper of gray 250
    // with a dark 28×17 object (grays 10 to 120) at row 7, column 20.
    dl::Image8 image{50, 40, 1, std::vector<std::uint8_t>(50 * 40, 250), 8};
    for (int y = 0; y < 28; ++y)
        for (int x = 0; x < 17; ++x) image.pixels[std::size_t(7 + y) * 50 + std::size_t(20 + x)] = std::uint8_t(10 + (y * 7 + x * 13) % 111);
    const dl::PhotoPreparation library = dl::prepare_like_fashion_mnist(image);
    Array as_double = xt::zeros<double>({40, 50});
    for (std::size_t i = 0; i < 40 * 50; ++i) as_double.data()[i] = image.pixels[i] / 255.0;
    Array expected = xt::zeros<double>({28, 28});
    for (std::size_t i = 0; i < 28 * 28; ++i) expected.data()[i] = library.image.pixels[i] / 255.0;
    require_close(ex04::invert_and_centre(as_double, 28), expected, "against dl::prepare_like_fashion_mnist (an object 28 rows tall: no scaling)", 1e-9);
}
