// ReLU, LeakyReLU, ELU, Sigmoid, Tanh: values worked by hand, then gradient checks.
#include "dl/layers/activations.hpp"

#include "../support/gradcheck.hpp"

#include "../support/catch_compat.hpp"

#include <cmath>

using dl::Tensor;

TEST_CASE("activations: values worked by hand", "[activations]") {
    const Tensor<double> x = {-2.0, 0.5};
    dl::ReLU<double> relu;
    CHECK((relu.forward(x) == Tensor<double>{0.0, 0.5}));
    dl::LeakyReLU<double> leaky(0.1);
    CHECK((leaky.forward(x) == Tensor<double>{-0.2, 0.5}));
    dl::ELU<double> elu(1.0);
    const Tensor<double> e = elu.forward(x);
    CHECK(e(0) == Approx(std::exp(-2.0) - 1.0));
    CHECK(e(1) == 0.5);
    dl::Sigmoid<double> sigmoid;
    CHECK((sigmoid.forward(Tensor<double>{0.0})(0) == 0.5));
    CHECK((sigmoid.forward(Tensor<double>{-800.0})(0) == 0.0));  // no overflow in exp
    dl::Tanh<double> tanh_layer;
    CHECK((tanh_layer.forward(Tensor<double>{0.0})(0) == 0.0));
}

TEST_CASE("ReLU backward passes the gradient only where x > 0", "[activations]") {
    dl::ReLU<double> relu;
    relu.forward(Tensor<double>{-1.0, 2.0, -3.0, 4.0});
    CHECK((relu.backward(Tensor<double>{10, 20, 30, 40}) == Tensor<double>{0, 20, 0, 40}));
}

TEST_CASE("activations: gradients match finite differences", "[activations][gradcheck]") {
    // Inputs are kept away from 0 so no finite difference straddles ReLU's kink.
    const Tensor<double> x = dltest::random_away_from_zero({4, 3, 2, 2}, 5, 0.01);
    dl::ReLU<double> relu;
    dl::LeakyReLU<double> leaky(0.2);
    dl::ELU<double> elu(0.7);
    dl::Sigmoid<double> sigmoid;
    dl::Tanh<double> tanh_layer;
    for (dl::Layer<double>* layer : std::initializer_list<dl::Layer<double>*>{&relu, &leaky, &elu, &sigmoid, &tanh_layer}) {
        const auto report = dltest::check_layer(*layer, x);
        INFO(layer->name() << ": " << report.where);
        CHECK(report.worst_error < 1e-7);
    }
}

TEST_CASE("activations: the slope read off y is 0 at x = 0 and where x < 0", "[activations]") {
    // Backward sees only y = f(x): at x = 0 and x < 0 ReLU's y is 0 and its slope must be 0
    // (PyTorch's convention at the kink), and LeakyReLU's must be its negative slope.
    dl::ReLU<double> relu;
    relu.forward(Tensor<double>{0.0, -0.0, -1e-300, 1e-300});
    CHECK((relu.backward(Tensor<double>{1, 1, 1, 1}) == Tensor<double>{0, 0, 0, 1}));
    dl::LeakyReLU<double> leaky(0.25);
    leaky.forward(Tensor<double>{0.0, -4.0, 4.0});
    CHECK((leaky.backward(Tensor<double>{1, 1, 1}) == Tensor<double>{0.25, 0.25, 1}));
}

TEST_CASE("activations: a negative slope or alpha is refused", "[activations]") {
    // With a negative slope, y > 0 would not mean x > 0, and backward could not read the slope off y.
    CHECK_THROWS_WITH(dl::LeakyReLU<float>(-0.1f), dltest::contains("negative slope must be 0 or more"));
    CHECK_THROWS_WITH(dl::ELU<float>(-1.0f), dltest::contains("alpha must be 0 or more"));
}
