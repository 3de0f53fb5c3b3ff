// Exercise 4.2: residual block backward.
// Replace the dl::exercise_not_written(...) line with your code.
#include "exercises.hpp"

#include "dl/exercise.hpp"

namespace ex04 {

ResidualGradients residual_backward(const Array& dy, const Array& sum, const ArrayFunction& branch_backward) {
    // through the ReLU: d_sum = dy where sum > 0, else 0; the sum sends d_sum down both paths; add them at the fork
    (void)dy, (void)sum, (void)branch_backward;
    dl::exercise_not_written("4.2", "residual block backward", "chapters/04_resnet/README.md, section 'Backward through the block'");
}

}  // namespace ex04
