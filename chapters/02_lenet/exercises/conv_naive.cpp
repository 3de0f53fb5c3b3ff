// Exercise 2.5: naive convolution.
// Replace the dl::exercise_not_written(...) line with your code.
#include "exercises.hpp"

#include "dl/exercise.hpp"

namespace ex02 {

Array conv2d_naive(const Array& x, const Array& w, const Array& b, int stride, int padding) {
    // y[n][f][oh][ow] = b[f] + sum over c, kh, kw of w[f][c][kh][kw] · x[n][c][oh·s − p + kh][ow·s − p + kw]
    (void)x, (void)w, (void)b, (void)stride, (void)padding;
    dl::exercise_not_written("2.5", "naive convolution", "chapters/02_lenet/README.md, section 'Convolution, the definition'");
}

}  // namespace ex02
