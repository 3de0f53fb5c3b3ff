// Exercise 6.3: discriminative learning rates.
// Replace the dl::exercise_not_written(...) line with your code.
#include "exercises.hpp"

#include "dl/exercise.hpp"

namespace ex06 {

std::vector<double> discriminative_rates(std::size_t groups, double lr, double ratio) {
    // group k of G: lr / ratio^((G - 1 - k) / (G - 1))
    (void)groups, (void)lr, (void)ratio;
    dl::exercise_not_written("6.3", "discriminative learning rates", "chapters/06_finetune/README.md, section 'Discriminative learning rates'");
}

}  // namespace ex06
