// Exercise 2.1: im2col.
// Replace the dl::exercise_not_written(...) line with your code.
#include "exercises.hpp"

#include "dl/exercise.hpp"

namespace ex02 {

Array im2col(const Array& image, int kernel, int stride, int padding) {
    // col (C·K·K, OH·OW): row (c, kh, kw) holds image[c][oh·s − p + kh][ow·s − p + kw] for each window (oh, ow)
    (void)image, (void)kernel, (void)stride, (void)padding;
    dl::exercise_not_written("2.1", "im2col", "chapters/02_lenet/README.md, section 'Convolution as a matrix product'");
}

}  // namespace ex02
