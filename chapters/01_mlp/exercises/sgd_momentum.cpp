// Exercise 1.5: one step of SGD with momentum.
#include "exercises.hpp"

#include "dl/exercise.hpp"

namespace ex01 {

void sgd_momentum_step(Matrix& w, const Matrix& grad, Matrix& velocity, double lr, double momentum) {
    // For every element: v = momentum * v + g;  w = w - lr * v
    (void)w, (void)grad, (void)velocity, (void)lr, (void)momentum;
    dl::exercise_not_written("1.5", "SGD with momentum", "chapters/01_mlp/README.md, section 'Optimizers'");
}

}  // namespace ex01
