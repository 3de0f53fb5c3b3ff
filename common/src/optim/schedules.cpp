#include "dl/optim/schedules.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace dl {

namespace {
constexpr double kPi = 3.14159265358979323846;

// Cosine interpolation from a (at u = 0) to b (at u = 1).
double cosine_between(double a, double b, double u) { return b + (a - b) * 0.5 * (1.0 + std::cos(kPi * u)); }
}  // namespace

Schedule constant_schedule() {
    return [](double) { return 1.0; };
}

Schedule linear_decay_schedule() {
    return [](double t) { return 1.0 - t; };
}

Schedule step_schedule(std::vector<double> milestones, double gamma) {
    return [milestones, gamma](double t) {
        double factor = 1.0;
        for (double m : milestones) {
            if (t >= m) factor *= gamma;
        }
        return factor;
    };
}

Schedule cosine_schedule(double final_factor) {
    return [final_factor](double t) { return cosine_between(1.0, final_factor, t); };
}

Schedule cyclical_schedule(int cycles, double min_factor) {
    if (cycles < 1) throw std::invalid_argument("cyclical_schedule: cycles must be at least 1");
    return [cycles, min_factor](double t) {
        const double phase = t * cycles - std::floor(t * cycles);  // position in the current cycle
        const double triangle = 1.0 - std::abs(2.0 * phase - 1.0);  // 0 → 1 → 0
        return min_factor + (1.0 - min_factor) * triangle;
    };
}

Schedule one_cycle_schedule(double warmup, double div_factor, double final_div) {
    if (warmup <= 0.0 || warmup >= 1.0) throw std::invalid_argument("one_cycle_schedule: warmup must be in (0, 1)");
    return [warmup, div_factor, final_div](double t) {
        if (t < warmup) return cosine_between(1.0 / div_factor, 1.0, t / warmup);
        return cosine_between(1.0, 1.0 / (div_factor * final_div), (t - warmup) / (1.0 - warmup));
    };
}

Schedule make_schedule(const std::string& name) {
    if (name == "none") return constant_schedule();
    if (name == "linear") return linear_decay_schedule();
    if (name == "step") return step_schedule();
    if (name == "cosine") return cosine_schedule();
    if (name == "cyclical") return cyclical_schedule();
    if (name == "one-cycle") return one_cycle_schedule();
    throw std::invalid_argument("unknown learning-rate schedule '" + name + "' (expected none, linear, step, cosine, cyclical or one-cycle)");
}

}  // namespace dl
