// Initializers (statistics of the drawn weights) and the seeded random source.
#include "dl/layers/init.hpp"

#include "../support/catch_compat.hpp"

#include <cmath>

namespace {

struct Moments {
    double mean, stddev, within_one_std;
};

Moments moments(const dl::Tensor<double>& w) {
    double sum = 0, sq = 0;
    for (double v : w) sum += v, sq += v * v;
    const double n = double(w.size()), mean = sum / n, sd = std::sqrt(sq / n - mean * mean);
    double within = 0;
    for (double v : w) within += std::abs(v - mean) < sd;
    return {mean, sd, within / n};
}

}  // namespace

TEST_CASE("He init: N(0 - 2/fan_in)", "[init]") {
    dl::Rng rng(1);
    dl::Tensor<double> w = dl::Tensor<double>::from_shape({400, 500});
    dl::initialize(w, dl::Init::he, 500, 400, rng);
    const Moments m = moments(w);
    CHECK(std::abs(m.mean) < 0.002);
    CHECK(m.stddev == Approx(std::sqrt(2.0 / 500)).epsilon(0.01));
    CHECK(m.within_one_std == Approx(0.6827).margin(0.01));  // normal, not uniform (0.577)
}

TEST_CASE("Xavier init: U(-a - a) with a = sqrt(6/(fan_in+fan_out))", "[init]") {
    dl::Rng rng(2);
    dl::Tensor<double> w = dl::Tensor<double>::from_shape({300, 200});
    dl::initialize(w, dl::Init::xavier, 200, 300, rng);
    const double a = std::sqrt(6.0 / 500);
    CHECK((xt::amax(xt::abs(w))() <= a));
    CHECK(moments(w).stddev == Approx(a / std::sqrt(3.0)).epsilon(0.01));
}

TEST_CASE("uniform and zeros init", "[init]") {
    dl::Rng rng(3);
    dl::Tensor<double> w = dl::Tensor<double>::from_shape({100, 100});
    dl::initialize(w, dl::Init::uniform, 100, 100, rng);
    CHECK((xt::amax(xt::abs(w))() <= 0.05));
    CHECK(moments(w).stddev == Approx(0.05 / std::sqrt(3.0)).epsilon(0.02));
    dl::initialize(w, dl::Init::zeros, 100, 100, rng);
    CHECK((xt::amax(xt::abs(w))() == 0.0));
}

TEST_CASE("parse_init names the bad value", "[init]") {
    CHECK(dl::parse_init("he") == dl::Init::he);
    CHECK(dl::init_name(dl::Init::xavier) == "xavier");
    CHECK_THROWS_WITH(dl::parse_init("kaiming"), dltest::contains("'kaiming'"));
}

TEST_CASE("Rng: the same seed gives the same sequence - another seed another", "[random]") {
    dl::Rng a(42), b(42), c(43);
    for (int i = 0; i < 5; ++i) {
        const double x = a.normal(0, 1);
        CHECK(x == b.normal(0, 1));
        CHECK(x != c.normal(0, 1));
    }
    dl::Rng d(7);
    auto order = d.permutation(10);
    std::sort(order.begin(), order.end());
    for (std::size_t i = 0; i < 10; ++i) CHECK(order[i] == i);
}
