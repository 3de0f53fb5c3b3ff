// Exercise 5.1: transposed convolution forward.
// Replace the dl::exercise_not_written(...) line with your code.
#include "exercises.hpp"

#include "dl/exercise.hpp"

namespace ex05 {

Array conv_transpose_forward(const Array& x, const Array& weight, int stride, int padding) {
    // y = zeros (F, OH, OW); for every (c, i, j) and (f, kh, kw): scatter x[c,i,j]·W[c,f,kh,kw]
    (void)x, (void)weight, (void)stride, (void)padding;
    dl::exercise_not_written("5.1", "transposed convolution forward", "chapters/05_unet/README.md, section 'Transposed convolution'");
}

}  // namespace ex05
