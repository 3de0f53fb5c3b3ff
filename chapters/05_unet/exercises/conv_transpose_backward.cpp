// Exercise 5.2: transposed convolution backward.
// Replace the dl::exercise_not_written(...) line with your code.
#include "exercises.hpp"

#include "dl/exercise.hpp"

namespace ex05 {

ConvTransposeGradients conv_transpose_backward(const Array& dy, const Array& x, const Array& weight, int stride, int padding) {
    // The same loops as 5.1, reading dy where 5.1 wrote y: dx[c,i,j] += dy[...]·W, dW[c,f,kh,kw] += dy[...]·x[c,i,j]
    (void)dy, (void)x, (void)weight, (void)stride, (void)padding;
    dl::exercise_not_written("5.2", "transposed convolution backward", "chapters/05_unet/README.md, section 'Transposed convolution'");
}

}  // namespace ex05
