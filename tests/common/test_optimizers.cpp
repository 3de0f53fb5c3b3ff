// SGD (plain, momentum, Nesterov, weight decay), Adam and AdamW against values computed by hand.
#include "dl/optim/adam.hpp"
#include "dl/optim/sgd.hpp"

#include "../support/catch_compat.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

// A one-element parameter with value w and gradient g.
dl::Parameter<double> scalar(double w, double g) {
    return {"w", dl::Tensor<double>{w}, dl::Tensor<double>{g}, false};
}

}  // namespace

TEST_CASE("SGD: plain step w -= lrxg", "[optim]") {
    auto p = scalar(1.0, 0.5);
    dl::SGD<double> sgd(dl::single_group<double>({&p}, 0.1));
    sgd.step();
    CHECK(p.value(0) == Approx(0.95));
}

TEST_CASE("SGD: momentum accumulates velocity", "[optim]") {
    auto p = scalar(1.0, 0.5);
    dl::SGD<double> sgd(dl::single_group<double>({&p}, 0.1), 0.9);
    sgd.step();  // v = 0.5,               w = 1 - 0.05    = 0.95
    sgd.step();  // v = 0.9*0.5 + 0.5 = 0.95, w = 0.95 - 0.095 = 0.855
    CHECK(p.value(0) == Approx(0.855));
}

TEST_CASE("SGD: Nesterov steps along g + muxv", "[optim]") {
    auto p = scalar(1.0, 0.5);
    dl::SGD<double> sgd(dl::single_group<double>({&p}, 0.1), 0.9, true);
    sgd.step();  // v = 0.5, w = 1 - 0.1*(0.5 + 0.45) = 0.905
    CHECK(p.value(0) == Approx(0.905));
}

TEST_CASE("SGD: weight decay adds lambdaxw to the gradient", "[optim]") {
    auto p = scalar(1.0, 0.5);
    dl::SGD<double> sgd(dl::single_group<double>({&p}, 0.1, 0.1));
    sgd.step();  // g = 0.5 + 0.1*1 = 0.6, w = 1 - 0.06
    CHECK(p.value(0) == Approx(0.94));
}

TEST_CASE("Adam: the first steps move each weight by about lr - whatever the gradient's scale", "[optim]") {
    for (double g : {1e-3, 0.5, 100.0}) {
        auto p = scalar(1.0, g);
        dl::Adam<double> adam(dl::single_group<double>({&p}, 0.1));
        const double step = 0.1 * g / (g + 1e-8);  // m̂ = g, v̂ = g²: lr * g / (|g| + eps)
        adam.step();
        CHECK(p.value(0) == Approx(1.0 - step).epsilon(1e-12));
        adam.step();
        CHECK(p.value(0) == Approx(1.0 - 2 * step).epsilon(1e-12));
    }
}

TEST_CASE("Adam: m and v are bias-corrected running averages", "[optim]") {
    auto p = scalar(0.0, 1.0);
    dl::Adam<double> adam(dl::single_group<double>({&p}, 1.0), 0.5, 0.5, 0.0);
    adam.step();  // m = 0.5, v = 0.5, m̂ = 1, v̂ = 1: w = -1
    p.grad(0) = 3.0;
    adam.step();  // m = 0.25+1.5 = 1.75, v = 0.25+4.5 = 4.75; m̂ = 1.75/0.75, v̂ = 4.75/0.75
    CHECK(p.value(0) == Approx(-1.0 - (1.75 / 0.75) / std::sqrt(4.75 / 0.75)));
}

TEST_CASE("AdamW decays the weight directly - Adam's L2 term is normalized away", "[optim]") {
    auto a = scalar(1.0, 0.5), b = scalar(1.0, 0.5);
    dl::Adam<double> adam(dl::single_group<double>({&a}, 0.1, 0.5));
    dl::AdamW<double> adamw(dl::single_group<double>({&b}, 0.1, 0.5));
    adam.step();   // g = 0.5 + 0.5*1 = 1: still a step of lr, w = 0.9
    adamw.step();  // w = 1 - 0.1*0.5*1 = 0.95, then - 0.1 = 0.85
    CHECK(a.value(0) == Approx(0.9));
    CHECK(b.value(0) == Approx(0.85));
}

TEST_CASE("optimizers skip frozen parameters and honour per-group learning rates", "[optim]") {
    auto body = scalar(1.0, 1.0), head = scalar(1.0, 1.0), frozen = scalar(1.0, 1.0);
    frozen.frozen = true;
    std::vector<dl::ParamGroup<double>> groups = {{{&body, &frozen}, 0.01, 0.0, "body"}, {{&head}, 0.1, 0.0, "head"}};
    dl::SGD<double> sgd(groups);
    sgd.step();
    CHECK(body.value(0) == Approx(0.99));
    CHECK(head.value(0) == Approx(0.9));
    CHECK(frozen.value(0) == 1.0);
    sgd.zero_grad();
    CHECK(body.grad(0) == 0.0);
    sgd.set_lr(0.5);
    CHECK(sgd.groups()[0].lr == 0.5);
    CHECK(sgd.groups()[1].lr == 0.5);
}

TEST_CASE("Adam: a parameter unfrozen late gets a fresh bias correction", "[optim]") {
    auto early = scalar(1.0, 0.5), late = scalar(1.0, 0.5);
    late.frozen = true;
    dl::Adam<double> adam(dl::single_group<double>({&early, &late}, 0.1));
    for (int i = 0; i < 5; ++i) adam.step();
    late.frozen = false;
    adam.step();  // late's first update: m̂ = g, v̂ = g², a step of lr (not lr·3 from an old step count)
    CHECK(late.value(0) == Approx(1.0 - 0.1 * 0.5 / (0.5 + 1e-8)).epsilon(1e-12));
}

TEST_CASE("optimizers start a one-element parameter's momentum at zero", "[optim]") {
    // A new, empty xarray also has one element: the state must be created by shape.
    for (int run = 0; run < 20; ++run) {
        auto p = scalar(1.0, 0.5);
        dl::SGD<double> sgd(dl::single_group<double>({&p}, 0.1), 0.9);
        sgd.step();
        CHECK(p.value(0) == Approx(0.95));  // v = g exactly, whatever memory held before
        auto q = scalar(1.0, 0.5);
        dl::Adam<double> adam(dl::single_group<double>({&q}, 0.1));
        adam.step();
        CHECK(q.value(0) == Approx(1.0 - 0.1 * 0.5 / (0.5 + 1e-8)));
    }
}

TEST_CASE("Adam and AdamW: the vectorized, threaded step matches the formula element by element", "[optim]") {
    // 40,000 weights: enough for the update to be shared between the threads. The reference
    // is the formula written out in double, one element at a time, three steps long.
    for (const bool decoupled : {false, true}) {
        const std::size_t n = 40000;
        dl::Parameter<float> p{"w", dl::Tensor<float>::from_shape({n}), dl::Tensor<float>::from_shape({n}), false};
        std::vector<double> w(n), m(n, 0.0), v(n, 0.0);
        for (std::size_t i = 0; i < n; ++i) w[i] = p.value(i) = float(std::sin(0.37 * double(i)));
        const double lr = 0.01, decay = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        dl::Adam<float> adam(dl::single_group<float>({&p}, lr, decay), b1, b2, eps, decoupled);
        for (int t = 1; t <= 3; ++t) {
            for (std::size_t i = 0; i < n; ++i) p.grad(i) = float(std::cos(0.11 * double(i) * t));
            adam.step();
            for (std::size_t i = 0; i < n; ++i) {
                const double g = double(p.grad(i)) + (decoupled ? 0.0 : decay * w[i]);
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                if (decoupled) w[i] -= lr * decay * w[i];
                w[i] -= lr * (m[i] / (1 - std::pow(b1, t))) / (std::sqrt(v[i] / (1 - std::pow(b2, t))) + eps);
            }
        }
        double worst = 0;
        for (std::size_t i = 0; i < n; ++i) worst = std::max(worst, std::abs(double(p.value(i)) - w[i]));
        INFO((decoupled ? "AdamW" : "Adam") << ": worst difference from the formula in double " << worst);
        CHECK(worst < 1e-5);  // float rounding over three steps of size ~0.01
    }
}
