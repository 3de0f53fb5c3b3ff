// Exercise 1.6: He initialization.
#include "exercises.hpp"

#include "dl/exercise.hpp"

namespace ex01 {

Matrix he_normal(std::size_t fan_out, std::size_t fan_in, dl::Rng& rng) {
    // A (fan_out, fan_in) matrix; each entry rng.normal(0, sqrt(2 / fan_in)).
    (void)fan_out, (void)fan_in, (void)rng;
    dl::exercise_not_written("1.6", "He initialization", "chapters/01_mlp/README.md, section 'Experiment (a): initialization'");
}

}  // namespace ex01
