// Exercise 6.2: the two-layer head.
// Replace the dl::exercise_not_written(...) line with your code.
#include "exercises.hpp"

#include "dl/exercise.hpp"

namespace ex06 {

dl::Sequential<double> build_head(std::size_t features, std::size_t hidden, std::size_t classes, double dropout, dl::Rng& rng) {
    // head.add<dl::BatchNorm1d<double>>(features); head.add<dl::Dropout<double>>(dropout / 2, rng.index(1u << 30)); ...
    (void)features, (void)hidden, (void)classes, (void)dropout, (void)rng;
    dl::exercise_not_written("6.2", "the two-layer head", "chapters/06_finetune/README.md, section 'A new head'");
}

}  // namespace ex06
