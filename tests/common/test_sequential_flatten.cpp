// Sequential and Flatten: naming, modes, shapes, and a gradient check through a small MLP.
#include "dl/layers/activations.hpp"
#include "dl/layers/flatten.hpp"
#include "dl/layers/linear.hpp"
#include "dl/layers/sequential.hpp"

#include "../support/gradcheck.hpp"

#include "../support/catch_compat.hpp"

TEST_CASE("Flatten: (N C H W) to (N CxHxW) and back", "[flatten]") {
    dl::Flatten<double> flatten;
    const dl::Tensor<double> x = dltest::random_normal({2, 3, 4, 5}, 1);
    const dl::Tensor<double> y = flatten.forward(x);
    CHECK(dl::shape_of(y) == dl::Shape{2, 60});
    CHECK(y(1, 59) == x(1, 2, 3, 4));
    CHECK(dl::shape_of(flatten.backward(y)) == dl::Shape{2, 3, 4, 5});
    const auto report = dltest::check_layer(flatten, x);
    CHECK(report.worst_error < 1e-8);
}

TEST_CASE("Sequential: parameters are named by position and modes propagate", "[sequential]") {
    dl::Rng rng(1);
    dl::Sequential<double> net;
    net.add<dl::Flatten<double>>();
    net.add<dl::Linear<double>>(4, 3, dl::Init::he, rng);
    net.add<dl::ReLU<double>>();
    net.add<dl::Linear<double>>(3, 2, dl::Init::he, rng);
    std::vector<std::string> names;
    for (auto* p : net.parameters()) names.push_back(p->name);
    CHECK(names == std::vector<std::string>{"1.weight", "1.bias", "3.weight", "3.bias"});
    CHECK(dl::parameter_count(net) == 4 * 3 + 3 + 3 * 2 + 2);
    net.eval();
    CHECK_FALSE(net[1].is_training());
    net.train();
    CHECK(net[3].is_training());
}

TEST_CASE("Sequential: gradients through Linear-Tanh-Linear match finite differences", "[sequential][gradcheck]") {
    dl::Rng rng(2);
    dl::Sequential<double> net;
    net.add<dl::Flatten<double>>();
    net.add<dl::Linear<double>>(6, 5, dl::Init::xavier, rng);
    net.add<dl::Tanh<double>>();
    net.add<dl::Linear<double>>(5, 3, dl::Init::xavier, rng);
    const auto report = dltest::check_layer(net, dltest::random_normal({4, 1, 2, 3}, 9));
    INFO(report.where);
    CHECK(report.worst_error < 1e-6);
}
