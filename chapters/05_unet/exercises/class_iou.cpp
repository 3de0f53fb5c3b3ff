// Exercise 5.5: IoU per class.
// Replace the dl::exercise_not_written(...) line with your code.
#include "exercises.hpp"

#include "dl/exercise.hpp"

namespace ex05 {

std::vector<double> class_iou(const std::vector<int>& predicted, const std::vector<int>& truth, int classes) {
    // count intersection and union per class
    (void)predicted, (void)truth, (void)classes;
    dl::exercise_not_written("5.5", "IoU per class", "chapters/05_unet/README.md, section 'Measuring a segmentation: IoU'");
}

}  // namespace ex05
