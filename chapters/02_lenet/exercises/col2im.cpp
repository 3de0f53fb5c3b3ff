// Exercise 2.2: col2im.
// Replace the dl::exercise_not_written(...) line with your code.
#include "exercises.hpp"

#include "dl/exercise.hpp"

namespace ex02 {

Array col2im(const Array& col, int channels, int height, int width, int kernel, int stride, int padding) {
    // The reverse walk of im2col: image[c][ih][iw] += col[(c, kh, kw)][oh·OW + ow]
    (void)col, (void)channels, (void)height, (void)width, (void)kernel, (void)stride, (void)padding;
    dl::exercise_not_written("2.2", "col2im", "chapters/02_lenet/README.md, section 'Backward through im2col'");
}

}  // namespace ex02
