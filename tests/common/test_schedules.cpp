// Learning-rate schedules: values at chosen points of training, computed by hand.
#include "dl/optim/schedules.hpp"

#include "../support/catch_compat.hpp"

#include <cmath>

TEST_CASE("schedules: step - cosine - linear and constant", "[schedules][ch03]") {
    const auto step = dl::step_schedule({0.5, 0.75}, 0.1);
    CHECK(step(0.0) == 1.0);
    CHECK(step(0.6) == Approx(0.1));
    CHECK(step(0.8) == Approx(0.01));
    const auto cosine = dl::cosine_schedule();
    CHECK(cosine(0.0) == Approx(1.0));
    CHECK(cosine(0.5) == Approx(0.5));   // half-way down the half wave
    CHECK(cosine(0.25) == Approx(0.5 * (1 + std::cos(3.14159265358979 / 4))));
    CHECK(dl::linear_decay_schedule()(0.25) == Approx(0.75));
    CHECK(dl::constant_schedule()(0.9) == 1.0);
}

TEST_CASE("schedules: cyclical triangles and the one cycle", "[schedules][ch03]") {
    const auto cyclical = dl::cyclical_schedule(2, 0.1);  // two cycles: peaks at t = 0.25 and 0.75
    CHECK(cyclical(0.0) == Approx(0.1));
    CHECK(cyclical(0.25) == Approx(1.0));
    CHECK(cyclical(0.5) == Approx(0.1).margin(1e-12));
    CHECK(cyclical(0.125) == Approx(0.55));  // half-way up the first triangle
    const auto one_cycle = dl::one_cycle_schedule(0.3, 25.0, 1e4);
    CHECK(one_cycle(0.0) == Approx(1.0 / 25));
    CHECK(one_cycle(0.3) == Approx(1.0));
    CHECK(one_cycle(0.15) == Approx((1.0 + 1.0 / 25) / 2));  // cosine: half-way in value at half-way in time
    CHECK(one_cycle(0.999999) == Approx(1.0 / 25e4).margin(1e-9));
    CHECK_THROWS_WITH(dl::make_schedule("triangle"), dltest::contains("'triangle'"));
    CHECK(dl::make_schedule("one-cycle")(0.3) == Approx(1.0));
}
