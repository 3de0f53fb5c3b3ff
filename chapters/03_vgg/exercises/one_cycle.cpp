// Exercise 3.6: the one-cycle schedule.
// Replace the dl::exercise_not_written(...) line with your code.
#include "exercises.hpp"

#include "dl/exercise.hpp"

namespace ex03 {

double one_cycle(double t, double warmup, double div_factor, double final_div) {
    // before warmup: from 1/div_factor up to 1; after: from 1 down to 1/(div_factor·final_div)
    (void)t, (void)warmup, (void)div_factor, (void)final_div;
    dl::exercise_not_written("3.6", "the one-cycle schedule", "chapters/03_vgg/README.md, section 'Learning-rate schedules'");
}

}  // namespace ex03
