// Linear: a hand-worked case, then gradient checks.
#include "dl/layers/linear.hpp"

#include "../support/gradcheck.hpp"

#include "../support/catch_compat.hpp"

TEST_CASE("Linear: forward and backward worked by hand", "[linear]") {
    dl::Rng rng(1);
    dl::Linear<double> layer(2, 3, dl::Init::zeros, rng);
    layer.weight().value = {{1, 0}, {0, 1}, {1, 1}};
    layer.bias().value = {0.5, -0.5, 0};
    const dl::Tensor<double> x = {{1, 2}};
    const dl::Tensor<double> y = layer.forward(x);
    CHECK((y == dl::Tensor<double>{{1.5, 1.5, 3}}));
    const dl::Tensor<double> dx = layer.backward(dl::Tensor<double>{{1, 1, 1}});
    CHECK((dx == dl::Tensor<double>{{2, 2}}));                                   // dy W
    CHECK((layer.weight().grad == dl::Tensor<double>{{1, 2}, {1, 2}, {1, 2}}));  // dyᵀ x
    CHECK((layer.bias().grad == dl::Tensor<double>{1, 1, 1}));                   // Σ dy
}

TEST_CASE("Linear: gradients match finite differences", "[linear][gradcheck]") {
    dl::Rng rng(2);
    dl::Linear<double> layer(5, 4, dl::Init::xavier, rng);
    dl::initialize(layer.bias().value, dl::Init::xavier, 4, 4, rng);  // non-zero bias too
    const auto report = dltest::check_layer(layer, dltest::random_normal({3, 5}, 11));
    INFO(report.where);
    CHECK(report.worst_error < 1e-6);
}

TEST_CASE("Linear: a wrongly shaped input is refused with both shapes named", "[linear]") {
    dl::Rng rng(3);
    dl::Linear<float> layer(784, 10, dl::Init::he, rng);
    CHECK_THROWS_WITH(layer.forward(dl::Tensor<float>::from_shape({8, 100})),
                      dltest::contains("Linear(784 -> 10)") && dltest::contains("(8, 100)"));
}
